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

    private var edges = EdgeTable()
    /// Bit per BMP scalar: does a name start with it? Most scalars of a paragraph start none,
    /// and this 8 KB table answers that without touching the edge table.
    private var starts = [UInt64](repeating: 0, count: 1024)
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
        if let first = name.unicodeScalars.first.map(Self.fold), first < 0x10000 {
            starts[Int(first >> 6)] |= 1 << (first & 63)
        }
        for scalar in name.unicodeScalars {
            let key = Self.fold(scalar)
            if let next = edges.child(of: node, key) {
                node = next
            } else {
                terminal.append(nil)
                let next = terminal.count - 1
                edges.insert(node, key, child: next)
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
        guard start < text.count else { return [] }
        let first = Self.fold(text[start])
        if first < 0x10000, starts[Int(first >> 6)] & (1 << (first & 63)) == 0 { return [] }
        var found: [Candidate] = []
        var node = 0
        var i = start
        while i < text.count, let next = edges.child(of: node, Self.fold(text[i])) {
            node = next
            i += 1
            if let target = terminal[node] { found.append(Candidate(length: i - start, target: target)) }
        }
        found.reverse()
        return found
    }
}

/// The trie's edges (node, folded scalar) → child in one open-addressing table: a lookup, made
/// for every scalar of every paragraph, is a multiply and a probe or two instead of hashing
/// into a dictionary per node.
private struct EdgeTable: Sendable {
    private var keys = [UInt64](repeating: 0, count: 1024)   // 0: empty slot
    private var children = [Int32](repeating: 0, count: 1024)
    private var count = 0

    private static func key(_ node: Int, _ scalar: UInt32) -> UInt64 { (UInt64(node) << 21 | UInt64(scalar)) &+ 1 }

    private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & (keys.count - 1)
    }

    func child(of node: Int, _ scalar: UInt32) -> Int? {
        let key = Self.key(node, scalar)
        var i = slot(key)
        while true {
            let k = keys[i]
            if k == key { return Int(children[i]) }
            if k == 0 { return nil }
            i = (i + 1) & (keys.count - 1)
        }
    }

    mutating func insert(_ node: Int, _ scalar: UInt32, child: Int) {
        if (count + 1) * 2 > keys.count { grow() }
        put(Self.key(node, scalar), Int32(child))
        count += 1
    }

    private mutating func put(_ key: UInt64, _ child: Int32) {
        var i = slot(key)
        while keys[i] != 0 { i = (i + 1) & (keys.count - 1) }
        keys[i] = key
        children[i] = child
    }

    private mutating func grow() {
        let old = zip(keys, children).filter { $0.0 != 0 }
        keys = [UInt64](repeating: 0, count: keys.count * 2)
        children = [Int32](repeating: 0, count: keys.count)
        for (k, c) in old { put(k, c) }
    }
}
