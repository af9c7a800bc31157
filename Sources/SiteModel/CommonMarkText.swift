/// Turns plain text into CommonMark that renders back to exactly that text:
/// every ASCII punctuation character that could start markup is backslash-escaped.
public enum CommonMarkText {
    private static let special: Set<Character> = [
        "\\", "`", "*", "_", "{", "}", "[", "]", "<", ">", "(", ")", "#", "+", "-", ".", "!", "|", "~", "&",
    ]

    public static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            if special.contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}
