// Entry point: ChartSpec → SVG string. Assembles frame (title, legend,
// footer) around the kind-specific plot, then wraps it in the accessible root.

public enum SVGChart {
    public static func render(_ spec: ChartSpec) -> String {
        let id = spec.resolvedID
        let width = max(120, spec.width.isFinite ? spec.width : 640)
        var height = max(80, spec.height.isFinite ? spec.height : 400)

        // Patterns only for series whose palette entry asks for one.
        let patternCount: Int
        switch spec.kind {
        case .donut: patternCount = spec.categories.count
        case .lines: patternCount = 0
        default: patternCount = spec.series.count
        }
        var defs: [String] = []
        var patternIDs: [Int: String] = [:]
        for i in 0..<patternCount {
            let st = Palette.series(i)
            if let p = st.pattern {
                let pid = "\(id)-p\(i)"
                patternIDs[i] = pid
                defs.append(Palette.patternDef(id: pid, kind: p, fill: st.fill))
            }
        }
        let patternID: (Int) -> String? = { patternIDs[$0] }

        // Legend: needed when more than one series is drawn (donut has its own).
        var legend: [LegendItem] = []
        switch spec.kind {
        case .donut: break
        case .lines(let sec):
            if spec.series.count > 1 || !sec.isEmpty {
                legend = spec.series.indices.map {
                    LegendItem(label: spec.series[$0].name + (sec.contains($0) ? "（%，右轴）" : ""),
                               style: Palette.series($0), kind: .line, seriesIndex: $0)
                }
            }
        default:
            if spec.series.count > 1 {
                legend = spec.series.indices.map { LegendItem(label: spec.series[$0].name, style: Palette.series($0), kind: .swatch, seriesIndex: $0) }
            }
        }

        var notes: [String] = []
        var noteParts: [String] = []
        if spec.hasMissing, let m = spec.missingNote, !m.isEmpty { noteParts.append(m) }
        if let note = spec.note, !note.isEmpty { noteParts.append(note) }
        if !noteParts.isEmpty { notes.append("注：" + noteParts.joined(separator: "；")) }

        let frame = Frame(width: width, title: spec.showTitle ? spec.title : nil, legend: legend, notes: notes, source: spec.source)
        var body = SVGWriter(indented: true)
        let plotW = frame.plotRect(height: height).w

        switch spec.kind {
        case .bars(let o), .groupedBars(let o), .stackedBars(let o):
            let mode: BarChart.Mode
            switch spec.kind {
            case .groupedBars: mode = .grouped
            case .stackedBars: mode = .stacked
            default: mode = .single
            }
            let chart = BarChart(spec: spec, mode: mode, orientation: o, patternID: patternID)
            let layout = chart.layout(plotWidth: plotW)
            // Grow (never shrink) to give every horizontal bar a readable row.
            height = max(height, frame.headerHeight + frame.footerHeight + chart.minPlotHeight(layout))
            chart.draw(&body, plot: frame.plotRect(height: height), layout: layout)
        case .lines(let sec):
            LineChart(spec: spec, secondary: sec).draw(&body, plot: frame.plotRect(height: height))
        case .donut:
            height = max(height, frame.headerHeight + frame.footerHeight + Double(spec.categories.count) * 16 + 8)
            DonutChart(spec: spec, patternID: patternID).draw(&body, plot: frame.plotRect(height: height))
        }

        var all = SVGWriter(indented: true)
        frame.drawHeader(&all, patternID: patternID)
        var foot = SVGWriter(indented: true)
        frame.drawFooter(&foot, height: height)
        return Frame.document(id: id, width: width, height: height, title: spec.title,
                              desc: description(spec), defs: defs, body: [all, body, foot])
    }

    /// `<desc>`: the author's description, or a factual summary so screen
    /// reader users always learn what kind of chart and how much data it holds.
    static func description(_ spec: ChartSpec) -> String {
        if !spec.description.isEmpty { return spec.description }
        let kind: String
        switch spec.kind {
        case .bars: kind = "柱状图"
        case .groupedBars: kind = "分组柱状图"
        case .stackedBars: kind = "堆积柱状图"
        case .lines: kind = "折线图"
        case .donut: kind = "环形图"
        }
        var s = "\(kind)，\(spec.categories.count) 个类别"
        if !spec.series.isEmpty { s += "，系列：" + spec.series.map { $0.name }.joined(separator: "、") }
        if let u = spec.unit, !u.isEmpty { s += "，单位：" + u }
        return s + "。数据见下表。"
    }
}
