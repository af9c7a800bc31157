import SiteModel
/// Rules shared by every stage: widths, punctuation, numbering. They run on every line, so they
/// look at scalars and UTF-8 bytes rather than Characters (see `ScalarText`).
enum TextRules {
    /// Width in em. Chinese fonts set CJK, full-width forms and the curly quotes / dash /
    /// ellipsis / geometric bullets at full width; everything else (ASCII) at about half.
    static func width<S: StringProtocol>(_ s: S) -> Double {
        var w = 0.0
        // Spaces in this kind of text are thin (`2020 年`): a quarter em matches the measured
        // line lengths of full lines with and without Latin text.
        for u in s.unicodeScalars { w += scalarWidth(u) }
        return w
    }

    /// `width` of a line's UTF-8 bytes.
    static func width(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Double {
        var w = 0.0
        ScalarText.forEachScalar(in: bytes) { w += scalarWidth($0) }
        return w
    }

    static func scalarWidth(_ u: Unicode.Scalar) -> Double { isWide(u) ? 1.0 : (u == " " ? 0.25 : 0.5) }

    static func isWide(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3040...0xA4CF, 0xAC00...0xD7A3,
             0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x20000...0x3FFFD:
            return true
        case 0x2018...0x201D, 0x2014, 0x2026, 0x2025, 0x25A0...0x25FF, 0x2160...0x217F, 0x2E3A:
            return true
        default:
            return false
        }
    }

    static func isCJK(_ c: Character) -> Bool {
        guard let u = c.unicodeScalars.first else { return false }
        return isCJK(u)
    }

    static func isCJK(_ u: Unicode.Scalar) -> Bool {
        (0x3400...0x9FFF).contains(u.value) || (0xF900...0xFAFF).contains(u.value)
    }

