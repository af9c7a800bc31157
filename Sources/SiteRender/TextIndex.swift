import SiteLink
import SiteModel

/// Lookup tables built once per render and shared by all pages: paragraphs and sections by
/// anchor, and which paragraphs name each country (for "named together" lists).
struct TextIndex: Sendable {
    /// A paragraph as the mention lists quote it; its bytes are in `DocumentText.bytes`.
    struct Paragraph: Sendable {
        /// Where its scalars start (mention offsets count scalars): `DocumentText.starts`
        /// from `starts` on holds `scalarCount` byte offsets, then the text's end.
        var starts: Int
        var scalarCount: Int
        /// True when the text has nothing to escape.
        var clean: Bool
        /// The id escaped, for links to the paragraph.
        var idHTML: Range<Int>
        var line: Int
        /// Its section, an index into `DocumentText.sections`.
        var section: Int
        /// The page showing it, an index into `DocumentText.pages`.
        var page: Int
    }

    /// A section's id and headings as the entity pages print them, escaped once per build
    /// rather than once per mention: byte ranges of `DocumentText.bytes`.
    struct SectionText: Sendable {
        var idHTML: Range<Int>
        /// `<span class="label">…</span>` (when labelled), then the title clipped to 28.
        var mentionHeading: Range<Int>
        /// Label and title clipped to 40, for the briefs.
        var briefHeading: Range<Int>
        /// The label as a citation names it (`Section.heading(label:title: "")`).
        var citationLabel: Range<Int>
        /// The page showing it, an index into `DocumentText.pages`.
        var page: Int
    }

    /// One document's paragraphs and sections, in document order, with their anchors.
    struct DocumentText: Sendable {
        /// The document's pages (`SiteGraph.anchorPages`), its home page and the source page's
        /// line anchor prefix (`…/source.html#L`), as UTF-8.
        var pages: [[UInt8]] = []
        var home: [UInt8] = []
        var sourceLine: [UInt8] = []
        /// The paragraphs' text and the escaped ids and headings, one after the other.
        var bytes: [UInt8] = []
        var starts: [Int32] = []
        var paragraphs: [Paragraph] = []
        var paragraphIndex: [String: Int] = [:]
        var sections: [SectionText] = []
        var sectionIDs: [String] = []
        var sectionLabels: [String?] = []
        var sectionIndex: [String: Int] = [:]

        /// The bytes and scalar starts, borrowed for `body`.
        func withView<R>(_ body: (TextView) -> R) -> R {
            bytes.withUnsafeBufferPointer { b in starts.withUnsafeBufferPointer { s in body(TextView(bytes: b, starts: s)) } }
        }
    }

    /// A document's bytes and scalar starts, borrowed while a page's list is written.
    struct TextView {
        let bytes: UnsafeBufferPointer<UInt8>
        let starts: UnsafeBufferPointer<Int32>

        subscript(range: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[range]) }

        /// Scalars `a..<b` of the paragraph, escaped.
        func write(_ p: Paragraph, _ a: Int, _ b: Int, into out: inout EntityHTMLWriter) {
            let piece = UnsafeBufferPointer(rebasing: bytes[Int(starts[p.starts + a])..<Int(starts[p.starts + b])])
            if p.clean { out.raw(piece) } else { out.text(piece) }
        }

        /// The paragraph around a mention (`offset`, `length` in scalars), at most `radius`
        /// characters either side, escaped, with the name in `<mark>`.
        func snippetHTML(_ p: Paragraph, offset: Int, length surfaceLength: Int, radius: Int = 36,
                         into out: inout EntityHTMLWriter) {
            let count = p.scalarCount
            let start = min(max(offset, 0), count)
            let length = min(surfaceLength, count - start)
            let from = max(0, start - radius), to = min(count, start + length + radius)
            if from > 0 { out.raw("…") }
            write(p, from, start, into: &out)
            out.raw("<mark>")
            write(p, start, start + length, into: &out)
            out.raw("</mark>")
            write(p, start + length, to, into: &out)
            if to < count { out.raw("…") }
        }

