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
        var out = ByteBuffer(capacity: 4096)
        out.append("<table class=\"chart-data\">\n  <caption>")
        out.append(escapingXML: spec.title)
        if let u = spec.unit, !u.isEmpty {  // escaping goes scalar by scalar: pieces escape as the whole
            out.append("（单位：")
            out.append(escapingXML: u)
            out.append("）")
        }
        out.append("</caption>\n  <thead>\n    <tr>")
        let head = header(spec)
        for (k, h) in head.enumerated() {
            out.append(k > 0 ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">")
            out.append(escapingXML: h)
            out.append("</th>")
        }
        out.append("</tr>\n  </thead>\n  <tbody>\n")
        for r in rows(spec, grouping: spec.grouping, missing: "—") {
            out.append("    <tr><th scope=\"row\">")
            out.append(escapingXML: r[0])
            out.append("</th>")
            for c in r.dropFirst() {
                out.append("<td class=\"num\">")
                out.append(escapingXML: c)
                out.append("</td>")
            }
            out.append("</tr>\n")
        }
        out.append("  </tbody>\n")
        var foot: [String] = []
        if let n = spec.note, !n.isEmpty { foot.append("注：" + n) }
        if let s = spec.source, !s.isEmpty { foot.append("来源：" + s) }
        if !foot.isEmpty {
            out.append("  <tfoot><tr><td colspan=\"")
            out.append(string: String(head.count))
            out.append("\">")
            out.append(escapingXML: foot.joined(separator: "　"))
            out.append("</td></tr></tfoot>\n")
        }
        out.append("</table>\n")
        return out.string
    }

    /// RFC 4180: CRLF line ends, fields quoted when they contain comma,
    /// quote, CR or LF, quotes doubled. Missing values are empty fields and
    /// numbers carry no thousands separators so the file re-imports cleanly.
    public static func csv(_ spec: ChartSpec) -> String {
        var out = ByteBuffer(capacity: 2048)
        func line(_ fields: [String]) {
            for (k, s) in fields.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                // Those Characters hold those bytes: without the bytes, skip the walk by Character.
                var s = s
                let special = s.withUTF8 { $0.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0D || $0 == 0x0A } }
                if special, s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) {
                    out.append(string: "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
                } else {
                    out.append(string: s)
                }
            }
            out.append("\r\n")
        }
        line(header(spec))
        for r in rows(spec, grouping: false, missing: "") { line(r) }
        return out.string
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
        if let note = note(spec) { d["note"] = .string(note) }
        return d
    }

    static func note(_ spec: ChartSpec) -> String? {
        var notes: [String] = []
        if spec.hasMissing, let m = spec.missingNote, !m.isEmpty { notes.append(m) }
        if let n = spec.note, !n.isEmpty { notes.append(n) }
        return notes.isEmpty ? nil : notes.joined(separator: "；")
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
        var out = ByteBuffer(capacity: 1024)
        var first = true
        func key(_ k: StaticString) {
            out.append(first ? "{\n  \"" : ",\n  \"")
            first = false
            out.append(k)
            out.append("\" : ")
        }
        func strings(_ a: [String]) {
            out.append("[\n")  // an empty array is "[\n\n  ]" too
            for (k, s) in a.enumerated() {
                out.append(k == 0 ? "    " : ",\n    ")
                appendJSONString(s, to: &out)
            }
            out.append("\n  ]")
        }
        // The keys of `fields` in sorted order.
        key("categories")
        strings(spec.categories)
        if !spec.description.isEmpty {
            key("description")
            appendJSONString(spec.description, to: &out)
        }
        key("kind")
        appendJSONString(kindName(spec.kind), to: &out)
        if let note = note(spec) {
            key("note")
            appendJSONString(note, to: &out)
        }
        key("series")
        strings(spec.series.map { $0.name })
        if let s = spec.source {
            key("source")
            appendJSONString(s, to: &out)
        }
        key("title")
        appendJSONString(spec.title, to: &out)
        if let u = spec.unit {
            key("unit")
            appendJSONString(u, to: &out)
        }
        out.append("\n}")
        return out.string
    }

    /// A JSON string as JSONSerialization escapes it (see the String version below).
    static func appendJSONString(_ s: String, to out: inout ByteBuffer) {
        var s = s
        let plain = s.withUTF8 { u -> Bool in
            guard !u.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return false }
            out.append(UInt8(ascii: "\""))
            out.append(u)
            out.append(UInt8(ascii: "\""))
            return true
        }
        if !plain {
            var escaped = ""
            appendJSONString(s, to: &escaped)
            out.append(string: escaped)
        }
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
