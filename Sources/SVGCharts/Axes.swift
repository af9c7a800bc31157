// Axis drawing shared by bar and line charts: gridlines at nice ticks,
// tick labels, the zero baseline, and the unit caption ("单位：亿美元").

enum Axes {
    static let tickSize = 11.0
    static let catSize = 12.0
    static let catLine = 14.0

    static func tickLabel(_ v: Double, _ ticks: TickSet, grouping: Bool, percent: Bool = false) -> String {
        let s = NumberFormat.format(v, decimals: ticks.decimals, grouping: grouping)
        return percent ? s + "%" : s
    }

    /// Widest tick label, used to size the margin beside a y axis.
    static func maxTickWidth(_ ticks: TickSet, grouping: Bool, percent: Bool = false) -> Double {
        ticks.values.map { TextMeasure.width(tickLabel($0, ticks, grouping: grouping, percent: percent), fontSize: tickSize) }.max() ?? 0
    }

    /// Value axis along y (left or right side) with horizontal gridlines.
    static func drawY(_ w: inout SVGWriter, ticks: TickSet, scale: LinearScale, plot: Rect,
                      grouping: Bool, right: Bool = false, percent: Bool = false, grid: Bool = true) {
        w.openGroup(right ? "axis y2" : "axis y")
        for t in ticks.values {
            let y = scale(t)
            if grid { rule(&w, x: plot.x, y: y, .horizontal, to: plot.right, stroke: t == 0 ? Palette.axis : Palette.grid) }
            let x = right ? plot.right + 6 : plot.x - 6
            w.text(tickLabel(t, ticks, grouping: grouping, percent: percent), x: x, y: y + 4,
                   anchor: right ? .start : .end, size: tickSize, fill: Palette.muted)
        }
        w.close("g")
    }

    /// Value axis along x (horizontal bars) with vertical gridlines.
    static func drawX(_ w: inout SVGWriter, ticks: TickSet, scale: LinearScale, plot: Rect, grouping: Bool) {
        w.openGroup("axis x")
        for t in ticks.values {
            let x = scale(t)
            rule(&w, x: x, y: plot.y, .vertical, to: plot.bottom, stroke: t == 0 ? Palette.axis : Palette.grid)
            w.text(tickLabel(t, ticks, grouping: grouping), x: x, y: plot.bottom + 15,
                   anchor: .middle, size: tickSize, fill: Palette.muted)
        }
        w.close("g")
    }

    enum Direction { case horizontal, vertical }

    /// A one-pixel line from (x, y) to `to` along `direction` (`<path d="Mx yHto"…/>`):
    /// gridlines, baselines and zero lines.
    static func rule(_ w: inout SVGWriter, x: Double, y: Double, _ direction: Direction, to: Double, stroke: String) {
        w.start("path")
        w.beginAttr("d")
        w.pathPoint(UInt8(ascii: "M"), x, y)
        w.pathCoordinate(direction == .horizontal ? UInt8(ascii: "H") : UInt8(ascii: "V"), to)
        w.endAttr()
        w.attr("stroke", stroke)
        w.attr("stroke-width", literal: "1")
        w.endEmpty()
    }

    /// "单位：…" caption; placed above the value axis so it never collides
    /// with tick labels.
    static func drawUnit(_ w: inout SVGWriter, _ text: String, x: Double, y: Double, anchor: SVGWriter.Anchor = .start) {
        w.text(text, x: x, y: y, anchor: anchor, size: tickSize, fill: Palette.muted)
    }

    /// Bottom baseline under a category axis.
    static func baseline(_ w: inout SVGWriter, plot: Rect) {
        rule(&w, x: plot.x, y: plot.bottom, .horizontal, to: plot.right, stroke: Palette.axis)
    }
}
