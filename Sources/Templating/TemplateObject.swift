/// A template's object: a few named values (a page's context holds ~20, a list row ~5).
///
/// Entries are kept in order and found by a linear search on a fingerprint of the name's
/// UTF-8 (so names are told apart by their bytes; the templates' names are ASCII words), and
/// a tag's name is fingerprinted once, when the template is parsed. A Swift dictionary hashed
/// every name with SipHash on each insert and each lookup up the context stack; building,
/// reading and dropping those dictionaries cost more than writing the pages.
public struct TemplateObject: Sendable, ExpressibleByDictionaryLiteral {
    struct Entry: Sendable {
        let fingerprint: UInt64
        let name: String
        var value: TemplateValue
    }

    private(set) var entries: [Entry] = []

    public init() {}

    /// As a dictionary literal, except that a name given twice keeps its last value.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        entries.reserveCapacity(elements.count)
        for (name, value) in elements { self[name] = value }
    }

    public subscript(name: String) -> TemplateValue? {
        get { self[Self.fingerprint(name), name] }
        set {
            let fingerprint = Self.fingerprint(name)
            if let i = index(fingerprint, name) {
                if let newValue { entries[i].value = newValue } else { entries.remove(at: i) }
            } else if let newValue {
                entries.append(Entry(fingerprint: fingerprint, name: name, value: newValue))
            }
        }
    }

    /// The value of a name whose fingerprint is known (a parsed tag's).
    subscript(fingerprint: UInt64, name: String) -> TemplateValue? {
        index(fingerprint, name).map { entries[$0].value }
    }

    private func index(_ fingerprint: UInt64, _ name: String) -> Int? {
        entries.firstIndex { $0.fingerprint == fingerprint && $0.name == name }
    }

    /// FNV-1a over the name's UTF-8: names are short ASCII words.
    static func fingerprint(_ name: String) -> UInt64 {
        var name = name
        return name.withUTF8 { bytes in
            var h: UInt64 = 0xcbf29ce484222325
            for b in bytes { h = (h ^ UInt64(b)) &* 0x100000001b3 }
            return h
        }
    }
}
