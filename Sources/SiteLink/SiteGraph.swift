import SiteModel

/// Every page of the site with its URL and reading order: the one place URLs are decided.
public struct SiteGraph: Sendable {
    public enum PageKind: String, Sendable { case home, document, source }

    public struct Page: Hashable, Sendable {
        public var kind: PageKind
        /// Output-relative path of the file, e.g. `documents/brf-2017-outcomes/index.html`.
        public var path: String
        public var title: String
        public var documentID: String?
    }

    public let documents: [Document]
    public private(set) var pages: [Page] = []
    /// Home, then each document's page: what previous/next walk through.
    public private(set) var readingOrder: [Page] = []

    public init(documents: [Document]) {
        self.documents = documents
        let home = Page(kind: .home, path: "index.html", title: "首页", documentID: nil)
        pages.append(home)
        readingOrder.append(home)
        for d in documents {
            let page = Page(kind: .document, path: Self.documentPath(d.id), title: d.title, documentID: d.id)
            pages.append(page)
            readingOrder.append(page)
            pages.append(Page(kind: .source, path: Self.sourcePath(d.id), title: "\(d.title)（原文）", documentID: d.id))
        }
    }

    public static func documentPath(_ id: String) -> String { "documents/\(id)/index.html" }
    public static func sourcePath(_ id: String) -> String { "documents/\(id)/source.html" }

    /// `documents/<doc>/index.html#<section>`, relative to the output root (the data contract's `url`).
    public func url(of section: Section, in document: Document) -> String {
        Self.documentPath(document.id) + "#" + section.id
    }

    public func url(of block: Block, in document: Document) -> String {
        Self.documentPath(document.id) + "#" + block.id
    }

    /// The seed line's anchor on the document's source page.
    public func sourceURL(line: Int, in document: Document) -> String {
        Self.sourcePath(document.id) + "#L\(line)"
    }

    public func previous(of page: Page) -> Page? {
        guard let i = readingOrder.firstIndex(of: page), i > 0 else { return nil }
        return readingOrder[i - 1]
    }

    public func next(of page: Page) -> Page? {
        guard let i = readingOrder.firstIndex(of: page), i + 1 < readingOrder.count else { return nil }
        return readingOrder[i + 1]
    }
}

/// Relative links that name a file, so the site works from `file://` and any sub-path.
public enum RelativeURL {
    /// The prefix that leads from `page` back to the output root: `documents/x/index.html` → `../../`.
    public static func root(from page: String) -> String {
        String(repeating: "../", count: page.split(separator: "/").count - 1)
    }

    /// `target` (output-relative, may carry `#fragment`) as seen from `page`.
    public static func link(from page: String, to target: String) -> String {
        let (targetPath, fragment) = split(target)
        let from = page.split(separator: "/").dropLast()
        let to = targetPath.split(separator: "/")
        var common = 0
        while common < from.count, common < to.count - 1, from[from.startIndex + common] == to[common] { common += 1 }
        let ups = Array(repeating: "..", count: from.count - common)
        let rest = to[common...].map(String.init)
        let path = (ups + rest).joined(separator: "/")
        if path == page.split(separator: "/").last.map(String.init), !fragment.isEmpty { return fragment }
        return path + fragment
    }

    private static func split(_ target: String) -> (String, String) {
        guard let hash = target.firstIndex(of: "#") else { return (target, "") }
        return (String(target[..<hash]), String(target[hash...]))
    }
}
