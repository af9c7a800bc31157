/// HTML escaping for the few fragments built in Swift instead of a template (long lists of
/// snippets and quotes). Everything else is escaped by the templates' `{{…}}`.
public enum HTMLText {
    public static func escape(_ s: some StringProtocol) -> String {
        // Most text has nothing to escape: return it as it is, without a copy byte by byte.
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return String(s)
        }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 16)
        appendEscaped(s.utf8, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Escapes UTF-8 bytes straight into a byte buffer (multi-byte sequences pass through).
    public static func appendEscaped(_ bytes: some Sequence<UInt8>, to out: inout [UInt8]) {
        for b in bytes {
            switch b {
            case UInt8(ascii: "&"): out += [0x26, 0x61, 0x6D, 0x70, 0x3B]  // &amp;
            case UInt8(ascii: "<"): out += [0x26, 0x6C, 0x74, 0x3B]  // &lt;
            case UInt8(ascii: ">"): out += [0x26, 0x67, 0x74, 0x3B]  // &gt;
            case UInt8(ascii: "\""): out += [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]  // &quot;
            case UInt8(ascii: "'"): out += [0x26, 0x23, 0x33, 0x39, 0x3B]  // &#39;
            default: out.append(b)
            }
        }
    }
}
