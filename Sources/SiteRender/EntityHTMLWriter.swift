#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SiteLink
import SiteModel

/// UTF-8 bytes of the long mention and statement lists of the entity pages: markup appended
/// as it is, text escaped as `HTMLText` escapes it, links made relative straight into the
/// bytes. No `String` is built per mention: those lists run to hundreds of entries a page.
/// Its own buffer (an array's `append(contentsOf:)` costs more than the few bytes most
/// appends copy).
struct EntityHTMLWriter: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }
    var isEmpty: Bool { count == 0 }

    private mutating func reserve(_ n: Int) {
        guard count + n > capacity else { return }
        capacity = max(capacity * 2, count + n)
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        grown.update(from: base, count: count)
        base.deallocate()
        base = grown
    }

    private mutating func append(_ p: UnsafePointer<UInt8>?, _ n: Int) {
        guard n > 0, let p else { return }
        reserve(n)
        memcpy(base + count, p, n)
        count += n
    }

    private mutating func append(_ b: UInt8) {
        reserve(1)
        base[count] = b
        count += 1
    }

    /// Markup.
    mutating func raw(_ s: StaticString) { append(s.utf8Start, s.utf8CodeUnitCount) }

    /// Markup, or text escaped before.
    mutating func raw(_ b: [UInt8]) { b.withUnsafeBufferPointer { append($0.baseAddress, $0.count) } }

    /// Another writer's bytes.
    mutating func raw(_ other: borrowing EntityHTMLWriter) { append(other.base, other.count) }

    /// Bytes known to need no escaping.
    mutating func raw(_ b: UnsafeBufferPointer<UInt8>) { append(b.baseAddress, b.count) }

    /// Text, escaped.
    mutating func text(_ s: String) {
        var s = s
        s.withUTF8 { text($0) }
    }

    /// Text given as UTF-8, escaped: `&`, `<`, `>`, `"` and `'` as `HTMLText` writes them;
    /// the runs between are copied whole.
    mutating func text(_ utf8: UnsafeBufferPointer<UInt8>) {
        guard let start = utf8.baseAddress else { return }
        var from = 0
        for i in 0..<utf8.count {
            let b = utf8[i]
            // All five are below 0x40: one shift and mask tells most bytes apart.
            guard Self.isSpecial(b) else { continue }
            append(start + from, i - from)
            switch b {
            case 0x26: raw("&amp;")
            case 0x3C: raw("&lt;")
            case 0x3E: raw("&gt;")
            case 0x22: raw("&quot;")
            default: raw("&#39;")
            }
            from = i + 1
        }
        append(start + from, utf8.count - from)
    }

    private static let special: UInt64 = 1 << 0x26 | 1 << 0x3C | 1 << 0x3E | 1 << 0x22 | 1 << 0x27

    /// Whether `text` writes the byte otherwise.
    @inline(__always)
    static func isSpecial(_ b: UInt8) -> Bool { b < 0x40 && special >> UInt64(b) & 1 != 0 }

    /// `String(n)`.
    mutating func decimal(_ n: Int) {
        reserve(20)
        if n < 0 { append(0x2D) }
        var m = n.magnitude
        let first = count
        repeat {
            base[count] = 0x30 + UInt8(m % 10)
            count += 1
            m /= 10
        } while m > 0
        var i = first, j = count - 1
        while i < j {
            swapAt(i, j)
            i += 1
            j -= 1
        }
    }

    private mutating func swapAt(_ i: Int, _ j: Int) {
        let t = base[i]
        base[i] = base[j]
        base[j] = t
    }

    /// `link(from: page, to: target)` (`PageContext.link`), escaped; `page` and `target` are
    /// paths as UTF-8. With `fragmentFollows` the target's fragment is written next, after a "#".
    mutating func link(from page: UnsafeBufferPointer<UInt8>, to target: UnsafeBufferPointer<UInt8>, fragmentFollows: Bool = false) {
        let (ups, start) = RelativeURL.parts(from: page, to: target, fragmentFollows: fragmentFollows)
        for _ in 0..<ups { raw("../") }
        text(UnsafeBufferPointer(rebasing: target[start...]))
    }

    /// `link(from:to:fragmentFollows:)` on its own.
    static func link(from page: UnsafeBufferPointer<UInt8>, to target: UnsafeBufferPointer<UInt8>, fragmentFollows: Bool = false) -> [UInt8] {
        var out = EntityHTMLWriter(capacity: target.count + 32)
        out.link(from: page, to: target, fragmentFollows: fragmentFollows)
        return out.bytes
    }

    /// `link(from: page, to: path + "#" + fragment)`, escaped.
    mutating func link(from page: UnsafeBufferPointer<UInt8>, to path: String, fragment: String) {
        var path = path
        path.withUTF8 { link(from: page, to: $0, fragmentFollows: true) }
        append(0x23)  // "#"
        text(fragment)
    }
}
