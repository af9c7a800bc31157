// Vertical / horizontal bars: simple, grouped and stacked share one engine.
// Orientation is decided from measured label widths: vertical is preferred,
// but if any category label needs more than two lines under its bar the
// chart turns horizontal, where labels get a measured left column.

struct BarChart {
    enum Mode { case single, grouped, stacked }

    let spec: ChartSpec
    let mode: Mode
    let forceHorizontal: Bool
    let ticks: TickSet
    let drawn: [Int]          // series indices drawn
    let patternID: (Int) -> String?

    static let valueSize = 11.0

    init(spec: ChartSpec, mode: Mode, orientation: Orientation, patternID: @escaping (Int) -> String?) {
        self.spec = spec
        self.patternID = patternID
        // `.bars` with several series degrades to grouped rather than dropping data.
        self.mode = (mode == .single && spec.series.count > 1) ? .grouped : mode
        self.forceHorizontal = orientation == .horizontal
        self.drawn = mode == .single && spec.series.count <= 1 ? (spec.series.isEmpty ? [] : [0]) : Array(spec.series.indices)
        var lo = 0.0, hi = 0.0   // bars are zero-based: zero is always in the domain
        for i in spec.categories.indices {
            if self.mode == .stacked {
                var pos = 0.0, neg = 0.0
                for s in drawn { if let v = spec.value(s, i) { if v >= 0 { pos += v } else { neg += v } } }
                hi = max(hi, pos); lo = min(lo, neg)
            } else {
                for s in drawn { if let v = spec.value(s, i) { hi = max(hi, v); lo = min(lo, v) } }
            }
        }
        ticks = Ticks.nice(min: lo, max: hi, target: 5)
    }

    var n: Int { spec.categories.count }

    func valueText(_ s: Int, _ v: Double) -> String {
        NumberFormat.format(v, decimals: spec.series[s].decimals, grouping: spec.grouping)
    }

    func tooltip(_ s: Int, _ i: Int, _ v: Double?) -> String {
        let val = v.map { valueText(s, $0) + spec.unitSuffix } ?? "无数据"
        let name = spec.series.count > 1 ? " · " + spec.series[s].name : ""
        return spec.categories[i] + name + "：" + val
    }

    // MARK: layout

    struct Layout {
        var horizontal: Bool
        var labels: [[String]]
        var catColumn: Double   // horizontal: width of the label column
    }

    private var tickW: Double { Axes.maxTickWidth(ticks, grouping: spec.grouping) }

    private func verticalInner(_ plotW: Double) -> Double { plotW - (tickW + 8) - 4 }

    func layout(plotWidth: Double) -> Layout {
        if !forceHorizontal && n > 0 {
            let band = BandScale(count: n, range: (0, verticalInner(plotWidth)))
            var labels: [[String]] = []
            var ok = band.step >= Axes.catSize * 1.2
            for c in spec.categories where ok {
                if let l = TextMeasure.balancedWrap(c, maxWidth: band.step - 4, fontSize: Axes.catSize, maxLines: 2) { labels.append(l) } else { ok = false }
            }
            if ok { return Layout(horizontal: false, labels: labels, catColumn: 0) }
        }
        let maxCol = plotWidth * 0.35
        let labels = spec.categories.map { TextMeasure.wrapTruncating($0, maxWidth: maxCol, fontSize: Axes.catSize, maxLines: 2) }
        let col = labels.flatMap { $0 }.map { TextMeasure.width($0, fontSize: Axes.catSize) }.max() ?? 0
        return Layout(horizontal: true, labels: labels, catColumn: min(maxCol, col))
    }

    private func unitCaptionHeight() -> Double { (spec.unit?.isEmpty == false) ? 18 : 6 }

    /// Minimum plot height: horizontal bars need a readable row per category,
    /// so the SVG grows taller instead of squeezing bars.
    func minPlotHeight(_ l: Layout) -> Double {
        guard l.horizontal else { return 160 }
        let perBar = mode == .grouped ? Double(drawn.count) * 12 + 10 : 24
        let rows = l.labels.map { max(perBar, Double($0.count) * Axes.catLine + 8) }.reduce(0, +)
        return rows / 0.9 + 24 + unitCaptionHeight()
    }

    // MARK: drawing

    func draw(_ w: inout SVGWriter, plot: Rect, layout l: Layout) {
        if l.horizontal { drawHorizontal(&w, plot: plot, layout: l) } else { drawVertical(&w, plot: plot, layout: l) }
    }

    private func fill(_ s: Int) -> String { patternID(s).map { "url(#\($0))" } ?? Palette.series(s).fill }

    private func barRect(_ w: inout SVGWriter, x: Double, y: Double, width: Double, height: Double, s: Int, title: String) {
        w.start("rect")
        w.attr("x", x)
        w.attr("y", y)
        w.attr("width", max(0, width))
        w.attr("height", max(0, height))
        w.attr("fill", fill(s))
        if let st = Palette.series(s).stroke {
            w.attr("stroke", st)
            w.attr("stroke-width", literal: "0.8")
        }
        w.endOpen()
        w.element("title", text: title)
        w.close("rect")
    }

