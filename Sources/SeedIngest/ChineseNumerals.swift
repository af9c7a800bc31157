/// Chinese numerals as used in outline labels: 一 … 十 … 九十九, 一百 ….
public enum ChineseNumerals {
    private static let digits: [Character: Int] = [
        "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
        "六": 6, "七": 7, "八": 8, "九": 9,
    ]
    private static let units: [Character: Int] = ["十": 10, "百": 100, "千": 1000]

    public static func isNumeral(_ c: Character) -> Bool { digits[c] != nil || units[c] != nil }

    /// The value of a numeral such as 十二 or 二十, or nil if `text` is not one.
    public static func value(_ text: some StringProtocol) -> Int? {
        guard !text.isEmpty else { return nil }
        var total = 0
        var pending: Int?
        for c in text {
            if let d = digits[c] {
                if d == 0, text.count > 1 { continue }  // 一百零五: 零 only marks a skipped place
                guard pending == nil else { return nil }
                pending = d
            } else if let u = units[c] {
                total += (pending ?? 1) * u
                pending = nil
            } else {
                return nil
            }
        }
        return total + (pending ?? 0)
    }

    /// Writes n (1…999) the way outline labels do: 1 → 一, 10 → 十, 12 → 十二, 20 → 二十.
    public static func string(_ n: Int) -> String {
        let names = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        guard n > 0, n < 1000 else { return String(n) }
        var out = ""
        let h = n / 100, t = (n / 10) % 10, o = n % 10
        if h > 0 { out += names[h] + "百" }
        if t > 0 { out += (t == 1 && h == 0 ? "" : names[t]) + "十" } else if h > 0, o > 0 { out += "零" }
        if o > 0 { out += names[o] }
        return out
    }
}

/// Outline labels: `一、` (a category or part) and `（一）` (an item or section).
public enum OutlineLabel {
    /// `一、推进…` → (label "一、", number 1, rest "推进…").
    public static func enumerated(_ text: String) -> (label: String, number: Int, rest: Substring)? {
        guard let mark = text.firstIndex(of: "、") else { return nil }
        let numeral = text[..<mark]
        guard numeral.count <= 4, let n = ChineseNumerals.value(numeral) else { return nil }
        let after = text.index(after: mark)
        return (String(text[...mark]), n, text[after...])
    }

    /// `（一）中国政府…` (full- or half-width parentheses) → (label "（一）", number 1, rest).
    public static func parenthesised(_ text: String) -> (label: String, number: Int, rest: Substring)? {
        guard let first = text.first, first == "（" || first == "(" else { return nil }
        guard let close = text.firstIndex(where: { $0 == "）" || $0 == ")" }) else { return nil }
        let numeral = text[text.index(after: text.startIndex)..<close]
        guard numeral.count <= 4, let n = ChineseNumerals.value(numeral) else { return nil }
        return (String(text[...close]), n, text[text.index(after: close)...])
    }
}
