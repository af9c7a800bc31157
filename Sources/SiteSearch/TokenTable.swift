/// Interns tokens given as UTF-8 bytes: id 0, 1, 2… in order of first sight. An open-addressing
/// table over one byte arena, so looking a token up allocates nothing and hashes a few bytes
/// (a `Set<String>` hashes the NFC form of every CJK token, which dominated the index build).
/// A slot holds a token's first 8 bytes, which is all of a CJK character or bigram (3 or 6),
/// so most lookups touch one cache line.
struct TokenTable {
    /// Every token's bytes back to back; token `t` is `bytes[starts[t] ..< starts[t + 1]]`.
    private(set) var bytes: [UInt8] = []
    private(set) var starts: [Int] = [0]

    private struct Slot {
        var head: UInt64   // first 8 bytes, zero-padded (tokens hold no zero byte)
        var meta: UInt64   // length << 32 | (token id + 1); 0 = empty slot
    }
    /// A power of two, at most half full.
    private var slots: [Slot]
    private var shift: UInt64

    init(capacity: Int = 1024) {
        var n = 16, bits: UInt64 = 4
        while n < capacity * 2 { n <<= 1; bits += 1 }
        slots = Array(repeating: Slot(head: 0, meta: 0), count: n)
        shift = 64 - bits
        starts.reserveCapacity(capacity + 1)
        bytes.reserveCapacity(capacity * 6)
    }

    var count: Int { starts.count - 1 }

    func withToken<R>(_ t: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[starts[t] ..< starts[t + 1]])) }
    }

    mutating func id(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        let head = Self.head(key)
        let len = UInt64(key.count)
        let mask = slots.count - 1
        var s = slot(Self.hash(head, key))
        while true {
            let e = slots[s]
            if e.meta == 0 { break }
            if e.head == head && e.meta >> 32 == len {
                let t = Int(e.meta & 0xFFFF_FFFF) - 1
                if len <= 8 || tailEquals(t, key) { return t }
            }
            s = (s + 1) & mask
        }
        let t = count
        slots[s] = Slot(head: head, meta: len << 32 | UInt64(t + 1))
        bytes.append(contentsOf: key)
        starts.append(bytes.count)
        if count * 2 > slots.count { grow() }
        return t
    }

    @inline(__always)
    private func slot(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash >> shift) }

    private func tailEquals(_ t: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            let p = b.baseAddress! + starts[t]
            for k in 8 ..< key.count where p[k] != key[k] { return false }
            return true
        }
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(head: 0, meta: 0), count: old.count * 2)
        shift -= 1
        let mask = slots.count - 1
        for e in old where e.meta != 0 {
            let t = Int(e.meta & 0xFFFF_FFFF) - 1
            var s = slot(withToken(t) { Self.hash(e.head, $0) })
            while slots[s].meta != 0 { s = (s + 1) & mask }
            slots[s] = e
        }
    }

    @inline(__always)
    private static func head(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0
        for k in 0 ..< min(8, key.count) { h |= UInt64(key[k]) << UInt64(8 * k) }
        return h
    }

    /// Multiplicative (Fibonacci) hashing of the head, bytes past 8 mixed in first; the slot
    /// is taken from the top bits.
    @inline(__always)
    private static func hash(_ head: UInt64, _ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = head
        if key.count > 8 {
            for k in 8 ..< key.count { h = (h ^ UInt64(key[k])) &* 0x0000_0100_0000_01B3 }  // FNV-1a step
            h ^= UInt64(key.count)
        }
        return h &* 0x9E37_79B9_7F4A_7C15
    }
}
