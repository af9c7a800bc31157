/// The kinds of the data contract (`data/documents.json`).
public enum SectionKind: String, Hashable, Sendable, CaseIterable {
    case preface, part, category, section, item, sidebar, figure, outlook, appendix, entry, other
}

/// One node of a document's outline.
public struct Section: Hashable, Sendable {
    /// Unique within the document and stable across builds of the same seed; used as the anchor.
    public var id: String
    public var kind: SectionKind
    /// The label as printed (`一、`, `（四）`, `专栏 3-12`), or nil.
    public var label: String?
    /// True when the label or heading is not printed in the source and was inferred.
    public var inferred: Bool
    /// Heading or caption text, whitespace collapsed.
    public var title: String
    /// For items of a list document: the item's full text (without its label).
    public var text: String?
    /// 1-based seed line where the heading, caption or item starts.
    public var line: Int?
    /// Paragraphs and sub-sections in document order.
    public var content: [SectionContent]

    public init(id: String, kind: SectionKind, label: String? = nil, inferred: Bool = false,
                title: String, text: String? = nil, line: Int?, content: [SectionContent] = []) {
        self.id = id
        self.kind = kind
        self.label = label
        self.inferred = inferred
        self.title = title
        self.text = text
        self.line = line
        self.content = content
    }

    public var children: [Section] {
        content.compactMap { if case .section(let s) = $0 { s } else { nil } }
    }

    public var blocks: [Block] {
        content.compactMap { if case .block(let b) = $0 { b } else { nil } }
    }

    public var selfAndDescendants: [Section] { [self] + children.flatMap { $0.selfAndDescendants } }

    /// Label and title as they read together: `一、` and `（一）` run into the title;
    /// a label ending in a digit or letter (`图 1-1`, `专栏 3-12`) takes a space.
    public static func heading(label: String?, title: String) -> String {
        guard let label, !label.isEmpty else { return title }
        guard let last = label.unicodeScalars.last, last.isASCII else { return label + title }
        return label + " " + title
    }
}

public indirect enum SectionContent: Hashable, Sendable {
    case block(Block)
    case section(Section)
}

/// A paragraph-level piece of text with the seed line it starts on.
public struct Block: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case paragraph, image, quote, list, code, heading, caption, note
    }

    /// Stable paragraph anchor within the document (`p-…`).
    public var id: String
    public var kind: Kind
    /// The block as normalised CommonMark; rendered to HTML by libcmark in safe mode.
    public var markdown: String
    /// The block's plain text (no markup), for search, snippets and data files.
    public var text: String
    /// 1-based seed line where the block starts.
    public var line: Int
    /// For text joined from several source lines: where each later line starts, as
    /// (offset in `text` in Unicode scalars, 1-based seed line). Empty for one-line blocks.
    public var lineStarts: [LineStart]

    public init(id: String, kind: Kind = .paragraph, markdown: String, text: String, line: Int,
                lineStarts: [LineStart] = []) {
        self.id = id
        self.kind = kind
        self.markdown = markdown
        self.text = text
        self.line = line
        self.lineStarts = lineStarts
    }

    /// The seed line holding the character at `offset` (Unicode scalars into `text`).
    public func line(atOffset offset: Int) -> Int {
        lineStarts.last { $0.offset <= offset }?.line ?? line
    }
}

public struct LineStart: Hashable, Sendable {
    public var offset: Int
    public var line: Int
    public init(offset: Int, line: Int) {
        self.offset = offset
        self.line = line
    }
}
