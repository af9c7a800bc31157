import SiteModel

/// Lookup tables built once per render and shared by all pages: paragraphs and sections by
/// anchor, and which paragraphs name each country (for "named together" lists).
struct TextIndex: Sendable {
    struct Entry: Sendable {
        var block: Block
        var section: Section
        /// The paragraph's text as Unicode scalars: mention offsets count scalars.
        var scalars: [Unicode.Scalar]
    }

    private var entries: [String: [String: Entry]] = [:]
    private var sections: [String: [String: Section]] = [:]
    /// ISO code → the other countries named in the same paragraphs, with how many paragraphs
    /// they share, most first (computed once from an inverted index: paragraph → countries).
    private(set) var namedTogether: [String: [(iso2: String, count: Int)]] = [:]

    /// Rendered report figures by section id (`figure-3-7`), per document.
    private(set) var figures: [String: [String: RenderedFigure]] = [:]
    private(set) var allFigures: [RenderedFigure] = []
    /// Charts of the site's own data, by id, and each country's small chart by ISO code.
    var siteCharts: [String: SiteChart] = [:]
    var countryCharts: [String: SiteChart] = [:]
    /// The tile map drawn for pages one folder deep, and its data table (nil: no layout file).
    var tileMapHTML: String?
    var tileMapTable: String?
    /// Section id → the top-level section holding it, per document.
    private(set) var topSections: [String: [String: Section]] = [:]

    init(_ documents: [Document], entities: EntityIndex = EntityIndex(), figures: [RenderedFigure] = []) {
        add(figures: figures)
        for d in documents {
            var map: [String: Entry] = [:]
            var bySection: [String: Section] = [:]
            for s in d.allSections {
                bySection[s.id] = s
                for b in s.blocks { map[b.id] = Entry(block: b, section: s, scalars: Array(b.text.unicodeScalars)) }
            }
            entries[d.id] = map
            sections[d.id] = bySection
            var tops: [String: Section] = [:]
            for top in d.sections { for s in top.selfAndDescendants { tops[s.id] = top } }
            topSections[d.id] = tops
        }
        var countriesIn: [String: Set<String>] = [:]
        for c in entities.countries {
            for m in c.mentions { countriesIn[m.document + "#" + m.block, default: []].insert(c.iso2) }
        }
        var shared: [String: [String: Int]] = [:]
        for (_, isos) in countriesIn where isos.count > 1 {
            for a in isos { for b in isos where b != a { shared[a, default: [:]][b, default: 0] += 1 } }
        }
        for (iso, others) in shared {
            namedTogether[iso] = others.map { (iso2: $0.key, count: $0.value) }
                .sorted { ($0.count, $1.iso2) > ($1.count, $0.iso2) }
        }
    }

    /// Report figures, once drawn (they are drawn beside the site's charts).
    mutating func add(figures: [RenderedFigure]) {
        allFigures += figures
        for f in figures { self.figures[f.documentID, default: [:]][f.id] = f }
    }

    func entry(_ document: String, _ block: String) -> Entry? { entries[document]?[block] }
    func section(_ document: String, _ id: String) -> Section? { sections[document]?[id] }
    func topSection(_ document: String, _ id: String) -> Section? { topSections[document]?[id] }

    /// The paragraph around a mention, at most `radius` characters either side, escaped,
    /// with the name in `<mark>`.
    func snippetHTML(_ m: Mention, radius: Int = 36, into out: inout HTMLBuffer) {
        guard let scalars = entry(m.document, m.block)?.scalars else { return out.text(m.surface) }
        let start = min(max(m.offset, 0), scalars.count)
        let length = min(m.surface.unicodeScalars.count, scalars.count - start)
        let from = max(0, start - radius), to = min(scalars.count, start + length + radius)
        if from > 0 { out.raw("…") }
        out.text(scalars[from..<start])
        out.raw("<mark>")
        out.text(scalars[start..<(start + length)])
        out.raw("</mark>")
        out.text(scalars[(start + length)..<to])
        if to < scalars.count { out.raw("…") }
    }
}
