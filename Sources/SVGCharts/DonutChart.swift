import Foundation

// Donut for shares of a whole (first series only). Negative, zero and
// missing values cannot be shares, so they are left out and listed in the
// legend as "—" rather than silently dropped. Slices start at 12 o'clock and
// run clockwise in data order; the legend on the right carries the exact
// values and percentages so the arcs need not be read precisely.

struct DonutChart {
    let spec: ChartSpec
    let patternID: (Int) -> String?

    var values: [Double?] { spec.categories.indices.map { spec.value(0, $0) } }

    func draw(_ w: inout SVGWriter, plot: Rect) {
        let n = spec.categories.count
        let vals = values
        let total = vals.compactMap { $0 }.filter { $0 > 0 }.reduce(0, +)
        let decimals = spec.series.first?.decimals ?? 0

        // Legend column gets what the ring leaves; ring at most ~45% of width.
        let r = max(20, min(plot.h / 2 - 4, plot.w * 0.45 / 2))
        let inner = r * 0.58
        let cx = plot.x + r + 4, cy = plot.y + plot.h / 2
        let legendX = cx + r + 24
        let legendW = max(40, plot.right - legendX)

        w.openGroup("slices")
        var angle = 0.0
        if total > 0 {
            for i in 0..<n {
                guard let v = vals[i], v > 0 else { continue }
                let frac = v / total
                let a0 = angle, a1 = angle + frac * 2 * Double.pi
                angle = a1
                let fillRef = patternID(i).map { "url(#\($0))" } ?? Palette.series(i).fill
                var a: SVGWriter.Attrs = [("d", arcPath(cx: cx, cy: cy, r: r, inner: inner, a0: a0, a1: a1)), ("fill", fillRef),
                                          ("stroke", "#ffffff"), ("stroke-width", "1.5")]
                if Palette.series(i).stroke != nil { a.append(("stroke-linejoin", "round")) }
                w.open("path", a)
                w.element("title", text: spec.categories[i] + "：" + NumberFormat.format(v, decimals: decimals, grouping: spec.grouping) + spec.unitSuffix + "（" + NumberFormat.percent(frac * 100, decimals: 1) + "）")
                w.close("path")
                // Percentage on the ring only where the arc is long enough.
                let mid = (a0 + a1) / 2, rm = (r + inner) / 2
                let label = NumberFormat.percent(frac * 100, decimals: frac < 0.1 ? 1 : 0)
                let arcLen = (a1 - a0) * rm
                if arcLen >= TextMeasure.width(label, fontSize: 11) + 6 && r - inner >= 14 {
                    let st = Palette.series(i)
                    w.text(label, x: cx + rm * sin(mid), y: cy - rm * cos(mid) + 4, anchor: .middle,
                           size: 11, fill: st.pattern == nil ? st.ink : Palette.ink,
                           extra: st.pattern == nil ? [] : SVGWriter.halo)
                }
            }
        } else {
            w.empty("circle", [("cx", fmt(cx)), ("cy", fmt(cy)), ("r", fmt((r + inner) / 2)), ("fill", "none"),
                               ("stroke", Palette.missing), ("stroke-width", fmt(r - inner))])
        }
        w.close("g")

        // Total in the hole, if it fits.
        let totalText = NumberFormat.format(total, decimals: decimals, grouping: spec.grouping)
        if TextMeasure.width(totalText, fontSize: 16) <= inner * 1.7 {
            w.text(totalText, x: cx, y: cy + 2, anchor: .middle, size: 16, bold: true)
            let sub = "合计" + ((spec.unit?.isEmpty == false) ? "（\(spec.unit!)）" : "")
            if TextMeasure.width(sub, fontSize: 11) <= inner * 1.8 {
                w.text(sub, x: cx, y: cy + 18, anchor: .middle, size: 11, fill: Palette.muted)
            }
        }

        // Legend list: swatch, name, value, share.
        let row = min(22.0, max(14.0, plot.h / Double(max(1, n))))
        var y = cy - row * Double(n) / 2 + row / 2
        w.openGroup("legend")
        for i in 0..<n {
            let v = vals[i]
            let valid = (v ?? 0) > 0 && total > 0
            let fillRef = valid ? (patternID(i).map { "url(#\($0))" } ?? Palette.series(i).fill) : Palette.missing
            var a: SVGWriter.Attrs = [("x", fmt(legendX)), ("y", fmt(y - 6)), ("width", "12"), ("height", "12"), ("fill", fillRef)]
            if valid, let st = Palette.series(i).stroke { a += [("stroke", st), ("stroke-width", "0.8")] }
            w.empty("rect", a)
            let detail: String
            if let v, valid {
                detail = NumberFormat.format(v, decimals: decimals, grouping: spec.grouping) + "（" + NumberFormat.percent(v / total * 100, decimals: 1) + "）"
            } else {
                detail = v.map { NumberFormat.format($0, decimals: decimals, grouping: spec.grouping) } ?? "—"
            }
            let detailW = TextMeasure.width(detail, fontSize: 12)
            let nameW = max(24, legendW - 18 - detailW - 8)
            let name = TextMeasure.wrapTruncating(spec.categories[i], maxWidth: nameW, fontSize: 12, maxLines: 1)[0]
            w.text(name, x: legendX + 18, y: y + 4, size: 12)
            w.text(detail, x: plot.right, y: y + 4, anchor: .end, size: 12, fill: Palette.muted)
            y += row
        }
        w.close("g")
    }

    /// Ring segment between angles a0…a1 (radians, 0 = 12 o'clock,
    /// clockwise). A full circle is split in two arcs because SVG cannot draw
    /// a 360° arc whose end point equals its start.
    func arcPath(cx: Double, cy: Double, r: Double, inner: Double, a0: Double, a1: Double) -> String {
        if a1 - a0 >= 2 * Double.pi - 1e-6 {
            let m = a0 + Double.pi
            return arcPath(cx: cx, cy: cy, r: r, inner: inner, a0: a0, a1: m) + arcPath(cx: cx, cy: cy, r: r, inner: inner, a0: m, a1: a1 - 1e-9)
        }
        func pt(_ rad: Double, _ a: Double) -> String { fmt(cx + rad * sin(a)) + " " + fmt(cy - rad * cos(a)) }
        let large = a1 - a0 > Double.pi ? 1 : 0
        return "M" + pt(r, a0) + "A" + fmt(r) + " " + fmt(r) + " 0 \(large) 1 " + pt(r, a1)
            + "L" + pt(inner, a1) + "A" + fmt(inner) + " " + fmt(inner) + " 0 \(large) 0 " + pt(inner, a0) + "Z"
    }
}
