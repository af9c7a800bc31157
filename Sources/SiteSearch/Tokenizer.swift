/// The one tokenizer of Silkpress search. Templates/assets/search.js holds a line-for-line twin
/// (`SilkpressSearch.tokens`); both are tested against Tests/SiteSearchTests/Fixtures/tokenizer-vectors.json.
///
/// Rules, on Unicode code points:
/// 1. Fold: full-width ASCII U+FF01…U+FF5E → U+0021…U+007E, ideographic space → space, A–Z → a–z.
///    Every fold maps one UTF-16 unit to one, so offsets in folded text are offsets in the original
///    (the browser relies on that to place <mark>).
/// 2. Runs: a maximal run of `a–z0–9` is a word run; a maximal run of CJK characters (Han, kana,
///    Hangul) is a CJK run; anything else separates.
/// 3. Tokens: a word run is one token; a CJK run of one character is that character; a longer CJK
///    run gives its overlapping character bigrams. Tokens are de-duplicated, first occurrence kept.
/// The index additionally stores every CJK character on its own (`indexTokens`) so a one-character
/// query — or a one-character run inside a query — has postings to look up.
public enum Tokenizer {
    public enum RunKind: Sendable { case word, cjk }

    public struct Run: Sendable, Equatable {
        public var kind: RunKind
        public var scalars: [Unicode.Scalar]
        public var text: String { String(String.UnicodeScalarView(scalars)) }
    }

    static func fold(_ v: UInt32) -> UInt32 {
        if v >= 0xFF01 && v <= 0xFF5E { return fold(v - 0xFEE0) }
        if v == 0x3000 { return 0x20 }
        if v >= 0x41 && v <= 0x5A { return v + 0x20 }
        return v
    }

    static func isWord(_ v: UInt32) -> Bool {
        (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39)
    }

    static func isCJK(_ v: UInt32) -> Bool {
        (v >= 0x4E00 && v <= 0x9FFF)      // CJK Unified Ideographs
            || (v >= 0x3400 && v <= 0x4DBF) // Extension A
            || (v >= 0x20000 && v <= 0x3134F) // Extensions B–G (astral: surrogate pairs in JS)
            || (v >= 0xF900 && v <= 0xFAFF) // Compatibility Ideographs
            || v == 0x3005 || v == 0x3007  // 々 〇
            || (v >= 0x3040 && v <= 0x30FF) // Hiragana, Katakana
            || (v >= 0xAC00 && v <= 0xD7AF) // Hangul syllables
    }

    public static func runs(_ text: String) -> [Run] {
        var out: [Run] = []
        var current: Run?
        for s in text.unicodeScalars {
            let v = fold(s.value)
            let kind: RunKind? = isWord(v) ? .word : isCJK(v) ? .cjk : nil
            if let kind, current?.kind == kind {
                current!.scalars.append(Unicode.Scalar(v)!)
                continue
            }
            if let c = current { out.append(c) }
            current = kind.map { Run(kind: $0, scalars: [Unicode.Scalar(v)!]) }
        }
        if let c = current { out.append(c) }
        return out
    }

    static func tokens(of run: Run) -> [String] {
        let s = run.scalars
        if run.kind == .word || s.count == 1 { return [run.text] }
        return (0 ..< s.count - 1).map { String(String.UnicodeScalarView([s[$0], s[$0 + 1]])) }
    }

    /// Query tokens (and the test vectors' expected output): unique, in order of first occurrence.
    public static func tokens(_ text: String) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for r in runs(text) {
            for t in tokens(of: r) where seen.insert(t).inserted { out.append(t) }
        }
        return out
    }

    /// What the index stores for a text: its query tokens plus every CJK character alone.
    /// (The index builder takes them from `IndexTokenScanner` as bytes; this is the same scan.)
    public static func indexTokens(_ text: String) -> Set<String> {
        var set = Set<String>()
        IndexTokenScanner.scan(text) { t, _ in set.insert(String(decoding: t, as: UTF8.self)) }
        return set
    }
}
