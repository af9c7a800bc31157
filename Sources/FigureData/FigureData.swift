import Foundation
import SiteModel

// Figure data files: the numbers behind a report's charts, recovered from the seed text,
// each number carrying the seed line it stands on.
//
//     # figure: 图 3-7 2013—2020 年中国在“一带一路”沿线国家承包工程情况
//     # unit: 亿美元
//     # kind: groupedBars
//     # status: partial — 2014–2019 lost with the chart labels     (optional; ok | partial | no-data)
//     # note: free text (several note lines are joined)
//     # series-unit: 对“一带一路”沿线国家投资占比 %                 (optional, per series: second axis)
//     # check: cagr 新签合同额 2013 2020 10.2% @2551                  (see FigureCheck)
//     series,x,y,line
//     新签合同额,2013,715.7,2595
//
// `y` is written exactly as on the seed line (`715.7`, `12.3%`, `"1,359.2"`), `line` is the
// 1-based line of the seed file (blank lines count). Other `#` lines are comments.

public enum FigureKind: String, CaseIterable, Hashable, Sendable {
    case bars, groupedBars, stackedBars, lines, donut
}

public enum FigureStatus: Hashable, Sendable {
    /// All the figure's numbers are given.
    case ok
    /// Some points are left out (lost labels, ambiguous assignment); the reason is shown.
    case partial(String)
    /// The source text gives none of the figure's numbers; the site says so.
    case noData(String)

    public var isNoData: Bool { if case .noData = self { return true } else { return false } }
}

/// One number of a figure, with its provenance.
public struct FigurePoint: Hashable, Sendable {
    public var series: String
    public var x: String
    public var y: Double
    /// The number as written in the file (and on the seed line), e.g. `12.3%`.
    public var raw: String
    /// 1-based seed line the number stands on.
    public var line: Int
    /// 1-based line of the data file this point is on.
    public var row: Int

    public init(series: String, x: String, y: Double, raw: String, line: Int, row: Int) {
        self.series = series; self.x = x; self.y = y; self.raw = raw; self.line = line; self.row = row
    }
}

/// A stated total / growth rate / share from the prose, verified against the points.
///
///     value   S X stated            y(S,X) equals the stated number (at its precision)
///     growth  S X1 X2 stated        (y2 / y1 − 1) × 100
///     cagr    S X1 X2 stated        ((y2 / y1)^(1 / (X2 − X1)) − 1) × 100
///     cagrgap A B X1 X2 stated      cagr(A) − cagr(B), in percentage points
///     sum     S[+S…] X[,X…]|* stated  sum of the listed points
///     ratio   A B X stated          y(A,X) / y(B,X) × 100
///     diff    S X1 X2 stated        y2 − y1 (percentage points)
///     above   S[+S…]|* X[,X…]|* bound  every listed point that the file gives is > bound
///
/// Every check ends with `@N`: the seed line the stated number stands on (checked like a point).
public struct FigureCheck: Hashable, Sendable {
    public enum Kind: String, CaseIterable, Hashable, Sendable {
        case value, growth, cagr, cagrgap, sum, ratio, diff, above
    }
    public var kind: Kind
    public var args: [String]
    public var statedRaw: String
    public var stated: Double
    public var line: Int
    public var row: Int
    public var text: String
}

public struct FigureDataFile: Hashable, Sendable {
    /// `figure-3-7`.
    public var figureID: String
    /// `图 3-7`.
    public var label: String
    public var caption: String
    public var unit: String
    public var kind: FigureKind
    public var note: String?
    public var status: FigureStatus
    /// Series drawn against another unit (a second axis), e.g. a share line over amount bars.
    public var seriesUnits: [String: String]
    public var points: [FigurePoint]
    public var checks: [FigureCheck]
    /// Non-fatal findings of the parse (unknown header fields, …).
    public var warnings: [Diagnostic] = []

    /// Series names in first-appearance order.
    public var series: [String] {
        var seen = Set<String>(), out: [String] = []
        for p in points where seen.insert(p.series).inserted { out.append(p.series) }
        return out
    }

    public func point(_ series: String, _ x: String) -> FigurePoint? {
        points.first { $0.series == series && $0.x == x }
    }
}

// MARK: - Numbers

