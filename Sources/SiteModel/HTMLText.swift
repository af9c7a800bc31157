/// HTML escaping for the few fragments built in Swift instead of a template (long lists of
/// snippets and quotes). Everything else is escaped by the templates' `{{…}}`.
public enum HTMLText {
    public static func escape(_ s: some StringProtocol) -> String {
        // Most text has nothing to escape: return it as it is, without a copy byte by byte.
        func clean(_ bytes: some Sequence<UInt8>) -> Bool {
            !bytes.contains { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }
        }
        guard !(s.utf8.withContiguousStorageIfAvailable(clean) ?? clean(s.utf8)) else { return String(s) }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 16)
        appendEscaped(s.utf8, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Escapes UTF-8 bytes straight into a byte buffer (multi-byte sequences pass through).
    public static func appendEscaped(_ bytes: some Sequence<UInt8>, to out: inout [UInt8]) {
        if bytes.withContiguousStorageIfAvailable({ appendEscaped(buffer: $0, to: &out) }) != nil { return }
        appendEscaped(buffer: Array(bytes), to: &out)
    }

    private static func appendEscaped(buffer bytes: some Collection<UInt8>, to out: inout [UInt8]) {
        // Runs without a special character are copied whole.
        var from = bytes.startIndex
        var i = from
        while i != bytes.endIndex {
            let replacement: [UInt8]?
            switch bytes[i] {
            case UInt8(ascii: "&"): replacement = [0x26, 0x61, 0x6D, 0x70, 0x3B]  // &amp;
            case UInt8(ascii: "<"): replacement = [0x26, 0x6C, 0x74, 0x3B]  // &lt;
            case UInt8(ascii: ">"): replacement = [0x26, 0x67, 0x74, 0x3B]  // &gt;
            case UInt8(ascii: "\""): replacement = [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]  // &quot;
            case UInt8(ascii: "'"): replacement = [0x26, 0x23, 0x33, 0x39, 0x3B]  // &#39;
            default: replacement = nil
            }
            if let replacement {
                out.append(contentsOf: bytes[from..<i])
                out.append(contentsOf: replacement)
                from = bytes.index(after: i)
            }
            i = bytes.index(after: i)
        }
        out.append(contentsOf: bytes[from..<bytes.endIndex])
    }
}

/// An HTML fragment built as UTF-8 bytes: markup appended as it is, text escaped on the way
/// in. For the long lists built in Swift (mention snippets, quoted statements), where
/// concatenating and escaping `String`s dominated the page's cost.
public struct HTMLBuffer {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 1024) { bytes.reserveCapacity(capacity) }

    /// Markup (or HTML made elsewhere, already escaped).
    public mutating func raw(_ s: String) {
        if s.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
            bytes.append(contentsOf: s.utf8)
        }
    }

    /// Text, escaped.
    public mutating func text(_ s: String) {
        if s.utf8.withContiguousStorageIfAvailable({ HTMLText.appendEscaped($0, to: &bytes) }) == nil {
            HTMLText.appendEscaped(s.utf8, to: &bytes)
        }
    }

    /// Text given as UTF-8 bytes, escaped.
    public mutating func text(_ utf8: UnsafeBufferPointer<UInt8>) {
        HTMLText.appendEscaped(utf8, to: &bytes)
    }

    /// Text given as Unicode scalars (mention offsets count scalars), escaped.
    public mutating func text(_ scalars: ArraySlice<Unicode.Scalar>) {
        for u in scalars {
            switch u.value {
            case 0x26: bytes += [0x26, 0x61, 0x6D, 0x70, 0x3B]  // &amp;
            case 0x3C: bytes += [0x26, 0x6C, 0x74, 0x3B]  // &lt;
            case 0x3E: bytes += [0x26, 0x67, 0x74, 0x3B]  // &gt;
            case 0x22: bytes += [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]  // &quot;
            case 0x27: bytes += [0x26, 0x23, 0x33, 0x39, 0x3B]  // &#39;
            case 0..<0x80: bytes.append(UInt8(u.value))
            // Encoded by hand: `UTF8.encode` goes through a generic buffer per scalar.
            case 0x80..<0x800:
                bytes.append(0xC0 | UInt8(u.value >> 6))
                bytes.append(0x80 | UInt8(u.value & 0x3F))
            case 0x800..<0x10000:
                bytes.append(0xE0 | UInt8(u.value >> 12))
                bytes.append(0x80 | UInt8((u.value >> 6) & 0x3F))
                bytes.append(0x80 | UInt8(u.value & 0x3F))
            default:
                bytes.append(0xF0 | UInt8(u.value >> 18))
                bytes.append(0x80 | UInt8((u.value >> 12) & 0x3F))
                bytes.append(0x80 | UInt8((u.value >> 6) & 0x3F))
                bytes.append(0x80 | UInt8(u.value & 0x3F))
            }
        }
    }

    public var string: String { String(decoding: bytes, as: UTF8.self) }
}
