/// A JSON value for the data files, written by `PrettyJSON`.
public indirect enum JSONValue: Sendable {
    case string(String)
    case int(Int)
    /// Written as JSONSerialization writes a Double: its shortest form, without a trailing ".0".
    case double(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    /// Keys are written sorted, whatever the order here.
    case object([(String, JSONValue)])

    public static func string(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
    public static func int(_ n: Int?) -> JSONValue { n.map(JSONValue.int) ?? .null }
    public static func strings(_ list: [String]) -> JSONValue { .array(list.map(JSONValue.string)) }
}

/// JSON written byte for byte as Foundation's encoders write it with `.prettyPrinted`,
/// `.sortedKeys` and `.withoutEscapingSlashes` (two-space indent, `"key" : value`, empty
/// arrays as `[` blank line `]`), without boxing every value: the data files hold every
/// mention and paragraph, and Foundation's encoders cost more than all the pages' templates.
/// Tests compare the two.
public enum PrettyJSON {
    public static func bytes(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 * 1024)
        write(value, level: 0, to: &out)
        out.append(0x0A)
        return out
    }

    private static func indent(_ level: Int, _ out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(0x20, count: 2 * level))
    }

    private static func write(_ value: JSONValue, level: Int, to out: inout [UInt8]) {
        switch value {
        case .string(let s): string(s, &out)
        case .int(let n): out.append(contentsOf: String(n).utf8)
        case .double(let x):
            let text = x.description
            out.append(contentsOf: (text.hasSuffix(".0") ? text.dropLast(2) : Substring(text)).utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case .array(let items):
            out.append(contentsOf: "[\n".utf8)
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(contentsOf: ",\n".utf8) }
                indent(level + 1, &out)
                write(item, level: level + 1, to: &out)
            }
            out.append(0x0A)
            indent(level, &out)
            out.append(UInt8(ascii: "]"))
        case .object(let fields):
            out.append(contentsOf: "{\n".utf8)
            for (i, field) in fields.sorted(by: { $0.0 < $1.0 }).enumerated() {
                if i > 0 { out.append(contentsOf: ",\n".utf8) }
                indent(level + 1, &out)
                string(field.0, &out)
                out.append(contentsOf: " : ".utf8)
                write(field.1, level: level + 1, to: &out)
            }
            out.append(0x0A)
            indent(level, &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Quote, backslash and C0 controls escaped; everything else (slashes, CJK) as it is.
    private static func string(_ s: String, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case 0x08: out.append(contentsOf: "\\b".utf8)
            case 0x0C: out.append(contentsOf: "\\f".utf8)
            case 0x0A: out.append(contentsOf: "\\n".utf8)
            case 0x0D: out.append(contentsOf: "\\r".utf8)
            case 0x09: out.append(contentsOf: "\\t".utf8)
            case 0..<0x20:
                let hex = String(b, radix: 16)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
