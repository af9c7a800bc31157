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
    /// Splits the file into non-blank `SourceLine`s (CRLF tolerated). Works on UTF-8 bytes:
    /// splitting and trimming by Character or scalar is several times slower.
    static func split(_ text: String) -> [SourceLine] {
        var out: [SourceLine] = []
        var previousBlank = true
        var number = 0
        var text = text
        text.withUTF8 { bytes in
            let n = bytes.count
            // Trimmed: space, tab, CR, U+3000 (E3 80 80), U+00A0 (C2 A0). Each counts one toward `indent`.
            func spaceAfter(_ i: Int) -> Int {
                let b = bytes[i]
                if b == 0x20 || b == 0x09 || b == 0x0D { return 1 }
                if b == 0xE3, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 { return 3 }
                if b == 0xC2, i + 1 < n, bytes[i + 1] == 0xA0 { return 2 }
                return 0
            }
            func spaceBefore(_ e: Int, _ start: Int) -> Int {
                let b = bytes[e - 1]
                if b == 0x20 || b == 0x09 || b == 0x0D { return 1 }
                if b == 0x80, e - 3 >= start, bytes[e - 3] == 0xE3, bytes[e - 2] == 0x80 { return 3 }
                if b == 0xA0, e - 2 >= start, bytes[e - 2] == 0xC2 { return 2 }
                return 0
            }
            var lineStart = 0
            while lineStart <= n {
                var lineEnd = lineStart
                while lineEnd < n, bytes[lineEnd] != 0x0A { lineEnd += 1 }
                defer { lineStart = lineEnd + 1 }
                number += 1
                var start = lineStart, end = lineEnd, indent = 0
                while start < end, case let k = spaceAfter(start), k > 0 { start += k; indent += 1 }
                while end > start, case let k = spaceBefore(end, start), k > 0 { end -= k }
                if start == end {
                    previousBlank = true
                    continue
                }
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                out.append(SourceLine(number: number, text: String(decoding: line, as: UTF8.self), indent: indent,
                                      width: TextRules.width(utf8: line), frameStart: !previousBlank || indent > 0))
                previousBlank = false
            }
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
