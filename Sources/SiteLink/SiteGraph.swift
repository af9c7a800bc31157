#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import SiteModel

/// Every page of the site with its URL and reading order: the one place URLs are decided.
///
/// A document whose outline has parts (a report) gets a page per top-level section under its
/// home page, which shows the outline; other documents (an outcome list) are one page.
public struct SiteGraph: Sendable {
    public enum PageKind: String, Sendable {
        case home, document, part, source
        case countries, country, organisations, organisation, agreements, agreement
        case notFound, brief, search, figures
    }

    public struct Page: Hashable, Sendable {
        public var kind: PageKind
        /// Output-relative path of the file, e.g. `documents/brf-2017-outcomes/index.html`.
        public var path: String
        public var title: String
        public var documentID: String? = nil
        /// For a part page: the top-level section it shows.
        public var sectionID: String? = nil
        /// For an entity page: the country's ISO code, the organisation's or agreement's id.
        public var entityID: String? = nil
    }

    public let documents: [Document]
    public let entities: EntityIndex
    public private(set) var pages: [Page] = []
    /// Home, then each document's page(s): what previous/next walk through.
    public private(set) var readingOrder: [Page] = []
    /// Document id → its pages and the page of each section or block id.
    private var anchorPages: [String: AnchorPages] = [:]
    /// Document id → (block id → links to put into that paragraph's text).
    private var inlineLinks: [String: [String: [InlineLink]]] = [:]

    public init(documents: [Document], entities: EntityIndex = EntityIndex()) {
        self.documents = documents
        self.entities = entities
        let home = Page(kind: .home, path: "index.html", title: "首页")
        pages.append(home)
        readingOrder.append(home)
        for d in documents {
            let page = Page(kind: .document, path: Self.documentPath(d.id), title: d.title, documentID: d.id)
            pages.append(page)
            readingOrder.append(page)
            if Self.isSplit(d) {
                for top in d.sections {
                    let part = Page(kind: .part, path: Self.partPath(d.id, top.id), title: Self.heading(top), documentID: d.id, sectionID: top.id)
                    pages.append(part)
                    readingOrder.append(part)
                }
            }
            anchorPages[d.id] = Self.anchorPages(of: d)
            pages.append(Page(kind: .source, path: Self.sourcePath(d.id), title: "\(d.title)（原文）", documentID: d.id))
        }
        // Entity indexes and pages (not in the reading order: they are reference pages).
        pages.append(Page(kind: .countries, path: Self.countriesPath, title: "国家和地区"))
        for c in entities.countries {
            pages.append(Page(kind: .country, path: Self.countryPath(c.iso2), title: c.nameZh, entityID: c.iso2))
            pages.append(Page(kind: .brief, path: Self.briefPath(c.iso2), title: c.nameZh + "国别简报", entityID: c.iso2))
        }
        pages.append(Page(kind: .organisations, path: Self.organisationsPath, title: "国际组织"))
        for o in entities.organisations {
            pages.append(Page(kind: .organisation, path: Self.organisationPath(o.id), title: o.nameZh, entityID: o.id))
        }
        pages.append(Page(kind: .agreements, path: Self.agreementsPath, title: "协议和文件"))
        for a in entities.agreements {
            pages.append(Page(kind: .agreement, path: Self.agreementPath(a.id), title: a.title, entityID: a.id))
        }
        pages.append(Page(kind: .search, path: Self.searchPath, title: "搜索"))
        pages.append(Page(kind: .figures, path: Self.figuresPath, title: "图表"))
        pages.append(Page(kind: .notFound, path: "404.html", title: "找不到页面"))
        linkMentions()
    }

