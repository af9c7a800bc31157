import XCTest
@testable import SiteSearch

/// The index builder works on UTF-8 bytes; these check it against the String-based definitions
/// it replaced (runs → tokens, `Set<String>`, `Dictionary<String, _>`, UTF-16 sort).
final class IndexTokenScannerTests: XCTestCase {
    /// `indexTokens` as it was: built from `runs`, the twin of search.js.
    static func referenceIndexTokens(_ text: String) -> Set<String> {
        var set = Set<String>()
        for r in Tokenizer.runs(text) {
            set.formUnion(Tokenizer.tokens(of: r))
            if r.kind == .cjk { for c in r.scalars { set.insert(String(c)) } }
        }
        return set
    }

    /// Tokens and postings as the builder made them with Strings (sorted by UTF-16 units).
    static func referencePostings(_ records: [SearchRecord]) -> [(String, [Int])] {
        var postings: [String: [Int]] = [:]
        for (i, r) in records.enumerated() {
            var tokens = Set<String>()
            for t in r.indexedText { tokens.formUnion(referenceIndexTokens(t)) }
            for t in tokens { postings[t, default: []].append(i) }
        }
        return postings.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }.map { ($0, postings[$0]!) }
    }

    /// Scalars that exercise every branch: folds, word/CJK/other, 2–4-byte UTF-8, astral CJK,
    /// U+E000–FFFF (sorts after astral in UTF-16), and characters NFC changes or combines.
    static let alphabet: [Unicode.Scalar] = [
        "a", "Z", "0", "9", " ", "-", "\u{FF21}", "\u{FF41}", "\u{FF10}", "\u{3000}", "é", "\u{301}",
        "中", "国", "一", "丈", "\u{8C48}", "\u{F900}", "\u{FA0E}", "\u{2F800}", "\u{4E3D}",
        "\u{20000}", "\u{2A6D6}", "か", "が", "\u{3099}", "ア", "한", "々", "\u{2028}", "<", "\"",
    ]

    static func randomTexts(count: Int, seed: UInt64) -> [String] {
        var state = seed
        func next() -> Int {  // xorshift: deterministic across runs
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(truncatingIfNeeded: state >> 1)
        }
        return (0 ..< count).map { _ in
            var s = String.UnicodeScalarView()
            for _ in 0 ..< next() % 12 { s.append(alphabet[next() % alphabet.count]) }
            return String(s)
        }
    }

    func testIndexTokensMatchTheRunsDefinition() throws {
        let texts = try TokenizerVector.load().map(\.text) + Self.randomTexts(count: 3000, seed: 42)
        for t in texts {
            XCTAssertEqual(Tokenizer.indexTokens(t), Self.referenceIndexTokens(t), "index tokens of \(t.debugDescription)")
        }
    }

    func testPostingsMatchTheStringDefinition() {
        for seed: UInt64 in [1, 2, 3, 4, 5] {
            let texts = Self.randomTexts(count: 200, seed: seed)
            let records = texts.enumerated().map { i, t in
                SearchRecord(url: "u/\(i)", title: texts[(i * 7) % texts.count], text: t,
                             kind: i % 3 == 0 ? .paragraph : .country, names: i % 5 == 0 ? [texts[(i * 3) % texts.count]] : [])
            }
            let js = SearchIndexBuilder.build(records).js
            let expected = Self.referencePostings(records)
            // Bytes, not Strings: String equality would let a canonically equal form pass.
            XCTAssertEqual(Array(field("tokens", js).utf8), Array(expected.map(\.0).joined(separator: " ").utf8), "seed \(seed)")
            var gaps = ""
            for (n, (_, ids)) in expected.enumerated() {
                if n > 0 { gaps += " " }
                var last = 0
                for id in ids { GapCode.append(id - last, to: &gaps); last = id }
            }
            XCTAssertEqual(field("postings", js), gaps, "seed \(seed)")
        }
    }

    func testCanonicallyEqualTokensShareOnePosting() {
        // U+F900 is canonically U+8C48, and か + U+3099 is が: Swift Strings, and so the index, treat them as one.
        let records = [SearchRecord(url: "a", title: "", text: "\u{F900}か\u{3099}", kind: .paragraph),
                       SearchRecord(url: "b", title: "", text: "\u{8C48}が", kind: .paragraph)]
        let js = SearchIndexBuilder.build(records).js
        let tokens = field("tokens", js)
        XCTAssertEqual(Array(tokens.utf8), Array(Self.referencePostings(records).map(\.0).joined(separator: " ").utf8))
        let forms = tokens.unicodeScalars.split(separator: " ").map(Array.init)  // " "+U+3099 is one Character
        XCTAssertTrue(forms.contains(["\u{F900}"]) && !forms.contains(["\u{8C48}"]), tokens.debugDescription)
        XCTAssertTrue(forms.contains(["か", "\u{3099}"]) && !forms.contains(["が"]), tokens.debugDescription)
    }

    func testUTF16Order() {
        // U+FA0E sorts after U+20000 in UTF-16 (surrogates D800–DFFF), before it by code point.
        let records = [SearchRecord(url: "a", title: "", text: "\u{FA0E} \u{20000} 中 z", kind: .paragraph)]
        XCTAssertEqual(field("tokens", SearchIndexBuilder.build(records).js), "z 中 \u{20000} \u{FA0E}")
    }

    func testTokenOrderIsUTF16Order() {
        // Long tokens sharing their first 8 bytes, and every UTF-8 length.
        let alphabet: [Unicode.Scalar] = ["a", "b", "0", "é", "中", "\u{FA0E}", "\u{20000}", "\u{FFFD}"]
        var state: UInt64 = 77
        func next(_ n: Int) -> Int { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return Int(state >> 1) % n }
        var tokens = Set<String>()
        for _ in 0 ..< 2000 {
            var s = String.UnicodeScalarView("aaaaaaaa".prefix(next(9)).unicodeScalars)
            for _ in 0 ..< 1 + next(6) { s.append(alphabet[next(alphabet.count)]) }
            tokens.insert(String(s))
        }
        var table = TokenTable()
        for t in tokens { var t = t; _ = t.withUTF8 { table.id($0) } }
        let sorted = TokenOrder.sorted(Array(0 ..< Int32(table.count)), table).map { t in table.withToken(Int(t)) { String(decoding: $0, as: UTF8.self) } }
        XCTAssertEqual(sorted, tokens.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) })
    }

    func testJSLiteralMatchesTheScalarDefinition() {
        func reference(_ s: String) -> String {
            func hex(_ v: UInt32) -> String {
                let h = String(v, radix: 16)
                return "\\u" + String(repeating: "0", count: 4 - h.count) + h
            }
            var out = "\""
            for u in s.unicodeScalars {
                switch u {
                case "\"": out.append("\\\"")
                case "\\": out.append("\\\\")
                case "\n": out.append("\\n")
                case "\t": out.append("\\t")
                case "<", "\u{2028}", "\u{2029}": out.append(hex(u.value))
                default:
                    if u.value < 0x20 || u.value == 0x7F { out.append(hex(u.value)) } else { out.unicodeScalars.append(u) }
                }
            }
            return out + "\""
        }
        let extra = ["\u{0}\u{1}\r\u{7F}\u{80}\u{2027}\u{2028}\u{2029}\u{202A}</script>\\", "\u{E2}\u{80}"]
        let texts = Self.randomTexts(count: 500, seed: 9)
        let long = (0 ..< 100).map { k in (0 ..< 6).map { texts[(k * 7 + $0 * 13) % texts.count] }.joined(separator: "中文 text ") }
        for t in texts + long + extra {
            XCTAssertEqual(Array(JSLiteral.string(t).utf8), Array(reference(t).utf8), t.debugDescription)
        }
    }

    private func field(_ name: String, _ js: String) -> String {
        let start = js.range(of: "\"\(name)\":\"")!.upperBound
        return String(js[start...].prefix { $0 != "\"" })
    }
}
