/// What a template sees: text (escaped by `{{…}}`, raw by `{{{…}}}`), flags, counts, lists and
/// objects. Typed rather than `Any`, so a lookup is a dictionary read, never a dynamic cast.
public enum TemplateValue: Sendable {
    case text(String)
    /// Text held as UTF-8 bytes (HTML built by hand, often large): written as it is by
    /// `{{{…}}}`, escaped by `{{…}}`, without a String in between.
    case utf8([UInt8])
    case bool(Bool)
    case int(Int)
    case list([TemplateValue])
    case object(TemplateObject)

    /// `{{#name}}` shows its content for everything except `false` and an empty list
    /// (an empty text is shown: templates test `has…` flags instead).
    var isFalsey: Bool {
        switch self {
        case .bool(let b): !b
        case .list(let l): l.isEmpty
        default: false
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        var object = TemplateObject()
        for (name, value) in elements { object[name] = value }
        self = .object(object)
    }
}

extension TemplateValue {
    public init(_ text: String) { self = .text(text) }
    public init(_ list: [TemplateObject]) { self = .list(list.map(TemplateValue.object)) }
    public init(_ texts: [String]) { self = .list(texts.map(TemplateValue.text)) }
}
