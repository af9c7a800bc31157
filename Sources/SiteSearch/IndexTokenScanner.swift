/// `Tokenizer.indexTokens` without building a String per token: it walks the text's UTF-8 once
/// and hands each index token to a sink as UTF-8 bytes with its head, its first 8 bytes as a
/// little-endian `UInt64`, zero-padded (a token may come more than once).
///
/// Same rules as `Tokenizer.runs`/`tokens(of:)` (which stay the reference, and the twin of
/// search.js). Folding never touches a CJK character, so a CJK character or bigram is a slice of
/// the input as it stands; a word run is too unless it holds a capital or full-width letter.
/// A CJK character takes 3 or 4 bytes, so a bigram's head is its two characters' bytes.
enum IndexTokenScanner {
    /// Calls `emit` for every token of `text`; returns whether any token holds a character that
    /// Unicode normalization can change or combine (see `isNormalizationSensitive`).
    @discardableResult
    static func scan(_ text: String, _ emit: (_ token: UnsafeBufferPointer<UInt8>, _ head: UInt64) -> Void) -> Bool {
        struct Forward: IndexTokenSink {
            var emit: (_ token: UnsafeBufferPointer<UInt8>, _ head: UInt64) -> Void
            func token(_ bytes: UnsafeBufferPointer<UInt8>, head: UInt64) { emit(bytes, head) }
        }
        return withoutActuallyEscaping(emit) { emit in
            var sink = Forward(emit: emit)
            var text = text
            return text.withUTF8 { scan(utf8: $0, into: &sink) }
        }
    }

    /// `scan` into a sink, which the compiler specializes and inlines (the index's hot loop).
    static func scan<Sink: IndexTokenSink & ~Copyable>(utf8 u: UnsafeBufferPointer<UInt8>, into sink: inout Sink) -> Bool {
        guard let p = u.baseAddress else { return false }
        var run = Runs(p: p)
        var i = 0
        while i < u.count {
            let b0 = p[i]
            if b0 < 0x80 {  // ASCII: a word character (A–Z folded) or a separator
                let v = b0 &- UInt8(ascii: "A") < 26 ? b0 | 0x20 : b0
                if Tokenizer.isWord(UInt32(v)) {
                    run.addWord(v, folds: v != b0, at: i, &sink)
                } else {
                    run.end(at: i, &sink)
                }
                i &+= 1
                continue
            }
            // The common case, a CJK Unified Ideograph (U+4E00–9FFF: E4 B8 80 … E9 BF BF), needs
            // neither decoding nor folding.
            if b0 &- 0xE4 < 6 && (b0 != 0xE4 || p[i &+ 1] >= 0xB8) {
                run.addCJK(at: i, 3, raw(p, i, 3), &sink)
                i &+= 3
                continue
            }
            let (scalar, n) = decode(p, i)
            let v = Tokenizer.fold(scalar)
            if Tokenizer.isWord(v) {
                run.addWord(UInt8(truncatingIfNeeded: v), folds: true, at: i, &sink)  // a non-ASCII character became ASCII
            } else if Tokenizer.isCJK(v) {
                if isNormalizationSensitive(v) { run.sensitive = true }
                run.addCJK(at: i, n, raw(p, i, n), &sink)
            } else {
                run.end(at: i, &sink)
            }
            i &+= n
        }
        run.end(at: u.count, &sink)
        return run.sensitive
    }

    /// The scan's state: the word or CJK run it is in.
    private struct Runs {
        let p: UnsafePointer<UInt8>
        var sensitive = false
        var folded: [UInt8] = []
        // Current word run: bytes [wordStart, i) of the input; `wordFolds` when a fold changes any;
        // its folded length and head so far.
        var wordStart = -1, wordFolds = false, wordLength = 0, wordHead: UInt64 = 0
        // Current CJK run: bytes [cjkStart, i); its last character's bytes and length in bits.
        var cjkStart = -1, prevRaw: UInt64 = 0, prevBits: UInt64 = 0

        init(p: UnsafePointer<UInt8>) { self.p = p }

        @inline(__always)
        func slice(_ a: Int, _ b: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: p + a, count: b &- a) }

        @inline(__always)
        mutating func end<Sink: IndexTokenSink & ~Copyable>(at i: Int, _ sink: inout Sink) {
            if wordStart >= 0 { endWord(at: i, &sink) }
            if cjkStart >= 0 { endCJK(at: i, &sink) }
        }

        mutating func endWord<Sink: IndexTokenSink & ~Copyable>(at end: Int, _ sink: inout Sink) {
            if wordFolds {
                folded.removeAll(keepingCapacity: true)
                var j = wordStart
                while j < end {
                    let (v, n) = decode(p, j)
                    folded.append(UInt8(truncatingIfNeeded: Tokenizer.fold(v)))  // word chars fold to ASCII
                    j += n
                }
                folded.withUnsafeBufferPointer { sink.token($0, head: wordHead) }
            } else {
                sink.token(slice(wordStart, end), head: wordHead)
            }
            wordStart = -1
            wordFolds = false
        }

        @inline(__always)
        mutating func addWord<Sink: IndexTokenSink & ~Copyable>(_ c: UInt8, folds: Bool, at i: Int, _ sink: inout Sink) {
            if wordStart < 0 {
                if cjkStart >= 0 { endCJK(at: i, &sink) }
                wordStart = i
                wordLength = 0
                wordHead = 0
            }
            if wordLength < 8 { wordHead |= UInt64(c) &<< UInt64(8 &* wordLength) }
            wordLength &+= 1
            if folds { wordFolds = true }
        }

        // Bigrams go out as the run grows; its characters alone after them, at its end — the
        // order `indexTokens` always had (it decides which of two canonically equal forms is kept).
        mutating func endCJK<Sink: IndexTokenSink & ~Copyable>(at end: Int, _ sink: inout Sink) {
            var j = cjkStart
            while j < end {
                let n = p[j] < 0xF0 ? 3 : 4
                sink.token(slice(j, j &+ n), head: raw(p, j, n))
                j &+= n
            }
            cjkStart = -1
        }

        @inline(__always)
        mutating func addCJK<Sink: IndexTokenSink & ~Copyable>(at i: Int, _ n: Int, _ r: UInt64, _ sink: inout Sink) {
            if cjkStart >= 0 {
                sink.token(slice(i &- Int(prevBits &>> 3), i &+ n), head: prevRaw | r &<< prevBits)
            } else {
                if wordStart >= 0 { endWord(at: i, &sink) }
                cjkStart = i
            }
            prevRaw = r
            prevBits = UInt64(8 &* n)
        }
    }

    /// `n` bytes from `i`, little-endian.
    @inline(__always)
    static func raw(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> UInt64 {
        let r = UInt64(p[i]) | UInt64(p[i &+ 1]) &<< 8 | UInt64(p[i &+ 2]) &<< 16
        return n == 3 ? r : r | UInt64(p[i &+ 3]) &<< 24
    }

    /// The scalar starting at byte `i` of valid UTF-8 (a String's) and its length in bytes.
    @inline(__always)
    static func decode(_ u: UnsafePointer<UInt8>, _ i: Int) -> (UInt32, Int) {
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

/// What `IndexTokenScanner` hands tokens to: `head` is the token's first 8 bytes, little-endian,
/// zero-padded; `bytes` are valid only during the call.
protocol IndexTokenSink: ~Copyable {
    mutating func token(_ bytes: UnsafeBufferPointer<UInt8>, head: UInt64)
}
