// A fast path for TextMeasure. Its rules are written over Characters (grapheme clusters), and
// iterating, comparing and concatenating Strings by Character dominated chart drawing. For
// text in the scripts charts actually carry, a Character is a single scalar, so the same rules
// can run over an array of scalars with index ranges instead of Strings. Anything else takes
// the Character code unchanged; tests run both on random text.

/// Text whose every scalar is a Character of its own and equals a Character only if it is the
/// same scalar, so by-scalar results are by-Character results.
struct SimpleText {
    let utf8: [UInt8]
    let scalars: [UInt32]
    /// UTF-8 offset of scalar `i`; one more entry for the end.
    let offsets: [Int]

    init?(_ s: String) {
        let utf8 = Array(s.utf8)
        var scalars: [UInt32] = [], offsets: [Int] = []
        scalars.reserveCapacity(utf8.count)
        offsets.reserveCapacity(utf8.count + 1)
        var offset = 0
        for u in s.unicodeScalars {
            guard Self.isSimple(u.value) else { return nil }
            offsets.append(offset)
            scalars.append(u.value)
            offset += UTF8.width(u)
        }
        offsets.append(offset)
        self.utf8 = utf8
        self.scalars = scalars
        self.offsets = offsets
    }

    var count: Int { scalars.count }

    /// Scalars that neither join the one before nor the one after into a grapheme cluster
    /// (no Extend, ZWJ, SpacingMark, Prepend, CR, Hangul jamo or regional indicator) and that
    /// no other scalar is canonically equivalent to. Covers ASCII, Latin, CJK and its punctuation.
    static func isSimple(_ v: UInt32) -> Bool {
        switch v {
        case 0x20 ... 0x7E, 0xA0 ... 0x2FF, 0x2010 ... 0x2027,
             0x3000 ... 0x3029, 0x3030 ... 0x303F,   // not 302A–302F: combining tone marks
             0x3040 ... 0x3098, 0x309B ... 0x30FF,   // not 3099–309A: combining (semi-)voiced marks
             0x3400 ... 0x4DBF, 0x4E00 ... 0x9FFF, 0xFF01 ... 0xFF60, 0xFFE0 ... 0xFFE6:
            return true
        default:
            return false
        }
    }

    func string(_ r: Range<Int>) -> String {
        utf8.withUnsafeBufferPointer { String(decoding: $0[offsets[r.lowerBound] ..< offsets[r.upperBound]], as: UTF8.self) }
    }

    /// `TextMeasure.width` of `self[r]` in em: summed in the same order, so the same Double.
    func em(_ r: Range<Int>) -> Double {
        var em = 0.0
        for i in r { em += TextMeasure.scalarWidth(scalars[i]) }
        return em
    }

    func width(_ r: Range<Int>, fontSize: Double) -> Double { em(r) * fontSize }

    static let space: UInt32 = 0x20

    /// `r` without trailing spaces (`String.trimmingTrailingSpaces`).
    func trimmed(_ r: Range<Int>) -> Range<Int> {
        var end = r.upperBound
        while end > r.lowerBound && scalars[end - 1] == Self.space { end -= 1 }
        return r.lowerBound ..< end
    }

    // MARK: TextMeasure's algorithms on index ranges. Every token and line is a contiguous run
    // of the text: tokens are cut in order, and a line is tokens in order minus leading spaces.

    /// `TextMeasure.tokens`.
    func tokens() -> [Range<Int>] {
        var toks: [Range<Int>] = []
        toks.reserveCapacity(count)
        let noLineStart = TextMeasure.noLineStartScalars, noLineEnd = TextMeasure.noLineEndScalars
        var word: Range<Int>? = nil
        var glueNext = false
        func push(_ t: Range<Int>) {
            if glueNext, let last = toks.last { toks[toks.count - 1] = last.lowerBound ..< t.upperBound } else { toks.append(t) }
            glueNext = false
        }
        func flushWord() { if let w = word { push(w); word = nil } }
        for i in 0 ..< count {
            let c = scalars[i]
            if c == Self.space { flushWord(); toks.append(i ..< i + 1); glueNext = false; continue }
            if noLineStart.contains(c) {
                if let w = word { word = w.lowerBound ..< i + 1; continue }
                if let last = toks.last, !isSpaceToken(last) { toks[toks.count - 1] = last.lowerBound ..< i + 1; continue }
                push(i ..< i + 1); continue
            }
            let opening = noLineEnd.contains(c)
            if TextMeasure.isWide(c) {
                flushWord()
                push(i ..< i + 1)
                if opening { glueNext = true }
            } else {
                if opening { flushWord(); push(i ..< i + 1); glueNext = true; continue }
                word = (word?.lowerBound ?? i) ..< i + 1
            }
        }
        flushWord()
        return toks
    }

