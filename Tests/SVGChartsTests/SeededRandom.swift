/// xorshift: random test cases that are the same on every run.
struct SeededRandom {
    var state: UInt64
    mutating func next(_ n: Int) -> Int {
        state ^= state << 13; state ^= state >> 7; state ^= state << 17
        return Int(truncatingIfNeeded: state >> 1) % n
    }
    mutating func text(_ alphabet: [Unicode.Scalar], maxLength: Int) -> String {
        var s = String.UnicodeScalarView()
        for _ in 0 ..< next(maxLength + 1) { s.append(alphabet[next(alphabet.count)]) }
        return String(s)
    }
}