    static func isASCIIWord(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        default: return false
        }
    }

    static func isASCIIWordChar(_ c: Character) -> Bool {
        // `c.isASCII && (c.isLetter || c.isNumber)`; "\r\n" has the ASCII value of "\n".
        guard let v = c.asciiValue else { return false }
        return isASCIIWord(Unicode.Scalar(v))
    }

    /// Closing marks that may follow a sentence end (`。”`, `。）`).
    static func isCloser(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case "”", "’", "）", ")", "」", "』", "》", "】", "\"", "'": return true
        default: return false
        }
    }

    static func isCloser(_ c: Character) -> Bool { c.unicodeScalars.count == 1 && isCloser(c.unicodeScalars.first!) }

    static func isSentenceEnder(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case "。", "！", "？", "!", "?", "；", "…": return true
        default: return false
        }
    }

    static func isSentenceEnder(_ c: Character) -> Bool {
        c.unicodeScalars.count == 1 && isSentenceEnder(c.unicodeScalars.first!)
    }

    /// Punctuation that shows a line is running prose rather than a title or chart label.
    static func isProsePunctuation(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case "，", "。", "；", "：", "！", "？", ",": return true
        default: return false
        }
    }

    /// The last meaningful scalar, skipping closing quotes and brackets and whitespace.
    static func lastSignificant<S: StringProtocol>(_ s: S) -> Unicode.Scalar? {
        for u in s.unicodeScalars.reversed() where !ScalarText.isWhitespace(u) && !isCloser(u) { return u }
        return nil
    }

    /// Ends a sentence: `。！？；…` possibly followed by closing quotes/brackets.
    static func endsSentence<S: StringProtocol>(_ s: S) -> Bool {
        guard let c = lastSignificant(s) else { return false }
        return isSentenceEnder(c)
    }

    /// Ends a sentence or introduces a list (`要求：`): both may close a paragraph.
    /// (`；` separates clauses inside a paragraph, so it does not.)
    static func endsParagraphish<S: StringProtocol>(_ s: S) -> Bool {
        guard let c = lastSignificant(s) else { return false }
        return (isSentenceEnder(c) && c != "；") || c == "：" || c == ":"
    }

    /// For the quality report: a paragraph may end with any sentence ender or a colon.
    static func endsTerminal<S: StringProtocol>(_ s: S) -> Bool {
        guard let c = lastSignificant(s) else { return false }
        return isSentenceEnder(c) || c == "：" || c == ":"
    }

    // Scalar-level scans: these run on every line, and Character iteration is much slower.
    static func hasProsePunctuation<S: StringProtocol>(_ s: S) -> Bool {
        s.unicodeScalars.contains { isProsePunctuation($0) }
    }

    static func containsCJK<S: StringProtocol>(_ s: S) -> Bool { s.unicodeScalars.contains { isCJK($0) } }

    /// Collapses runs of whitespace to one space (contract: titles "whitespace collapsed").
    static func collapse<S: StringProtocol>(_ s: S) -> String { ScalarText.collapsingWhitespace(s) }

    static let cjkDigits: [Character: Int] = [
        "零": 0, "〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
        "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    /// A key of `cjkDigits`.
    static func isCJKDigit(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case "零", "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九": return true
        default: return false
        }
    }

    /// Parses Chinese numerals up to 99 (`十二`, `二十`, `三`).
    static func chineseNumber<S: StringProtocol>(_ s: S) -> Int? {
        let chars = Array(s)
        guard !chars.isEmpty, chars.count <= 3 else { return nil }
        if let i = chars.firstIndex(of: "十") {
            let tens = i == 0 ? 1 : (i == 1 ? cjkDigits[chars[0]] : nil)
            guard let t = tens else { return nil }
            let rest = chars[(i + 1)...]
            if rest.isEmpty { return t * 10 }
            guard rest.count == 1, let u = cjkDigits[rest.first!] else { return nil }
            return t * 10 + u
        }
        guard chars.count == 1 else { return nil }
        return cjkDigits[chars[0]]
    }

    static func chineseNumeral(_ n: Int) -> String {
        let d = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        if n <= 0 || n >= 100 { return String(n) }
        if n < 10 { return d[n] }
        let t = n / 10, u = n % 10
        return (t == 1 ? "" : d[t]) + "十" + d[u]
    }

    /// `一、标题` → (1, "标题"): the numbering style of parts (and of lists inside sidebars).
    static func partNumbering(_ s: String) -> (Int, String)? {
        // Only the first few characters can hold the numeral: never scan the whole line.
        guard let f = s.unicodeScalars.first, isCJKDigit(f) || f == "十",
              let sep = s.prefix(4).firstIndex(of: "、") else { return nil }
        let head = s[..<sep]
        guard !head.isEmpty, head.count <= 3, let n = chineseNumber(head) else { return nil }
        return (n, String(s[s.index(after: sep)...]))
    }

    /// `（一）标题` → (1, "标题"): the numbering style of sections.
    static func sectionNumbering(_ s: String) -> (Int, String)? {
        guard s.utf8HasPrefix("（") || s.utf8HasPrefix("(") else { return nil }
        guard let close = s.prefix(5).firstIndex(where: { $0 == "）" || $0 == ")" }) else { return nil }
        let inner = s[s.index(after: s.startIndex)..<close]
        guard let n = chineseNumber(inner) else { return nil }
        return (n, String(s[s.index(after: close)...]).trimmingSpaces().description)
    }

    /// Leading ASCII integer of a string and the rest (`12. 4 月` → 12).
    static func leadingInt<S: StringProtocol>(_ s: S) -> (Int, S.SubSequence)? {
        let utf8 = s.utf8
        var i = utf8.startIndex
        var n = 0, digits = 0
        while i < utf8.endIndex, case let b = utf8[i], b >= 0x30, b <= 0x39 {
            n = n * 10 + Int(b - 0x30)
            digits += 1
            if digits > 6 { return nil }
            i = utf8.index(after: i)
        }
        guard digits > 0 else { return nil }
        // A mark on the last digit makes it another character: count Characters then.
        if let next = s[i...].unicodeScalars.first, ScalarText.mayJoinPrevious(next) {
            let characters = s.prefix { $0.isASCII && $0.isNumber }
            guard !characters.isEmpty, characters.count <= 6, let n = Int(characters) else { return nil }
            return (n, s[characters.endIndex...])
        }
        return (n, s[i...])
    }

    static func isNumericDebris<S: StringProtocol>(_ s: S) -> Bool {
        // Axis ticks and data labels: digits, dots, %, spaces, signs only.
        !s.isEmpty && s.unicodeScalars.allSatisfy {
            switch $0 {
            case "0"..."9", " ", ".", "%", ",", "-", "+", "/", "\u{3000}": return true
            default: return false
            }
        }
    }
}
