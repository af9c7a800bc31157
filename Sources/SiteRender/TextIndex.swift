import SiteModel

/// Lookup tables built once per render and shared by all pages: paragraphs and sections by
/// anchor, and which paragraphs name each country (for "named together" lists).
struct TextIndex: Sendable {
    struct Entry: Sendable {
        var block: Block
        var section: Section
    }

    private var entries: [String: [String: Entry]] = [:]
    private var sections: [String: [String: Section]] = [:]
    /// ISO code → the paragraphs (`document#block`) that name the country.
    private(set) var countryParagraphs: [String: Set<String>] = [:]

    init(_ documents: [Document], entities: EntityIndex = EntityIndex()) {
        for d in documents {
            var map: [String: Entry] = [:]
            var bySection: [String: Section] = [:]
            for s in d.allSections {
                bySection[s.id] = s
                for b in s.blocks { map[b.id] = Entry(block: b, section: s) }
            }
            entries[d.id] = map
            sections[d.id] = bySection
        }
        for c in entities.countries {
            countryParagraphs[c.iso2] = Set(c.mentions.map { $0.document + "#" + $0.block })
        }
    }

    func entry(_ document: String, _ block: String) -> Entry? { entries[document]?[block] }
    func section(_ document: String, _ id: String) -> Section? { sections[document]?[id] }

    /// The paragraph around a mention, at most `radius` characters either side, escaped,
    /// with the name in `<mark>`.
    func snippetHTML(_ m: Mention, radius: Int = 36) -> String {
        guard let text = entry(m.document, m.block)?.block.text else { return HTMLText.escape(m.surface) }
        let scalars = Array(text.unicodeScalars)
        let start = min(max(m.offset, 0), scalars.count)
        let length = min(m.surface.unicodeScalars.count, scalars.count - start)
        let from = max(0, start - radius), to = min(scalars.count, start + length + radius)
        func piece(_ a: Int, _ b: Int) -> String {
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[a..<b])
            return HTMLText.escape(String(s))
        }
        return (from > 0 ? "…" : "") + piece(from, start) + "<mark>" + piece(start, start + length) + "</mark>"
            + piece(start + length, to) + (to < scalars.count ? "…" : "")
    }
}
