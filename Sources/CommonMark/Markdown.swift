import CCmark

/// One-shot conversions.
public enum Markdown {
    /// CommonMark → HTML in safe mode: raw HTML is omitted and `javascript:` style URLs dropped.
    public static func html(_ markdown: String) -> String {
        MarkdownTree(markdown).document.html
    }
}
