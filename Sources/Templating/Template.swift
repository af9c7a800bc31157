/// A parsed Mustache template: the tags the site's templates use — variables (`{{x}}`,
/// `{{{x}}}`, `{{&x}}`, dotted names, `{{.}}`), sections and inverted sections, comments,
/// partials (`{{> name}}`), set-delimiter tags, and layout inheritance (`{{< parent}}` with
/// `{{$block}}` overrides). Whitespace follows swift-mustache's reading of the spec, which the
/// site used before, so a standalone tag's line disappears from the output.
public struct Template: Sendable {
    let nodes: [Node]

    public init(parsing text: String) throws(TemplateSyntaxError) {
        var parser = TemplateParser(Array(text.utf8))
        nodes = try parser.parseAll()
    }

    init(nodes: [Node]) { self.nodes = nodes }
}

/// A name as written in a tag: `a.b` looks `a` up the context stack, then `b` inside it;
/// `.` (no parts) is the current value; `.a` looks only in the current value.
struct TagName: Sendable, Equatable {
    var parts: [String]
    var anchored: Bool
    /// `TemplateObject.fingerprint` of each part, computed once here.
    var fingerprints: [UInt64]

    init(_ text: String) {
        parts = text.split(separator: ".").map(String.init)
        anchored = text.hasPrefix(".") && text != "."
        fingerprints = parts.map(TemplateObject.fingerprint)
    }
}

indirect enum Node: Sendable {
    case text([UInt8])
    case variable(TagName, escaped: Bool)
    case section(TagName, Template, inverted: Bool)
    /// `indentation` is set for a standalone partial tag: every line of the partial gets it.
    case partial(String, indentation: [UInt8]?, overrides: [String: Template]?)
    case block(String, default: Template, indentation: [UInt8])
    case blockDefinition(String, Template)
}

/// A template that cannot be read, with the 1-based line and column where reading stopped.
public struct TemplateSyntaxError: Error, Equatable {
    public enum Kind: Sendable, Equatable {
        case sectionClosedWithWrongName, unfinishedTag, sectionNotClosed, invalidSetDelimiter,
             illegalTokenInsideParent, unsupportedTag(String)
    }

    public let kind: Kind
    public let line: Int
    public let column: Int

    public var message: String {
        switch kind {
        case .sectionClosedWithWrongName: "a section is closed with a name it was not opened with"
        case .unfinishedTag: "a tag is not closed with }}"
        case .sectionNotClosed: "a section is opened and never closed"
        case .invalidSetDelimiter: "invalid set-delimiter tag"
        case .illegalTokenInsideParent: "only {{$block}} overrides may stand inside a {{<layout}} section"
        case .unsupportedTag(let what): "\(what) tags are not supported"
        }
    }
}