    /// Sub-bands for each drawn series inside one category band.
    private func slots(start: Double, width: Double) -> [(Int, Double, Double)] {
        if mode == .grouped && drawn.count > 1 {
            let sub = BandScale(count: drawn.count, range: (start, start + width), paddingInner: 0.08, paddingOuter: 0)
            return drawn.enumerated().map { (k, s) in (s, sub.start(k), sub.bandwidth) }
        }
        return drawn.map { ($0, start, width) }
    }

    /// Bars get at most this thick so 2–3 categories don't become slabs.
    private func band(count: Int, range: (Double, Double)) -> BandScale {
        var b = BandScale(count: count, range: range)
        let maxBand = mode == .grouped ? Double(max(1, drawn.count)) * 36 : 56
        if b.bandwidth > maxBand {
            b = BandScale(count: count, range: range, paddingInner: 1 - maxBand / b.step, paddingOuter: 0.1)
        }
        return b
    }

    private func drawVertical(_ w: inout SVGWriter, plot: Rect, layout l: Layout) {
        let labelLines = Double(l.labels.map { $0.count }.max() ?? 1)
        let caption = unitCaptionHeight()
        let valueHead = spec.showValueLabels ? 12.0 : 0
        let area = Rect(x: plot.x + tickW + 8, y: plot.y + caption + valueHead, w: verticalInner(plot.w),
                        h: max(20, plot.h - caption - valueHead - labelLines * Axes.catLine - 8))
        let vs = LinearScale(domain: (ticks.lower, ticks.upper), range: (area.bottom, area.y))
        if let u = spec.unit, !u.isEmpty { Axes.drawUnit(&w, "单位：" + u, x: plot.x, y: plot.y + 11) }
        Axes.drawY(&w, ticks: ticks, scale: vs, plot: area, grouping: spec.grouping)
        let b = band(count: n, range: (area.x, area.right))
        let zero = vs(0)

        // Value labels only if every one fits across its bar slot; a partial
        // set would look like missing data.
        var labelsOn = spec.showValueLabels && mode != .stacked
        if labelsOn {
            for i in 0..<n {
                for (s, _, sw) in slots(start: b.start(i), width: b.bandwidth) {
                    if let v = spec.value(s, i) {
                        // Room = the slot's full step (bar + its share of the gap) minus a
                        // small margin, so neighbouring labels never touch.
                        let room = mode == .single ? b.step - 2 : sw / 0.92 - 3
                        if TextMeasure.width(valueText(s, v), fontSize: Self.valueSize) > room { labelsOn = false }
                    }
                }
            }
        }

        w.openGroup("bars")
        for i in 0..<n {
            var pos = 0.0, neg = 0.0
            for (s, sx, sw) in slots(start: b.start(i), width: b.bandwidth) {
                guard let v = spec.value(s, i) else {
                    if mode != .stacked {
                        w.text("—", x: sx + sw / 2, y: zero - 3, anchor: .middle, size: 10, fill: Palette.muted)
                    }
                    continue
                }
                var v0 = 0.0, v1 = v
                if mode == .stacked {
                    if v >= 0 { v0 = pos; pos += v; v1 = pos } else { v0 = neg; neg += v; v1 = neg }
                }
                let y0 = vs(v0), y1 = vs(v1)
                barRect(&w, x: sx, y: min(y0, y1), width: sw, height: abs(y1 - y0), s: s, title: tooltip(s, i, v))
                let text = valueText(s, v)
                let style = Palette.series(s)
                if mode == .stacked {
                    // Inside the segment only, and only when it fits both ways.
                    if spec.showValueLabels && abs(y1 - y0) >= 14 && TextMeasure.width(text, fontSize: Self.valueSize) <= sw - 4 {
                        w.text(text, x: sx + sw / 2, y: (y0 + y1) / 2 + 4, anchor: .middle,
                               size: Self.valueSize, fill: style.pattern == nil ? style.ink : Palette.ink,
                               extra: style.pattern == nil ? [] : SVGWriter.halo)
                    }
                } else if labelsOn {
                    let h = abs(y1 - y0)
                    if v >= 0 {
                        let outY = y1 - 4
                        if outY - 10 >= area.y - valueHead {
                            w.text(text, x: sx + sw / 2, y: outY, anchor: .middle, size: Self.valueSize)
                        } else if h >= 16 {
                            w.text(text, x: sx + sw / 2, y: y1 + 13, anchor: .middle, size: Self.valueSize, fill: style.ink)
                        }
                    } else {
                        let outY = y1 + 13
                        if outY <= area.bottom {
                            w.text(text, x: sx + sw / 2, y: outY, anchor: .middle, size: Self.valueSize)
                        } else if h >= 16 {
                            w.text(text, x: sx + sw / 2, y: y1 - 4, anchor: .middle, size: Self.valueSize, fill: style.ink)
                        }
                    }
                }
            }
            // Stack total above the column, only when no part is missing
            // (a partial sum would misstate the total) and it fits the step.
            if mode == .stacked && spec.showValueLabels && !drawn.isEmpty && drawn.allSatisfy({ spec.value($0, i) != nil }) && pos > 0 {
                let d = drawn.map { spec.series[$0].decimals }.max() ?? 0
                let text = NumberFormat.format(pos, decimals: d, grouping: spec.grouping)
                if TextMeasure.width(text, fontSize: Self.valueSize) <= b.step - 2 {
                    w.text(text, x: b.center(i), y: vs(pos) - 4, anchor: .middle, size: Self.valueSize, bold: true)
                }
            }
        }
        w.close("g")
        Axes.rule(&w, x: area.x, y: zero, .horizontal, to: area.right, stroke: Palette.axis)
        w.openGroup("categories")
        for i in 0..<n {
            w.textLines(l.labels[i], x: b.center(i), y: area.bottom + 16, lineHeight: Axes.catLine, anchor: .middle, size: Axes.catSize)
        }
        w.close("g")
    }

