/// A seed document after ingestion: metadata plus an outline of sections whose content
/// keeps block order (a sidebar stands between the paragraphs it interrupts).
public struct Document: Hashable, Sendable {
    /// The seed's file stem; also the URL segment `documents/<id>/`.
    public var id: String
    /// The seed as cited: its folder's name and file name, e.g. `seeds/brf-2017-outcomes.md`.
    public var source: String
    public var title: String
    /// ISO date `YYYY-MM-DD`, or nil when the source gives none.
    public var date: String?
    /// The date/time exactly as the source prints it (front matter), when there is one.
    public var dateAsPrinted: String?
    public var author: String?
    public var tags: [String]
    /// Lines such as `来源：外交部网站` → ["来源": "外交部网站"], in source order.
    public var metadata: [MetadataField]
    public var sections: [Section]
    /// Files under the seeds folder the document shows (images), relative to that folder.
    public var assets: [String]
    /// The seed's text as read, for the line-numbered source page every citation points into.
    public var sourceText: String

    public init(id: String, source: String, title: String, date: String? = nil,
                dateAsPrinted: String? = nil, author: String? = nil, tags: [String] = [],
                metadata: [MetadataField] = [], sections: [Section] = [], assets: [String] = [],
                sourceText: String = "") {
        self.id = id
        self.source = source
        self.title = title
        self.date = date
        self.dateAsPrinted = dateAsPrinted
        self.author = author
        self.tags = tags
        self.metadata = metadata
        self.sections = sections
        self.assets = assets
        self.sourceText = sourceText
    }

    /// Every section, depth first, in document order.
    public var allSections: [Section] { sections.flatMap { $0.selfAndDescendants } }
}

public struct MetadataField: Hashable, Sendable {
    public var name: String
    public var value: String
    public var line: Int
    public init(name: String, value: String, line: Int) {
        self.name = name
        self.value = value
        self.line = line
    }
}
