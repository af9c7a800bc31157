/// Varint text encoding of posting gaps, shared with search.js (`decodeGaps`): a number is
/// written in base 32, most significant digit first; every digit but the last comes from
/// `more`, the last from `last`, so numbers need no separator. 0–31 take one character,
/// up to 1023 two. Both alphabets are plain ASCII that needs no escaping in a JS string.
enum GapCode {
    static let moreDigits: StaticString = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"
    static let lastDigits: StaticString = "abcdefghijklmnopqrstuvwxyz6789+/"
    static let more = Array(UnsafeBufferPointer(start: moreDigits.utf8Start, count: 32))
    static let last = Array(UnsafeBufferPointer(start: lastDigits.utf8Start, count: 32))

    /// Most characters `write` puts out (63 bits in 5-bit digits).
    static let maxDigits = 13

    static func append(_ value: Int, to out: inout [UInt8]) {
        precondition(value >= 0)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxDigits) { b in
            out.append(contentsOf: UnsafeBufferPointer(start: b.baseAddress!, count: write(value, to: b.baseAddress!)))
        }
    }

    /// Writes `value` (≥ 0) at `p`, which has room for `maxDigits`; returns the count.
    @inline(__always)
    static func write(_ value: Int, to p: UnsafeMutablePointer<UInt8>) -> Int {
        let more = moreDigits.utf8Start, last = lastDigits.utf8Start  // no array, no lazy global
        if value < 32 {  // most gaps
            p[0] = last[value]
            return 1
        }
        var shift = 5
        while value >> (shift + 5) > 0 { shift += 5 }
        var n = 0
        while shift > 0 {
            p[n] = more[(value >> shift) & 31]
            n += 1
            shift -= 5
        }
        p[n] = last[value & 31]
        return n + 1
    }

    static func append(_ value: Int, to out: inout String) {
        var bytes: [UInt8] = []
        append(value, to: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    static func decode(_ s: Substring) -> [Int] {
        var out: [Int] = []
        var v = 0
        for u in s.utf8 {
            if let d = more.firstIndex(of: u) { v = v * 32 + d } else if let d = last.firstIndex(of: u) {
                out.append(v * 32 + d)
                v = 0
            }
        }
        return out
    }
}
