/// Varint text encoding of posting gaps, shared with search.js (`decodeGaps`): a number is
/// written in base 32, most significant digit first; every digit but the last comes from
/// `more`, the last from `last`, so numbers need no separator. 0–31 take one character,
/// up to 1023 two. Both alphabets are plain ASCII that needs no escaping in a JS string.
enum GapCode {
    static let more = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345".unicodeScalars)
    static let last = Array("abcdefghijklmnopqrstuvwxyz6789+/".unicodeScalars)

    static func append(_ value: Int, to out: inout String) {
        precondition(value >= 0)
        var digits = [value & 31]
        var v = value >> 5
        while v > 0 { digits.append(v & 31); v >>= 5 }
        for d in digits.dropFirst().reversed() { out.unicodeScalars.append(more[d]) }
        out.unicodeScalars.append(last[digits[0]])
    }

    static func decode(_ s: Substring) -> [Int] {
        var out: [Int] = []
        var v = 0
        for u in s.unicodeScalars {
            if let d = more.firstIndex(of: u) { v = v * 32 + d } else if let d = last.firstIndex(of: u) {
                out.append(v * 32 + d)
                v = 0
            }
        }
        return out
    }
}