    private func drawHorizontal(_ w: inout SVGWriter, plot: Rect, layout l: Layout) {
        let caption = unitCaptionHeight()
        // Right margin: room for outside value labels, and half the last
        // tick label which is centred on the plot edge.
        var right = TextMeasure.width(Axes.tickLabel(ticks.upper, ticks, grouping: spec.grouping), fontSize: Axes.tickSize) / 2 + 2
        if spec.showValueLabels && mode != .stacked {
            for i in 0..<n { for s in drawn { if let v = spec.value(s, i), v >= 0 {
                right = max(right, TextMeasure.width(valueText(s, v), fontSize: Self.valueSize) + 8) } } }
        }
        var left = l.catColumn + 8
        let firstTick = TextMeasure.width(Axes.tickLabel(ticks.lower, ticks, grouping: spec.grouping), fontSize: Axes.tickSize) / 2
        left = max(left, firstTick)
        let area = Rect(x: plot.x + left, y: plot.y + caption, w: max(20, plot.w - left - right), h: max(20, plot.h - caption - 22))
        let xs = LinearScale(domain: (ticks.lower, ticks.upper), range: (area.x, area.right))
        if let u = spec.unit, !u.isEmpty { Axes.drawUnit(&w, "单位：" + u, x: plot.x, y: plot.y + 11) }
        Axes.drawX(&w, ticks: ticks, scale: xs, plot: area, grouping: spec.grouping)
        var b = band(count: n, range: (area.y, area.bottom))
        if b.bandwidth < 4 { b = BandScale(count: n, range: (area.y, area.bottom), paddingInner: 0.1, paddingOuter: 0.05) }
        let zero = xs(0)
        w.openGroup("bars")
        for i in 0..<n {
            var pos = 0.0, neg = 0.0
            for (s, sy, sh) in slots(start: b.start(i), width: b.bandwidth) {
                guard let v = spec.value(s, i) else {
                    if mode != .stacked {
                        w.text("—", x: zero + 4, y: sy + sh / 2 + 4, size: 10, fill: Palette.muted)
                    }
                    continue
                }
                var v0 = 0.0, v1 = v
                if mode == .stacked {
                    if v >= 0 { v0 = pos; pos += v; v1 = pos } else { v0 = neg; neg += v; v1 = neg }
                }
                let x0 = xs(v0), x1 = xs(v1)
                barRect(&w, x: min(x0, x1), y: sy, width: abs(x1 - x0), height: sh, s: s, title: tooltip(s, i, v))
                guard spec.showValueLabels, sh >= 10 else { continue }
                let text = valueText(s, v)
                let tw = TextMeasure.width(text, fontSize: Self.valueSize)
                let style = Palette.series(s)
                let cy = sy + sh / 2 + 4
                let len = abs(x1 - x0)
                if mode == .stacked {
                    if len >= tw + 6 && sh >= 13 {
                        w.text(text, x: (x0 + x1) / 2, y: cy, anchor: .middle, size: Self.valueSize,
                               fill: style.pattern == nil ? style.ink : Palette.ink,
                               extra: style.pattern == nil ? [] : SVGWriter.halo)
                    }
                } else if v >= 0 {
                    if x1 + 4 + tw <= area.right + right {
                        w.text(text, x: x1 + 4, y: cy, size: Self.valueSize)
                    } else if len >= tw + 8 {
                        w.text(text, x: x1 - 4, y: cy, anchor: .end, size: Self.valueSize, fill: style.ink)
                    }
                } else {
                    if x1 - 4 - tw >= area.x {
                        w.text(text, x: x1 - 4, y: cy, anchor: .end, size: Self.valueSize)
                    } else if len >= tw + 8 {
                        w.text(text, x: x1 + 4, y: cy, size: Self.valueSize, fill: style.ink)
                    }
                }
            }
        }
        w.close("g")
        Axes.rule(&w, x: zero, y: area.y, .vertical, to: area.bottom, stroke: Palette.axis)
        w.openGroup("categories")
        for i in 0..<n {
            let lines = l.labels[i]
            let y = b.center(i) - Double(lines.count - 1) * Axes.catLine / 2 + 4
            w.textLines(lines, x: area.x - 8, y: y, lineHeight: Axes.catLine, anchor: .end, size: Axes.catSize)
        }
        w.close("g")
    }
}
