/// One searchable thing: a paragraph, a section heading or an entity page.
public struct SearchRecord: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case paragraph, section, country, organisation, agreement
    }

    /// Relative to the site root, e.g. "documents/x/part-3/index.html#p-1a2b3c4d".
    public var url: String
    /// Page or section title. Shown with every result; indexed for all kinds except `paragraph`
    /// (a paragraph is found by its own text, not by the heading it sits under — otherwise a
    /// section-title query would return every paragraph of that section).
    public var title: String
    /// Paragraph text (or a short description for entities); stored once, used for snippets.
    public var text: String
    public var kind: Kind
    /// Names, aliases, ISO codes, English names: indexed and ranked like the title.
    public var names: [String]

    public init(url: String, title: String, text: String = "", kind: Kind, names: [String] = []) {
        self.url = url
        self.title = title
        self.text = text
        self.kind = kind
        self.names = names
    }

    /// Everything the index tokenizes for this record.
    var indexedText: [String] {
        (kind == .paragraph ? [] : [title] + names) + [text]
    }
}
