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
        w.open("g", [("class", right ? "axis y2" : "axis y")])
        for t in ticks.values {
            let y = scale(t)
            if grid {
                w.empty("path", [("d", "M\(fmt(plot.x)) \(fmt(y))H\(fmt(plot.right))"),
                                 ("stroke", t == 0 ? Palette.axis : Palette.grid), ("stroke-width", "1")])
            }
            let x = right ? plot.right + 6 : plot.x - 6
            w.textLines([tickLabel(t, ticks, grouping: grouping, percent: percent)], x: x, y: y + 4, lineHeight: 0,
                        anchor: right ? "start" : "end", size: tickSize, fill: Palette.muted)
        }
        w.close("g")
    }

    /// Value axis along x (horizontal bars) with vertical gridlines.
    static func drawX(_ w: inout SVGWriter, ticks: TickSet, scale: LinearScale, plot: Rect, grouping: Bool) {
        w.open("g", [("class", "axis x")])
        for t in ticks.values {
            let x = scale(t)
            w.empty("path", [("d", "M\(fmt(x)) \(fmt(plot.y))V\(fmt(plot.bottom))"),
                             ("stroke", t == 0 ? Palette.axis : Palette.grid), ("stroke-width", "1")])
            w.textLines([tickLabel(t, ticks, grouping: grouping)], x: x, y: plot.bottom + 15, lineHeight: 0,
                        anchor: "middle", size: tickSize, fill: Palette.muted)
        }
        w.close("g")
    }

    /// "单位：…" caption; placed above the value axis so it never collides
    /// with tick labels.
    static func drawUnit(_ w: inout SVGWriter, _ text: String, x: Double, y: Double, anchor: String = "start") {
        w.textLines([text], x: x, y: y, lineHeight: 0, anchor: anchor, size: tickSize, fill: Palette.muted)
    }

    /// Bottom baseline under a category axis.
    static func baseline(_ w: inout SVGWriter, plot: Rect) {
        w.empty("path", [("d", "M\(fmt(plot.x)) \(fmt(plot.bottom))H\(fmt(plot.right))"),
                         ("stroke", Palette.axis), ("stroke-width", "1")])
    }
}
