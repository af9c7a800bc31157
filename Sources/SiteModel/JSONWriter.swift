/// Pretty JSON written as it is produced, byte for byte as Foundation's JSONEncoder writes it
/// with `.prettyPrinted`, `.sortedKeys` and `.withoutEscapingSlashes` (two-space indent,
/// `"key" : value`), without building a value tree first: the data files hold every mention and
/// paragraph, and building and tearing down their trees cost more than writing them.
///
/// Keys are written in the order given: callers give them sorted. Tests compare the writer with
/// the tree-based one it replaced, which they tie to JSONEncoder.
public struct JSONWriter: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    /// Depth of open containers.
    private var level = 0
    /// No member written yet in the innermost open container.
    private var first = true
    /// A key was written: its value follows on the same line.
    private var afterKey = false

    public init(capacity: Int = 64 * 1024) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The JSON with its closing newline.
    public consuming func finish() -> [UInt8] {
        put(0x0A)
        let n = count
        let from = UnsafePointer(base)
        return [UInt8](unsafeUninitializedCapacity: n) { buffer, initialized in
            buffer.baseAddress!.initialize(from: from, count: n)
            initialized = n
        }
    }

    // MARK: Containers

    public mutating func beginObject() {
        prefix()
        put(UInt8(ascii: "{"), 0x0A)
        open()
    }

    public mutating func endObject() { close(UInt8(ascii: "}")) }

    public mutating func beginArray() {
        prefix()
        put(UInt8(ascii: "["), 0x0A)
        open()
    }

    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// A key of plain ASCII with nothing to escape (the data contract's keys).
    public mutating func key(_ k: StaticString) {
        member()
        reserve(k.utf8CodeUnitCount + 5)
        raw(UInt8(ascii: "\""))
        raw(k.utf8Start, k.utf8CodeUnitCount)
        raw(UInt8(ascii: "\""))
        raw(0x20)
        raw(UInt8(ascii: ":"))
        raw(0x20)
        afterKey = true
    }

    /// Any key, escaped as a string (a literal key takes the `StaticString` form).
    public mutating func key(escaping k: String) {
        member()
        quoted(k)
        put(0x20, UInt8(ascii: ":"), 0x20)
        afterKey = true
    }

    // MARK: Values

    public mutating func string(_ s: String) {
        prefix()
        quoted(s)
    }

    /// `null` when absent.
    public mutating func string(_ s: String?) {
        if let s { string(s) } else { null() }
    }

    /// A string written from its UTF-8 pieces, one after another (a URL from its page and
    /// anchor, without joining them first).
    public mutating func string(_ a: String, _ b: StaticString, _ c: String) {
        prefix()
        put(UInt8(ascii: "\""))
        escaped(a)
        escaped(UnsafeBufferPointer(start: b.utf8Start, count: b.utf8CodeUnitCount))
        escaped(c)
        put(UInt8(ascii: "\""))
    }

    public mutating func strings(_ list: [String]) {
        beginArray()
        for s in list { string(s) }
        endArray()
    }

    public mutating func int(_ n: Int) {
        prefix()
        reserve(21)
        if n < 0 { raw(UInt8(ascii: "-")) }
        var m = n.magnitude
        var digits = 1
        var t = m
        while t >= 10 {
            t /= 10
            digits += 1
        }
        // Digits from the last backwards, straight into place.
        var p = base + count + digits
        repeat {
            p -= 1
            p.pointee = UInt8(ascii: "0") + UInt8(m % 10)
            m /= 10
        } while m > 0
        count += digits
    }

    public mutating func int(_ n: Int?) {
        if let n { int(n) } else { null() }
    }

    /// As JSONSerialization writes a Double: its shortest form, without a trailing ".0".
    public mutating func double(_ x: Double) {
        prefix()
        let text = x.description
        escaped(text.hasSuffix(".0") ? String(text.dropLast(2)) : text)
    }

    public mutating func bool(_ b: Bool) {
        prefix()
        if b { put(UInt8(ascii: "t"), UInt8(ascii: "r"), UInt8(ascii: "u"), UInt8(ascii: "e")) }
        else { put(UInt8(ascii: "f"), UInt8(ascii: "a"), UInt8(ascii: "l"), UInt8(ascii: "s"), UInt8(ascii: "e")) }
    }

    public mutating func null() {
        prefix()
        put(UInt8(ascii: "n"), UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "l"))
    }

    // MARK: Layout

    /// What goes before a value: nothing after a key or at the top; in an array the separator
    /// and the indent.
    @inline(__always)
    private mutating func prefix() {
        if afterKey {
            afterKey = false
        } else if level > 0 {
            member()
        }
    }

    @inline(__always)
    private mutating func member() {
        if first {
            first = false
        } else {
            put(UInt8(ascii: ","), 0x0A)
        }
        indent(level)
    }

    @inline(__always)
    private mutating func open() {
        level += 1
        first = true
    }

    private mutating func close(_ bracket: UInt8) {
        put(0x0A)
        level -= 1
        indent(level)
        put(bracket)
        first = false
    }

    @inline(__always)
    private mutating func indent(_ level: Int) {
        let n = 2 * level
        // Eight spaces at a time (up to seven more are written past the end and overwritten
        // later: reserved, never counted).
        reserve(n + 8)
        let spaces: UInt64 = 0x2020_2020_2020_2020
        var p = UnsafeMutableRawPointer(base + count)
        var left = n
        while left > 0 {
            p.storeBytes(of: spaces, as: UInt64.self)
            p += 8
            left -= 8
        }
        count &+= n
    }

    // MARK: Strings

    /// Quote, backslash and C0 controls escaped; everything else (slashes, CJK) as it is.
    private mutating func quoted(_ s: String) {
        put(UInt8(ascii: "\""))
        escaped(s)
        put(UInt8(ascii: "\""))
    }

    private mutating func escaped(_ s: String) {
        // Native and small strings are contiguous (no copy of the String as `withUTF8` makes).
        if s.utf8.withContiguousStorageIfAvailable({ escaped($0) }) == nil {
            var s = s
            s.withUTF8 { escaped($0) }
        }
    }

    private mutating func escaped(_ u: UnsafeBufferPointer<UInt8>) {
        guard let start = u.baseAddress else { return }
        let n = u.count
        // Most strings have nothing to escape: scanned eight bytes at a time, copied whole.
        var i = 0
        var run = 0
        while i < n {
            if i + 8 <= n && !Self.mayNeedEscape(UnsafeRawPointer(start + i).loadUnaligned(as: UInt64.self)) {
                i += 8
                continue
            }
            let end = min(i + 8, n)
            while i < end {
                let b = start[i]
                if b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
                    reserve(i - run)
                    raw(start + run, i - run)
                    escape(b)
                    run = i + 1
                }
                i += 1
            }
        }
        reserve(n - run)
        raw(start + run, n - run)
    }

    /// Whether any of the eight bytes is a C0 control, a quote or a backslash: the classic word
    /// tests for "a byte less than 0x20" and "a zero byte" (of `x ^ "` and `x ^ \\`), exact
    /// about whether there is one; bytes from 0x80 up (UTF-8 sequences) never count.
    @inline(__always)
    private static func mayNeedEscape(_ x: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quotes = x ^ (ones &* 0x22), backslashes = x ^ (ones &* 0x5C)
        // All three share their high bits with x, so one `& ~x` serves them all.
        return ((x &- ones &* 0x20) | (quotes &- ones) | (backslashes &- ones)) & ~x & (ones &* 0x80) != 0
    }

    private mutating func escape(_ b: UInt8) {
        reserve(6)
        raw(UInt8(ascii: "\\"))
        switch b {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): raw(b)
        case 0x08: raw(UInt8(ascii: "b"))
        case 0x0C: raw(UInt8(ascii: "f"))
        case 0x0A: raw(UInt8(ascii: "n"))
        case 0x0D: raw(UInt8(ascii: "r"))
        case 0x09: raw(UInt8(ascii: "t"))
        default:
            // Lower-case hex, as Foundation writes it.
            let hex: (UInt8) -> UInt8 = { $0 < 10 ? UInt8(ascii: "0") + $0 : UInt8(ascii: "a") + $0 - 10 }
            raw(UInt8(ascii: "u"))
            raw(UInt8(ascii: "0"))
            raw(UInt8(ascii: "0"))
            raw(hex(b >> 4))
            raw(hex(b & 0x0F))
        }
    }

    // MARK: Bytes

    @inline(__always)
    private mutating func reserve(_ n: Int) {
        if count + n > capacity { grow(to: count + n) }
    }

    @inline(never)
    private mutating func grow(to needed: Int) {
        let grown = max(2 * capacity, needed)
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        bigger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = grown
    }

    /// Appends without checking the capacity (`reserve` first).
    @inline(__always)
    private mutating func raw(_ b: UInt8) {
        base[count] = b
        count &+= 1
    }

    @inline(__always)
    private mutating func raw(_ p: UnsafePointer<UInt8>, _ n: Int) {
        (base + count).initialize(from: p, count: n)
        count &+= n
    }

    @inline(__always)
    private mutating func put(_ b: UInt8) {
        reserve(1)
        raw(b)
    }

    @inline(__always)
    private mutating func put(_ a: UInt8, _ b: UInt8) {
        reserve(2)
        raw(a)
        raw(b)
    }

    @inline(__always)
    private mutating func put(_ a: UInt8, _ b: UInt8, _ c: UInt8) {
        reserve(3)
        raw(a)
        raw(b)
        raw(c)
    }

    @inline(__always)
    private mutating func put(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) {
        reserve(4)
        raw(a)
        raw(b)
        raw(c)
        raw(d)
    }

    @inline(__always)
    private mutating func put(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8, _ e: UInt8) {
        reserve(5)
        raw(a)
        raw(b)
        raw(c)
        raw(d)
        raw(e)
    }
}
