import Foundation
import XCTest
@testable import SVGCharts

/// `NumberFormat.format` (digits written as bytes) against the String code it replaced.
final class NumberFormatFastPathTests: XCTestCase {
    static func reference(_ value: Double, decimals: Int, grouping: Bool) -> String {
        let d = min(max(decimals, 0), 10)
        guard value.isFinite else { return "—" }
        let p = pow(10.0, Double(d))
        let scaledAbs = (abs(value) * p).rounded(.toNearestOrAwayFromZero)
        var digits = scaledAbs < 9e15 ? String(Int64(scaledAbs)) : String(format: "%.0f", scaledAbs)
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
        return (value < 0 && scaledAbs != 0 ? "-" : "") + intPart + (d > 0 ? "." + fracPart : "")
    }

    func testFormatMatchesStrings() {
        var values: [Double] = [0, -0.0, 0.5, -0.5, 0.05, -0.05, 0.004, -0.004, 0.005, 1.005, 2.675, 9.995, 99.5, 999.5,
                                1000, -1000, 1234.5678, 12345678.9, -987654321.123, 8.99e15, 9e15, 1e16, -1e17, 1e20,
                                .infinity, -.infinity, .nan, .greatestFiniteMagnitude, .leastNonzeroMagnitude, 0.1 + 0.2]
        var r = SeededRandom(state: 17)
        for _ in 0 ..< 5000 {
            let sign = r.next(2) == 0 ? 1.0 : -1.0
            values.append(sign * Double(r.next(1_000_000_000)) / [1, 10, 100, 1000, 7, 1e6][r.next(6)])
            values.append(sign * Double(r.next(100_000)) * [1, 1e3, 1e6, 1e9, 1e12][r.next(5)] + 0.5)
        }
        for v in values {
            for d in [-1, 0, 1, 2, 3, 4, 10, 11] {
                for g in [false, true] {
                    XCTAssertEqual(NumberFormat.format(v, decimals: d, grouping: g), Self.reference(v, decimals: d, grouping: g), "\(v) \(d) \(g)")
                }
            }
        }
    }
}
