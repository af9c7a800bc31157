import SiteLink
import SiteModel

/// Lookup tables built once per render and shared by all pages: paragraphs and sections by
/// anchor, and which paragraphs name each country (for "named together" lists).
struct TextIndex: Sendable {
    /// A paragraph as the mention lists quote it.
    struct Paragraph: Sendable {
        var id: String
        /// The id escaped, for links to the paragraph.
        var idHTML: [UInt8]
        var line: Int
        /// Its section, an index into `DocumentText.sections`.
        var section: Int
        /// The page showing it, an index into `DocumentText.pages`.
        var page: Int
        var utf8: [UInt8]
        /// True when the text has nothing to escape.
        var clean: Bool
        /// Where each Unicode scalar starts in `utf8` (mention offsets count scalars), then
        /// `utf8.count`.
        var starts: [Int32]
        var scalarCount: Int { starts.count - 1 }
    }

    /// A section with its headings as the entity pages print them, escaped once per build
    /// rather than once per mention.
    struct SectionText: Sendable {
        var section: Section
        var idHTML: [UInt8]
        /// The page showing it, an index into `DocumentText.pages`.
        var page: Int
        /// `<span class="label">…</span>` (when labelled), then the title clipped to 28.
        var mentionHeading: [UInt8]
        /// Label and title clipped to 40, for the briefs.
        var briefHeading: [UInt8]
        /// The label as a citation names it (`Section.heading(label:title: "")`), escaped.
        var citationLabel: [UInt8]
    }

    /// One document's paragraphs and sections, in document order, with their anchors.
    struct DocumentText: Sendable {
        /// The document's pages (`SiteGraph.anchorPages`), its home page and the source page's
        /// line anchor prefix (`…/source.html#L`), as UTF-8.
        var pages: [[UInt8]] = []
        var home: [UInt8] = []
        var sourceLine: [UInt8] = []
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
            let anchors = SiteGraph.anchorPages(of: d)
            var text = DocumentText(pages: anchors.paths.map { Array($0.utf8) }, home: Array(SiteGraph.documentPath(d.id).utf8),
                                    sourceLine: Array((SiteGraph.sourcePath(d.id) + "#L").utf8))
            // Every anchor has its page; -1 only for an outline changed since (never).
            for s in d.allSections {
                let number = text.sections.count
                text.sections.append(Self.sectionText(s, page: anchors.pageOf[s.id] ?? -1))
                text.sectionIndex[s.id] = number  // a later section of the same id wins
                for b in s.blocks {
                    text.paragraphIndex[b.id] = text.paragraphs.count
                    text.paragraphs.append(Self.paragraph(b, section: number, page: anchors.pageOf[b.id] ?? -1))
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

    private static func paragraph(_ b: Block, section: Int, page: Int) -> Paragraph {
        let utf8 = Array(b.text.utf8)
        var starts: [Int32] = []
        starts.reserveCapacity(utf8.count + 1)
        for (i, byte) in utf8.enumerated() where byte & 0xC0 != 0x80 { starts.append(Int32(i)) }
        starts.append(Int32(utf8.count))
        return Paragraph(id: b.id, idHTML: escaped(b.id), line: b.line, section: section, page: page, utf8: utf8,
                         clean: utf8.withUnsafeBufferPointer(EntityHTMLWriter.isClean), starts: starts)
    }

    private static func escaped(_ s: String) -> [UInt8] {
        var out = EntityHTMLWriter(capacity: s.utf8.count + 16)
        out.text(s)
        return out.bytes
    }

    private static func sectionText(_ s: Section, page: Int) -> SectionText {
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
        return SectionText(section: s, idHTML: escaped(s.id), page: page, mentionHeading: mention.bytes, briefHeading: brief.bytes,
                           citationLabel: escaped(Section.heading(label: s.label, title: "")))
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
    /// Scalars `a..<b` of the text, escaped.
    private func write(_ a: Int, _ b: Int, into out: inout EntityHTMLWriter) {
        let from = Int(starts[a]), to = Int(starts[b])
        utf8.withUnsafeBufferPointer { text in
            let piece = UnsafeBufferPointer(rebasing: text[from..<to])
            if clean { out.raw(piece) } else { out.text(piece) }
        }
    }

    /// The paragraph around a mention (`offset`, `length` in scalars), at most `radius`
    /// characters either side, escaped, with the name in `<mark>`.
    func snippetHTML(offset: Int, length surfaceLength: Int, radius: Int = 36, into out: inout EntityHTMLWriter) {
        let count = scalarCount
        let start = min(max(offset, 0), count)
        let length = min(surfaceLength, count - start)
        let from = max(0, start - radius), to = min(count, start + length + radius)
        if from > 0 { out.raw("…") }
        write(from, start, into: &out)
        out.raw("<mark>")
        write(start, start + length, into: &out)
        out.raw("</mark>")
        write(start + length, to, into: &out)
        if to < count { out.raw("…") }
    }

    /// The whole text escaped, with each (offset, length) range in `<mark>` (ranges that
    /// overlap an earlier one or run past the end are left out).
    func markedHTML(_ ranges: [(Int, Int)], into out: inout EntityHTMLWriter) {
        let count = scalarCount
        var cursor = 0
        for (offset, length) in ranges.sorted(by: { $0.0 < $1.0 }) where offset >= cursor && offset + length <= count {
            write(cursor, offset, into: &out)
            out.raw("<mark>")
            write(offset, offset + length, into: &out)
            out.raw("</mark>")
            cursor = offset + length
        }
        write(cursor, count, into: &out)
    }
}
