#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Finds `name="value"` attributes in HTML bytes, with their line and column. Silkpress's own
/// templates always quote attributes with `"`, and text never holds a raw `<` (it is escaped).
enum HTMLScan {
    /// The attributes the link check reads.
    enum Kind: Sendable {
        case id, href, src

        var name: String {
            switch self {
            case .id: return "id"
            case .href: return "href"
            case .src: return "src"
            }
        }

        /// Compared as bytes: making a String of every attribute name costs more than the scan.
        init?(_ name: UnsafeBufferPointer<UInt8>) {
            switch name.count {
            case 2 where name[0] == UInt8(ascii: "i") && name[1] == UInt8(ascii: "d"):
                self = .id
            case 3 where name[0] == UInt8(ascii: "s") && name[1] == UInt8(ascii: "r") && name[2] == UInt8(ascii: "c"):
                self = .src
            case 4 where name[0] == UInt8(ascii: "h") && name[1] == UInt8(ascii: "r") && name[2] == UInt8(ascii: "e")
                && name[3] == UInt8(ascii: "f"):
                self = .href
            default:
                return nil
            }
        }
    }

    struct Attribute: Sendable, Equatable {
        var name: String
        var value: String
        /// Byte offset of the attribute's name in the page.
        var offset: Int
    }

    /// The `id`, `href` and `src` attributes among `names`, unescaped, as Strings.
    static func attributes(named names: Set<String>, in page: [UInt8]) -> [Attribute] {
        var out: [Attribute] = []
        page.withUnsafeBufferPointer { bytes in
            scan(bytes) { kind, offset, value in
                guard names.contains(kind.name) else { return }
                let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[value]), as: UTF8.self)
                out.append(Attribute(name: kind.name, value: unescape(raw), offset: offset))
            }
        }
        return out
    }

    /// Calls `found` with each `id`, `href` and `src` attribute in page order: the offset of its
    /// name and the byte range of its value (between the quotes, still escaped).
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ found: (Kind, Int, Range<Int>) -> Void) {
        guard let base = bytes.baseAddress else { return }
        let n = bytes.count
        var i = 0
        while i < n {
            // Outside a tag only the next "<" matters. Half the time it is one of the next two
            // bytes (tags in a row, or a newline between); else memchr finds it.
            if bytes[i] == UInt8(ascii: "<") {
                i += 1
            } else if i + 1 < n, bytes[i + 1] == UInt8(ascii: "<") {
                i += 2
            } else {
                guard let lt = memchr(base + i, Int32(UInt8(ascii: "<")), n - i) else { return }
                i = base.distance(to: lt.assumingMemoryBound(to: UInt8.self)) + 1
            }
            // Inside, up to ">": an attribute is whitespace, name, `="`, value, `"`.
            while i < n {
                while i < n, !isTagStop(bytes[i]) { i += 1 }
                guard i < n else { return }
                if bytes[i] == UInt8(ascii: ">") { i += 1; break }
                if bytes[i] == UInt8(ascii: "<") { i += 1; continue }
                var j = i + 1
                while j < n, isLetter(bytes[j]) { j += 1 }  // most of a name: a tighter loop
                while j < n, isNameByte(bytes[j]) { j += 1 }
                guard j > i + 1, j + 1 < n, bytes[j] == UInt8(ascii: "="), bytes[j + 1] == UInt8(ascii: "\"") else {
                    i += 1
                    continue
                }
                // The value may hold ">" or spaces: memchr jumps to its closing quote.
                let close = memchr(base + j + 2, Int32(UInt8(ascii: "\"")), n - j - 2)
                let k = close.map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? n
                if let kind = Kind(UnsafeBufferPointer(rebasing: bytes[(i + 1)..<j])) { found(kind, i + 1, (j + 2)..<k) }
                i = k + 1
            }
        }
    }

    /// 1-based line and column (in Unicode scalars) of a byte offset.
    static func position(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        let before = bytes[..<min(offset, bytes.count)]
        let line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let start = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        return (line, String(decoding: bytes[start..<min(offset, bytes.count)], as: UTF8.self).unicodeScalars.count + 1)
    }

    /// The bytes that matter inside a tag: "<", ">" and the whitespace before an attribute.
    private static func isTagStop(_ b: UInt8) -> Bool {
        let stops: UInt64 = 1 << 0x09 | 1 << 0x0A | 1 << 0x20 | 1 << 0x3C | 1 << 0x3E
        return b < 64 && stops >> b & 1 != 0
    }

    private static func isLetter(_ b: UInt8) -> Bool {
        (b | 0x20) &- UInt8(ascii: "a") < 26
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        isLetter(b) || b &- UInt8(ascii: "0") < 10 || b == UInt8(ascii: "-") || b == UInt8(ascii: "_")
    }

    static func unescape(_ s: String) -> String {
        guard s.utf8.contains(0x26) else { return s }  // `String.contains(String)` is Foundation's slow search
        return s.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
