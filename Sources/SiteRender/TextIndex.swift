import SiteModel

/// Lookup tables built once per render and shared by all pages: paragraphs and sections by
/// anchor, and which paragraphs name each country (for "named together" lists).
struct TextIndex: Sendable {
    /// A paragraph as the mention lists quote it.
    struct Paragraph: Sendable {
        var id: String
        var line: Int
        /// Its section, an index into `DocumentText.sections`.
        var section: Int
        var utf8: [UInt8]
        /// Where each Unicode scalar starts in `utf8` (mention offsets count scalars), then
        /// `utf8.count`.
        var starts: [Int32]
        var scalarCount: Int { starts.count - 1 }
    }

    /// A section with its headings as the entity pages print them, escaped once per build
    /// rather than once per mention.
    struct SectionText: Sendable {
        var section: Section
        /// `<span class="label">…</span>` (when labelled), then the title clipped to 28.
        var mentionHeading: [UInt8]
        /// Label and title clipped to 40, for the briefs.
        var briefHeading: [UInt8]
        /// The label as a citation names it (`Section.heading(label:title: "")`), escaped.
        var citationLabel: [UInt8]
    }

    /// One document's paragraphs and sections, in document order, with their anchors.
    struct DocumentText: Sendable {
        var paragraphs: [Paragraph] = []
        var paragraphIndex: [String: Int] = [:]
        var sections: [SectionText] = []
        var sectionIndex: [String: Int] = [:]
    }

    private var texts: [String: DocumentText] = [:]
    /// ISO code → the other countries named in the same paragraphs (as indexes into the
    /// entities' countries), with how many paragraphs they share, most first (computed once
    /// from an inverted index: paragraph → countries).
    private(set) var namedTogether: [String: [(country: Int, count: Int)]] = [:]
    /// ISO code → the first country with that code, as an index into the entities' countries.
    private(set) var countryIndex: [String: Int] = [:]
    /// ISO code → the agreements that concern the country, as indexes, in order.
    private(set) var agreementsOf: [String: [Int]] = [:]

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
            var text = DocumentText()
            for s in d.allSections {
                let number = text.sections.count
                text.sections.append(Self.sectionText(s))
                text.sectionIndex[s.id] = number  // a later section of the same id wins
                for b in s.blocks {
                    text.paragraphIndex[b.id] = text.paragraphs.count
                    text.paragraphs.append(Self.paragraph(b, section: number))
                }
            }
            texts[d.id] = text
            var tops: [String: Section] = [:]
            for top in d.sections { for s in top.selfAndDescendants { tops[s.id] = top } }
            topSections[d.id] = tops
        }
        for (i, c) in entities.countries.enumerated() where countryIndex[c.iso2] == nil { countryIndex[c.iso2] = i }
        for (i, a) in entities.agreements.enumerated() {
            var seen = Set<String>()
            for iso in a.countries where seen.insert(iso).inserted { agreementsOf[iso, default: []].append(i) }
        }
        var countriesIn: [String: Set<String>] = [:]
        for c in entities.countries {
            for m in c.mentions { countriesIn[m.document + "#" + m.block, default: []].insert(c.iso2) }
        }
        var shared: [String: [String: Int]] = [:]
        for (_, isos) in countriesIn where isos.count > 1 {
            for a in isos { for b in isos where b != a { shared[a, default: [:]][b, default: 0] += 1 } }
        }
        // Every code here is a country's: the compactMap drops none.
        for (iso, others) in shared {
            namedTogether[iso] = others.map { (iso2: $0.key, count: $0.value) }
                .sorted { ($0.count, $1.iso2) > ($1.count, $0.iso2) }
                .compactMap { o in countryIndex[o.iso2].map { (country: $0, count: o.count) } }
        }
    }

    private static func paragraph(_ b: Block, section: Int) -> Paragraph {
        let utf8 = Array(b.text.utf8)
        var starts: [Int32] = []
        starts.reserveCapacity(utf8.count + 1)
        for (i, byte) in utf8.enumerated() where byte & 0xC0 != 0x80 { starts.append(Int32(i)) }
        starts.append(Int32(utf8.count))
        return Paragraph(id: b.id, line: b.line, section: section, utf8: utf8, starts: starts)
    }

    private static func sectionText(_ s: Section) -> SectionText {
        var mention = EntityHTMLWriter(capacity: 128)
        if let label = s.label, !label.isEmpty {
            mention.raw("<span class=\"label\">")
            mention.text(label)
            mention.raw("</span>")
        }
        // An item's title is its whole text, which the snippets below it already show.
        mention.text(ScalarText.clipped(s.title, to: 28))
        var brief = EntityHTMLWriter(capacity: 128)
        brief.text(ScalarText.clipped(Section.heading(label: s.label, title: s.title), to: 40))
        var citation = EntityHTMLWriter(capacity: 32)
        citation.text(Section.heading(label: s.label, title: ""))
        return SectionText(section: s, mentionHeading: mention.bytes, briefHeading: brief.bytes, citationLabel: citation.bytes)
    }

    /// Report figures, once drawn (they are drawn beside the site's charts).
    mutating func add(figures: [RenderedFigure]) {
        allFigures += figures
        for f in figures { self.figures[f.documentID, default: [:]][f.id] = f }
    }

    /// The document's paragraphs and sections (empty for an unknown document).
    func text(of document: String) -> DocumentText { texts[document] ?? DocumentText() }

    func section(_ document: String, _ id: String) -> Section? {
        guard let text = texts[document], let i = text.sectionIndex[id] else { return nil }
        return text.sections[i].section
    }

    func topSection(_ document: String, _ id: String) -> Section? { topSections[document]?[id] }
}

