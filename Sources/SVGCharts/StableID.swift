/// FNV-1a 32-bit: a stable hash for deterministic element ids (Swift's
/// `Hasher` is randomly seeded per process, so it must not be used here).
func stableID(_ parts: [String]) -> String {
    var h = StableIDHasher()
    for p in parts {
        h.add(p)
        h.endPart()
    }
    return h.id
}

/// `stableID` fed piece by piece: the hash of the parts' bytes without joining them into
/// Strings first.
struct StableIDHasher {
    private var h: UInt32 = 0x811C9DC5

    @inline(__always)
    private mutating func add(byte b: UInt8) {
        h ^= UInt32(b)
        h = h &* 0x0100_0193
    }

    mutating func add(_ s: String) {
        var s = s
        s.withUTF8 { for b in $0 { add(byte: b) } }
    }

    mutating func add(_ s: StaticString) {
        for b in UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount) { add(byte: b) }
    }

    /// The bytes of `String(v)`.
    mutating func add(_ v: Int) {
        if v < 0 { add(byte: UInt8(ascii: "-")) }
        addDigits(v.magnitude)
    }

    /// The bytes of `String(v)` (`v.description`): integers below 10^15 print as "123.0".
    mutating func add(_ v: Double) {
        if v.magnitude < 1e15 && v == v.rounded(.towardZero) && !(v == 0 && v.sign == .minus) {
            add(Int(v))
            add(".0")
        } else {
            add(String(v))
        }
    }

    private mutating func addDigits(_ n: UInt) {
        if n >= 10 { addDigits(n / 10) }
        add(byte: UInt8(ascii: "0") + UInt8(n % 10))
    }

    /// Ends a part, as between the parts of `stableID`.
    mutating func endPart() { add(byte: 0x1F) }

    var id: String {
        let hex = String(h, radix: 16)
        return "c" + String(repeating: "0", count: 8 - hex.count) + hex
    }
}
