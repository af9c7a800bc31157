/// Writes JavaScript literals by hand so the output is byte-for-byte deterministic (no dictionary
/// order, no platform-dependent escaping) and safe to inline in a <script> element.
/// Works on UTF-8 bytes: the index is ~0.5 MB of text, copied in runs between escapes.
enum JSLiteral {
    static func string(_ s: String, into out: inout [UInt8]) {
        var s = s
        s.withUTF8 { string(utf8: $0, into: &out) }
    }

    /// The literal of valid UTF-8 text.
    static func string(utf8 u: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        do {
            var run = 0  // start of the bytes not yet copied
            var i = 0
            func flush(_ end: Int) { out.append(contentsOf: UnsafeBufferPointer(rebasing: u[run ..< end])) }
            while i < u.count {
                // Eight bytes at a time over text that needs no escape (nearly all of it), then
                // byte by byte through a group that may.
                let stop: Int
                if i &+ 8 <= u.count {
                    if !mayNeedEscape(UnsafeRawPointer(u.baseAddress! + i).loadUnaligned(as: UInt64.self)) {
                        i &+= 8
                        continue
                    }
                    stop = i &+ 8
                } else {
                    stop = u.count
                }
                while i < stop {
                    let b = u[i]
                    if b >= 0x80 {
                        // U+2028/9 (E2 80 A8/A9) are line terminators in older JS.
                        if b == 0xE2, i + 2 < u.count, u[i + 1] == 0x80, u[i + 2] == 0xA8 || u[i + 2] == 0xA9 {
                            flush(i)
                            hex(u[i + 2] == 0xA8 ? 0x2028 : 0x2029, into: &out)
                            i += 3
                            run = i
                            continue
                        }
                        i += 1
                        continue
                    }
                    let escaped: StaticString?
                    switch b {
                    case UInt8(ascii: "\""): escaped = "\\\""
                    case UInt8(ascii: "\\"): escaped = "\\\\"
                    case UInt8(ascii: "\n"): escaped = "\\n"
                    case UInt8(ascii: "\t"): escaped = "\\t"
                    default: escaped = nil
                    }
                    // "<" so "</script>" can never appear; other controls as \u escapes.
                    if escaped != nil || b == UInt8(ascii: "<") || b < 0x20 || b == 0x7F {
                        flush(i)
                        if let escaped {
                            out.append(contentsOf: UnsafeBufferPointer(start: escaped.utf8Start, count: escaped.utf8CodeUnitCount))
                        } else {
                            hex(UInt32(b), into: &out)
                        }
                        run = i + 1
                    }
                    i += 1
                }
            }
            flush(u.count)
        }
        out.append(UInt8(ascii: "\""))
    }

    static func string(_ s: String) -> String {
        var out: [UInt8] = []
        string(s, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether any of the 8 bytes is one the loop looks at: a control, `"`, `\\`, `<`, DEL, or
    /// E2 (the lead byte of U+2028/9). SWAR: `x` has a zero byte exactly when
    /// `(x - 0x01…) & ~x & 0x80…` is non-zero; likewise a byte below n ≤ 0x80 with `n·0x01…`.
    @inline(__always)
    static func mayNeedEscape(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zero(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & high }
        let below20 = (w &- ones &* 0x20) & ~w & high
        return (below20 | zero(w ^ (ones &* 0x22)) | zero(w ^ (ones &* 0x5C)) | zero(w ^ (ones &* 0x3C))
            | zero(w ^ (ones &* 0x7F)) | zero(w ^ (ones &* 0xE2))) != 0
    }

    /// `\uXXXX`, lower-case hex.
    private static let digits = Array("0123456789abcdef".utf8)

    private static func hex(_ v: UInt32, into out: inout [UInt8]) {
        out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u")])
        for shift in stride(from: 12, through: 0, by: -4) { out.append(digits[Int(v >> UInt32(shift)) & 15]) }
    }
}
