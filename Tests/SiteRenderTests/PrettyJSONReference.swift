import SiteModel

// The tree-based JSON writer the data files used before `JSONWriter` streamed them. Kept here
// as the reference: `PrettyJSONTests` ties it to Foundation's JSONEncoder, and `JSONWriterTests`
// compares `JSONWriter` with it.

/// A JSON value for the data files, written by `PrettyJSON`.
indirect enum JSONValue: Sendable {
    case string(String)
    case int(Int)
    /// Written as JSONSerialization writes a Double: its shortest form, without a trailing ".0".
    case double(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    /// Keys are written sorted, whatever the order here.
    case object([(String, JSONValue)])

    static func string(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
    static func int(_ n: Int?) -> JSONValue { n.map(JSONValue.int) ?? .null }
    static func strings(_ list: [String]) -> JSONValue { .array(list.map(JSONValue.string)) }
}

/// JSON written byte for byte as Foundation's encoders write it with `.prettyPrinted`,
/// `.sortedKeys` and `.withoutEscapingSlashes` (two-space indent, `"key" : value`, empty
/// arrays as `[` blank line `]`), without boxing every value: the data files hold every
/// mention and paragraph, and Foundation's encoders cost more than all the pages' templates.
/// Tests compare the two.
enum PrettyJSON {
    static func bytes(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 * 1024)
        write(value, level: 0, to: &out)
        out.append(0x0A)
        return out
    }

    private static func indent(_ level: Int, _ out: inout [UInt8]) {
        for _ in 0..<(2 * level) { out.append(0x20) }
    }

    /// Punctuation and literals as bytes (appending a String's UTF-8 view goes byte by byte).
    private static func put(_ s: StaticString, _ out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    private static func write(_ value: JSONValue, level: Int, to out: inout [UInt8]) {
        switch value {
        case .string(let s): string(s, &out)
        case .int(let n): out.append(contentsOf: String(n).utf8)
        case .double(let x):
            let text = x.description
            out.append(contentsOf: (text.hasSuffix(".0") ? text.dropLast(2) : Substring(text)).utf8)
        case .bool(let b): b ? put("true", &out) : put("false", &out)
        case .null: put("null", &out)
        case .array(let items):
            put("[\n", &out)
            for (i, item) in items.enumerated() {
                if i > 0 { put(",\n", &out) }
                indent(level + 1, &out)
                write(item, level: level + 1, to: &out)
            }
            out.append(0x0A)
            indent(level, &out)
            out.append(UInt8(ascii: "]"))
        case .object(let fields):
            put("{\n", &out)
            // Most objects list their keys sorted already: then no sorted copy is made.
            let inOrder = zip(fields, fields.dropFirst()).allSatisfy { $0.0 < $1.0 }
            for (i, field) in (inOrder ? fields : fields.sorted(by: { $0.0 < $1.0 })).enumerated() {
                if i > 0 { put(",\n", &out) }
                indent(level + 1, &out)
                string(field.0, &out)
                put(" : ", &out)
                write(field.1, level: level + 1, to: &out)
            }
            out.append(0x0A)
            indent(level, &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Quote, backslash and C0 controls escaped; everything else (slashes, CJK) as it is,
    /// copied in runs.
    private static func string(_ s: String, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { u in
            var run = 0
            for i in 0..<u.count where u[i] < 0x20 || u[i] == UInt8(ascii: "\"") || u[i] == UInt8(ascii: "\\") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<i]))
                escape(u[i], &out)
                run = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: u[run...]))
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func escape(_ b: UInt8, _ out: inout [UInt8]) {
        switch b {
        case UInt8(ascii: "\""): put("\\\"", &out)
        case UInt8(ascii: "\\"): put("\\\\", &out)
        case 0x08: put("\\b", &out)
        case 0x0C: put("\\f", &out)
        case 0x0A: put("\\n", &out)
        case 0x0D: put("\\r", &out)
        case 0x09: put("\\t", &out)
        default:
            let hex = String(b, radix: 16)
            out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
        }
    }
}

extension JSONWriter {
    /// A whole tree, keys sorted as `PrettyJSON` sorts them.
    mutating func value(_ v: JSONValue) {
        switch v {
        case .string(let s): string(s)
        case .int(let n): int(n)
        case .double(let x): double(x)
        case .bool(let b): bool(b)
        case .null: null()
        case .array(let items):
            beginArray()
            for item in items { value(item) }
            endArray()
        case .object(let fields):
            beginObject()
            for (k, item) in fields.sorted(by: { $0.0 < $1.0 }) {
                key(escaping: k)
                value(item)
            }
            endObject()
        }
    }
}
