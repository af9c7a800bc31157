/// CSV cells written straight into bytes (the data downloads).
enum CSV {
    /// RFC 4180: a field holding a comma, quote or line break is quoted, its quotes doubled.
    static func appendCell(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { u in
            guard u.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else {
                out.append(contentsOf: u)
                return
            }
            out.append(UInt8(ascii: "\""))
            var run = 0
            for i in u.indices where u[i] == UInt8(ascii: "\"") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: u[run...i]))
                out.append(UInt8(ascii: "\""))
                run = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: u[run...]))
            out.append(UInt8(ascii: "\""))
        }
    }

    /// A count in decimal digits, as `String(n)` writes it.
    static func appendInt(_ n: Int, to out: inout [UInt8]) {
        if n < 0 { out.append(UInt8(ascii: "-")) }
        var m = n.magnitude
        let start = out.count
        repeat {
            out.append(UInt8(ascii: "0") + UInt8(m % 10))
            m /= 10
        } while m > 0
        out[start...].reverse()
    }
}