    private func isSpaceToken(_ t: Range<Int>) -> Bool { t.count == 1 && scalars[t.lowerBound] == Self.space }

    /// `TextMeasure.wrapAll`.
    func wrapAll(maxWidth: Double, fontSize: Double) -> [Range<Int>] {
        // Widths of growing ranges from one start, extended scalar by scalar: the same sums in
        // the same order as `width`, so the same Doubles, without re-adding the line each time.
        var memo = (start: -1, end: -1, em: 0.0)
        func width(_ r: Range<Int>, fontSize: Double) -> Double {
            if r.lowerBound != memo.start || r.upperBound < memo.end { memo = (r.lowerBound, r.lowerBound, 0) }
            while memo.end < r.upperBound {
                memo.em += TextMeasure.scalarWidth(scalars[memo.end])
                memo.end += 1
            }
            return memo.em * fontSize
        }
        var lines: [Range<Int>] = []
        var cur: Range<Int>? = nil  // nil: the empty line
        for tok in tokens() {
            if isSpaceToken(tok) {
                if let c = cur { cur = c.lowerBound ..< tok.upperBound }
                continue
            }
            if let c = cur {
                let candidate = c.lowerBound ..< tok.upperBound
                if width(trimmed(candidate), fontSize: fontSize) <= maxWidth {
                    cur = candidate
                } else {
                    lines.append(trimmed(c))
                    cur = tok
                }
            } else {
                cur = tok
            }
            // A single token wider than the line: break it by character as a last resort.
            while let c = cur, width(c, fontSize: fontSize) > maxWidth && c.count > 1 {
                var end = c.lowerBound
                while end < c.upperBound {
                    if width(c.lowerBound ..< end + 1, fontSize: fontSize) > maxWidth && end > c.lowerBound { break }
                    end += 1
                }
                lines.append(c.lowerBound ..< end)
                cur = end ..< c.upperBound
            }
        }
        let tail = cur.map(trimmed)
        if let tail, !tail.isEmpty { lines.append(tail) } else if lines.isEmpty { lines.append(0 ..< 0) }
        return lines
    }

    /// `TextMeasure.balancedWrap`.
    func balancedWrap(maxWidth: Double, fontSize: Double, maxLines: Int) -> [Range<Int>]? {
        let greedy = wrapAll(maxWidth: maxWidth, fontSize: fontSize)
        guard greedy.count <= max(1, maxLines) else { return nil }
        guard greedy.count > 1 else { return greedy }
        var lo = maxWidth / Double(greedy.count) * 0.9, hi = maxWidth
        var best = greedy
        for _ in 0..<12 {
            let mid = (lo + hi) / 2
            let l = wrapAll(maxWidth: mid, fontSize: fontSize)
            if l.count <= greedy.count && l.allSatisfy({ width($0, fontSize: fontSize) <= mid + 1e-9 }) { best = l; hi = mid } else { lo = mid }
        }
        return best
    }

    /// `TextMeasure.wrapTruncating`.
    func wrapTruncating(maxWidth: Double, fontSize: Double, maxLines: Int) -> [String] {
        var lines = wrapAll(maxWidth: maxWidth, fontSize: fontSize)
        let n = max(1, maxLines)
        guard lines.count > n else { return lines.map(string) }
        lines = Array(lines.prefix(n))
        var last = lines[n - 1]
        // width(last + "…"): the same sum, "…" (wide) added last.
        while !last.isEmpty && (em(last) + TextMeasure.scalarWidth(0x2026)) * fontSize > maxWidth {
            last = last.lowerBound ..< last.upperBound - 1
        }
        return lines.dropLast().map(string) + [string(trimmed(last)) + "…"]
    }
}
