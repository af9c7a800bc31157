import SiteModel
/// Mutable outline nodes used while routing lines; turned into `Section` values at the end.
/// Reference semantics let a sidebar continued on a later page (`转下页`) receive lines after
/// it has already been placed in its parent.
final class Node {
    var kind: SectionKind
    var idBase: String
    var label: String?
    var inferred: Bool
    var title: String
    var line: Int?
    /// Part number, section number, sidebar sequence within its part…
    var number: Int
    var part: Int
    /// Flow content in source order.
    var items: [Item] = []
    /// A part's introduction, shown before its sections even when the extractor put the
    /// part's title page after the first section.
    var intro: [Item] = []
    /// True when the flow is a sidebar or overview: paragraphs without punctuation are chart
    /// labels, not prose.
    var filtersDebris = false
    var figure: Int? = nil

    init(kind: SectionKind, idBase: String, label: String? = nil, inferred: Bool = false,
         title: String, line: Int?, number: Int = 0, part: Int = 0) {
        self.kind = kind
        self.idBase = idBase
        self.label = label
        self.inferred = inferred
        self.title = title
        self.line = line
        self.number = number
        self.part = part
    }

    var children: [Node] {
        (intro + items).compactMap { if case .float(.child(let n)) = $0 { n } else { nil } }
    }

    var hasText: Bool { items.contains { if case .line = $0 { true } else { false } } }

    var sectionChildren: [Node] { children.filter { $0.kind == .section } }
}

enum Float {
    case child(Node)
    case caption(caption: String, source: String, line: Int)
    case footnote(String, line: Int)
}

enum Item {
    case line(SourceLine)
    case float(Float)
}