extension TextIndex.Paragraph {
    /// The paragraph around a mention (`offset`, `length` in scalars), at most `radius`
    /// characters either side, escaped, with the name in `<mark>`.
    func snippetHTML(offset: Int, length surfaceLength: Int, radius: Int = 36, into out: inout EntityHTMLWriter) {
        let count = scalarCount
        let start = min(max(offset, 0), count)
        let length = min(surfaceLength, count - start)
        let from = max(0, start - radius), to = min(count, start + length + radius)
        utf8.withUnsafeBufferPointer { text in
            starts.withUnsafeBufferPointer { at in
                func piece(_ a: Int, _ b: Int) -> UnsafeBufferPointer<UInt8> {
                    UnsafeBufferPointer(rebasing: text[Int(at[a])..<Int(at[b])])
                }
                if from > 0 { out.raw("…") }
                out.text(piece(from, start))
                out.raw("<mark>")
                out.text(piece(start, start + length))
                out.raw("</mark>")
                out.text(piece(start + length, to))
                if to < count { out.raw("…") }
            }
        }
    }

    /// The whole text escaped, with each (offset, length) range in `<mark>` (ranges that
    /// overlap an earlier one or run past the end are left out).
    func markedHTML(_ ranges: [(Int, Int)], into out: inout EntityHTMLWriter) {
        let count = scalarCount
        utf8.withUnsafeBufferPointer { text in
            starts.withUnsafeBufferPointer { at in
                func piece(_ a: Int, _ b: Int) -> UnsafeBufferPointer<UInt8> {
                    UnsafeBufferPointer(rebasing: text[Int(at[a])..<Int(at[b])])
                }
                var cursor = 0
                for (offset, length) in ranges.sorted(by: { $0.0 < $1.0 }) where offset >= cursor && offset + length <= count {
                    out.text(piece(cursor, offset))
                    out.raw("<mark>")
                    out.text(piece(offset, offset + length))
                    out.raw("</mark>")
                    cursor = offset + length
                }
                out.text(piece(cursor, count))
            }
        }
    }
}
