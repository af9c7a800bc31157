// Low-level SVG text production. Everything that turns numbers or strings
// into markup lives here so escaping and rounding are applied uniformly.

/// Escapes text for XML element content *and* attribute values (both quote
/// kinds), so one function is safe everywhere. Control characters that XML 1.0
/// forbids are dropped rather than emitted, keeping output well-formed.
public func xmlEscape(_ s: String) -> String {
    if !needsXMLEscape(s) { return s }  // the usual case: no copy
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for scalar in s.unicodeScalars {
        switch scalar {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
        default:
            let v = scalar.value
            // XML 1.0 disallows C0 controls (except tab/LF/CR) and U+FFFE/FFFF.
            if v < 0x20 || v == 0xFFFE || v == 0xFFFF { continue }
            out.unicodeScalars.append(scalar)
        }
    }
    return out
}

/// Whether `xmlEscape` would change `s`: a byte scan instead of a walk over scalars.
func needsXMLEscape(_ s: String) -> Bool {
    var s = s
    return s.withUTF8 { u in
        var i = 0
        while i < u.count {
            let b = u[i]
            switch b {
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"):
                return true
            case 0x09, 0x0A, 0x0D:
                break
            case 0 ..< 0x20:
                return true
            case 0xEF:  // U+FFFE, U+FFFF: EF BF BE, EF BF BF
                if i + 2 < u.count && u[i + 1] == 0xBF && u[i + 2] >= 0xBE { return true }
            default:
                break
            }
            i += 1
        }
        return false
    }
}

/// Formats a coordinate rounded to 0.1 with no trailing ".0" and never "-0".
/// Integer arithmetic (not String(format:)) keeps it locale- and platform-proof.
func fmt(_ x: Double) -> String {
    guard x.isFinite else { return "0" }
    let clamped = max(-1e9, min(1e9, x))
    let tenths = Int((clamped * 10).rounded())
    if tenths == 0 { return "0" }
    let neg = tenths < 0
    let a = abs(tenths)
    let whole = a / 10, frac = a % 10
    return (neg ? "-" : "") + String(whole) + (frac == 0 ? "" : "." + String(frac))
}

/// Minimal ordered SVG/XML builder. Attributes are given as ordered pairs so
/// output bytes are deterministic (dictionaries would shuffle them).
/// Markup goes straight into a UTF-8 buffer: no String per attribute or per line.
struct SVGWriter {
    private(set) var bytes: [UInt8] = []
    private var depth = 0

    typealias Attrs = [(String, String)]

    var text: String { String(decoding: bytes, as: UTF8.self) }

    private mutating func put(_ s: String) {
        // A copy of the contiguous UTF-8 (appending the UTF-8 view goes byte by byte).
        if s.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
            bytes.append(contentsOf: s.utf8)
        }
    }

    private mutating func put(_ s: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    private mutating func startLine() {
        for _ in 0 ..< depth { put("  ") }
    }

    private mutating func tag(_ name: String, _ attrs: Attrs) {
        put("<")
        put(name)
        for (k, v) in attrs {
            put(" ")
            put(k)
            put("=\"")
            put(xmlEscape(v))
            put("\"")
        }
    }

    mutating func open(_ name: String, _ attrs: Attrs = []) {
        startLine()
        tag(name, attrs)
        put(">\n")
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        startLine()
        put("</")
        put(name)
        put(">\n")
    }

    /// Self-closing element.
    mutating func empty(_ name: String, _ attrs: Attrs) {
        startLine()
        tag(name, attrs)
        put("/>\n")
    }

    /// Element with escaped text content on one line.
    mutating func element(_ name: String, _ attrs: Attrs = [], text content: String) {
        startLine()
        tag(name, attrs)
        put(">")
        put(xmlEscape(content))
        put("</")
        put(name)
        put(">\n")
    }

    /// Text element, optionally multi-line via <tspan>s; each line is escaped.
    mutating func textLines(_ lines: [String], x: Double, y: Double, lineHeight: Double,
                            anchor: String = "start", size: Double, fill: String = Palette.ink,
                            weight: String? = nil, extra: Attrs = []) {
        var attrs: Attrs = [("x", fmt(x)), ("y", fmt(y)), ("font-size", fmt(size))]
        if anchor != "start" { attrs.append(("text-anchor", anchor)) }
        if fill != Palette.ink { attrs.append(("fill", fill)) }
        if let weight { attrs.append(("font-weight", weight)) }
        attrs += extra
        if lines.count <= 1 {
            element("text", attrs, text: lines.first ?? "")
            return
        }
        open("text", attrs)
        for (i, l) in lines.enumerated() {
            element("tspan", [("x", fmt(x)), ("dy", i == 0 ? "0" : fmt(lineHeight))], text: l)
        }
        close("text")
    }

    /// Raw, already-safe markup (used for <defs> built from constants).
    mutating func raw(_ s: String) {
        startLine()
        put(s)
        put("\n")
    }
}

/// FNV-1a 32-bit: a stable hash for deterministic element ids (Swift's
/// `Hasher` is randomly seeded per process, so it must not be used here).
func stableID(_ parts: [String]) -> String {
    var h: UInt32 = 0x811C9DC5
    for p in parts {
        for b in p.utf8 { h ^= UInt32(b); h = h &* 0x0100_0193 }
        h ^= 0x1F; h = h &* 0x0100_0193
    }
    let hex = String(h, radix: 16)
    return "c" + String(repeating: "0", count: 8 - hex.count) + hex
}
