import SiteLink
import SiteModel

/// UTF-8 bytes of the long mention and statement lists of the entity pages: markup appended
/// as it is, text escaped as `HTMLText` escapes it, links made relative straight into the
/// bytes. No `String` is built per mention: those lists run to hundreds of entries a page.
struct EntityHTMLWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// Markup.
    mutating func raw(_ s: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// Markup or text escaped before.
    mutating func raw(_ b: [UInt8]) { bytes.append(contentsOf: b) }

    /// Text, escaped.
    mutating func text(_ s: String) {
        var s = s
        s.withUTF8 { text($0) }
    }

    /// Text given as UTF-8, escaped: `&`, `<`, `>`, `"` and `'` as `HTMLText` writes them;
    /// the runs between are copied whole.
    mutating func text(_ utf8: UnsafeBufferPointer<UInt8>) {
        var from = 0
        for i in 0..<utf8.count {
            let b = utf8[i]
            // All five are below 0x40: one shift and mask tells most bytes apart.
            guard b < 0x40, Self.special >> UInt64(b) & 1 != 0 else { continue }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[from..<i]))
            switch b {
            case 0x26: raw("&amp;")
            case 0x3C: raw("&lt;")
            case 0x3E: raw("&gt;")
            case 0x22: raw("&quot;")
            default: raw("&#39;")
            }
            from = i + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[from...]))
    }

    private static let special: UInt64 = 1 << 0x26 | 1 << 0x3C | 1 << 0x3E | 1 << 0x22 | 1 << 0x27

    /// `String(n)`.
    mutating func decimal(_ n: Int) {
        if n < 0 { bytes.append(0x2D) }
        var m = n.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { d in
            var i = d.count
            repeat {
                i -= 1
                d[i] = 0x30 + UInt8(m % 10)
                m /= 10
            } while m > 0
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: d[i...]))
        }
    }

    /// `link(from: page, to: path + "#" + fragment)` (`PageContext.link`), escaped; `page` is the
    /// UTF-8 of the page's path.
    mutating func link(from page: UnsafeBufferPointer<UInt8>, to path: String, fragment: String) {
        var path = path
        path.withUTF8 { to in
            let (ups, start) = RelativeURL.parts(from: page, to: to, fragmentFollows: true)
            for _ in 0..<ups { raw("../") }
            text(UnsafeBufferPointer(rebasing: to[start...]))
        }
        bytes.append(0x23)  // "#"
        text(fragment)
    }
}