    /// The first mention of each entity in a paragraph links to the entity's page.
    private mutating func linkMentions() {
        var links: [String: [String: [InlineLink]]] = [:]
        func add(_ mentions: [Mention], _ target: String, _ title: String) {
            var seen = Set<String>()
            for m in mentions where seen.insert(m.document + "#" + m.block).inserted {
                links[m.document, default: [:]][m.block, default: []].append(
                    InlineLink(offset: m.offset, length: m.surface.unicodeScalars.count, target: target, title: title))
            }
        }
        for c in entities.countries { add(c.mentions, Self.countryPath(c.iso2), c.nameZh) }
        for o in entities.organisations { add(o.mentions, Self.organisationPath(o.id), o.nameZh) }
        for a in entities.agreements where a.kind == .document { add(a.mentions, Self.agreementPath(a.id), a.title) }
        for d in documents { linkReferences(in: d, into: &links) }
        // Overlapping names (an organisation inside an agreement's title) keep the longer one.
        for (d, blocks) in links {
            for (b, list) in blocks {
                var kept: [InlineLink] = []
                for l in list.sorted(by: { ($0.offset, -$0.length) < ($1.offset, -$1.length) })
                where kept.last.map({ $0.offset + $0.length <= l.offset }) ?? true {
                    kept.append(l)
                }
                links[d]?[b] = kept
            }
        }
        inlineLinks = links
    }

    /// "见图 3-1", "专栏 2-4": a reference to a figure or sidebar of the same document links to it.
    private func linkReferences(in d: Document, into links: inout [String: [String: [InlineLink]]]) {
        var targets: [String: Section] = [:]  // "图3-1" → the figure section
        for s in d.allSections where s.kind == .figure || s.kind == .sidebar {
            if let label = s.label { targets[label.filter { !$0.isWhitespace }] = s }
        }
        guard !targets.isEmpty else { return }
        for s in d.allSections {
            for b in s.blocks {
                for ref in Self.references(in: b.text) {
                    guard let target = targets[ref.key], target.id != s.id else { continue }
                    links[d.id, default: [:]][b.id, default: []].append(
                        InlineLink(offset: ref.offset, length: ref.length, target: url(of: target, in: d),
                                   title: Self.heading(target)))
                }
            }
        }
    }

    /// `图 3-1` / `专栏 2-4` in a text: (offset and length in scalars, key without spaces).
    public static func references(in text: String) -> [(offset: Int, length: Int, key: String)] {
        // Most paragraphs name no figure or sidebar: a byte search says so without decoding.
        guard holds(text, "图") || holds(text, "专栏") else { return [] }
        let s = Array(text.unicodeScalars)
        var out: [(Int, Int, String)] = []
        var i = 0
        func digits(_ j: inout Int) -> String {
            var d = ""
            while j < s.count, s[j].properties.numericType != nil, s[j].isASCII { d.unicodeScalars.append(s[j]); j += 1 }
            return d
        }
        while i < s.count {
            let word: String? = s[i] == "图" ? "图" : (i + 1 < s.count && s[i] == "专" && s[i + 1] == "栏" ? "专栏" : nil)
            guard let word else { i += 1; continue }
            var j = i + word.unicodeScalars.count
            while j < s.count, s[j] == " " { j += 1 }
            let a = digits(&j)
            guard !a.isEmpty, j < s.count, s[j] == "-" || s[j] == "－" || s[j] == "–" else { i += 1; continue }
            j += 1
            let b = digits(&j)
            guard !b.isEmpty else { i += 1; continue }
            out.append((i, j - i, word + a + "-" + b))
            i = j
        }
        return out
    }

