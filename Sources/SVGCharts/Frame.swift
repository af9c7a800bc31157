// The parts every chart shares: the visible title on top, the legend, the
// notes/source footer, and the accessible <svg> root. Heights are measured
// first so the plot gets exactly the space that is left.

struct LegendItem {
    enum Kind { case swatch, line }
    let label: String
    let style: SeriesStyle
    let kind: Kind
    let seriesIndex: Int
}

struct Rect {
    var x, y, w, h: Double
    var right: Double { x + w }
    var bottom: Double { y + h }
}

struct Frame {
    static let pad = 12.0
    static let titleSize = 16.0
    static let titleLine = 21.0
    static let legendSize = 12.0
    static let legendRow = 20.0
    static let footSize = 11.0
    static let footLine = 15.0

    let width: Double
    let titleLines: [String]
    let legendRows: [[(item: LegendItem, x: Double)]]
    let footLines: [String]

    init(width: Double, title: String?, legend: [LegendItem], notes: [String], source: String?) {
        self.width = width
        let inner = max(40, width - 2 * Frame.pad)
        if let title, !title.isEmpty {
            titleLines = TextMeasure.wrapTruncating(title, maxWidth: inner, fontSize: Frame.titleSize, maxLines: 2)
        } else {
            titleLines = []
        }
        // Legend flows left to right, wrapping to new rows as needed.
        var rows: [[(item: LegendItem, x: Double)]] = []
        var row: [(item: LegendItem, x: Double)] = []
        var x = 0.0
        for item in legend {
            let sample = item.kind == .line ? 26.0 : 12.0
            let maxText = max(20, inner - sample - 6)
            let text = TextMeasure.wrapTruncating(item.label, maxWidth: maxText, fontSize: Frame.legendSize, maxLines: 1)[0]
            let w = sample + 6 + TextMeasure.width(text, fontSize: Frame.legendSize) + 16
            if x + w > inner + 16, !row.isEmpty { rows.append(row); row = []; x = 0 }
            row.append((LegendItem(label: text, style: item.style, kind: item.kind, seriesIndex: item.seriesIndex), x))
            x += w
        }
        if !row.isEmpty { rows.append(row) }
        legendRows = rows
        var foot: [String] = []
        for n in notes where !n.isEmpty {
            foot += TextMeasure.wrapTruncating(n, maxWidth: inner, fontSize: Frame.footSize, maxLines: 3)
        }
        if let source, !source.isEmpty {
            foot += TextMeasure.wrapTruncating("来源：" + source, maxWidth: inner, fontSize: Frame.footSize, maxLines: 2)
        }
        footLines = foot
    }

    var headerHeight: Double {
        var h = Frame.pad
        if !titleLines.isEmpty { h += Double(titleLines.count) * Frame.titleLine + 4 }
        if !legendRows.isEmpty { h += Double(legendRows.count) * Frame.legendRow + 2 }
        return h
    }

    var footerHeight: Double {
        footLines.isEmpty ? Frame.pad : Double(footLines.count) * Frame.footLine + Frame.pad + 6
    }

    /// Plot rectangle for a document of total height `height`.
    func plotRect(height: Double) -> Rect {
        Rect(x: Frame.pad, y: headerHeight, w: width - 2 * Frame.pad, h: max(10, height - headerHeight - footerHeight))
    }

    func drawHeader(_ w: inout SVGWriter, patternID: (Int) -> String?) {
        var y = Frame.pad
        if !titleLines.isEmpty {
            w.textLines(titleLines, x: Frame.pad, y: y + 15, lineHeight: Frame.titleLine,
                        size: Frame.titleSize, bold: true)
            y += Double(titleLines.count) * Frame.titleLine + 4
        }
        for row in legendRows {
            w.openGroup("legend")
            for (item, x0) in row {
                let x = Frame.pad + x0
                let cy = y + 10
                switch item.kind {
                case .swatch:
                    w.start("rect")
                    w.attr("x", x)
                    w.attr("y", cy - 6)
                    w.attr("width", literal: "12")
                    w.attr("height", literal: "12")
                    w.attr("fill", patternID(item.seriesIndex).map { "url(#\($0))" } ?? item.style.fill)
                    if let s = item.style.stroke {
                        w.attr("stroke", s)
                        w.attr("stroke-width", literal: "0.8")
                    }
                    w.endEmpty()
                    w.text(item.label, x: x + 18, y: cy + 4, size: Frame.legendSize)
                case .line:
                    w.start("path")
                    w.beginAttr("d")
                    w.pathPoint(UInt8(ascii: "M"), x, cy)
                    w.pathCoordinate(UInt8(ascii: "H"), x + 26)
                    w.endAttr()
                    w.attr("stroke", item.style.fill)
                    w.attr("stroke-width", literal: "2")
                    w.attr("fill", literal: "none")
                    if !item.style.dash.isEmpty { w.attr("stroke-dasharray", item.style.dash) }
                    w.endEmpty()
                    Marker.draw(&w, shape: item.style.marker, x: x + 13, y: cy, size: 4, style: item.style)
                    w.text(item.label, x: x + 32, y: cy + 4, size: Frame.legendSize)
                }
            }
            w.close("g")
            y += Frame.legendRow
        }
    }

    func drawFooter(_ w: inout SVGWriter, height: Double) {
        guard !footLines.isEmpty else { return }
        let top = height - Frame.pad - Double(footLines.count) * Frame.footLine + 10
        w.textLines(footLines, x: Frame.pad, y: top, lineHeight: Frame.footLine, size: Frame.footSize, fill: Palette.muted)
    }

