import Foundation

// The chart's data in forms that do not depend on seeing the chart: an HTML
// table (screen readers, print), CSV (RFC 4180) and a JSON metadata record.
// Numbers are formatted exactly as in the chart.

public enum DataTable {
    static func header(_ spec: ChartSpec) -> [String] {
        let unit = (spec.unit?.isEmpty == false) ? "（\(spec.unit!)）" : ""
        var h = [spec.categoryHeader]
        for (s, series) in spec.series.enumerated() {
            if case .lines(let sec) = spec.kind, sec.contains(s) { h.append(series.name + "（%）") } else { h.append(series.name + unit) }
        }
        if case .donut = spec.kind { h.append("占比（%）") }
        return h
    }

    static func donutShares(_ spec: ChartSpec) -> [Double?] {
        let vals = spec.categories.indices.map { spec.value(0, $0) }
        let total = vals.compactMap { $0 }.filter { $0 > 0 }.reduce(0, +)
        return vals.map { v in v.flatMap { $0 > 0 && total > 0 ? $0 / total * 100 : nil } }
    }

    static func rows(_ spec: ChartSpec, grouping: Bool, missing: String) -> [[String]] {
        let shares: [Double?]? = { if case .donut = spec.kind { return donutShares(spec) } else { return nil } }()
        return spec.categories.indices.map { i in
            var r = [spec.categories[i]]
            for s in spec.series.indices {
                r.append(spec.value(s, i).map { NumberFormat.format($0, decimals: spec.series[s].decimals, grouping: grouping) } ?? missing)
            }
            if let shares { r.append(shares[i].map { NumberFormat.format($0, decimals: 1) } ?? missing) }
            return r
        }
    }

    /// `<table>` with caption, header row and one row per category; missing
    /// values appear as "—". Numeric cells are right-aligned via a class.
    public static func html(_ spec: ChartSpec) -> String {
        var out = "<table class=\"chart-data\">\n"
        var caption = spec.title
        if let u = spec.unit, !u.isEmpty { caption += "（单位：\(u)）" }
        out += "  <caption>\(xmlEscape(caption))</caption>\n"
        out += "  <thead>\n    <tr>"
        for (k, h) in header(spec).enumerated() { out += "<th scope=\"col\"\(k > 0 ? " class=\"num\"" : "")>\(xmlEscape(h))</th>" }
        out += "</tr>\n  </thead>\n  <tbody>\n"
        for r in rows(spec, grouping: spec.grouping, missing: "—") {
            out += "    <tr><th scope=\"row\">\(xmlEscape(r[0]))</th>"
            for c in r.dropFirst() { out += "<td class=\"num\">\(xmlEscape(c))</td>" }
            out += "</tr>\n"
        }
        out += "  </tbody>\n"
        var foot: [String] = []
        if let n = spec.note, !n.isEmpty { foot.append("注：" + n) }
        if let s = spec.source, !s.isEmpty { foot.append("来源：" + s) }
        if !foot.isEmpty {
            out += "  <tfoot><tr><td colspan=\"\(header(spec).count)\">\(xmlEscape(foot.joined(separator: "　")))</td></tr></tfoot>\n"
        }
        return out + "</table>\n"
    }

    /// RFC 4180: CRLF line ends, fields quoted when they contain comma,
    /// quote, CR or LF, quotes doubled. Missing values are empty fields and
    /// numbers carry no thousands separators so the file re-imports cleanly.
    public static func csv(_ spec: ChartSpec) -> String {
        func field(_ s: String) -> String {
            // Those Characters hold those bytes: without the bytes, skip the walk by Character.
            let special = s.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0D || $0 == 0x0A }
            if special, s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) {
                return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return s
        }
        var lines = [header(spec).map(field).joined(separator: ",")]
        for r in rows(spec, grouping: false, missing: "") { lines.append(r.map(field).joined(separator: ",")) }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}

public enum ChartMetadata {
    /// A metadata value: JSON strings and arrays of strings are all it holds.
    enum Field {
        case string(String)
        case strings([String])
    }

    /// The metadata fields, typed (casting `Any` values back cost more than the JSON itself).
    static func fields(_ spec: ChartSpec) -> [String: Field] {
        var d: [String: Field] = [
            "title": .string(spec.title),
            "series": .strings(spec.series.map { $0.name }),
            "categories": .strings(spec.categories),
            "kind": .string(kindName(spec.kind)),
        ]
        if !spec.description.isEmpty { d["description"] = .string(spec.description) }
        if let u = spec.unit { d["unit"] = .string(u) }
        if let s = spec.source { d["source"] = .string(s) }
        var notes: [String] = []
        if spec.hasMissing, let m = spec.missingNote, !m.isEmpty { notes.append(m) }
        if let n = spec.note, !n.isEmpty { notes.append(n) }
        if !notes.isEmpty { d["note"] = .string(notes.joined(separator: "；")) }
        return d
    }

    /// Metadata as a dictionary of plain JSON types.
    public static func dictionary(_ spec: ChartSpec) -> [String: Any] {
        fields(spec).mapValues { field -> Any in
            switch field {
            case .string(let s): return s
            case .strings(let a): return a
            }
        }
    }

    /// Deterministic JSON (sorted keys): byte for byte what JSONSerialization writes for
    /// `dictionary(spec)` with [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes], written
    /// directly (boxing every value for Foundation cost more than drawing the chart). The keys
    /// are lower-case ASCII, so plain `<` is Foundation's key order; tests compare the two.
    public static func json(_ spec: ChartSpec) -> String {
        let d = fields(spec)
        var out = "{\n"
        for (n, key) in d.keys.sorted().enumerated() {
            out += n == 0 ? "  " : ",\n  "
            appendJSONString(key, to: &out)
            out += " : "
            switch d[key]! {
            case .string(let s):
                appendJSONString(s, to: &out)
            case .strings(let a):
                out += "[\n"  // an empty array is "[\n\n  ]" too
                for (k, s) in a.enumerated() {
                    out += k == 0 ? "    " : ",\n    "
                    appendJSONString(s, to: &out)
                }
                out += "\n  ]"
            }
        }
        return out + "\n}"
    }

    static func foundationJSON(_ spec: ChartSpec) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: dictionary(spec), options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// A JSON string as JSONSerialization escapes it: quote, backslash and C0 controls only.
    static func appendJSONString(_ s: String, to out: inout String) {
        out += "\""
        guard s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            out += s
            out += "\""
            return
        }
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{8}": out += "\\b"
            case "\u{c}": out += "\\f"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{0}" ... "\u{f}": out += "\\u000" + String(u.value, radix: 16)
            case "\u{10}" ... "\u{1f}": out += "\\u00" + String(u.value, radix: 16)
            default: out.unicodeScalars.append(u)
            }
        }
        out += "\""
    }

    static func kindName(_ k: ChartKind) -> String {
        switch k {
        case .bars(let o): return "bars-" + o.rawValue
        case .groupedBars(let o): return "groupedBars-" + o.rawValue
        case .stackedBars(let o): return "stackedBars-" + o.rawValue
        case .lines: return "lines"
        case .donut: return "donut"
        }
    }
}
