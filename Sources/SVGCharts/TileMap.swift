// Tile-grid map: one equal square per place at (column, row). Avoids the
// area bias and border questions of real maps. Tiles are separated by a
// thin white gutter only — no drawn borders. Colour = value bin on the
// sequential ramp; missing = grey + hatch. Tiles with a URL are links.

public struct Tile: Sendable, Equatable {
    public var id: String
    public var label: String
    public var column: Int
    public var row: Int
    public var value: Double?
    public var url: String?

    public init(id: String, label: String, column: Int, row: Int, value: Double?, url: String? = nil) {
        self.id = id
        self.label = label
        self.column = column
        self.row = row
        self.value = value
        self.url = url
    }
}

public struct TileMap: Sendable {
    public var title: String
    public var description: String
    public var unit: String?
    public var source: String?
    public var note: String?
    public var tiles: [Tile]
    public var decimals: Int
    public var width: Double
    /// Approximate number of value bins (nice boundaries decide the exact count).
    public var bins: Int
    public var showTitle: Bool
    public var idPrefix: String?

    public init(title: String, description: String = "", unit: String? = nil, source: String? = nil,
                note: String? = nil, tiles: [Tile], decimals: Int = 0, width: Double = 640, bins: Int = 5,
                showTitle: Bool = true, idPrefix: String? = nil) {
        self.title = title
        self.description = description
        self.unit = unit
        self.source = source
        self.note = note
        self.tiles = tiles
        self.decimals = max(0, min(decimals, 10))
        self.width = width
        self.bins = bins
        self.showTitle = showTitle
        self.idPrefix = idPrefix
    }

    var resolvedID: String {
        if let idPrefix, !idPrefix.isEmpty { return idPrefix }
        // stableID([title, unit ?? ""] + each tile as "id|column|row|value" ("-": no value)).
        var h = StableIDHasher()
        h.add(title)
        h.endPart()
        h.add(unit ?? "")
        h.endPart()
        for t in tiles {
            h.add(t.id)
            h.add("|")
            h.add(t.column)
            h.add("|")
            h.add(t.row)
            h.add("|")
            if let v = t.value { h.add(v) } else { h.add("-") }
            h.endPart()
        }
        return h.id
    }

    var present: [Double] { tiles.compactMap { $0.value }.filter { $0.isFinite } }

    /// Bin boundaries from nice ticks over the value range, so legend labels
    /// are round numbers (0–200, 200–400, …).
    public var binEdges: [Double] {
        guard let lo = present.min(), let hi = present.max() else { return [] }
        return Ticks.nice(min: lo, max: hi == lo ? lo + 1 : hi, target: max(2, bins)).values
    }

    func binIndex(_ v: Double, edges: [Double]) -> Int {
        guard edges.count >= 2 else { return 0 }
        for k in 1..<edges.count where v < edges[k] { return k - 1 }
        return edges.count - 2
    }

    /// Same data as a one-series ChartSpec, for DataTable.html / csv.
    public func asChartSpec() -> ChartSpec {
        let sorted = tiles.sorted { ($0.row, $0.column, $0.id) < ($1.row, $1.column, $1.id) }
        return ChartSpec(title: title, description: description, unit: unit, source: source, note: note,
                         kind: .bars(.horizontal), categories: sorted.map { $0.label },
                         series: [Series(name: "数值", values: sorted.map { $0.value }, decimals: decimals)],
                         categoryHeader: "地区")
    }

    /// Tile labels let clicks through to the tile's link.
    static let passive: SVGWriter.Attrs = [("pointer-events", "none")]

