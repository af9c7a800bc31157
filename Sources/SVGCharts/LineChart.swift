// Line chart. Gaps are honest: a nil value ends the current path and a new
// <path> starts at the next value — nothing is interpolated. An isolated
// point between two gaps is drawn as a marker so it does not vanish.
// Series listed as "secondary" are percentages on a right-hand axis.

struct LineChart {
    let spec: ChartSpec
    let secondary: Set<Int>
    let primaryTicks: TickSet
    let secondaryTicks: TickSet?

    init(spec: ChartSpec, secondary: [Int]) {
        self.spec = spec
        let sec = Set(secondary.filter { spec.series.indices.contains($0) })
        self.secondary = sec
        func range(_ idx: [Int]) -> (Double, Double)? {
            var lo = Double.infinity, hi = -Double.infinity
            for s in idx { for i in spec.categories.indices { if let v = spec.value(s, i) { lo = min(lo, v); hi = max(hi, v) } } }
            return lo <= hi ? (lo, hi) : nil
        }
        let prim = spec.series.indices.filter { !sec.contains($0) }
        if let (lo, hi) = range(prim) {
            // Include zero when the data sit reasonably close to it (min below
            // half the max); otherwise a zero baseline would flatten the trend.
            let includeZero = lo >= 0 ? lo <= hi * 0.5 : hi <= 0 && hi >= lo * 0.5
            primaryTicks = Ticks.nice(min: includeZero ? min(0, lo) : lo, max: includeZero ? max(0, hi) : hi, target: 5)
        } else {
            primaryTicks = Ticks.nice(min: 0, max: 1, target: 5)
        }
        if sec.isEmpty {
            secondaryTicks = nil
        } else {
            let (lo, hi) = range(Array(sec).sorted()) ?? (0, 100)
            secondaryTicks = Ticks.nice(min: min(0, lo), max: max(0, hi), target: 5)
        }
    }

    var n: Int { spec.categories.count }

    func valueText(_ s: Int, _ v: Double) -> String {
        let t = NumberFormat.format(v, decimals: spec.series[s].decimals, grouping: spec.grouping)
        return secondary.contains(s) ? t + "%" : t + spec.unitSuffix
    }

    /// Splits one series into runs of consecutive present values.
    static func segments(_ values: [Double?]) -> [[(Int, Double)]] {
        var out: [[(Int, Double)]] = []
        var cur: [(Int, Double)] = []
        for (i, v) in values.enumerated() {
            if let v, v.isFinite { cur.append((i, v)) } else if !cur.isEmpty { out.append(cur); cur = [] }
        }
        if !cur.isEmpty { out.append(cur) }
        return out
    }

    func draw(_ w: inout SVGWriter, plot: Rect) {
        let leftW = Axes.maxTickWidth(primaryTicks, grouping: spec.grouping) + 8
        let rightW = secondaryTicks.map { Axes.maxTickWidth($0, grouping: false, percent: true) + 8 } ?? 12
        let caption = 24.0
        let area = Rect(x: plot.x + leftW, y: plot.y + caption, w: max(20, plot.w - leftW - rightW), h: max(20, plot.h - caption - 24))
        let ys = LinearScale(domain: (primaryTicks.lower, primaryTicks.upper), range: (area.bottom, area.y))
        let y2 = secondaryTicks.map { LinearScale(domain: ($0.lower, $0.upper), range: (area.bottom, area.y)) }
        let xb = BandScale(count: n, range: (area.x, area.right), paddingInner: 0, paddingOuter: 0)

        if let u = spec.unit, !u.isEmpty { Axes.drawUnit(&w, "单位：" + u, x: plot.x, y: plot.y + 11) }
        if secondaryTicks != nil { Axes.drawUnit(&w, "占比（%）", x: plot.right, y: plot.y + 11, anchor: .end) }
        Axes.drawY(&w, ticks: primaryTicks, scale: ys, plot: area, grouping: spec.grouping)
        if let t2 = secondaryTicks, let y2 {
            // No second set of gridlines: two grids on one plot are unreadable.
            Axes.drawY(&w, ticks: t2, scale: y2, plot: area, grouping: false, right: true, percent: true, grid: false)
        }
        Axes.baseline(&w, plot: area)

        // X labels: thin to every k-th so neighbours never touch.
        let labelW = spec.categories.map { TextMeasure.width($0, fontSize: Axes.tickSize) }.max() ?? 0
        let k = max(1, Int((labelW + 8) / max(1, xb.step)) + 1)
        w.openGroup("categories")
        for i in 0..<n where i % k == 0 {
            let maxW = xb.step * Double(k) - 4
            let text = TextMeasure.wrapTruncating(spec.categories[i], maxWidth: maxW, fontSize: Axes.tickSize, maxLines: 1)[0]
            w.text(text, x: xb.center(i), y: area.bottom + 16, anchor: .middle, size: Axes.tickSize, fill: Palette.muted)
        }
        w.close("g")

        let markerSize = n <= 30 ? 3.5 : 2.5
        for s in spec.series.indices {
            let style = Palette.series(s)
            let scale = secondary.contains(s) ? (y2 ?? ys) : ys
            let values = (0..<n).map { spec.value(s, $0) }
            w.open("g", [("class", "series"), ("data-series", String(s))])
            for seg in Self.segments(values) where seg.count > 1 {
                w.start("path")
                w.beginAttr("d")
                for (j, (i, v)) in seg.enumerated() { w.pathPoint(UInt8(ascii: j == 0 ? "M" : "L"), xb.center(i), scale(v)) }
                w.endAttr()
                w.attr("fill", literal: "none")
                w.attr("stroke", style.fill)
                w.attr("stroke-width", literal: "2")
                w.attr("stroke-linejoin", literal: "round")
                w.attr("stroke-linecap", literal: "round")
                if !style.dash.isEmpty { w.attr("stroke-dasharray", style.dash) }
                w.endEmpty()
            }
            for seg in Self.segments(values) {
                for (i, v) in seg where n <= 40 || seg.count == 1 {
                    Marker.draw(&w, shape: style.marker, x: xb.center(i), y: scale(v), size: markerSize, style: style,
                                title: spec.categories[i] + " · " + spec.series[s].name + "：" + valueText(s, v))
                }
            }
            w.close("g")
        }
    }
}
