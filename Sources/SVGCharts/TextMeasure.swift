// Text width estimation without font access. We never see the glyphs the
// browser will use, so widths are deliberately a little generous: an
// overestimate costs some whitespace, an underestimate causes overlap.

public enum TextMeasure {
    /// Width of one character in em.
    /// CJK ideographs, kana, hangul, full-width forms: 1 em (they are square).
    /// ASCII: 0.55 em (digits/lowercase in Noto Sans ~0.5–0.57), capitals 0.65,
    /// space 0.3. Other scripts: 0.6. Combining marks: 0.
    public static func charWidth(_ c: Character) -> Double {
        guard let s = c.unicodeScalars.first else { return 0 }
        let v = s.value
        if v < 0x80 {
            if c == " " { return 0.3 }
            if v >= 0x41 && v <= 0x5A { return 0.65 }
            return 0.55
        }
        if isWide(v) { return 1.0 }
        if (0x0300...0x036F).contains(v) { return 0 }
        return 0.6
    }

    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
             0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
             0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1FAFF, 0x20000...0x3FFFD:
            return true
        // General punctuation used in CJK text (…, —, “ ”) renders full width
        // in CJK fonts.
        case 0x2014, 0x2026, 0x201C, 0x201D, 0x2018, 0x2019:
            return true
        default:
            return false
        }
    }

    /// Estimated rendered width in px of `text` at `fontSize` px.
    public static func width(_ text: String, fontSize: Double) -> Double {
        var em = 0.0
        for c in text { em += charWidth(c) }
        return em * fontSize
    }

    // Characters that must not start a line (closing punctuation) or end one
    // (opening punctuation) — the basic rules of Chinese line breaking.
    static let noLineStart: Set<Character> = ["，", "。", "、", "；", "：", "？", "！", "）", "」", "』", "》", "〉", "】", "…", "%", "％", ")", ",", ".", ";", ":", "!", "?", "·"]
    static let noLineEnd: Set<Character> = ["（", "「", "『", "《", "〈", "【", "(", "“", "‘"]

    /// Splits into unbreakable tokens: every CJK character is its own token,
    /// ASCII/Latin words stay whole, spaces become separate tokens, and
    /// punctuation is glued to its neighbour according to the rules above.
    static func tokens(_ text: String) -> [String] {
        var toks: [String] = []
        var word = ""
        var glueNext = false
        func push(_ t: String) {
            if glueNext, !toks.isEmpty { toks[toks.count - 1] += t } else { toks.append(t) }
            glueNext = false
        }
        func flushWord() { if !word.isEmpty { push(word); word = "" } }
        for c in text {
            if c == " " { flushWord(); toks.append(" "); glueNext = false; continue }
            if noLineStart.contains(c) {
                if !word.isEmpty { word.append(c); continue }
                if let last = toks.last, last != " " { toks[toks.count - 1] = last + String(c); continue }
                push(String(c)); continue
            }
            let wide = c.unicodeScalars.first.map { isWide($0.value) } ?? false
            if wide {
                flushWord()
                push(String(c))
                if noLineEnd.contains(c) { glueNext = true }
            } else {
                if noLineEnd.contains(c) { flushWord(); push(String(c)); glueNext = true; continue }
                word.append(c)
            }
        }
        flushWord()
        return toks
    }

    /// Greedy wrap into lines no wider than `maxWidth`. Returns nil when the
    /// text needs more than `maxLines` lines — the caller then changes layout
    /// (e.g. switches to horizontal bars) instead of overlapping neighbours.
    public static func wrap(_ text: String, maxWidth: Double, fontSize: Double, maxLines: Int) -> [String]? {
        let lines = wrapAll(text, maxWidth: maxWidth, fontSize: fontSize)
        return lines.count <= max(1, maxLines) ? lines : nil
    }

    /// Like `wrap`, but evens out line lengths: greedy wrapping of
    /// "欧洲联盟国家" gives "欧洲联盟国 / 家"; the narrowest width that keeps
    /// the same line count gives "欧洲联 / 盟国家", which reads better.
    public static func balancedWrap(_ text: String, maxWidth: Double, fontSize: Double, maxLines: Int) -> [String]? {
        guard let greedy = wrap(text, maxWidth: maxWidth, fontSize: fontSize, maxLines: maxLines) else { return nil }
        guard greedy.count > 1 else { return greedy }
        var lo = maxWidth / Double(greedy.count) * 0.9, hi = maxWidth
        var best = greedy
        for _ in 0..<12 {   // binary search on width; 12 halvings is sub-pixel
            let mid = (lo + hi) / 2
            let l = wrapAll(text, maxWidth: mid, fontSize: fontSize)
            if l.count <= greedy.count && l.allSatisfy({ width($0, fontSize: fontSize) <= mid + 1e-9 }) { best = l; hi = mid } else { lo = mid }
        }
        return best
    }

    /// Wraps to at most `maxLines`, ending the last line with "…" when text
    /// had to be cut. Used only where layout cannot change any further.
    public static func wrapTruncating(_ text: String, maxWidth: Double, fontSize: Double, maxLines: Int) -> [String] {
        var lines = wrapAll(text, maxWidth: maxWidth, fontSize: fontSize)
        let n = max(1, maxLines)
        guard lines.count > n else { return lines }
        lines = Array(lines.prefix(n))
        var last = lines[n - 1]
        while !last.isEmpty && width(last + "…", fontSize: fontSize) > maxWidth { last.removeLast() }
        lines[n - 1] = last.trimmingTrailingSpaces() + "…"
        return lines
    }

    static func wrapAll(_ text: String, maxWidth: Double, fontSize: Double) -> [String] {
        var lines: [String] = []
        var cur = ""
        for tok in tokens(text) {
            if tok == " " {
                if !cur.isEmpty { cur += " " }
                continue
            }
            let candidate = cur + tok
            if width(candidate.trimmingTrailingSpaces(), fontSize: fontSize) <= maxWidth || cur.isEmpty {
                cur = candidate
            } else {
                lines.append(cur.trimmingTrailingSpaces())
                cur = tok
            }
            // A single token wider than the line (a long Latin word): break it
            // by character as a last resort.
            while width(cur, fontSize: fontSize) > maxWidth && cur.count > 1 {
                var head = ""
                for c in cur {
                    if width(head + String(c), fontSize: fontSize) > maxWidth && !head.isEmpty { break }
                    head.append(c)
                }
                lines.append(head)
                cur = String(cur.dropFirst(head.count))
            }
        }
        let tail = cur.trimmingTrailingSpaces()
        if !tail.isEmpty || lines.isEmpty { lines.append(tail) }
        return lines
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