    public func render() -> String {
        let id = resolvedID
        let width = max(160, width.isFinite ? width : 640)
        let hasMissing = tiles.contains { $0.value == nil || !($0.value!.isFinite) }
        var notes: [String] = []
        var parts: [String] = []
        if hasMissing { parts.append("灰色斜线表示无数据") }
        if let note, !note.isEmpty { parts.append(note) }
        if !parts.isEmpty { notes.append("注：" + parts.joined(separator: "；")) }
        let frame = Frame(width: width, title: showTitle ? title : nil, legend: [], notes: notes, source: source)

        // Clamp grid coordinates so absurd input cannot overflow Int maths.
        let grid = tiles.map { t -> Tile in
            var c = t; c.column = max(-1000, min(1000, t.column)); c.row = max(-1000, min(1000, t.row)); return c
        }
        let minCol = grid.map { $0.column }.min() ?? 0, maxCol = grid.map { $0.column }.max() ?? 0
        let minRow = grid.map { $0.row }.min() ?? 0, maxRow = grid.map { $0.row }.max() ?? 0
        let cols = max(1, maxCol - minCol + 1), rows = max(1, maxRow - minRow + 1)
        let inner = width - 2 * Frame.pad
        let cell = min(64, max(8, (inner / Double(cols)).rounded(.down)))
        let gutter = cell >= 20 ? 2.0 : 1.0
        let gridW = cell * Double(cols)
        let x0 = Frame.pad + ((inner - gridW) / 2).rounded(.down)
        let unitH = (unit?.isEmpty == false) ? 18.0 : 0
        let top = frame.headerHeight + unitH
        let gridH = cell * Double(rows)

        let edges = binEdges
        let steps = Palette.sequentialSteps(max(1, edges.count - 1))
        let fontSize = min(12, max(7, cell * 0.28))

        var defs: [String] = []
        let missingPattern = "\(id)-na"
        if hasMissing { defs.append(Palette.patternDef(id: missingPattern, kind: .hatch, fill: Palette.missing, line: "#bdbdbd")) }

        var body = SVGWriter(indented: true)
        frame.drawHeader(&body, patternID: { _ in nil })
        if let u = unit, !u.isEmpty { Axes.drawUnit(&body, "单位：" + u, x: Frame.pad, y: frame.headerHeight + 11) }

        body.openGroup("tiles")
        // Stable drawing order (row, column, id) regardless of input order.
        let ordered = grid.sorted { ($0.row, $0.column, $0.id) < ($1.row, $1.column, $1.id) }
        for t in ordered {
            let x = x0 + Double(t.column - minCol) * cell
            let y = top + Double(t.row - minRow) * cell
            let v = t.value.flatMap { $0.isFinite ? $0 : nil }
            let fill: String, ink: String
            if let v {
                let c = steps[min(steps.count - 1, binIndex(v, edges: edges))]
                fill = c.fill; ink = c.lightness < 55 ? "#ffffff" : Palette.ink
            } else {
                fill = "url(#\(missingPattern))"; ink = Palette.ink
            }
            let valueText = v.map { NumberFormat.format($0, decimals: decimals) + (unit.map { $0.isEmpty ? "" : " " + $0 } ?? "") } ?? "无数据"
            let tip = t.label + "：" + valueText
            let link = t.url.flatMap { $0.isEmpty ? nil : $0 }
            if let link { body.open("a", [("href", link), ("aria-label", tip)]) }
            body.open("g", [("class", "tile"), ("data-id", t.id)])
            body.element("title", text: tip)
            body.start("rect")
            body.attr("x", x + gutter / 2)
            body.attr("y", y + gutter / 2)
            body.attr("width", cell - gutter)
            body.attr("height", cell - gutter)
            body.attr("fill", fill)
            body.endEmpty()
            // Full label if it fits, else the short id, else nothing.
            let room = cell - gutter - 4
            let text = TextMeasure.width(t.label, fontSize: fontSize) <= room ? t.label
                : (TextMeasure.width(t.id, fontSize: fontSize) <= room ? t.id : "")
            if !text.isEmpty && cell >= 16 {
                body.text(text, x: x + cell / 2, y: y + cell / 2 + fontSize * 0.35, anchor: .middle,
                          size: fontSize, fill: ink, extra: Self.passive)
            }
            body.close("g")
            if link != nil { body.close("a") }
        }
        body.close("g")

        // Legend: one swatch per bin with its range, plus "无数据".
        var ly = top + gridH + 14
        var lx = Frame.pad
        let tickSet = Ticks.nice(min: edges.first ?? 0, max: edges.last ?? 1, target: max(2, bins))
        let legendDecimals = max(tickSet.decimals, 0)
        var items: [(String, String)] = []
        if edges.count >= 2 {
            for k in 0..<(edges.count - 1) {
                items.append((steps[k].fill, NumberFormat.format(edges[k], decimals: legendDecimals) + "–" + NumberFormat.format(edges[k + 1], decimals: legendDecimals)))
            }
        }
        if hasMissing { items.append(("url(#\(missingPattern))", "无数据")) }
        body.openGroup("legend")
        for (fill, label) in items {
            let w = max(44, TextMeasure.width(label, fontSize: 11) + 6)
            if lx + w > width - Frame.pad { lx = Frame.pad; ly += 34 }
            body.start("rect")
            body.attr("x", lx)
            body.attr("y", ly)
            body.attr("width", w - 4)
            body.attr("height", literal: "10")
            body.attr("fill", fill)
            body.endEmpty()
            body.text(label, x: lx, y: ly + 24, size: 11, fill: Palette.muted)
            lx += w
        }
        body.close("g")
        let height = ly + 30 + frame.footerHeight
        frame.drawFooter(&body, height: height)

        let desc = description.isEmpty
            ? "方块地图，\(tiles.count) 个地区，颜色越深数值越大" + ((unit?.isEmpty == false) ? "，单位：\(unit!)" : "") + "。数据见下表。"
            : description
        let anyLink = tiles.contains { ($0.url ?? "").isEmpty == false }
        return Frame.document(id: id, width: width, height: height, title: title, desc: desc, defs: defs,
                              body: [body], role: anyLink ? "group" : "img")
    }
}
