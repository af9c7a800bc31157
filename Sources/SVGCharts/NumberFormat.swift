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
        var digits: String
        if scaledAbs < 9e15 {
            digits = String(Int64(scaledAbs))
        } else {
            // Too large for exact Int64 handling: fall back to C formatting
            // (still deterministic, "C" locale semantics on Linux).
            digits = String(format: "%.0f", scaledAbs)
        }
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
