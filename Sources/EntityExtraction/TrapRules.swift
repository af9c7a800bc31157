import SiteModel
/// A name found in a paragraph: scalar offset, length, and what it stands for.
struct NameMatch: Hashable, Sendable {
    var start: Int
    var length: Int
    var target: NameTarget
    var end: Int { start + length }
}

/// General rules on top of plain leftmost-longest matching. Each one is about how Chinese
/// builds words, never about one document's sentences, so every new document benefits.
///
/// 1. Leftmost-longest (the scan itself): 印度尼西亚 never yields 印度, 巴布亚新几内亚 /
///    赤道几内亚 never yield 几内亚, 南苏丹 never yields 苏丹, 尼日尔 ≠ 尼日利亚, and
///    联合国欧洲经济委员会 is one organisation.
/// 2. Non-entity words (data): 内蒙古, 香港, 中欧 (China–Europe), 中亚, 中东, 中美
///    (China–US) are matched as words that yield nothing, hiding the names inside them.
/// 3. China compound yields to a full name: a non-entity word 中X stands aside when a full name
///    starts right after 中 and runs past the word (中亚美尼亚 = China–Armenia → 亚美尼亚,
///    中欧盟 → 欧盟, but 中亚 alone is Central Asia).
/// 4. Language: a country name followed by 语 is a language (西班牙语, 印尼语): no mention,
///    and the whole span is consumed so 印度尼西亚语 cannot fall back to 印度.
/// 5. Ocean: a country name followed by 洋 is an ocean (印度洋): no mention, span consumed.
/// 6. 国际: a name ending in 国 followed by 际 lends its 国 to 国际 (美国际 → no 美国,
///    蒙古国际 → 蒙古): the next shorter name is tried instead.
/// 7. ASCII aliases (WTO, G20) only match as whole ASCII words (not inside UNWTO or G200).
/// 8. List-only names (data, `?` records): 中非 is China–Africa, except as an item of a 、 list
///    next to a country (肯尼亚、中非、布隆迪), where it is the Central African Republic.
enum TrapRules {
    enum Verdict { case accept, consume, tryShorter }

    static func judge(_ c: NameMatcher.Candidate, in text: [Unicode.Scalar], at start: Int) -> Verdict {
        let end = start + c.length
        let next: Unicode.Scalar? = end < text.count ? text[end] : nil
        if isASCIIWordChar(text[start]), start > 0, isASCIIWordChar(text[start - 1]) { return .tryShorter }
        if isASCIIWordChar(text[end - 1]), let next, isASCIIWordChar(next) { return .tryShorter }
        guard case .country = c.target else { return .accept }
        if next == "语" || next == "洋" { return .consume }
        if text[end - 1] == "国", next == "际" { return .tryShorter }
        return .accept
    }

    /// The accepted (or consumed) name at `start`, if any, before rule 3 is applied.
    static func best(_ matcher: NameMatcher, in text: [Unicode.Scalar], at start: Int)
        -> (NameMatcher.Candidate, Verdict)? {
        for c in matcher.candidates(in: text, at: start) {
            switch judge(c, in: text, at: start) {
            case .accept: return (c, .accept)
            case .consume: return (c, .consume)
            case .tryShorter: continue
            }
        }
        return nil
    }

    /// Leftmost-longest scan applying the rules above; returns entity matches only.
    static func scan(_ text: [Unicode.Scalar], with matcher: NameMatcher) -> [NameMatch] {
        var out: [NameMatch] = []
        var listOnly: [NameMatch] = []
        var i = 0
        while i < text.count {
            guard let (c, verdict) = best(matcher, in: text, at: i) else { i += 1; continue }
            if verdict == .consume { i += c.length; continue }
            switch c.target {
            case .nonEntity, .listOnly:
                // Rule 3: 中 + a full name that runs past the compound.
                if text[i] == "中", i + 1 < text.count,
                   let (n, v) = best(matcher, in: text, at: i + 1), v == .accept, n.target.isEntity,
                   i + 1 + n.length > i + c.length {
                    i += 1
                    continue
                }
                if case .listOnly(let code) = c.target {
                    listOnly.append(NameMatch(start: i, length: c.length, target: .country(code)))
                }
                i += c.length
            case .country, .organisation:
                out.append(NameMatch(start: i, length: c.length, target: c.target))
                i += c.length
            }
        }
        return listOnly.isEmpty ? out : promoteListItems(listOnly, into: out, text: text)
    }

    /// Rule 8: a list-only name (中非) is a country when it is an item of a 、 list whose
    /// neighbouring item is a country name: 加纳、中非、布隆迪 names the Central African Republic.
    static func promoteListItems(_ candidates: [NameMatch], into matches: [NameMatch],
                                 text: [Unicode.Scalar]) -> [NameMatch] {
        let countryEnds = Set(matches.filter { if case .country = $0.target { true } else { false } }.map(\.end))
        let countryStarts = Set(matches.filter { if case .country = $0.target { true } else { false } }.map(\.start))
        var out = matches
        let opens = Set("、，；：（和与及".unicodeScalars), closes = Set("、，；。）和与及等".unicodeScalars)
        for c in candidates {
            // The name must be the whole item (中非合作论坛 is not an item 中非)…
            guard c.start == 0 || opens.contains(text[c.start - 1]),
                  c.end == text.count || closes.contains(text[c.end]) else { continue }
            // …and a neighbouring item of the same 、 list must be a country.
            let before = c.start >= 1 && text[c.start - 1] == "、" && countryEnds.contains(c.start - 1)
            let after = c.end < text.count && text[c.end] == "、" && countryStarts.contains(c.end + 1)
            if before || after { out.append(c) }
        }
        return out.sorted { $0.start < $1.start }
    }

    private static func isASCIIWordChar(_ s: Unicode.Scalar) -> Bool {
        s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s))
    }
}

extension NameTarget {
    var isEntity: Bool {
        switch self {
        case .country, .organisation: true
        case .nonEntity, .listOnly: false
        }
    }
}