        /// The whole paragraph escaped, with each (offset, length) range in `<mark>` (ranges
        /// that overlap an earlier one or run past the end are left out).
        func markedHTML(_ p: Paragraph, _ ranges: [(Int, Int)], into out: inout EntityHTMLWriter) {
            let count = p.scalarCount
            var cursor = 0
            // (One range needs no sort, nor the array a sort makes.)
            for (offset, length) in (ranges.count > 1 ? ranges.sorted(by: { $0.0 < $1.0 }) : ranges) where offset >= cursor && offset + length <= count {
                write(p, cursor, offset, into: &out)
                out.raw("<mark>")
                write(p, offset, offset + length, into: &out)
                out.raw("</mark>")
                cursor = offset + length
            }
            write(p, cursor, count, into: &out)
        }
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
    /// Per country, its page (`SiteGraph.countryPath`); per agreement, its parties listed.
    private(set) var countryPaths: [String] = []
    private(set) var agreementParties: [String] = []

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
            texts[d.id] = Self.documentText(d)
            var tops: [String: Section] = [:]
            func visit(_ s: Section, _ top: Section) {
                tops[s.id] = top
                for case .section(let child) in s.content { visit(child, top) }
            }
            for top in d.sections { visit(top, top) }
            topSections[d.id] = tops
        }
        for (i, c) in entities.countries.enumerated() where countryIndex[c.iso2] == nil { countryIndex[c.iso2] = i }
        for (i, a) in entities.agreements.enumerated() {
            var seen = Set<String>()
            for iso in a.countries where seen.insert(iso).inserted { agreementsOf[iso, default: []].append(i) }
        }
        namedTogether = Self.namedTogether(entities.countries, countryIndex)
        countryPaths = entities.countries.map { SiteGraph.countryPath($0.iso2) }
        agreementParties = entities.agreements.map { PageContext.listed($0.parties) }
    }

    /// Per ISO code, the other countries named in a paragraph with it and in how many
    /// paragraphs, most first, then by ISO code. Counted on indexes (the first country of
    /// each code), in a table of all pairs.
    private static func namedTogether(_ countries: [Country], _ countryIndex: [String: Int]) -> [String: [(country: Int, count: Int)]] {
        var countriesIn: [String: [Int]] = [:]  // "document#block" → countries
        for c in countries {
            guard let n = countryIndex[c.iso2] else { continue }
            for m in c.mentions { countriesIn[m.document + "#" + m.block, default: []].appendIfMissing(n) }
        }
        let total = countries.count
        var shared = [Int](repeating: 0, count: total * total)
        for named in countriesIn.values where named.count > 1 {
            for a in named { for b in named where b != a { shared[a * total + b] += 1 } }
        }
        var together: [String: [(country: Int, count: Int)]] = [:]
        for a in 0..<total {
            var others: [(country: Int, count: Int)] = []
            for b in 0..<total where shared[a * total + b] > 0 { others.append((b, shared[a * total + b])) }
            guard !others.isEmpty else { continue }
            together[countries[a].iso2] = others.sorted {
                $0.count != $1.count ? $0.count > $1.count : countries[$0.country].iso2 < countries[$1.country].iso2
            }
        }
        return together
    }

    /// A document's paragraphs and sections with their pages, headings and anchors.
    private static func documentText(_ d: Document) -> DocumentText {
        let anchors = SiteGraph.anchorPages(of: d)
        var text = DocumentText(pages: anchors.paths.map { Array($0.utf8) }, home: Array(SiteGraph.documentPath(d.id).utf8),
                                sourceLine: Array((SiteGraph.sourcePath(d.id) + "#L").utf8))
        // Sections depth first (`allSections`), each followed by its own paragraphs.
        // Every anchor has its page; -1 only for an outline changed since (never).
        func visit(_ s: Section) {
            let number = text.sections.count
            text.sections.append(text.addSection(s, page: anchors.pageOf[s.id] ?? -1))
            text.sectionIDs.append(s.id)
            text.sectionLabels.append(s.label)
            text.sectionIndex[s.id] = number  // a later section of the same id wins
            for case .block(let b) in s.content {
                text.paragraphIndex[b.id] = text.paragraphs.count
                text.paragraphs.append(text.addParagraph(b, section: number, page: anchors.pageOf[b.id] ?? -1))
            }
            for case .section(let child) in s.content { visit(child) }
        }
        text.bytes.reserveCapacity(d.sourceText.utf8.count * 2)
        text.starts.reserveCapacity(d.sourceText.utf8.count)
        for top in d.sections { visit(top) }
        return text
    }

    /// Report figures, once drawn (they are drawn beside the site's charts).
    mutating func add(figures: [RenderedFigure]) {
        allFigures += figures
        for f in figures { self.figures[f.documentID, default: [:]][f.id] = f }
    }

    /// The document's paragraphs and sections (empty for an unknown document).
    func text(of document: String) -> DocumentText { texts[document] ?? DocumentText() }

    /// The label of the document's section (nil: no label, or no such section).
    func label(_ document: String, _ section: String) -> String? {
        guard let text = texts[document], let i = text.sectionIndex[section] else { return nil }
        return text.sectionLabels[i]
    }
}

