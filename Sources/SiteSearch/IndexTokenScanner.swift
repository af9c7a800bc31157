/// `Tokenizer.indexTokens` without building a String per token: it walks the text's UTF-8 once
/// and hands each index token to `emit` as UTF-8 bytes (a token may come more than once).
///
/// Same rules as `Tokenizer.runs`/`tokens(of:)` (which stay the reference, and the twin of
/// search.js). Folding never touches a CJK character, so a CJK character or bigram is a slice of
/// the input as it stands; a word run is too unless it holds a capital or full-width letter.
enum IndexTokenScanner {
    /// Calls `emit` for every token of `text`; returns whether any token holds a character that
    /// Unicode normalization can change or combine (see `isNormalizationSensitive`).
    @discardableResult
    static func scan(_ text: String, _ emit: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool {
        var text = text
        return text.withUTF8 { scan(utf8: $0, emit) }
    }

    static func scan(utf8 u: UnsafeBufferPointer<UInt8>, _ emit: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool {
        var sensitive = false
        var folded: [UInt8] = []
        // Current word run: bytes [wordStart, i) of the input; `wordFolds` when a fold changes any.
        var wordStart = -1, wordFolds = false
        // Current CJK run: bytes [cjkStart, i); its last character starts at `prevCJK`.
        var cjkStart = -1, prevCJK = -1
        func slice(_ a: Int, _ b: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: u[a ..< b]) }
        func endWord(at end: Int) {
            guard wordStart >= 0 else { return }
            if wordFolds {
                folded.removeAll(keepingCapacity: true)
                var j = wordStart
                while j < end {
                    let (v, n) = decode(u, j)
                    folded.append(UInt8(truncatingIfNeeded: Tokenizer.fold(v)))  // word chars fold to ASCII
                    j += n
                }
                folded.withUnsafeBufferPointer(emit)
            } else {
                emit(slice(wordStart, end))
            }
            wordStart = -1
            wordFolds = false
        }
        // Bigrams go out as the run grows; its characters alone after them, at its end — the
        // order `indexTokens` always had (it decides which of two canonically equal forms is kept).
        func endCJK(at end: Int) {
            guard cjkStart >= 0 else { return }
            var j = cjkStart
            while j < end {
                let n = decode(u, j).1
                emit(slice(j, j + n))
                j += n
            }
            cjkStart = -1
            prevCJK = -1
        }
        var i = 0
        while i < u.count {
            let (raw, n) = decode(u, i)
            let v = Tokenizer.fold(raw)
            if Tokenizer.isWord(v) {
                endCJK(at: i)
                if wordStart < 0 { wordStart = i }
                if v != raw { wordFolds = true }
            } else if Tokenizer.isCJK(v) {
                endWord(at: i)
                if isNormalizationSensitive(v) { sensitive = true }
                if prevCJK >= 0 { emit(slice(prevCJK, i + n)) } else { cjkStart = i }
                prevCJK = i
            } else {
                endWord(at: i)
                endCJK(at: i)
            }
            i += n
        }
        endWord(at: u.count)
        endCJK(at: u.count)
        return sensitive
    }

    /// The scalar starting at byte `i` of valid UTF-8 (a String's) and its length in bytes.
    @inline(__always)
    static func decode(_ u: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
        let b0 = UInt32(u[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(u[i + 1] & 0x3F), 2) }
        if b0 < 0xF0 { return ((b0 & 0x0F) << 12 | UInt32(u[i + 1] & 0x3F) << 6 | UInt32(u[i + 2] & 0x3F), 3) }
        return ((b0 & 0x07) << 18 | UInt32(u[i + 1] & 0x3F) << 12 | UInt32(u[i + 2] & 0x3F) << 6 | UInt32(u[i + 3] & 0x3F), 4)
    }

    /// Token characters that are not in NFC on their own or can combine with the one before
    /// (Unicode 14: U+3099–309A, and CJK compatibility ideographs with singleton decompositions).
    /// Tokens free of them are NFC, so for them Swift String equality is byte equality.
    @inline(__always)
    static func isNormalizationSensitive(_ v: UInt32) -> Bool {
        (v >= 0x3099 && v <= 0x309A) || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0x2F800 && v <= 0x2FA1F)
    }
}
