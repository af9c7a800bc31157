/// Values numbered in order of first use (deterministic for a given record order), equal when
/// their Swift Strings are (canonical equivalence), found by their UTF-8 bytes: hashing a
/// `String` key normalizes it, which is slow for CJK.
///
/// Strings made only of `isCanonicallyInert` characters are in NFC and stay so when joined, so
/// two of them are equal exactly when their bytes are; the table works on bytes while every
/// value is such a string, and keys by `String` from the first that is not.
struct ValueTable: ~Copyable {
    private(set) var values: [String] = []
    private var byBytes = TokenTable(capacity: 256)
    private var byString: [String: Int]?
    /// Neighbouring records mostly share a page and a title: a byte-equal repeat skips hashing.
    private var last = -1

    /// The id of the value with these bytes; `make` gives the value as a String when it is new.
    mutating func id(_ bytes: UnsafeBufferPointer<UInt8>, _ make: () -> String) -> Int {
        if byString == nil {
            if last >= 0 && byBytes.isToken(last, bytes) { return last }
            let known = byBytes.count
            let t = byBytes.id(bytes)
            if t < known || Self.isInert(bytes) {
                if t == known { values.append(make()) }
                last = t
                return t
            }
            // Not inert: it may equal a value with other bytes. (Left in `byBytes`, unused from now.)
            byString = Dictionary(uniqueKeysWithValues: values.enumerated().map { ($1, $0) })
        }
        let v = make()
        if let i = byString![v] { return i }
        byString![v] = values.count
        values.append(v)
        return values.count - 1
    }

    static func isInert(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = u.baseAddress else { return true }
        var i = 0
        while i < u.count {
            let (v, n) = IndexTokenScanner.decode(p, i)
            if !isCanonicallyInert(v) { return false }
            i += n
        }
        return true
    }

    /// Characters with canonical combining class 0 that NFC leaves alone and that never combine
    /// with the character before (Unicode 14: checked for every code point of these ranges; others
    /// count as not inert).
    @inline(__always)
    static func isCanonicallyInert(_ v: UInt32) -> Bool {
        if v < 0x300 { return true }                                    // ASCII, Latin-1, Latin Extended, IPA, spacing modifiers
        if v >= 0x3400 && v <= 0x9FFF { return true }                   // CJK Extension A, Yijing, CJK Unified Ideographs
        if v >= 0x3000 && v <= 0x30FF {                                 // CJK punctuation, kana
            return !(v >= 0x302A && v <= 0x302F) && v != 0x3040 && !(v >= 0x3097 && v <= 0x309A)
        }
        if v >= 0x2002 && v <= 0x206F { return v != 0x2065 }            // general punctuation
        if v >= 0xFF01 && v <= 0xFFEE {                                 // full-width and half-width forms
            return v <= 0xFFBE || (v >= 0xFFC2 && v <= 0xFFC7) || (v >= 0xFFCA && v <= 0xFFCF)
                || (v >= 0xFFD2 && v <= 0xFFD7) || (v >= 0xFFDA && v <= 0xFFDC) || (v >= 0xFFE0 && v <= 0xFFE6)
                || v >= 0xFFE8
        }
        return v >= 0xAC00 && v <= 0xD7A3                               // Hangul syllables
    }
}