extension TextIndex.DocumentText {
    /// Appends the paragraph's text and escaped id to `bytes`, where its scalars start to `starts`.
    fileprivate mutating func addParagraph(_ b: Block, section: Int, page: Int) -> TextIndex.Paragraph {
        let from = bytes.count, first = starts.count
        var special = false
        var text = b.text
        text.withUTF8 { utf8 in
            bytes.append(contentsOf: utf8)
            // Counted first, then written in place: an append per scalar costs more.
            var scalars = 0
            for byte in utf8 where byte & 0xC0 != 0x80 { scalars += 1 }
            starts.append(contentsOf: repeatElement(0, count: scalars + 1))
            starts.withUnsafeMutableBufferPointer { out in
                var n = first
                for i in 0..<utf8.count {
                    let byte = utf8[i]
                    if byte & 0xC0 != 0x80 {
                        out[n] = Int32(from + i)
                        n += 1
                    }
                    special = special || EntityHTMLWriter.isSpecial(byte)
                }
                out[n] = Int32(from + utf8.count)
            }
        }
        return TextIndex.Paragraph(starts: first, scalarCount: starts.count - 1 - first, clean: !special,
                                   idHTML: addEscaped(b.id), line: b.line, section: section, page: page)
    }

    /// Appends the section's escaped id and headings to `bytes`.
    fileprivate mutating func addSection(_ s: Section, page: Int) -> TextIndex.SectionText {
        let headingFrom = bytes.count
        if let label = s.label, !label.isEmpty {
            bytes.append(contentsOf: "<span class=\"label\">".utf8)
            _ = addEscaped(label)
            bytes.append(contentsOf: "</span>".utf8)
        }
        // An item's title is its whole text, which the snippets below it already show.
        _ = addEscaped(ScalarText.clipped(s.title, to: 28))
        let mentionHeading = headingFrom..<bytes.count
        return TextIndex.SectionText(
            idHTML: addEscaped(s.id), mentionHeading: mentionHeading,
            briefHeading: addEscaped(ScalarText.clipped(Section.heading(label: s.label, title: s.title), to: 40)),
            citationLabel: addEscaped(Section.heading(label: s.label, title: "")), page: page)
    }

    private mutating func addEscaped(_ s: String) -> Range<Int> {
        let from = bytes.count
        HTMLText.appendEscaped(s.utf8, to: &bytes)
        return from..<bytes.count
    }
}

extension [Int] {
    fileprivate mutating func appendIfMissing(_ n: Int) {
        if !contains(n) { append(n) }
    }
}
