/// Maps a numeric domain onto a pixel range (either direction).
public struct LinearScale: Sendable {
    public var domain: (Double, Double)
    public var range: (Double, Double)

    public init(domain: (Double, Double), range: (Double, Double)) {
        self.domain = domain
        self.range = range
    }

    public func callAsFunction(_ v: Double) -> Double {
        let d = domain.1 - domain.0
        // A zero-width domain would divide by zero; pin to the range start.
        guard d != 0, d.isFinite, v.isFinite else { return range.0 }
        return range.0 + (v - domain.0) / d * (range.1 - range.0)
    }
}

/// Divides a pixel range into equal bands, one per category (d3-style
/// inner/outer padding expressed as fractions of a step).
public struct BandScale: Sendable {
    public let count: Int
    public let range: (Double, Double)
    public let paddingInner: Double
    public let paddingOuter: Double

    public init(count: Int, range: (Double, Double), paddingInner: Double = 0.2, paddingOuter: Double = 0.1) {
        self.count = max(0, count)
        self.range = range
        self.paddingInner = min(max(paddingInner, 0), 0.95)
        self.paddingOuter = max(paddingOuter, 0)
    }

    public var step: Double {
        let n = Double(max(1, count))
        return (range.1 - range.0) / max(0.05, n - paddingInner + 2 * paddingOuter)
    }

    public var bandwidth: Double { step * (1 - paddingInner) }

    public func start(_ i: Int) -> Double { range.0 + step * paddingOuter + Double(i) * step }

    public func center(_ i: Int) -> Double { start(i) + bandwidth / 2 }
}
