/// Turns plain text into CommonMark that renders back to exactly that text:
/// every ASCII punctuation character that could start markup is backslash-escaped.
public enum CommonMarkText {
    public static func escaped(_ text: String) -> String {
        // Every escaped character is ASCII, so this works on UTF-8 bytes: building the result
        // scalar by scalar costs several times more on a 200 KB report.
        var text = text
        let escapes = text.withUTF8 { bytes in
            var n = 0
            for b in bytes where needsEscape(b) { n += 1 }
            return n
        }
        guard escapes > 0 else { return text }
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count + escapes) { out in
                var i = 0
                for b in bytes {
                    if needsEscape(b) {
                        out[i] = UInt8(ascii: "\\")
                        i += 1
                    }
                    out[i] = b
                    i += 1
                }
                return i
            }
        }
    }

    @inline(__always)
    private static func needsEscape(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "{"),
             UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"),
             UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "#"), UInt8(ascii: "+"), UInt8(ascii: "-"),
             UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: "~"), UInt8(ascii: "&"):
            return true
        default:
            return false
        }
    }
}
