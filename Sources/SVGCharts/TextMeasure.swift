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
        if s == " " && c != " " { return 0.55 }  // a space carrying a combining mark
        return scalarWidth(s.value)
    }

    /// `charWidth` of a Character that is this one scalar.
    @inline(__always)
    static func scalarWidth(_ v: UInt32) -> Double {
        if v < 0x80 {
            if v == 0x20 { return 0.3 }
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

    // Characters that must not start a line (closing punctuation) or end one
    // (opening punctuation) — the basic rules of Chinese line breaking.
    static let noLineStart: Set<Character> = ["，", "。", "、", "；", "：", "？", "！", "）", "」", "』", "》", "〉", "】", "…", "%", "％", ")", ",", ".", ";", ":", "!", "?", "·"]
    static let noLineEnd: Set<Character> = ["（", "「", "『", "《", "〈", "【", "(", "“", "‘"]
    // The same, for one-scalar Characters, as bitmaps over the BMP: no hashing per character.
    static let noLineStartScalars = ScalarSet(noLineStart)
    static let noLineEndScalars = ScalarSet(noLineEnd)

    struct ScalarSet: Sendable {
        private var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        init(_ characters: Set<Character>) {
            for c in characters {
                let v = c.unicodeScalars.first!.value
                precondition(c.unicodeScalars.count == 1 && v < 0x10000)
                bits[Int(v >> 6)] |= 1 << UInt64(v & 63)
            }
        }
        func contains(_ v: UInt32) -> Bool { v < 0x10000 && bits[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0 }
    }

    // Each function below runs on `SimpleText` (scalars and index ranges) when the text allows,
    // else on Characters (`ByCharacter`): the same rules, the same results, a fraction of the work.

    /// Estimated rendered width in px of `text` at `fontSize` px.
    public static func width(_ text: String, fontSize: Double) -> Double {
        var em = 0.0  // SimpleText.width without building one: called for every label and value
        for u in text.unicodeScalars {
            guard SimpleText.isSimple(u.value) else { return ByCharacter.width(text, fontSize: fontSize) }
            em += scalarWidth(u.value)
        }
        return em * fontSize
    }

    /// Splits into unbreakable tokens: every CJK character is its own token,
    /// ASCII/Latin words stay whole, spaces become separate tokens, and
    /// punctuation is glued to its neighbour according to the rules above.
    static func tokens(_ text: String) -> [String] {
        if let t = SimpleText(text) { return t.tokens().map(t.string) }
        return ByCharacter.tokens(text)
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
        if let t = SimpleText(text) {
            return t.balancedWrap(maxWidth: maxWidth, fontSize: fontSize, maxLines: maxLines)?.map(t.string)
        }
        return ByCharacter.balancedWrap(text, maxWidth: maxWidth, fontSize: fontSize, maxLines: maxLines)
    }

    /// Wraps to at most `maxLines`, ending the last line with "…" when text
    /// had to be cut. Used only where layout cannot change any further.
    public static func wrapTruncating(_ text: String, maxWidth: Double, fontSize: Double, maxLines: Int) -> [String] {
        if let t = SimpleText(text) { return t.wrapTruncating(maxWidth: maxWidth, fontSize: fontSize, maxLines: maxLines) }
        return ByCharacter.wrapTruncating(text, maxWidth: maxWidth, fontSize: fontSize, maxLines: maxLines)
    }

    static func wrapAll(_ text: String, maxWidth: Double, fontSize: Double) -> [String] {
        if let t = SimpleText(text) { return t.wrapAll(maxWidth: maxWidth, fontSize: fontSize).map(t.string) }
        return ByCharacter.wrapAll(text, maxWidth: maxWidth, fontSize: fontSize)
    }
}
