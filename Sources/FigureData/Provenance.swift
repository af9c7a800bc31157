#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import Foundation
import SiteModel

public enum Provenance {
    /// Splits a seed file into lines the way data files count them (1-based, blank lines count).
    public static func lines(of seedText: String) -> [Substring] {
        // Newlines found with memchr, lines sliced by UTF-8 offsets (O(1) on a native
        // string): splitting on `Character`s walks grapheme clusters over the whole seed.
        var text = seedText
        let ranges: [Range<Int>] = text.withUTF8 { u in
            var out: [Range<Int>] = []
            var start = 0
            while true {
                let rest = u.count - start
                let newline = rest > 0 ? memchr(u.baseAddress! + start, 0x0A, rest) : nil
                let end = newline.map { u.baseAddress!.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? u.count
                out.append(start ..< (end > start && u[end - 1] == 0x0D ? end - 1 : end))
                guard newline != nil else { return out }
                start = end + 1
            }
        }
        let u = text.utf8
        return ranges.map { r in text[u.index(u.startIndex, offsetBy: r.lowerBound) ..< u.index(u.startIndex, offsetBy: r.upperBound)] }
    }

    /// Every point's number, and every check's stated number, must stand as a whole token on
    /// the seed line it cites. Diagnostics point at the data file's row.
    public static func check(_ file: FigureDataFile, seedLines: [Substring], filePath: String,
                             seedPath: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        func verify(_ raw: String, line: Int, row: Int, what: String) {
            guard line >= 1, line <= seedLines.count else {
                out.append(.error(filePath, line: row, column: 1,
                                  "\(raw) cites line \(line), beyond the end of \(seedPath) (\(seedLines.count) lines)"))
                return
            }
            if !FigureNumber.stands(raw, on: seedLines[line - 1]) {
                let near = nearby(raw, line: line, seedLines: seedLines)
                out.append(.error(filePath, line: row, column: 1,
                                  "\(what)\(raw) does not stand on \(seedPath) line \(line)",
                                  hint: near.map { "it stands on line \($0)" }))
            }
        }
        for p in file.points { verify(p.raw, line: p.line, row: p.row, what: "") }
        for c in file.checks { verify(c.statedRaw, line: c.line, row: c.row, what: "check: ") }
        return out
    }

    /// The closest line (within 40) where the number does stand, for the hint.
    static func nearby(_ raw: String, line: Int, seedLines: [Substring]) -> Int? {
        for d in 1...40 {
            for l in [line - d, line + d] where l >= 1 && l <= seedLines.count {
                if FigureNumber.stands(raw, on: seedLines[l - 1]) { return l }
            }
        }
        return nil
    }
}

/// Verifies a file's `# check:` lines against its points.
public enum FigureChecks {
    public struct Outcome: Sendable, Hashable {
        public var check: FigureCheck
        public var computed: Double?
        public var passed: Bool
        public var detail: String
    }

    public static func verify(_ file: FigureDataFile, filePath: String) -> [Diagnostic] {
        evaluate(file).compactMap { o in
            o.passed ? nil : .error(filePath, line: o.check.row, column: 1, "check failed: \(o.check.text): \(o.detail)")
        }
    }

    public static func evaluate(_ file: FigureDataFile) -> [Outcome] {
        file.checks.map { evaluate($0, in: file) }
    }

    static func evaluate(_ c: FigureCheck, in file: FigureDataFile) -> Outcome {
        let a = c.args
        func y(_ s: String, _ x: String) throws -> Double {
            guard let p = file.point(s, x) else { throw Missing(series: s, x: x) }
            return p.y
        }
        func cagr(_ s: String, _ x1: String, _ x2: String) throws -> Double {
            let n = Double(Int(x2)! - Int(x1)!)
            return (pow(try y(s, x2) / y(s, x1), 1 / n) - 1) * 100
        }
        let tol = 0.5 * pow(10, -Double(FigureNumber.decimals(c.statedRaw))) + 1e-9
        do {
            let computed: Double
            switch c.kind {
            case .value: computed = try y(a[0], a[1])
            case .growth: computed = (try y(a[0], a[2]) / y(a[0], a[1]) - 1) * 100
            case .cagr: computed = try cagr(a[0], a[1], a[2])
            case .cagrgap: computed = try cagr(a[0], a[2], a[3]) - cagr(a[1], a[2], a[3])
            case .ratio: computed = try y(a[0], a[2]) / y(a[1], a[2]) * 100
            case .diff: computed = try y(a[0], a[2]) - y(a[0], a[1])
            case .sum:
                let pts = try select(a[0], a[1], file)
                computed = pts.reduce(0) { $0 + $1.y }
            case .above:
                let pts = try select(a[0], a[1], file, requireAll: false)
                let bad = pts.filter { !($0.y > c.stated) }
                let detail = bad.isEmpty ? "\(pts.count) points above \(c.statedRaw)"
                    : "not above \(c.statedRaw): " + bad.map { "\($0.series) \($0.x) = \($0.raw)" }.joined(separator: ", ")
                return Outcome(check: c, computed: nil, passed: bad.isEmpty && !pts.isEmpty,
                               detail: pts.isEmpty ? "no points selected" : detail)
            }
            let ok = abs(computed - c.stated) <= tol
            return Outcome(check: c, computed: computed, passed: ok,
                           detail: String(format: "computed %.4f, stated %@ (tolerance ±%g)", computed, c.statedRaw, tol))
        } catch let m as Missing {
            return Outcome(check: c, computed: nil, passed: false, detail: "the file gives no \(m.series) \(m.x)")
        } catch {
            return Outcome(check: c, computed: nil, passed: false, detail: "\(error)")
        }
    }

    struct Missing: Error { var series: String; var x: String }

    /// `S+S…`|`*` × `X,X…`|`*`. With explicit lists every named point must exist.
    static func select(_ seriesSpec: String, _ xSpec: String, _ file: FigureDataFile,
                       requireAll: Bool = true) throws -> [FigurePoint] {
        let series = seriesSpec == "*" ? file.series : seriesSpec.split(separator: "+").map(String.init)
        if xSpec == "*" { return file.points.filter { series.contains($0.series) } }
        var out: [FigurePoint] = []
        for s in series {
            for x in xSpec.split(separator: ",").map(String.init) {
                if let p = file.point(s, x) { out.append(p) }
                else if requireAll { throw Missing(series: s, x: x) }
            }
        }
        return out
    }
}

/// Parse + provenance + cross-checks for one file: what the build runs.
public enum FigureDataValidator {
    public static func validate(path: String, text: String, seedLines: [Substring],
                                seedPath: String)
        -> (file: FigureDataFile?, diagnostics: [Diagnostic]) {
        switch FigureDataParser.parse(path: path, text: text) {
        case .failure(let d): return (nil, d.diagnostics)
        case .success(let f):
            let d = f.warnings + Provenance.check(f, seedLines: seedLines, filePath: path, seedPath: seedPath)
                + FigureChecks.verify(f, filePath: path)
            return (f, d)
        }
    }
}