public enum FigureNumber {
    /// Canonical form for token comparison: ASCII digits, no thousands separators, no `%`,
    /// sign as `-`. Returns nil if `raw` is not a plain number.
    public static func canonical(_ raw: some StringProtocol) -> String? {
        var s = ""
        var chars = Array(ScalarText.trimmed(raw))
        if let last = chars.last, last == "%" || last == "％" { chars.removeLast() }
        guard !chars.isEmpty else { return nil }
        var i = 0
        if chars[0] == "-" || chars[0] == "−" || chars[0] == "－" { s.append("-"); i = 1 }
        var sawDigit = false, sawDot = false
        while i < chars.count {
            let c = chars[i]
            if let d = asciiDigit(c) { s.append(d); sawDigit = true }
            else if c == "." || c == "．" {
                guard !sawDot, sawDigit, i + 1 < chars.count, asciiDigit(chars[i + 1]) != nil else { return nil }
                sawDot = true; s.append(".")
            } else if c == "," {
                // thousands separator: digits before, exactly three digits after
                guard sawDigit, !sawDot, (1...3).allSatisfy({ i + $0 < chars.count && asciiDigit(chars[i + $0]) != nil }),
                      i + 4 >= chars.count || asciiDigit(chars[i + 4]) == nil else { return nil }
            } else { return nil }
            i += 1
        }
        return sawDigit ? s : nil
    }

    public static func value(_ raw: some StringProtocol) -> Double? {
        canonical(raw).flatMap(Double.init)
    }

    /// Decimal places as written (`12.30%` → 2).
    public static func decimals(_ raw: some StringProtocol) -> Int {
        guard let c = canonical(raw), let dot = c.firstIndex(of: ".") else { return 0 }
        return c.distance(from: dot, to: c.endIndex) - 1
    }

    /// Every number token standing on a line, canonicalised, each with its 1-based column.
    /// A token is a maximal run of digits with `.` between digits and `,` before a group of
    /// exactly three digits, an optional trailing `%`, and a leading `-`/`−` unless that follows
    /// a digit (`3-7` is a range, not a negative 7).
    public static func tokens(in line: some StringProtocol) -> [(canonical: String, signed: Bool, column: Int)] {
        let chars = Array(line)
        var out: [(String, Bool, Int)] = []
        var i = 0
        while i < chars.count {
            guard asciiDigit(chars[i]) != nil else { i += 1; continue }
            let start = i
            var s = ""
            var sawDot = false
            while i < chars.count {
                let c = chars[i]
                if let d = asciiDigit(c) { s.append(d); i += 1; continue }
                if (c == "." || c == "．"), !sawDot, i + 1 < chars.count, asciiDigit(chars[i + 1]) != nil {
                    sawDot = true; s.append("."); i += 1; continue
                }
                if c == ",", !sawDot,
                   (1...3).allSatisfy({ i + $0 < chars.count && asciiDigit(chars[i + $0]) != nil }),
                   i + 4 >= chars.count || asciiDigit(chars[i + 4]) == nil {
                    i += 1; continue
                }
                break
            }
            if i < chars.count, chars[i] == "%" || chars[i] == "％" { i += 1 }
            var signed = false
            if start > 0, "-−－".contains(chars[start - 1]) {
                let before = start >= 2 ? chars[start - 2] : " "
                if asciiDigit(before) == nil && !before.isLetter { signed = true }
            }
            out.append((signed ? "-" + s : s, signed, start + 1 - (signed ? 1 : 0)))
        }
        return out.map { (canonical: $0.0, signed: $0.1, column: $0.2) }
    }

    /// Does `raw` stand on `line` as a whole token?
    public static func stands(_ raw: String, on line: some StringProtocol) -> Bool {
        guard let want = canonical(raw) else { return false }
        let wantSigned = want.hasPrefix("-")
        for t in tokens(in: line) {
            if wantSigned { if t.canonical == want { return true } }
            else {
                let unsigned = t.signed ? String(t.canonical.dropFirst()) : t.canonical
                if unsigned == want { return true }
            }
        }
        return false
    }

    static func asciiDigit(_ c: Character) -> Character? {
        guard let u = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return nil }
        switch u.value {
        case 0x30...0x39: return c
        case 0xFF10...0xFF19: return Character(Unicode.Scalar(u.value - 0xFF10 + 0x30)!)
        default: return nil
        }
    }
}
