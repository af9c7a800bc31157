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
    return s.withUTF8(needsXMLEscape)
}

/// Whether `xmlEscape` would change the string of these UTF-8 bytes.
func needsXMLEscape(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
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

/// Formats a coordinate rounded to 0.1 with no trailing ".0" and never "-0".
/// Integer arithmetic (not String(format:)) keeps it locale- and platform-proof.
/// `SVGWriter.number` writes the same text straight into its buffer.
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

/// Minimal ordered SVG/XML builder writing UTF-8 bytes. Attributes are written in call order
/// so output bytes are deterministic; hot paths write each attribute directly (`start`,
/// `attr`, `endEmpty`/`endOpen`), with numbers formatted in place — no String, tuple array or
/// escaped copy per value. `open`/`empty`/`element` with attribute pairs remain for the rest.
struct SVGWriter {
    private var out = ByteBuffer()
    private var depth: Int
    /// Written for the inside of a document's root element (`Frame.document`): every line one
    /// level deeper, including lines that line breaks in text content start — what indenting
    /// the written lines afterwards did, without the second pass.
    let indented: Bool

    init(indented: Bool = false) {
        self.indented = indented
        depth = indented ? 1 : 0
    }

    typealias Attrs = [(String, String)]

    enum Anchor { case start, middle, end }

    /// A white outline under text drawn over a patterned fill.
    static let halo: Attrs = [("paint-order", "stroke"), ("stroke", "#ffffff"), ("stroke-width", "3")]

    var bytes: [UInt8] { out.array }

    var text: String { out.withUnsafeBytes { String(decoding: $0, as: UTF8.self) } }

    /// The written bytes, without a copy.
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R { out.withUnsafeBytes(body) }

    // MARK: bytes

    @inline(__always)
    private mutating func put(_ s: StaticString) { out.append(s) }

    @inline(__always)
    private mutating func put(_ b: UInt8) { out.append(b) }

    private mutating func put(_ u: UnsafeBufferPointer<UInt8>) { out.append(u) }

    private mutating func putString(_ s: String) { out.append(string: s) }

    /// `xmlEscape(s)`'s bytes, lines indented in an indented writer.
    private mutating func putEscaped(_ s: String) {
        guard indented else { return out.append(escapingXML: s) }
        var s = s
        let copied = s.withUTF8 { u -> Bool in
            if needsXMLEscape(u) || u.contains(0x0A) { return false }
            put(u)
            return true
        }
        if copied { return }
        var e = xmlEscape(s)
        e.withUTF8 { putBreakingLines($0, last: false) }
    }

    /// Content holding line breaks, in an indented writer. `Frame.indent`'s rule: a line ends
    /// at an LF not preceded by CR, and every non-empty line gets two spaces more. A line
    /// started here is empty only if another LF follows at once (or, with `last`, when the
    /// content is the end of a line of markup); markup always follows content otherwise.
    private mutating func putBreakingLines(_ u: UnsafeBufferPointer<UInt8>, last: Bool) {
        var prev = out.last
        for (i, b) in u.enumerated() {
            put(b)
            if b == 0x0A && prev != 0x0D {
                let next: UInt8? = i + 1 < u.count ? u[i + 1] : (last ? 0x0A : nil)
                if next != 0x0A { put("  ") }
            }
            prev = b
        }
    }

    /// `fmt(x)`'s text, formatted in place.
    mutating func number(_ x: Double) {
        guard x.isFinite else { put(UInt8(ascii: "0")); return }
        let clamped = max(-1e9, min(1e9, x))
        let tenths = Int((clamped * 10).rounded())
        if tenths == 0 { put(UInt8(ascii: "0")); return }
        let a = tenths.magnitude
        let whole = a / 10, frac = UInt8(a % 10)
        var digits = 1
        var t = whole
        while t >= 10 { t /= 10; digits += 1 }
        out.write(atMost: digits + 3) { d in
            var at = 0
            if tenths < 0 { d[0] = UInt8(ascii: "-"); at = 1 }
            var w = whole
            var j = at + digits - 1
            repeat {
                d[j] = UInt8(ascii: "0") + UInt8(w % 10)
                w /= 10
                j -= 1
            } while w > 0
            at += digits
            if frac != 0 {
                d[at] = UInt8(ascii: ".")
                d[at + 1] = UInt8(ascii: "0") + frac
                at += 2
            }
            return at
        }
    }

    private mutating func startLine() {
        let n = 2 * depth
        out.write(atMost: n) { d in
            for i in 0 ..< n { d[i] = 0x20 }
            return n
        }
    }
    // MARK: elements, attribute by attribute

    /// `<name` on a new line; attributes follow, then `endEmpty`, `endOpen` or `endText`.
    mutating func start(_ name: StaticString) {
        startLine()
        put(UInt8(ascii: "<"))
        put(name)
    }

    /// ` name="`: the value follows (`number`, `pathMove`…), then `endAttr`.
    mutating func beginAttr(_ name: StaticString) {
        put(UInt8(ascii: " "))
        put(name)
        put("=\"")
    }

    mutating func endAttr() { put(UInt8(ascii: "\"")) }

    mutating func attr(_ name: StaticString, _ value: Double) {
        beginAttr(name)
        number(value)
        endAttr()
    }

    /// An attribute with an escaped value.
    mutating func attr(_ name: StaticString, _ value: String) {
        beginAttr(name)
        putEscaped(value)
        endAttr()
    }

    /// An attribute whose value is a constant that needs no escaping.
    mutating func attr(_ name: StaticString, literal value: StaticString) {
        beginAttr(name)
        put(value)
        endAttr()
    }

    mutating func attrs(_ attrs: Attrs) {
        for (k, v) in attrs {
            put(UInt8(ascii: " "))
            putString(k)
            put("=\"")
            putEscaped(v)
            endAttr()
        }
    }

    /// `/>` closing a self-closing element.
    mutating func endEmpty() { put("/>\n") }

    /// `>` opening an element whose children follow on their own lines.
    mutating func endOpen() {
        put(">\n")
        depth += 1
    }

    /// `>text</name>` ending a one-line element with escaped content.
    mutating func endText(_ content: String, _ name: StaticString) {
        put(UInt8(ascii: ">"))
        putEscaped(content)
        put("</")
        put(name)
        put(">\n")
    }

    // Path data, inside `beginAttr("d")` … `endAttr()`.

    /// `<command>x y`, e.g. `M10 20`.
    mutating func pathPoint(_ command: UInt8, _ x: Double, _ y: Double) {
        put(command)
        number(x)
        put(UInt8(ascii: " "))
        number(y)
    }

    /// `<command>v`, e.g. `H30` or `V40`.
    mutating func pathCoordinate(_ command: UInt8, _ v: Double) {
        put(command)
        number(v)
    }

    /// A constant piece of an attribute value (`Z` in path data…).
    mutating func literal(_ s: StaticString) { put(s) }

    /// A piece of an attribute value, escaped.
    mutating func escaped(_ s: String) { putEscaped(s) }

    // MARK: elements with attribute pairs

    mutating func open(_ name: StaticString, _ attrs: Attrs = []) {
        start(name)
        self.attrs(attrs)
        endOpen()
    }

    mutating func close(_ name: StaticString) {
        depth -= 1
        startLine()
        put("</")
        put(name)
        put(">\n")
    }

    /// Self-closing element.
    mutating func empty(_ name: StaticString, _ attrs: Attrs) {
        start(name)
        self.attrs(attrs)
        endEmpty()
    }

    /// Element with escaped text content on one line.
    mutating func element(_ name: StaticString, _ attrs: Attrs = [], text content: String) {
        start(name)
        self.attrs(attrs)
        endText(content, name)
    }

    /// `<g class="…">`, the usual group.
    mutating func openGroup(_ cls: StaticString) {
        start("g")
        attr("class", literal: cls)
        endOpen()
    }

    // MARK: text

    /// One-line text element; the text is escaped.
    mutating func text(_ line: String, x: Double, y: Double, anchor: Anchor = .start, size: Double,
                       fill: String = Palette.ink, bold: Bool = false, extra: Attrs = []) {
        textStart(x: x, y: y, anchor: anchor, size: size, fill: fill, bold: bold, extra: extra)
        endText(line, "text")
    }

    /// Text element, multi-line via <tspan>s when there are several lines; each line is escaped.
    mutating func textLines(_ lines: [String], x: Double, y: Double, lineHeight: Double,
                            anchor: Anchor = .start, size: Double, fill: String = Palette.ink,
                            bold: Bool = false, extra: Attrs = []) {
        textStart(x: x, y: y, anchor: anchor, size: size, fill: fill, bold: bold, extra: extra)
        if lines.count <= 1 {
            endText(lines.first ?? "", "text")
            return
        }
        endOpen()
        for (i, l) in lines.enumerated() {
            start("tspan")
            attr("x", x)
            attr("dy", i == 0 ? 0 : lineHeight)
            endText(l, "tspan")
        }
        close("text")
    }

    private mutating func textStart(x: Double, y: Double, anchor: Anchor, size: Double, fill: String, bold: Bool, extra: Attrs) {
        start("text")
        attr("x", x)
        attr("y", y)
        attr("font-size", size)
        switch anchor {
        case .start: break
        case .middle: attr("text-anchor", literal: "middle")
        case .end: attr("text-anchor", literal: "end")
        }
        if fill != Palette.ink { attr("fill", fill) }
        if bold { attr("font-weight", literal: "bold") }
        if !extra.isEmpty { attrs(extra) }
    }

    mutating func append(bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { put($0) }
    }

    /// Appends what `other` wrote.
    mutating func append(_ other: SVGWriter) {
        other.withBytes { put($0) }
    }

    /// Raw, already-safe markup (used for <defs> built from constants) on a line of its own.
    mutating func raw(_ s: String) {
        startLine()
        var s = s
        s.withUTF8 { u in
            if indented && u.contains(0x0A) {
                assert(u.last != 0x0D, "a line break after CR would not end the line")
                putBreakingLines(u, last: true)
            } else {
                put(u)
            }
        }
        put(UInt8(ascii: "\n"))
    }
}
