import Foundation
import SiteModel

public enum FigureDataParser {
    static let knownKeys: Set<String> = ["figure", "unit", "kind", "note", "status", "check", "series-unit", "format", "seed"]

    /// Parses one figure data file. Fails with every error found (a `BuildFailure`, since
    /// `[Diagnostic]` itself cannot be a `Result` failure); warnings ride along only on failure. `path` is used in diagnostics and to cross-check the
    /// figure id against the file name (`figure-3-7.csv` must hold `图 3-7`).
    public static func parse(path: String, text: String) -> Result<FigureDataFile, BuildFailure> {
        var diags: [Diagnostic] = []
        func err(_ row: Int, _ col: Int = 1, _ msg: String, hint: String? = nil) {
            diags.append(.error(path, line: row, column: col, msg, hint: hint))
        }

        var label: String?, figureID: String?, caption = ""
        var unit: String?, kind: FigureKind?, status: FigureStatus?
        var notes: [String] = []
        var seriesUnits: [String: String] = [:]
        var points: [FigurePoint] = []
        var checks: [FigureCheck] = []
        var sawColumns = false
        var seen: [String: Int] = [:]

        // Lines cut on bytes ("\n" is ASCII; a Character split walks grapheme clusters).
        let lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false)
        for (i, rawLine) in lines.enumerated() {
            let row = i + 1
            let line = String(decoding: rawLine.last == 0x0D ? rawLine.dropLast() : rawLine, as: UTF8.self)
            if ScalarText.trimmed(line).isEmpty { continue }

            if line.hasPrefix("#") {
                guard let (key, value) = headerField(line) else { continue } // free comment
                guard knownKeys.contains(key) else {
                    diags.append(.warning(path, line: row, "unknown header field `\(key):` (ignored)",
                                          hint: "known: \(knownKeys.sorted().joined(separator: ", "))"))
                    continue
                }
                switch key {
                case "figure":
                    guard let (p, n, cap) = parseLabel(value) else {
                        err(row, 3, "`# figure:` must start with 图 N-M, found \"\(value)\""); continue
                    }
                    label = "图 \(p)-\(n)"; figureID = "figure-\(p)-\(n)"; caption = cap
                case "unit": unit = value
                case "kind":
                    guard let k = FigureKind(rawValue: value) else {
                        err(row, 3, "unknown kind \"\(value)\"",
                            hint: "one of \(FigureKind.allCases.map(\.rawValue).joined(separator: " | "))"); continue
                    }
                    kind = k
                case "note": if !value.isEmpty { notes.append(value) }
                case "status":
                    guard let s = parseStatus(value) else {
                        err(row, 3, "status must be `ok`, `partial — <why>` or `no-data — <why>`, found \"\(value)\""); continue
                    }
                    status = s
                case "series-unit":
                    let parts = value.split(separator: " ", omittingEmptySubsequences: true)
                    guard parts.count == 2 else { err(row, 3, "`# series-unit:` takes a series name and a unit"); continue }
                    seriesUnits[String(parts[0])] = String(parts[1])
                case "check":
                    switch parseCheck(value, row: row) {
                    case .success(let c): checks.append(c)
                    case .failure(let e): err(row, 3, e.message)
                    }
                default: break
                }
                continue
            }

            if !sawColumns {
                let cols = splitCSV(line).map { ScalarText.trimmed($0) }
                guard cols == ["series", "x", "y", "line"] else {
                    err(row, 1, "expected the column row `series,x,y,line` before the data, found \"\(line)\"")
                    return .failure(BuildFailure(diags))
                }
                sawColumns = true
                continue
            }

            let f = splitCSV(line)
            guard f.count == 4 else { err(row, 1, "a data row has 4 fields (series,x,y,line), found \(f.count)"); continue }
            let series = ScalarText.trimmed(f[0])
            let x = ScalarText.trimmed(f[1])
            let raw = ScalarText.trimmed(f[2])
            let lineField = ScalarText.trimmed(f[3])
            let col3 = f[0].count + f[1].count + 3, col4 = col3 + f[2].count + 1
            if series.isEmpty { err(row, 1, "empty series name"); continue }
            if x.isEmpty { err(row, f[0].count + 2, "empty x"); continue }
            guard let y = FigureNumber.value(raw) else {
                err(row, col3, "\"\(raw)\" is not a number as printed (digits, `.`, thousands `,`, optional `%`)"); continue
            }
            guard !lineField.isEmpty else {
                err(row, col4, "\(raw) has no seed line", hint: "every number must cite the 1-based seed line it stands on"); continue
            }
            guard let seedLine = Int(lineField), seedLine >= 1 else {
                err(row, col4, "seed line \"\(lineField)\" is not a positive integer"); continue
            }
            let key = series + "\u{1F}" + x
            if let first = seen[key] { err(row, 1, "\(series) \(x) is given twice (first on line \(first))"); continue }
            seen[key] = row
            points.append(FigurePoint(series: series, x: x, y: y, raw: raw, line: seedLine, row: row))
        }

