/// Sorting tokens by UTF-16 code units, as JavaScript's `<` compares them, on their UTF-8 bytes.
enum TokenOrder {
    static func sorted(_ tokens: [Int32], _ table: borrowing TokenTable) -> [Int32] {
        // Sort by the first 6 bytes (all of a CJK bigram), then put the runs that tie there in
        // full order: cheaper than comparing bytes in every step of the sort.
        var keyed = [Keyed](unsafeUninitializedCapacity: tokens.count) { b, n in
            for (k, t) in tokens.enumerated() { b[k] = Keyed(key: prefixKey(table.heads[Int(t)]) &>> 16, token: t) }
            n = tokens.count
        }
        radixSort(&keyed)
        keyed.withUnsafeMutableBufferPointer { keyed in
            var i = 0
            while i < keyed.count {
                var j = i + 1
                while j < keyed.count && keyed[j].key == keyed[i].key { j += 1 }
                if j - i > 1 {
                    var tie = UnsafeMutableBufferPointer(rebasing: keyed[i ..< j])
                    tie.sort { a, b in
                        table.withToken(Int(a.token)) { x in table.withToken(Int(b.token)) { y in precedes(x, y) } }
                    }
                }
                i = j
            }
        }
        return keyed.map(\.token)
    }

    struct Keyed {
        var key: UInt64
        var token: Int32
    }

    /// By `key` (48 bits), least significant digit first (stable), in 12-bit digits: four linear
    /// passes instead of the ~15 closure-called comparisons per element of `sort`. All four
    /// digit histograms come from one pass; a digit every key shares is skipped.
    static func radixSort(_ a: inout [Keyed]) {
        let n = a.count
        guard n > 1 else { return }
        let bits: UInt64 = 12, digits = 4, radix = 1 << 12
        var counts = [Int](repeating: 0, count: digits * radix)
        var other = [Keyed](unsafeUninitializedCapacity: n) { _, k in k = n }  // every element written before read
        counts.withUnsafeMutableBufferPointer { c in
            a.withUnsafeBufferPointer { p in
                for e in p {
                    var k = e.key
                    for d in 0 ..< digits {
                        c[d &* radix | Int(k & UInt64(radix - 1))] &+= 1
                        k &>>= bits
                    }
                }
            }
            for d in 0 ..< digits {
                let shift = bits * UInt64(d)
                let h = UnsafeMutableBufferPointer(rebasing: c[d * radix ..< (d + 1) * radix])
                if h[Int((a[0].key &>> shift) & UInt64(radix - 1))] == n { continue }  // every key has this digit
                var sum = 0
                for b in 0 ..< radix {
                    let c = h[b]
                    h[b] = sum
                    sum &+= c
                }
                a.withUnsafeBufferPointer { src in
                    other.withUnsafeMutableBufferPointer { dst in
                        for e in src {
                            let b = Int((e.key &>> shift) & UInt64(radix - 1))
                            dst[h[b]] = e
                            h[b] &+= 1
                        }
                    }
                }
                swap(&a, &other)
            }
        }
    }

    /// UTF-16 order is UTF-8 byte order except that U+E000–FFFF (lead bytes EE, EF) come after
    /// supplementary characters (lead F0–F4), whose surrogates are D800–DFFF: move EE, EF up.
    @inline(__always)
    static func weight(_ c: UInt8) -> UInt8 { c == 0xEE || c == 0xEF ? c &+ 0x10 : c }

    /// A token's first 8 weighted bytes, big-endian, zero-padded (tokens hold no zero byte, so a
    /// shorter token that is a prefix of a longer one still sorts first), from its head.
    @inline(__always)
    static func prefixKey(_ head: UInt64) -> UInt64 {
        var k = head.byteSwapped  // first byte most significant
        // Any byte EE or EF? (x & FE) == EE per byte, found as a zero byte of the XOR.
        let x = (k & 0xFEFE_FEFE_FEFE_FEFE) ^ 0xEEEE_EEEE_EEEE_EEEE
        if (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0 {
            var w: UInt64 = 0
            for shift in stride(from: UInt64(0), to: 64, by: 8) {
                w |= UInt64(weight(UInt8(truncatingIfNeeded: k >> shift))) << shift
            }
            k = w
        }
        return k
    }

    static func precedes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < a.count && i < b.count {
            if a[i] != b[i] { return weight(a[i]) < weight(b[i]) }
            i += 1
        }
        return i == a.count && i != b.count
    }
}
