import SiteModel
/// Small helpers over a paragraph's scalars shared by the instrument and 《》 readers.
struct TextSpans {
    let text: [Unicode.Scalar]
    /// Bracket depth before each scalar: 《》（）“”‘’「」() — punctuation inside a title or a
    /// quotation never splits a clause.
    let depth: [Int]
    /// True where a country/organisation/non-entity name covers the scalar: 与 inside
    /// 联合国贸易与发展会议 is not the word "with".
    let inName: [Bool]

    init(_ block: ScannedBlock) {
        text = block.text
        var d: [Int] = []
        d.reserveCapacity(text.count)
        var level = 0
        for s in text {
            switch s {
            case "》", "）", "”", "’", "」", ")": level = max(0, level - 1)
            default: break
            }
            d.append(level)
            switch s {
            case "《", "（", "“", "‘", "「", "(": level += 1
            default: break
            }
        }
        depth = d
        var mask = [Bool](repeating: false, count: text.count)
        for m in block.matches { for i in m.start..<m.end { mask[i] = true } }
        inName = mask
    }

    func slice(_ r: Range<Int>) -> String {
        ScalarText.string(text[r.clamped(to: 0..<text.count)])
    }

    func hasPrefix(_ word: String, at i: Int) -> Bool {
        var j = i
        for w in word.unicodeScalars {
            guard j < text.count, text[j] == w else { return false }
            j += 1
        }
        return true
    }

    /// First occurrence of `word` in `range` at bracket depth 0 and outside names.
    func find(_ word: String, in range: Range<Int>) -> Int? {
        let w = Array(word.unicodeScalars)   // never empty: the callers' words are literals
        guard let first = w.first else { return nil }
        var i = range.lowerBound
        while i + w.count <= range.upperBound {
            if text[i] == first, depth[i] == 0, !inName[i], text[i..<(i + w.count)].elementsEqual(w) { return i }
            i += 1
        }
        return nil
    }

    /// Splits `range` at depth-0 occurrences of any scalar in `separators` (dropped).
    func split(_ range: Range<Int>, at separators: String) -> [Range<Int>] {
        var out: [Range<Int>] = []
        let separators = Array(separators.unicodeScalars)
        var start = range.lowerBound
        for i in range where depth[i] == 0 && separators.contains(text[i]) {
            if i > start { out.append(start..<i) }
            start = i + 1
        }
        if range.upperBound > start { out.append(start..<range.upperBound) }
        return out
    }

    /// `range` without surrounding whitespace.
    func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi, ScalarText.isWhitespace(text[lo]) { lo += 1 }
        while hi > lo, ScalarText.isWhitespace(text[hi - 1]) { hi -= 1 }
        return lo..<hi
    }
}
