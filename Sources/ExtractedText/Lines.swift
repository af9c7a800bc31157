import SiteModel
/// One non-blank line of the extracted text, with the layout facts the heuristics use.
/// Blank lines are not kept: the extraction puts one after every line, so only their
/// *absence* carries information (see `frameStart`).
public struct SourceLine: Hashable, Sendable {
    /// 1-based line number in the seed.
    public var number: Int
    /// The line without leading/trailing whitespace (inner spacing kept: `2020 年`).
    public var text: String
    /// Leading spaces in the source. The extractor indents the first line of a new text frame.
    public var indent: Int
    /// Display width in em: CJK and full-width punctuation 1, ASCII ½.
    public var width: Double
    /// True when the previous source line is not blank: the extractor starts a new text
    /// frame (sidebar title, caption, resumed column…) without the usual blank line.
    public var frameStart: Bool

    public init(number: Int, text: String, indent: Int = 0, width: Double? = nil, frameStart: Bool = false) {
        self.number = number
        self.text = text
        self.indent = indent
        self.width = width ?? TextRules.width(text)
        self.frameStart = frameStart
    }
}

enum Lines {
    /// Splits the file into non-blank `SourceLine`s (CRLF tolerated).
    static func split(_ text: String) -> [SourceLine] {
        var out: [SourceLine] = []
        var previousBlank = true
        var number = 0
        // Split on UTF-8 bytes: splitting a String by Character is several times slower.
        for rawBytes in text.utf8.split(separator: 10, omittingEmptySubsequences: false) {
            number += 1
            let raw = String(decoding: rawBytes, as: UTF8.self).unicodeScalars
            var start = raw.startIndex, end = raw.endIndex
            func isSpace(_ u: Unicode.Scalar) -> Bool { u == " " || u == "\t" || u == "\r" || u == "\u{3000}" || u == "\u{A0}" }
            while start < end, isSpace(raw[start]) { start = raw.index(after: start) }
            while end > start, isSpace(raw[raw.index(before: end)]) { end = raw.index(before: end) }
            if start == end {
                previousBlank = true
                continue
            }
            let indent = raw.distance(from: raw.startIndex, to: start)
            out.append(SourceLine(number: number, text: String(raw[start..<end]), indent: indent,
                                  frameStart: !previousBlank || indent > 0))
            previousBlank = false
        }
        return out
    }
}

extension StringProtocol {
    func trimmingSpaces() -> SubSequence {
        var s = self[...]
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return s
    }
}
