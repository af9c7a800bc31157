import SiteModel
/// A line of raw text kept with its seed line number.
public struct RawLine: Hashable, Sendable {
    public var line: Int
    public var text: String
    public init(line: Int, text: String) {
        self.line = line
        self.text = text
    }
}

/// Everything the extraction left of a figure `图 N-M`, keyed by the figure section's id.
/// The outline carries the caption (section title) and the source / note as `.note` blocks;
/// the chart debris (axis ticks, legends, data labels in scrambled order) lives only here,
/// for the later chart stage to read numbers from, each with the line it stands on.
public struct FigureRaw: Hashable, Sendable {
    /// Section id, e.g. `figure-3-7`.
    public var id: String
    /// `图 3-7`.
    public var label: String
    public var part: Int
    public var number: Int
    public var caption: String
    public var line: Int
    /// Text after `资料来源：`, and its line.
    public var source: RawLine?
    /// Text after `注：` (continuation lines joined), and its first line.
    public var note: RawLine?
    /// Chart debris in source order.
    public var debris: [RawLine]
}

enum FigureRules {
    /// `图 3-7 标题` / `图3-7` at the start of a line (never `（见图 3-1）` inside prose).
    static func caption(_ text: String) -> (part: Int, number: Int, caption: String)? {
        guard text.utf8HasPrefix("图") else { return nil }
        var rest = text.dropFirst().drop { $0 == " " || $0 == "\u{3000}" }
        guard let (p, afterP) = TextRules.leadingInt(rest) else { return nil }
        rest = afterP.drop { $0 == " " }
        guard let dash = rest.first, "-－—–".contains(dash) else { return nil }
        rest = rest.dropFirst().drop { $0 == " " }
        guard let (n, afterN) = TextRules.leadingInt(rest) else { return nil }
        return (p, n, TextRules.collapse(afterN))
    }

    static func sourceText(_ text: String) -> String? {
        for prefix in ["资料来源：", "资料来源:", "数据来源：", "来源："] as [StaticString] where text.utf8HasPrefix(prefix) {
            return TextRules.collapse(Substring(text.utf8.dropFirst(prefix.utf8CodeUnitCount)))
        }
        return nil
    }

    static func noteText(_ text: String) -> String? {
        for prefix in ["注：", "注:"] as [StaticString] where text.utf8HasPrefix(prefix) {
            return TextRules.collapse(Substring(text.utf8.dropFirst(prefix.utf8CodeUnitCount)))
        }
        return nil
    }

    static func isPhotoSource(_ text: String) -> Bool {
        text.utf8HasPrefix("图片来源") || text.utf8HasPrefix("摄影：") || text.utf8HasPrefix("图片提供")
    }
}
