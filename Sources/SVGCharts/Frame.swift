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
                        size: Frame.titleSize, weight: "bold")
            y += Double(titleLines.count) * Frame.titleLine + 4
        }
        for row in legendRows {
            w.open("g", [("class", "legend")])
            for (item, x0) in row {
                let x = Frame.pad + x0
                let cy = y + 10
                switch item.kind {
                case .swatch:
                    var a: SVGWriter.Attrs = [("x", fmt(x)), ("y", fmt(cy - 6)), ("width", "12"), ("height", "12"),
                                              ("fill", patternID(item.seriesIndex).map { "url(#\($0))" } ?? item.style.fill)]
                    if let s = item.style.stroke { a += [("stroke", s), ("stroke-width", "0.8")] }
                    w.empty("rect", a)
                    w.textLines([item.label], x: x + 18, y: cy + 4, lineHeight: 0, size: Frame.legendSize)
                case .line:
                    var a: SVGWriter.Attrs = [("d", "M\(fmt(x)) \(fmt(cy))H\(fmt(x + 26))"), ("stroke", item.style.fill),
                                              ("stroke-width", "2"), ("fill", "none")]
                    if !item.style.dash.isEmpty { a.append(("stroke-dasharray", item.style.dash)) }
                    w.empty("path", a)
                    Marker.draw(&w, shape: item.style.marker, x: x + 13, y: cy, size: 4, style: item.style)
                    w.textLines([item.label], x: x + 32, y: cy + 4, lineHeight: 0, size: Frame.legendSize)
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
    static let escapedFontFamily = xmlEscape(fontFamily)  // its quotes make escaping it slow

    /// Wraps `body` (the parts in order) in the accessible root element. `role` is "img" unless
    /// the content holds links (tile maps), which role="img" would hide from AT.
    static func document(id: String, width: Double, height: Double, title: String, desc: String,
                         defs: [String], body: [SVGWriter], role: String = "img") -> String {
        var w = SVGWriter()
        w.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(fmt(width))\" height=\"\(fmt(height))\" viewBox=\"0 0 \(fmt(width)) \(fmt(height))\" role=\"\(role)\" aria-labelledby=\"\(xmlEscape(id))-title \(xmlEscape(id))-desc\" font-family=\"\(escapedFontFamily)\" style=\"max-width:100%;height:auto\">")
        var inner = SVGWriter()
        inner.element("title", [("id", id + "-title")], text: title)
        inner.element("desc", [("id", id + "-desc")], text: desc)
        if !defs.isEmpty {
            inner.open("defs")
            for d in defs { inner.raw(d) }
            inner.close("defs")
        }
        inner.empty("rect", [("width", fmt(width)), ("height", fmt(height)), ("fill", Palette.background)])
        var out = w.bytes
        out.reserveCapacity(w.bytes.count + body.reduce(inner.bytes.count) { $0 + $1.bytes.count } * 9 / 8 + 16)
        indent(inner.bytes, into: &out)
        indent(body.count == 1 ? body[0].bytes : body.flatMap(\.bytes), into: &out)
        out.append(contentsOf: "</svg>\n".utf8)
        return String(decoding: out, as: UTF8.self)
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
        let attrs: SVGWriter.Attrs
        let name: String
        switch shape {
        case .circle:
            name = "circle"; attrs = [("cx", fmt(x)), ("cy", fmt(y)), ("r", fmt(r))]
        case .square:
            name = "rect"; attrs = [("x", fmt(x - r)), ("y", fmt(y - r)), ("width", fmt(2 * r)), ("height", fmt(2 * r))]
        case .triangle:
            name = "path"; attrs = [("d", "M\(fmt(x)) \(fmt(y - r * 1.2))L\(fmt(x + r * 1.1)) \(fmt(y + r * 0.8))L\(fmt(x - r * 1.1)) \(fmt(y + r * 0.8))Z")]
        case .diamond:
            name = "path"; attrs = [("d", "M\(fmt(x)) \(fmt(y - r * 1.3))L\(fmt(x + r * 1.3)) \(fmt(y))L\(fmt(x)) \(fmt(y + r * 1.3))L\(fmt(x - r * 1.3)) \(fmt(y))Z")]
        case .cross:
            name = "path"; attrs = [("d", "M\(fmt(x - r)) \(fmt(y - r))L\(fmt(x + r)) \(fmt(y + r))M\(fmt(x - r)) \(fmt(y + r))L\(fmt(x + r)) \(fmt(y - r))")]
        }
        var a = attrs
        if shape == .cross {
            a += [("stroke", style.fill), ("stroke-width", "2"), ("fill", "none")]
        } else {
            a += [("fill", style.fill), ("stroke", "#ffffff"), ("stroke-width", "1")]
        }
        if let title {
            w.open(name, a)
            w.element("title", text: title)
            w.close(name)
        } else {
            w.empty(name, a)
        }
    }
}
