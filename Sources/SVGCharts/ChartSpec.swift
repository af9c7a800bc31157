/// One data series. `values[i]` belongs to `categories[i]`; nil = missing
/// (never interpolated, never drawn as zero). `decimals` is how many decimals
/// the source prints, used for value labels, tables and CSV.
public struct Series: Sendable, Equatable {
    public var name: String
    public var values: [Double?]
    public var decimals: Int

    public init(name: String, values: [Double?], decimals: Int = 0) {
        self.name = name
        self.values = values
        self.decimals = max(0, min(decimals, 10))
    }
}

public enum Orientation: String, Sendable, Equatable {
    /// Preferred, but switches to horizontal automatically when category
    /// labels cannot fit under their bars in two lines.
    case vertical
    /// Always horizontal.
    case horizontal
}

public enum ChartKind: Sendable, Equatable {
    case bars(Orientation)
    case groupedBars(Orientation)
    case stackedBars(Orientation)
    /// Line chart; series whose indices are listed are percentages drawn
    /// against a second y axis on the right (0-based, "%" tick labels).
    case lines(secondaryPercentSeries: [Int])
    /// Shares of a whole: uses the first series; negative/missing excluded.
    case donut
}

/// Everything a chart needs. Pure data: no knowledge of where it came from.
public struct ChartSpec: Sendable, Equatable {
    public var title: String
    /// Long description for `<desc>` (screen readers); auto-summary if empty.
    public var description: String
    /// Unit string, e.g. "亿美元", "万列"; shown in axis title and table header.
    public var unit: String?
    public var source: String?
    /// Free note shown under the chart ("注：…").
    public var note: String?
    /// Shown automatically when any value is nil; set nil to suppress.
    public var missingNote: String?
    public var kind: ChartKind
    public var categories: [String]
    public var series: [Series]
    public var width: Double
    public var height: Double
    /// Thousands separators in value labels/table (off: Chinese sources
    /// mostly print scaled numbers like 715.7 亿 without them).
    public var grouping: Bool
    /// Draw the title inside the SVG (off when the page shows a figcaption).
    public var showTitle: Bool
    public var showValueLabels: Bool
    /// Prefix for element ids; defaults to a stable hash of the content so
    /// several charts can be inlined into one HTML page without clashes.
    public var idPrefix: String?
    /// Header of the category column in the data table / CSV.
    public var categoryHeader: String

    public init(title: String, description: String = "", unit: String? = nil, source: String? = nil,
                note: String? = nil, missingNote: String? = "部分数据缺失", kind: ChartKind,
                categories: [String], series: [Series], width: Double = 640, height: Double = 400,
                grouping: Bool = false, showTitle: Bool = true, showValueLabels: Bool = true,
                idPrefix: String? = nil, categoryHeader: String = "类别") {
        self.title = title
        self.description = description
        self.unit = unit
        self.source = source
        self.note = note
        self.missingNote = missingNote
        self.kind = kind
        self.categories = categories
        self.series = series
        self.width = width
        self.height = height
        self.grouping = grouping
        self.showTitle = showTitle
        self.showValueLabels = showValueLabels
        self.idPrefix = idPrefix
        self.categoryHeader = categoryHeader
    }

    /// Value of series `s` at category `i`; nil when missing or out of range
    /// (series shorter than categories are padded with gaps, longer ones cut).
    func value(_ s: Int, _ i: Int) -> Double? {
        guard s >= 0, s < series.count, i >= 0, i < series[s].values.count, i < categories.count else { return nil }
        guard let v = series[s].values[i], v.isFinite else { return nil }
        return v
    }

    var hasMissing: Bool {
        for s in series.indices { for i in categories.indices where value(s, i) == nil { return true } }
        return false
    }

    var unitSuffix: String { unit.map { $0.isEmpty ? "" : " " + $0 } ?? "" }

    var resolvedID: String {
        if let idPrefix, !idPrefix.isEmpty { return idPrefix }
        // stableID([title, description, unit ?? "", categories joined by U+0001, each series as
        // "name:v1,v2,…" ("-" for a gap) joined by U+0001, kind.idText]), hashed as it goes.
        var h = StableIDHasher()
        for part in [title, description, unit ?? ""] {
            h.add(part)
            h.endPart()
        }
        for (i, c) in categories.enumerated() {
            if i > 0 { h.add("\u{1}") }
            h.add(c)
        }
        h.endPart()
        for (i, s) in series.enumerated() {
            if i > 0 { h.add("\u{1}") }
            h.add(s.name)
            h.add(":")
            for (k, v) in s.values.enumerated() {
                if k > 0 { h.add(",") }
                if let v { h.add(v) } else { h.add("-") }
            }
        }
        h.endPart()
        h.add(kind.idText)
        h.endPart()
        return h.id
    }
}

extension ChartKind {
    /// What `"\(kind)"` prints, which ids hash; spelled out because printing an enum through
    /// reflection cost more than the rest of the id.
    var idText: String {
        switch self {
        case .bars(let o): return "bars(SVGCharts.Orientation.\(o.rawValue))"
        case .groupedBars(let o): return "groupedBars(SVGCharts.Orientation.\(o.rawValue))"
        case .stackedBars(let o): return "stackedBars(SVGCharts.Orientation.\(o.rawValue))"
        case .lines(let s): return "lines(secondaryPercentSeries: \(s))"
        case .donut: return "donut"
        }
    }
}
