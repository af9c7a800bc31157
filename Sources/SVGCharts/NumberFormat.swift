import Foundation

/// Number formatting as Chinese statistical sources print it: fixed decimals
/// taken from the source (715.7, 1.24, 12.3%), no thousands separators by
/// default (numbers are usually already scaled into 万/亿), the unit kept
/// apart in the axis title / header rather than glued to every value.
public enum NumberFormat {
    /// Fixed-decimal rendering, rounding half away from zero. Built on integer
    /// arithmetic for byte-stable output independent of locale.
    public static func format(_ value: Double, decimals: Int, grouping: Bool = false) -> String {
        let d = min(max(decimals, 0), 10)
        guard value.isFinite else { return "—" }
        let p = pow(10.0, Double(d))
        let scaledAbs = (abs(value) * p).rounded(.toNearestOrAwayFromZero)
        guard scaledAbs < 9e15 else { return formatLarge(value, scaledAbs: scaledAbs, d: d, grouping: grouping) }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxLength) { b in
            let n = write(negative: value < 0, scaled: UInt64(scaledAbs), decimals: d, grouping: grouping, into: b.baseAddress!)
            return String(decoding: UnsafeBufferPointer(rebasing: b[..<n]), as: UTF8.self)
        }
    }

    /// Longest `write` output: sign, 16 digits, 5 commas, point, 10 decimals.
    static let maxLength = 40

    /// The text of a number already scaled to an integer (`scaled` < 9e15) with `decimals`
    /// places: sign, integer digits (grouped by three if asked), point, decimals. Returns its length.
    static func write(negative: Bool, scaled: UInt64, decimals d: Int, grouping: Bool,
                      into out: UnsafeMutablePointer<UInt8>) -> Int {
        var digits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)  // up to 32 digit bytes, least significant first
        var k = 0
        withUnsafeMutableBytes(of: &digits) { raw in
            var n = scaled
            repeat {
                raw[k] = UInt8(ascii: "0") + UInt8(n % 10)
                n /= 10
                k += 1
            } while n > 0
            while d > 0 && k <= d { raw[k] = UInt8(ascii: "0"); k += 1 }  // "0.05", not ".05"
        }
        var at = 0
        if negative && scaled != 0 { out[0] = UInt8(ascii: "-"); at = 1 }
        let intLength = k - d
        withUnsafeBytes(of: &digits) { raw in
            for i in 0 ..< intLength {
                if grouping && intLength > 3 && i > 0 && (intLength - i) % 3 == 0 { out[at] = UInt8(ascii: ","); at += 1 }
                out[at] = raw[k - 1 - i]
                at += 1
            }
            if d > 0 {
                out[at] = UInt8(ascii: ".")
                at += 1
                for i in (0 ..< d).reversed() { out[at] = raw[i]; at += 1 }
            }
        }
        return at
    }

    /// Too large for exact Int64 handling: C formatting (still deterministic, "C" locale
    /// semantics on Linux), then the same String steps as ever.
    private static func formatLarge(_ value: Double, scaledAbs: Double, d: Int, grouping: Bool) -> String {
        var digits = String(format: "%.0f", scaledAbs)
        if d > 0 && digits.count <= d { digits = String(repeating: "0", count: d - digits.count + 1) + digits }
        var intPart = d > 0 ? String(digits.dropLast(d)) : digits
        let fracPart = d > 0 ? String(digits.suffix(d)) : ""
        if grouping && intPart.count > 3 {
            var grouped = ""
            for (i, ch) in intPart.enumerated() {
                if i > 0 && (intPart.count - i) % 3 == 0 { grouped.append(",") }
                grouped.append(ch)
            }
            intPart = grouped
        }
        let isZero = scaledAbs == 0
        return (value < 0 && !isZero ? "-" : "") + intPart + (d > 0 ? "." + fracPart : "")
    }

    public static func percent(_ value: Double, decimals: Int) -> String {
        format(value, decimals: decimals) + "%"
    }

    /// Label for an optional value: the em dash Chinese tables use for "no data".
    public static func cell(_ value: Double?, decimals: Int, grouping: Bool = false) -> String {
        guard let value else { return "—" }
        return format(value, decimals: decimals, grouping: grouping)
    }
}
