/// Varint text encoding of posting gaps, shared with search.js (`decodeGaps`): a number is
/// written in base 32, most significant digit first; every digit but the last comes from
/// `more`, the last from `last`, so numbers need no separator. 0–31 take one character,
/// up to 1023 two. Both alphabets are plain ASCII that needs no escaping in a JS string.
enum GapCode {
    static let moreDigits: StaticString = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"
    static let lastDigits: StaticString = "abcdefghijklmnopqrstuvwxyz6789+/"
    static let more = Array(UnsafeBufferPointer(start: moreDigits.utf8Start, count: 32))
    static let last = Array(UnsafeBufferPointer(start: lastDigits.utf8Start, count: 32))

    static func append(_ value: Int, to out: inout [UInt8]) {
        precondition(value >= 0)
        let more = moreDigits.utf8Start, last = lastDigits.utf8Start  // no array, no lazy global
        var shift = 0
        while value >> (shift + 5) > 0 { shift += 5 }
        while shift > 0 {
            out.append(more[(value >> shift) & 31])
            shift -= 5
        }
        out.append(last[value & 31])
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