        guard let label, let figureID else {
            err(1, 1, "missing `# figure: 图 N-M caption`")
            return .failure(BuildFailure(diags))
        }
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        if stem.hasPrefix("figure-"), stem != figureID {
            err(1, 1, "the file is named \(stem) but holds \(label)")
        }
        if kind == nil { err(1, 1, "missing `# kind:` (\(FigureKind.allCases.map(\.rawValue).joined(separator: " | ")))") }
        if !sawColumns && !(status?.isNoData ?? false) {
            err(lines.count, 1, "no `series,x,y,line` table", hint: "if the source gives no numbers, write `# status: no-data — <why>`")
        }
        let st = status ?? .ok
        if st.isNoData {
            if let p = points.first { err(p.row, 1, "a no-data file gives a number (\(p.raw))") }
            if !checks.isEmpty { err(checks[0].row, 1, "a no-data file has checks") }
        } else if points.isEmpty && sawColumns {
            err(lines.count, 1, "no data points", hint: "if the source gives no numbers, write `# status: no-data — <why>`")
        }
        for s in seriesUnits.keys where !points.contains(where: { $0.series == s }) && !st.isNoData {
            diags.append(.warning(path, line: 1, "series-unit names \(s), which has no points"))
        }
        if diags.contains(where: { $0.severity == .error }) { return .failure(BuildFailure(diags)) }
        return .success(FigureDataFile(figureID: figureID, label: label, caption: caption, unit: unit ?? "",
                                       kind: kind!, note: notes.isEmpty ? nil : notes.joined(separator: " "),
                                       status: st, seriesUnits: seriesUnits, points: points, checks: checks,
                                       warnings: diags))
    }

    // MARK: pieces

    /// `# key: value` with a lowercase ASCII key; nil for a free comment.
    static func headerField(_ line: String) -> (String, String)? {
        var rest = line.dropFirst().drop { $0 == " " }
        let key = rest.prefix { ($0.isASCII && $0.isLowercase) || $0 == "-" }
        guard !key.isEmpty else { return nil }
        rest = rest.dropFirst(key.count)
        guard rest.first == ":" else { return nil }
        return (String(key), ScalarText.trimmed(rest.dropFirst()))
    }

    /// `图 3-7 caption` → (3, 7, caption).
    static func parseLabel(_ s: String) -> (Int, Int, String)? {
        guard s.hasPrefix("图") else { return nil }
        var rest = s.dropFirst().drop { $0 == " " || $0 == "\u{3000}" }
        let p = rest.prefix { $0.isASCII && $0.isNumber }
        guard let pi = Int(p) else { return nil }
        rest = rest.dropFirst(p.count).drop { $0 == " " }
        guard let dash = rest.first, "-－—–".contains(dash) else { return nil }
        rest = rest.dropFirst().drop { $0 == " " }
        let n = rest.prefix { $0.isASCII && $0.isNumber }
        guard let ni = Int(n) else { return nil }
        return (pi, ni, ScalarText.trimmed(rest.dropFirst(n.count)))
    }

    /// `ok`, `partial — why`, `no-data — why` (dash, colon or spaces between).
    static func parseStatus(_ s: String) -> FigureStatus? {
        let word = s.prefix { $0.isASCII && ($0.isLetter || $0 == "-") }
        let why = ScalarText.trimmed(s.dropFirst(word.count).drop { " —–-:：".contains($0) })
        switch word {
        case "ok": return .ok
        case "partial": return why.isEmpty ? nil : .partial(why)
        case "no-data": return why.isEmpty ? nil : .noData(why)
        default: return nil
        }
    }

    static func parseCheck(_ s: String, row: Int) -> Result<FigureCheck, CheckSyntaxError> {
        var toks = s.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let kw = toks.first, let kind = FigureCheck.Kind(rawValue: kw) else {
            return .failure(.init("unknown check \"\(toks.first ?? "")\"; one of \(FigureCheck.Kind.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        toks.removeFirst()
        guard let at = toks.last, at.hasPrefix("@"), let line = Int(at.dropFirst()), line >= 1 else {
            return .failure(.init("a check ends with `@N`, the seed line its stated number stands on"))
        }
        toks.removeLast()
        guard let statedRaw = toks.last, let stated = FigureNumber.value(statedRaw) else {
            return .failure(.init("a check's stated number comes before `@N`"))
        }
        toks.removeLast()
        let arity: [FigureCheck.Kind: Int] = [.value: 2, .growth: 3, .cagr: 3, .cagrgap: 4, .sum: 2, .ratio: 3, .diff: 3, .above: 2]
        guard toks.count == arity[kind]! else {
            return .failure(.init("`\(kind.rawValue)` takes \(arity[kind]!) arguments before the stated number, found \(toks.count)"))
        }
        if kind == .cagr || kind == .cagrgap {
            let xs = toks.suffix(2)
            guard xs.allSatisfy({ Int($0) != nil }) else { return .failure(.init("`\(kind.rawValue)` needs two years")) }
        }
        return .success(FigureCheck(kind: kind, args: toks, statedRaw: statedRaw, stated: stated, line: line, row: row, text: s))
    }

    struct CheckSyntaxError: Error { var message: String; init(_ m: String) { message = m } }

    /// One CSV line: commas separate, `"…"` quotes (with `""` inside).
    static func splitCSV(_ line: String) -> [String] {
        var out: [String] = [], cur = "", quoted = false
        var it = Array(line), i = 0
        while i < it.count {
            let c = it[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < it.count, it[i + 1] == "\"" { cur.append("\""); i += 1 } else { quoted = false }
                } else { cur.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { out.append(cur); cur = "" }
            else { cur.append(c) }
            i += 1
        }
        out.append(cur)
        it.removeAll()
        return out
    }
}