    /// Whether the UTF-8 of `text` holds that of `word`: candidates found by memchr on the
    /// word's first byte.
    static func holds(_ text: String, _ word: StaticString) -> Bool {
        var text = text
        let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        return text.withUTF8 { t in
            guard let base = t.baseAddress, w.count > 0 else { return false }
            var i = 0
            while i + w.count <= t.count, let hit = memchr(base + i, Int32(w[0]), t.count - w.count + 1 - i) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + at, w.baseAddress!, w.count) == 0 { return true }
                i = at + 1
            }
            return false
        }
    }

    /// Links to put into a paragraph's text (offsets in Unicode scalars of `Block.text`).
    public func links(in block: Block, of document: Document) -> [InlineLink] {
        inlineLinks[document.id]?[block.id] ?? []
    }

    public static let countriesPath = "countries/index.html"
    public static let searchPath = "search/index.html"
    public static let figuresPath = "figures/index.html"
    public static let organisationsPath = "organisations/index.html"
    public static let agreementsPath = "agreements/index.html"
    public static func countryPath(_ iso2: String) -> String { path("countries/", iso2, "/index.html", lowercasing: true) }
    public static func briefPath(_ iso2: String) -> String { path("countries/", iso2, "/brief/index.html", lowercasing: true) }
    public static func organisationPath(_ id: String) -> String { path("organisations/", id, "/index.html") }
    public static func agreementPath(_ id: String) -> String { path("agreements/", id, "/index.html") }

    /// `head + id + tail` (with `id.lowercased()` when `lowercasing`) in one allocation:
    /// paths are made for every link of every page.
    static func path(_ head: StaticString, _ id: String, _ tail: StaticString, lowercasing: Bool = false) -> String {
        // Lowercasing by bytes holds for ASCII (ISO codes are); other text takes `lowercased()`.
        if lowercasing, id.utf8.contains(where: { $0 >= 0x80 }) {
            return head.description + id.lowercased() + tail.description
        }
        var id = id
        return id.withUTF8 { middle in
            return String(unsafeUninitializedCapacity: head.utf8CodeUnitCount + middle.count + tail.utf8CodeUnitCount) { out in
                let base = out.baseAddress!
                var n = 0
                base.update(from: head.utf8Start, count: head.utf8CodeUnitCount)
                n += head.utf8CodeUnitCount
                for b in middle {
                    base[n] = lowercasing && b >= 0x41 && b <= 0x5A ? b + 0x20 : b
                    n += 1
                }
                (base + n).update(from: tail.utf8Start, count: tail.utf8CodeUnitCount)
                return n + tail.utf8CodeUnitCount
            }
        }
    }

    /// The paragraph a mention stands in (the data contract's mention `url`).
    public func url(of mention: Mention) -> String {
        // Every document has its anchor table: no table, no such document.
        guard let anchors = anchorPages[mention.document] else { return Self.documentPath(mention.document) }
        return (anchors.path(of: mention.block) ?? Self.documentPath(mention.document)) + "#" + mention.block
    }

    /// A document's pages and which of them shows each anchor.
    public struct AnchorPages: Sendable {
        /// The document's page or, when it is split, its top-level sections' pages in order.
        public var paths: [String]
        /// Section or block id → index into `paths`; of anchors sharing an id, the last wins.
        public var pageOf: [String: Int]

        public func path(of anchor: String) -> String? { pageOf[anchor].map { paths[$0] } }
    }

    /// Where each section and paragraph of the document is shown: the one rule for it.
    public static func anchorPages(of d: Document) -> AnchorPages {
        let split = isSplit(d)
        var pages = AnchorPages(paths: split ? [] : [documentPath(d.id)], pageOf: [:])
        // Every anchor under a top-level section gets that section's page, so the walk may
        // take them in content order; only the order of the top-level sections matters.
        func visit(_ s: Section, _ n: Int) {
            pages.pageOf[s.id] = n
            for entry in s.content {
                switch entry {
                case .block(let b): pages.pageOf[b.id] = n
                case .section(let child): visit(child, n)
                }
            }
        }
        for top in d.sections {
            if split { pages.paths.append(partPath(d.id, top.id)) }
            visit(top, pages.paths.count - 1)
        }
        return pages
    }

    /// A document with parts reads as a book: one page per top-level section.
    public static func isSplit(_ d: Document) -> Bool { d.sections.contains { $0.kind == .part } }

    public static func documentPath(_ id: String) -> String { path("documents/", id, "/index.html") }
    public static func partPath(_ id: String, _ section: String) -> String { path("documents/", id, "/") + section + "/index.html" }
    public static func sourcePath(_ id: String) -> String { path("documents/", id, "/source.html") }

    /// "一、携手抗疫", "图 1-1 巩固…" — a section's label and title as a heading reads.
    public static func heading(_ s: Section) -> String { Section.heading(label: s.label, title: s.title) }

    /// `documents/<doc>/…/index.html#<section>`, relative to the output root (the data contract's `url`).
    public func url(of section: Section, in document: Document) -> String {
        page(of: section.id, in: document) + "#" + section.id
    }

    public func url(of block: Block, in document: Document) -> String {
        page(of: block.id, in: document) + "#" + block.id
    }

    /// The page showing a section or block of the document.
    public func page(of anchor: String, in document: Document) -> String {
        page(of: anchor, inDocument: document.id)
    }

    /// `page(of:in:)` by the document's id (no `Document` to hand over).
    public func page(of anchor: String, inDocument id: String) -> String {
        anchorPages[id]?.path(of: anchor) ?? Self.documentPath(id)
    }

    /// The seed line's anchor on the document's source page.
    public func sourceURL(line: Int, in document: Document) -> String {
        Self.sourcePath(document.id) + "#L\(line)"
    }

    public func previous(of page: Page) -> Page? {
        guard let i = readingIndex(of: page), i > 0 else { return nil }
        return readingOrder[i - 1]
    }

    public func next(of page: Page) -> Page? {
        guard let i = readingIndex(of: page), i + 1 < readingOrder.count else { return nil }
        return readingOrder[i + 1]
    }

    /// Only the home, document and part pages are read in order: other pages (most of the
    /// site) need no search.
    private func readingIndex(of page: Page) -> Int? {
        switch page.kind {
        case .home, .document, .part: readingOrder.firstIndex(of: page)
        default: nil
        }
    }
}

