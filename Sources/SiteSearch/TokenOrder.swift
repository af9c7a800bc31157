/// Sorting tokens by UTF-16 code units, as JavaScript's `<` compares them, on their UTF-8 bytes.
enum TokenOrder {
    static func sorted(_ tokens: [Int], _ table: TokenTable) -> [Int] {
        table.bytes.withUnsafeBufferPointer { b in
            let starts = table.starts
            func bytes(_ t: Int32) -> Slice<UnsafeBufferPointer<UInt8>> { b[starts[Int(t)] ..< starts[Int(t) + 1]] }
            // Sort by the first 8 bytes (all of a CJK bigram's 6), then put the runs that tie
            // there in full order: cheaper than comparing bytes in every step of the sort.
            var keyed = tokens.map { Keyed(key: prefixKey(b[starts[$0] ..< starts[$0 + 1]]), token: Int32($0)) }
            radixSort(&keyed)
            var i = 0
            while i < keyed.count {
                var j = i + 1
                while j < keyed.count && keyed[j].key == keyed[i].key { j += 1 }
                if j - i > 1 { keyed[i ..< j].sort { precedes(bytes($0.token), bytes($1.token)) } }
                i = j
            }
            return keyed.map { Int($0.token) }
        }
    }

    struct Keyed {
        var key: UInt64
        var token: Int32
    }

    /// By `key`, least significant byte first (stable): a few linear passes instead of the
    /// ~15 closure-called comparisons per element of `sort`.
    static func radixSort(_ a: inout [Keyed]) {
        var other = a
        for shift in stride(from: UInt64(0), to: 64, by: 8) {
            var counts = [Int](repeating: 0, count: 257)
            for e in a { counts[Int((e.key >> shift) & 0xFF) + 1] += 1 }
            if counts.contains(a.count) { continue }  // every key has the same byte here
            for i in 1 ..< 257 { counts[i] += counts[i - 1] }
            for e in a {
                let d = Int((e.key >> shift) & 0xFF)
                other[counts[d]] = e
                counts[d] += 1
            }
            swap(&a, &other)
        }
    }

    /// UTF-16 order is UTF-8 byte order except that U+E000–FFFF (lead bytes EE, EF) come after
    /// supplementary characters (lead F0–F4), whose surrogates are D800–DFFF: move EE, EF up.
    @inline(__always)
    static func weight(_ c: UInt8) -> UInt8 { c == 0xEE || c == 0xEF ? c &+ 0x10 : c }

    /// First 8 weighted bytes, big-endian, zero-padded (tokens hold no zero byte, so a shorter
    /// token that is a prefix of a longer one still sorts first).
    static func prefixKey(_ s: Slice<UnsafeBufferPointer<UInt8>>) -> UInt64 {
        var k: UInt64 = 0
        var i = s.startIndex
        for shift in stride(from: 56, through: 0, by: -8) {
            guard i < s.endIndex else { break }
            k |= UInt64(weight(s[i])) << UInt64(shift)
            i += 1
        }
        return k
    }

    static func precedes(_ a: Slice<UnsafeBufferPointer<UInt8>>, _ b: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var i = a.startIndex, j = b.startIndex
        while i < a.endIndex && j < b.endIndex {
            if a[i] != b[j] { return weight(a[i]) < weight(b[j]) }
            i += 1
            j += 1
        }
        return i == a.endIndex && j != b.endIndex
    }
}
