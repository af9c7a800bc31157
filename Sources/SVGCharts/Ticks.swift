import Foundation

/// A set of "nice" axis ticks: multiples of 1, 2 or 5 × 10^k.
public struct TickSet: Equatable, Sendable {
    public let values: [Double]
    public let step: Double
    /// Decimals needed to print every tick exactly (0.5 → 1, 200 → 0).
    public let decimals: Int

    public var lower: Double { values.first ?? 0 }
    public var upper: Double { values.last ?? 1 }
}

public enum Ticks {
    /// Nice ticks covering [min, max] with about `target` intervals.
    /// Degenerate inputs never trap: non-finite → [0, 1]; a single value is
    /// widened to include zero (or [0, 1] for zero itself).
    public static func nice(min lo0: Double, max hi0: Double, target: Int = 5) -> TickSet {
        var lo = lo0, hi = hi0
        if !lo.isFinite || !hi.isFinite { lo = 0; hi = 1 }
        // Keep the span finite (1e308 - -1e308 would overflow to infinity).
        lo = Swift.max(-1e300, Swift.min(1e300, lo)); hi = Swift.max(-1e300, Swift.min(1e300, hi))
        if lo > hi { swap(&lo, &hi) }
        if lo == hi {
            if lo > 0 { lo = 0 } else if lo < 0 { hi = 0 } else { hi = 1 }
        }
        let span = hi - lo
        let rough = span / Double(Swift.max(1, target))
        var exp = Int(floor(log10(rough)))
        let frac = rough / pow(10, Double(exp))
        // Tolerance absorbs binary noise such as 0.2/0.1 = 2.0000000000000004.
        let eps = 1e-9
        var m: Int
        if frac <= 1 + eps { m = 1 } else if frac <= 2 + eps { m = 2 } else if frac <= 5 + eps { m = 5 } else { m = 1; exp += 1 }
        // Build ticks as integer multiples so 0.1+0.2-style drift never shows:
        // dividing an exact integer by an exact power of ten rounds correctly.
        func value(_ k: Int) -> Double {
            exp >= 0 ? Double(k * m) * pow(10, Double(exp)) : Double(k * m) / pow(10, Double(-exp))
        }
        let step = value(1)
        let kLo = Int(floor(lo / step + eps))
        var kHi = Int(ceil(hi / step - eps))
        if kHi <= kLo { kHi = kLo + 1 }
        if kHi - kLo > 100 { kHi = kLo + 100 } // cannot happen for finite input; guard anyway
        let values = (kLo...kHi).map(value)
        return TickSet(values: values, step: step, decimals: Swift.max(0, -exp))
    }
}
