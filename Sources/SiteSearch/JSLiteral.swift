/// Writes JavaScript literals by hand so the output is byte-for-byte deterministic (no dictionary
/// order, no platform-dependent escaping) and safe to inline in a <script> element.
enum JSLiteral {
    static func string(_ s: String, into out: inout String) {
        out.append("\"")
        for u in s.unicodeScalars {
            switch u {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\t": out.append("\\t")
            // "<" so "</script>" can never appear; U+2028/9 are line terminators in older JS.
            case "<", "\u{2028}", "\u{2029}": out.append(hex(u.value))
            default:
                if u.value < 0x20 || u.value == 0x7F { out.append(hex(u.value)) } else { out.unicodeScalars.append(u) }
            }
        }
        out.append("\"")
    }

    static func string(_ s: String) -> String {
        var out = ""
        string(s, into: &out)
        return out
    }

    private static func hex(_ v: UInt32) -> String {
        let h = String(v, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - h.count) + h
    }
}
