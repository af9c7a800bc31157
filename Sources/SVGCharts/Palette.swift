// Colour choices. Requirements: readable in greyscale print and for the
// common colour-vision deficiencies (protan/deutan). A blue↔orange axis is
// the one hue contrast all of those keep, and every colour below sits at a
// distinct CIE L* (lightness) so the series stay apart even in greyscale.
// Beyond the third series lightness steps get small, so those series also
// carry a fill pattern (bars, slices) or a dash + marker shape (lines).

public struct SeriesStyle: Sendable, Equatable {
    public let fill: String
    /// Text colour readable on top of `fill` (value labels inside bars).
    public let ink: String
    /// Outline for very light fills so they still have an edge on white paper.
    public let stroke: String?
    /// Pattern overlay kind, nil = solid.
    public let pattern: PatternKind?
    /// Stroke dash array for lines ("" = solid).
    public let dash: String
    public let marker: MarkerShape
}

public enum PatternKind: String, Sendable { case hatch, dots, cross }
public enum MarkerShape: String, Sendable { case circle, square, triangle, diamond, cross }

public enum Palette {
    public static let ink = "#222222"
    public static let muted = "#666666"
    public static let grid = "#e2e2e2"
    public static let axis = "#888888"
    public static let background = "#ffffff"

    /// Categorical colours in series order, chosen so neighbours differ in
    /// L*: navy 27, orange 65, peach 87, mid blue 53, brown 39, light blue 81.
    public static let categorical: [(fill: String, lightness: Double)] = [
        ("#1f3f73", 27.0), ("#e8871e", 65.4), ("#fdd3a5", 87.1),
        ("#4f7fbf", 52.5), ("#8c4a10", 38.7), ("#a6cde8", 80.5),
    ]

    static let dashes = ["", "6 3", "2 3", "8 3 2 3", "4 4", "1 2"]
    static let markers: [MarkerShape] = [.circle, .square, .triangle, .diamond, .cross]

    /// Style of series `i` (any non-negative index; negative is treated as 0).
    public static func series(_ i: Int) -> SeriesStyle {
        let idx = max(0, i)
        let c = categorical[idx % categorical.count]
        let cycle = idx / categorical.count
        let pattern: PatternKind?
        switch (idx % categorical.count, cycle) {
        case (0..<3, 0): pattern = nil
        case (_, 0): pattern = .hatch
        case (_, 1): pattern = .dots
        default: pattern = .cross
        }
        return SeriesStyle(
            fill: c.fill,
            ink: c.lightness < 55 ? "#ffffff" : ink,
            stroke: c.lightness > 78 ? "#b07a45" : nil,
            pattern: pattern,
            dash: dashes[idx % dashes.count],
            marker: markers[idx % markers.count])
    }

    /// Sequential ramp light → dark (L* 95 → 27), passing from pale orange to
    /// navy; monotone lightness so the order reads in greyscale.
    public static let sequential: [(fill: String, lightness: Double)] = [
        ("#fdf0dc", 95.3), ("#fbd3a0", 86.8), ("#f2a85f", 74.6), ("#d97c35", 61.2),
        ("#65779f", 50.0), ("#4a679a", 43.5), ("#1f3f73", 27.0),
    ]

    /// Picks `count` colours spread across the sequential ramp.
    public static func sequentialSteps(_ count: Int) -> [(fill: String, lightness: Double)] {
        let n = max(1, count)
        let last = sequential.count - 1
        if n == 1 { return [sequential[last / 2]] }
        return (0..<n).map { i in
            sequential[min(last, Int((Double(i) * Double(last) / Double(n - 1)).rounded()))]
        }
    }

    /// Missing data: neutral grey plus a hatch so it is not read as a value.
    public static let missing = "#e0e0e0"

    /// `<pattern>` definition drawing `kind` over `fill`. Ids must be unique
    /// per document, hence the caller-provided id.
    static func patternDef(id: String, kind: PatternKind, fill: String, line: String = "#ffffff") -> String {
        let body: String
        switch kind {
        case .hatch:
            body = "<path d=\"M-1 1L1 -1M0 6L6 0M5 7L7 5\" stroke=\"\(line)\" stroke-width=\"1.4\"/>"
        case .dots:
            body = "<circle cx=\"3\" cy=\"3\" r=\"1.2\" fill=\"\(line)\"/>"
        case .cross:
            body = "<path d=\"M0 3H6M3 0V6\" stroke=\"\(line)\" stroke-width=\"1\"/>"
        }
        return "<pattern id=\"\(xmlEscape(id))\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" fill=\"\(fill)\"/>\(body)</pattern>"
    }
}
