/// Interns byte strings: id 0, 1, 2… in order of first sight. An open-addressing table over one
/// byte arena, so looking a token up allocates nothing and hashes a few bytes (a `Set<String>`
/// hashes the NFC form of every CJK token, which dominated the index build).
/// A slot holds a token's first 8 bytes (its head), which is all of a CJK character or bigram
/// (3–8 bytes): the scanner hands those over as one `UInt64` and the lookup is one multiply and,
/// mostly, one slot. Keys may be any bytes (the builder's title table uses it too).
struct TokenTable: ~Copyable {
    /// Every token's bytes back to back; token `t` is `bytes[starts[t] ..< starts[t + 1]]`.
    private(set) var bytes: FlatBuffer<UInt8>
    private(set) var starts: FlatBuffer<Int32>
    /// Each token's first 8 bytes, little-endian, zero-padded (what `TokenOrder` sorts on first).
    private(set) var heads: FlatBuffer<UInt64>

    struct Slot {
        var head: UInt64
        var id1: UInt32    // token id + 1; 0 = empty slot
        var length: UInt32
    }
    /// A power of two, at most 3/4 full (linear probing stays short).
    private var slots: FlatBuffer<Slot>
    private var mask: Int
    private var shift: UInt64

    init(capacity: Int = 1024) {
        var n = 16, bits: UInt64 = 4
        while n * 3 < capacity * 4 { n <<= 1; bits += 1 }
        slots = FlatBuffer(zeroed: n)
        mask = n - 1
        shift = 64 - bits
        starts = FlatBuffer(capacity: capacity + 1)
        starts.append(0)
        heads = FlatBuffer(capacity: capacity)
        bytes = FlatBuffer(capacity: capacity * 6 + 8)
    }

    var count: Int { heads.count }

    func withToken<R>(_ t: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let start = Int(starts[t])
        return body(UnsafeBufferPointer(start: bytes.base + start, count: Int(starts[t + 1]) - start))
    }

    /// The id of a token of at most 8 bytes, given as its `head` (its bytes, little-endian).
    @inline(__always)
    mutating func id(head: UInt64, count n: Int) -> Int {
        assert(n <= 8)
        var s = slot(Self.mix(head))
        while true {
            let e = slots[s]
            if e.id1 == 0 { return insert(at: s, head: head, count: n, key: nil) }
            if e.head == head && e.length == UInt32(truncatingIfNeeded: n) { return Int(e.id1) &- 1 }
            s = (s &+ 1) & mask
        }
    }

    mutating func id(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        let head = Self.head(key)
        if key.count <= 8 { return id(head: head, count: key.count) }
        var s = slot(Self.hash(head, key))
        while true {
            let e = slots[s]
            if e.id1 == 0 { return insert(at: s, head: head, count: key.count, key: key.baseAddress) }
            if e.head == head && e.length == UInt32(key.count) {
                let t = Int(e.id1) - 1
                if tailEquals(t, key) { return t }
            }
            s = (s + 1) & mask
        }
    }

    @inline(never)
    private mutating func insert(at s: Int, head: UInt64, count n: Int, key: UnsafePointer<UInt8>?) -> Int {
        let t = count
        precondition(bytes.count + n < Int(Int32.max), "token table over 2 GB")
        slots[s] = Slot(head: head, id1: UInt32(truncatingIfNeeded: t + 1), length: UInt32(truncatingIfNeeded: n))
        heads.append(head)
        bytes.reserve(max(n, 8))
        if let key {
            (bytes.base + bytes.count).initialize(from: key, count: n)
        } else {
            UnsafeMutableRawPointer(bytes.base + bytes.count).storeBytes(of: head.littleEndian, as: UInt64.self)
        }
        bytes.advance(n)
        starts.append(Int32(bytes.count))
        if count * 4 > slots.count * 3 { grow() }
        return t
    }

    @inline(__always)
    private func slot(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash &>> shift) }

    private func tailEquals(_ t: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        Self.equal(bytes.base + Int(starts[t]) + 8, key.baseAddress! + 8, count: key.count - 8)
    }

    /// Whether `count` bytes at `a` and `b` are equal, compared 8 at a time.
    @inline(__always)
    static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, count: Int) -> Bool {
        var k = 0
        while k &+ 8 <= count {
            if UnsafeRawPointer(a + k).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(b + k).loadUnaligned(as: UInt64.self) {
                return false
            }
            k &+= 8
        }
        while k < count {
            if a[k] != b[k] { return false }
            k &+= 1
        }
        return true
    }

    /// Whether token `t` is these bytes.
    func isToken(_ t: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[t])
        guard Int(starts[t + 1]) - start == key.count else { return false }
        return key.isEmpty || Self.equal(bytes.base + start, key.baseAddress!, count: key.count)
    }

    private mutating func grow() {
        let n = slots.count * 2
        var new = FlatBuffer<Slot>(zeroed: n)
        shift -= 1
        mask = n - 1
        for t in 0 ..< count {
            let head = heads[t]
            let length = Int(starts[t + 1] - starts[t])
            let h = length <= 8 ? Self.mix(head) : withToken(t) { Self.hash(head, $0) }
            var s = slot(h)
            while new[s].id1 != 0 { s = (s + 1) & mask }
            new[s] = Slot(head: head, id1: UInt32(t + 1), length: UInt32(length))
        }
        slots = new
    }

    /// The first 8 bytes of `key`, little-endian, zero-padded.
    @inline(__always)
    static func head(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        if key.count >= 8 { return UInt64(littleEndian: UnsafeRawPointer(key.baseAddress!).loadUnaligned(as: UInt64.self)) }
        var h: UInt64 = 0
        for k in 0 ..< key.count { h |= UInt64(key[k]) << UInt64(8 * k) }
        return h
    }

    /// Multiplicative (Fibonacci) hashing; the slot is taken from the top bits.
    @inline(__always)
    private static func mix(_ h: UInt64) -> UInt64 { h &* 0x9E37_79B9_7F4A_7C15 }

    /// A key longer than 8 bytes: the rest mixed into the head 8 bytes at a time, then its length.
    private static func hash(_ head: UInt64, _ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = head
        var k = 8
        while k + 8 <= key.count {
            h = (h ^ UnsafeRawPointer(key.baseAddress! + k).loadUnaligned(as: UInt64.self)) &* 0x0000_0100_0000_01B3
            h ^= h >> 29
            k += 8
        }
        while k < key.count {
            h = (h ^ UInt64(key[k])) &* 0x0000_0100_0000_01B3  // FNV-1a step
            k += 1
        }
        return mix(h ^ UInt64(key.count))
    }
}