/// A stretch of a paragraph's text that links to another page of the site.
public struct InlineLink: Hashable, Sendable {
    public var offset: Int
    public var length: Int
    /// Output-relative target, e.g. `countries/pk/index.html`.
    public var target: String
    public var title: String
}

/// Relative links that name a file, so the site works from `file://` and any sub-path.
public enum RelativeURL {
    /// The prefix that leads from `page` back to the output root: `documents/x/index.html` → `../../`.
    public static func root(from page: String) -> String {
        // One "../" per folder: the path's non-empty segments but the last, counted on bytes.
        var segments = 0, previous: UInt8 = 0x2F
        for b in page.utf8 {
            if b != 0x2F, previous == 0x2F { segments += 1 }
            previous = b
        }
        return String(repeating: "../", count: max(0, segments - 1))
    }

    /// `target` (output-relative, may carry `#fragment`) as seen from `page`.
    /// Works on UTF-8 bytes: it runs for every link of every page.
    public static func link(from page: String, to target: String) -> String {
        var page = page, target = target
        return page.withUTF8 { from in
            target.withUTF8 { to in
                let (ups, start) = parts(from: from, to: to)
                return String(unsafeUninitializedCapacity: ups * 3 + to.count - start) { out in
                    var n = 0
                    for _ in 0..<ups {
                        out[n] = 0x2E; out[n + 1] = 0x2E; out[n + 2] = 0x2F  // "../"
                        n += 3
                    }
                    for k in start..<to.count { out[n] = to[k]; n += 1 }
                    return n
                }
            }
        }
    }

    /// How `link(from: page, to: target)` reads: `ups` times "../", then `target` from byte
    /// `start` on. With `fragmentFollows` the target is given without the `#fragment` that
    /// follows it (the link is then that, then "#" and the fragment), so callers writing
    /// bytes need not join the pieces first.
    public static func parts(from: UnsafeBufferPointer<UInt8>, to: UnsafeBufferPointer<UInt8>,
                             fragmentFollows: Bool = false) -> (ups: Int, start: Int) {
        let hash = to.firstIndex(of: 0x23) ?? to.count  // "#"
        // A fragment on the same page: just the fragment.
        if hash < to.count || fragmentFollows, hash == from.count, from.elementsEqual(to[..<hash]) {
            return (0, hash)
        }
        // The folders both paths share, compared up to the last "/" of the page.
        let pageDirEnd = from.lastIndex(of: 0x2F).map { $0 + 1 } ?? 0
        var common = 0, i = 0
        while i < pageDirEnd, i < hash, from[i] == to[i] {
            if from[i] == 0x2F { common = i + 1 }
            i += 1
        }
        var ups = 0
        for j in common..<pageDirEnd where from[j] == 0x2F { ups += 1 }
        return (ups, common)
    }
}
