/// A growable byte buffer for writers that append many short runs: an append is a capacity
/// check and a copy. (`[UInt8].append(contentsOf:)` and `withUnsafeMutableBufferPointer`
/// each cost about a hundred instructions a call, more than the bytes they move.)
/// Copy-on-write, like an Array.
struct ByteBuffer {
    private final class Storage {
        let base: UnsafeMutablePointer<UInt8>
        let capacity: Int

        init(capacity: Int) {
            self.capacity = capacity
            base = .allocate(capacity: capacity)
        }

        deinit { base.deallocate() }
    }

    private var storage: Storage
    private(set) var count = 0

    init(capacity: Int = 2048) {
        storage = Storage(capacity: max(16, capacity))
    }

    /// Makes room for `n` more bytes in storage of our own.
    @inline(__always)
    private mutating func reserve(_ n: Int) {
        if _slowPath(count &+ n > storage.capacity || !isKnownUniquelyReferenced(&storage)) { grow(n) }
    }

    @inline(never)
    private mutating func grow(_ n: Int) {
        let old = storage
        let capacity = count + n > old.capacity ? max(2 * old.capacity, count + n) : old.capacity
        storage = Storage(capacity: capacity)
        storage.base.initialize(from: old.base, count: count)
    }

    @inline(__always)
    mutating func append(_ b: UInt8) {
        reserve(1)
        storage.base[count] = b
        count += 1
    }

    @inline(__always)
    mutating func append(_ p: UnsafePointer<UInt8>, count n: Int) {
        reserve(n)
        let d = storage.base + count
        if n <= 16 {
            for i in 0 ..< n { d[i] = p[i] }  // short runs: cheaper than calling memcpy
        } else {
            d.update(from: p, count: n)
        }
        count += n
    }

    @inline(__always)
    mutating func append(_ s: StaticString) {
        append(s.utf8Start, count: s.utf8CodeUnitCount)
    }

    mutating func append(_ u: UnsafeBufferPointer<UInt8>) {
        if let p = u.baseAddress { append(p, count: u.count) }
    }

    mutating func append(string s: String) {
        var s = s
        s.withUTF8 { append($0) }
    }

    /// `xmlEscape(s)`'s bytes: copied as they are when nothing needs escaping (the usual case).
    mutating func append(escapingXML s: String) {
        var s = s
        let copied = s.withUTF8 { u -> Bool in
            if needsXMLEscape(u) { return false }
            append(u)
            return true
        }
        if !copied { append(string: xmlEscape(s)) }
    }

    var string: String { withUnsafeBytes { String(decoding: $0, as: UTF8.self) } }

    var last: UInt8? { count > 0 ? storage.base[count - 1] : nil }

    /// Lets `body` write at most `n` bytes in place; it returns how many it wrote.
    @inline(__always)
    mutating func write(atMost n: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        reserve(n)
        count += body(storage.base + count)
    }

    func withUnsafeBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withExtendedLifetime(storage) { body(UnsafeBufferPointer(start: storage.base, count: count)) }
    }

    var array: [UInt8] { withUnsafeBytes { Array($0) } }
}
