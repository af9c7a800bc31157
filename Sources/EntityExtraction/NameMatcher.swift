import SiteModel
/// What a matched name stands for. `nonEntity` words (内蒙古, 中欧, 香港…) take part in
/// leftmost-longest matching so they hide the shorter names inside them, but yield nothing.
public enum NameTarget: Hashable, Sendable {
    case country(String)
    case organisation(String)
    case nonEntity
    /// A country only when it stands in a list of countries (see TrapRules rule 8).
    case listOnly(String)
}

/// A trie over Unicode scalars holding every country, organisation and non-entity name, so one
/// left-to-right pass over a paragraph finds all of them. Lookup folds half-width parentheses to
/// full-width and ASCII to upper case (刚果(金) = 刚果（金）, Gavi = GAVI).
struct NameMatcher: Sendable {
    struct Candidate: Hashable, Sendable {
        var length: Int
        var target: NameTarget
    }

    private var children: [[UInt32: Int32]] = [[:]]
    private var terminal: [NameTarget?] = [nil]
    /// Names registered twice with different targets: the first registration wins.
    private(set) var conflicts: [(name: String, kept: NameTarget, dropped: NameTarget)] = []

    init() {}

    static func fold(_ s: Unicode.Scalar) -> UInt32 {
        switch s.value {
        case 0x28: return 0xFF08                                   // ( → （
        case 0x29: return 0xFF09                                   // ) → ）
        case 0x61...0x7A: return s.value - 0x20                    // a-z → A-Z
        default: return s.value
        }
    }

    mutating func insert(_ name: String, _ target: NameTarget) {
        var node = 0
        for scalar in name.unicodeScalars {
            let key = Self.fold(scalar)
            if let next = children[node][key] {
                node = Int(next)
            } else {
                children.append([:])
                terminal.append(nil)
                let next = children.count - 1
                children[node][key] = Int32(next)
                node = next
            }
        }
        guard node != 0 else { return }
        if let existing = terminal[node] {
            if existing != target { conflicts.append((name, existing, target)) }
            return
        }
        terminal[node] = target
    }

    /// Every name starting at `start`, longest first.
    func candidates(in text: [Unicode.Scalar], at start: Int) -> [Candidate] {
        var found: [Candidate] = []
        var node = 0
        var i = start
        while i < text.count, let next = children[node][Self.fold(text[i])] {
            node = Int(next)
            i += 1
            if let target = terminal[node] { found.append(Candidate(length: i - start, target: target)) }
        }
        return found.reversed()
    }
}