    static let fontFamily = "'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"
    /// `xmlEscape(fontFamily)`, as a constant (a test checks the two agree).
    static let escapedFontFamily: StaticString = "&#39;Noto Sans CJK SC&#39;, &#39;PingFang SC&#39;, &#39;Microsoft YaHei&#39;, sans-serif"

    /// Wraps `body` (the parts in order) in the accessible root element. `role` is "img" unless
    /// the content holds links (tile maps), which role="img" would hide from AT. Parts written
    /// by `SVGWriter(indented: true)` are already indented for their place inside the root.
    static func document(id: String, width: Double, height: Double, title: String, desc: String,
                         defs: [String], body: [SVGWriter], role: StaticString = "img") -> String {
        var w = SVGWriter()
        w.start("svg")
        w.attr("xmlns", literal: "http://www.w3.org/2000/svg")
        w.attr("width", width)
        w.attr("height", height)
        w.beginAttr("viewBox")
        w.literal("0 0 ")
        w.number(width)
        w.literal(" ")
        w.number(height)
        w.endAttr()
        w.attr("role", literal: role)
        w.beginAttr("aria-labelledby")
        w.escaped(id)
        w.literal("-title ")
        w.escaped(id)
        w.literal("-desc")
        w.endAttr()
        w.attr("font-family", literal: escapedFontFamily)
        w.attr("style", literal: "max-width:100%;height:auto")
        w.endOpen()
        var inner = SVGWriter(indented: true)
        inner.element("title", [("id", id + "-title")], text: title)
        inner.element("desc", [("id", id + "-desc")], text: desc)
        if !defs.isEmpty {
            inner.open("defs")
            for d in defs { inner.raw(d) }
            inner.close("defs")
        }
        inner.start("rect")
        inner.attr("width", width)
        inner.attr("height", height)
        inner.attr("fill", Palette.background)
        inner.endEmpty()
        w.append(inner)
        var unindented: [UInt8] = []
        for part in body {
            if part.indented {
                w.append(part)
            } else {
                unindented.removeAll(keepingCapacity: true)
                indent(part.bytes, into: &unindented)
                w.append(bytes: unindented)
            }
        }
        w.literal("</svg>\n")
        return w.text
    }

    /// "  " before every non-empty line, as `split(separator: "\n")` → prefix → `joined` did:
    /// a line ends at a "\n" Character, i.e. an LF not preceded by CR ("\r\n" is one Character).
    /// Lines are copied whole.
    static func indent(_ s: [UInt8], into out: inout [UInt8]) {
        s.withUnsafeBufferPointer { u in
            var start = 0
            while start <= u.count {
                var end = start
                while end < u.count && !(u[end] == 0x0A && (end == 0 || u[end - 1] != 0x0D)) { end += 1 }
                if end > start {
                    out.append(0x20)
                    out.append(0x20)
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: u[start ..< end]))
                }
                if end < u.count { out.append(0x0A) }
                start = end + 1
            }
        }
    }
}

enum Marker {
    /// Draws a point marker; shapes differ per series so lines stay
    /// distinguishable without colour.
    static func draw(_ w: inout SVGWriter, shape: MarkerShape, x: Double, y: Double, size r: Double,
                     style: SeriesStyle, title: String? = nil) {
        let name: StaticString
        switch shape {
        case .circle:
            name = "circle"
            w.start(name)
            w.attr("cx", x)
            w.attr("cy", y)
            w.attr("r", r)
        case .square:
            name = "rect"
            w.start(name)
            w.attr("x", x - r)
            w.attr("y", y - r)
            w.attr("width", 2 * r)
            w.attr("height", 2 * r)
        case .triangle:
            name = "path"
            w.start(name)
            w.beginAttr("d")
            w.pathPoint(UInt8(ascii: "M"), x, y - r * 1.2)
            w.pathPoint(UInt8(ascii: "L"), x + r * 1.1, y + r * 0.8)
            w.pathPoint(UInt8(ascii: "L"), x - r * 1.1, y + r * 0.8)
            w.literal("Z")
            w.endAttr()
        case .diamond:
            name = "path"
            w.start(name)
            w.beginAttr("d")
            w.pathPoint(UInt8(ascii: "M"), x, y - r * 1.3)
            w.pathPoint(UInt8(ascii: "L"), x + r * 1.3, y)
            w.pathPoint(UInt8(ascii: "L"), x, y + r * 1.3)
            w.pathPoint(UInt8(ascii: "L"), x - r * 1.3, y)
            w.literal("Z")
            w.endAttr()
        case .cross:
            name = "path"
            w.start(name)
            w.beginAttr("d")
            w.pathPoint(UInt8(ascii: "M"), x - r, y - r)
            w.pathPoint(UInt8(ascii: "L"), x + r, y + r)
            w.pathPoint(UInt8(ascii: "M"), x - r, y + r)
            w.pathPoint(UInt8(ascii: "L"), x + r, y - r)
            w.endAttr()
        }
        if shape == .cross {
            w.attr("stroke", style.fill)
            w.attr("stroke-width", literal: "2")
            w.attr("fill", literal: "none")
        } else {
            w.attr("fill", style.fill)
            w.attr("stroke", literal: "#ffffff")
            w.attr("stroke-width", literal: "1")
        }
        if let title {
            w.endOpen()
            w.element("title", text: title)
            w.close(name)
        } else {
            w.endEmpty()
        }
    }
}
