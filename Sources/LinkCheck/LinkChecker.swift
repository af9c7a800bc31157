#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import SiteModel

/// Checks every internal `href` and `src` of a site's HTML, and every `#fragment`, against the
/// site's own files. External links (`https:`, `mailto:` …) are not followed.
public struct LinkChecker: Sendable {
    /// Output-relative path → file bytes (HTML or not; only HTML is scanned).
    public let files: [String: [UInt8]]
    /// Prefix for paths in diagnostics (the output folder as the user named it).
    public let displayRoot: String

    public init(files: [String: [UInt8]], displayRoot: String) {
        self.files = files
        self.displayRoot = displayRoot
    }

    /// One error per broken link, in page order, with the line and column of the attribute.
    public func check() -> [Diagnostic] {
        let html = files.keys.filter { $0.hasSuffix(".html") }.sorted()
        // One scan per page (on all cores) collects its ids and its links.
        let scans = html.parallelMap { page in
            HTMLScan.attributes(named: ["id", "href", "src"], in: files[page] ?? [])
        }
        var collected: [String: Set<String>] = [:]
        for (page, attributes) in zip(html, scans) {
            collected[page] = Set(attributes.lazy.filter { $0.name == "id" }.map(\.value))
        }
        let ids = collected
        let pagesAndScans = Array(zip(html, scans).map { PageScan(page: $0, attributes: $1) })
        // Pages in chunks, each chunk with its own memo of links that climb back to the site's
        // root ("../../countries/index.html" from two folders down): those resolve the same
        // from every page at that depth, and every page repeats the navigation.
        let chunks = stride(from: 0, to: pagesAndScans.count, by: 32).map {
            Array(pagesAndScans[$0..<min($0 + 32, pagesAndScans.count)])
        }
        return chunks.parallelMap { chunk -> [Diagnostic] in
            var out: [Diagnostic] = []
            var fromRoot: [Int: [String: String?]] = [:]  // depth → URL → problem
            for scan in chunk {
                let depth = scan.page.utf8.reduce(0) { $1 == 0x2F ? $0 + 1 : $0 }
                var checked: [String: String?] = [:]  // a page repeats its links (navigation, entities)
                for ref in scan.attributes where ref.name != "id" {
                    let problem: String?
                    if let known = checked[ref.value] {
                        problem = known
                    } else if Self.climbs(ref.value, depth) {
                        if let known = fromRoot[depth]?[ref.value] {
                            problem = known
                        } else {
                            problem = self.problem(with: ref.value, on: scan.page, ids: ids)
                            fromRoot[depth, default: [:]][ref.value] = problem
                        }
                        checked[ref.value] = problem
                    } else {
                        problem = self.problem(with: ref.value, on: scan.page, ids: ids)
                        checked[ref.value] = problem
                    }
                    guard let problem else { continue }
                    // Line and column are worked out only for what is reported.
                    let (line, column) = HTMLScan.position(of: ref.offset, in: files[scan.page] ?? [])
                    out.append(.error(displayRoot + "/" + scan.page, line: line, column: column,
                                      "broken link \(ref.name)=\"\(ref.value)\": \(problem)"))
                }
            }
            return out
        }.flatMap { $0 }
    }

    /// Whether `url` starts with exactly `depth` "../" and then names a path, never another
    /// "..": it resolves the same from every page `depth` folders down.
    static func climbs(_ url: String, _ depth: Int) -> Bool {
        url.utf8.withContiguousStorageIfAvailable { b -> Bool in
            var i = 0
            for _ in 0..<depth {
                guard i + 3 <= b.count, b[i] == 0x2E, b[i + 1] == 0x2E, b[i + 2] == 0x2F else { return false }
                i += 3
            }
            // A path must follow (not "#…", "?…", "/…", "."), with no ".." segment and no scheme.
            guard i < b.count, ![0x23, 0x3F, 0x2F, 0x2E].contains(b[i]) else { return false }
            for j in i..<b.count {
                if b[j] == 0x3A { return false }  // ":"
                if b[j] == 0x2E, j + 1 < b.count, b[j + 1] == 0x2E, b[j - 1] == 0x2F,
                   j + 2 == b.count || b[j + 2] == 0x2F { return false }
            }
            return true
        } ?? false
    }

    private struct PageScan: Sendable {
        var page: String
        var attributes: [HTMLScan.Attribute]
    }

    private func problem(with url: String, on page: String, ids: [String: Set<String>]) -> String? {
        if url.isEmpty { return "empty link" }
        if url.first == "#" {  // the common case: an anchor on the same page
            let fragment = String(url.dropFirst())
            return fragment.isEmpty || ids[page]?.contains(Self.percentDecoded(fragment)) == true
                ? nil : "no id=\"\(fragment)\" in \(page)"
        }
        if Self.isExternal(url) { return nil }
        if url.hasPrefix("/") { return "absolute path; links must be relative so the site works from file://" }
        let (path, fragment) = Self.split(url)
        var target = page
        if !path.isEmpty {
            if path.hasSuffix("/") { return "names a folder; link to its index.html so it works from file://" }
            guard let resolved = Self.resolve(path, from: page) else { return "leads outside the site" }
            target = resolved
        }
        guard files[target] != nil else { return "no file \(target) in the site" }
        guard let fragment, !fragment.isEmpty else { return nil }
        if target.hasSuffix(".html"), ids[target]?.contains(Self.percentDecoded(fragment)) != true {
            return "no id=\"\(fragment)\" in \(target)"
        }
        return nil
    }

    /// A URL with a scheme (`https:`, `mailto:`) or starting `//`. On bytes: it runs for every link.
    static func isExternal(_ url: String) -> Bool {
        var sawScheme = false
        for b in url.utf8 {
            switch b {
            case UInt8(ascii: ":"): return sawScheme
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                sawScheme = true
            default:
                return url.utf8.starts(with: "//".utf8)
            }
        }
        return url.utf8.starts(with: "//".utf8)
    }

    /// `a/b.html?q#f` → (`a/b.html`, `f`).
    static func split(_ url: String) -> (String, String?) {
        let u = url.utf8
        var fragment: String?
        var pathEnd = u.endIndex
        if let hash = u.firstIndex(of: UInt8(ascii: "#")) {
            fragment = String(url[u.index(after: hash)...])
            pathEnd = hash
        }
        if let query = u[..<pathEnd].firstIndex(of: UInt8(ascii: "?")) { pathEnd = query }
        return (String(url[..<pathEnd]), fragment)
    }

    /// `../b/index.html` from `documents/a/index.html` → `documents/b/index.html`.
    /// On UTF-8 bytes: it runs for every link of every page.
    static func resolve(_ path: String, from page: String) -> String? {
        var out: [UInt8] = Array(page.utf8)
        // Drop the page's file name, keep its folder with the trailing "/".
        while let last = out.last, last != 0x2F { out.removeLast() }
        var segment: [UInt8] = []
        func push() -> Bool {
            defer { segment.removeAll(keepingCapacity: true) }
            if segment.isEmpty || segment == [0x2E] { return true }
            if segment == [0x2E, 0x2E] {
                guard !out.isEmpty else { return false }
                out.removeLast()  // the "/" ending the current folder
                while let last = out.last, last != 0x2F { out.removeLast() }
                return true
            }
            out += segment
            out.append(0x2F)
            return true
        }
        for b in percentDecoded(path).utf8 {
            if b == 0x2F { guard push() else { return nil } } else { segment.append(b) }
        }
        let isFolder = segment.isEmpty
        guard push() else { return nil }
        if !isFolder, out.last == 0x2F { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }

    static func percentDecoded(_ s: String) -> String {
        guard s.utf8.contains(0x25) else { return s }
        var bytes: [UInt8] = []
        var i = s.utf8.startIndex
        let u = s.utf8
        while i < u.endIndex {
            if u[i] == UInt8(ascii: "%"), let h = u.index(i, offsetBy: 2, limitedBy: u.endIndex), h < u.endIndex,
               let v = UInt8(String(decoding: u[u.index(after: i)...h], as: UTF8.self), radix: 16) {
                bytes.append(v)
                i = u.index(after: h)
            } else {
                bytes.append(u[i])
                i = u.index(after: i)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Finds `name="value"` attributes in HTML bytes, with their line and column. Silkpress's own
/// templates always quote attributes with `"`, and text never holds a raw `<` (it is escaped).
enum HTMLScan {
    struct Attribute: Sendable {
        var name: String
        var value: String
        /// Byte offset of the attribute's name in the page.
        var offset: Int
    }

    static func attributes(named names: Set<String>, in page: [UInt8]) -> [Attribute] {
        let wanted = names.map { (name: $0, bytes: Array($0.utf8)) }
        var out: [Attribute] = []
        page.withUnsafeBufferPointer { bytes in
            var inTag = false
            var i = 0
            let n = bytes.count
            while i < n {
                // Outside a tag only the next "<" matters (most bytes are text): memchr finds it.
                if !inTag {
                    guard let lt = memchr(bytes.baseAddress! + i, Int32(UInt8(ascii: "<")), n - i) else { break }
                    i = bytes.baseAddress!.distance(to: lt.assumingMemoryBound(to: UInt8.self))
                }
                let b = bytes[i]
                if b == UInt8(ascii: "<") { inTag = true } else if b == UInt8(ascii: ">") { inTag = false }
                // An attribute: whitespace, name, `="`, value, `"`.
                if inTag, b == UInt8(ascii: " ") || b == 0x0A || b == 0x09 {
                    var j = i + 1
                    while j < n, isNameByte(bytes[j]) { j += 1 }
                    if j > i + 1, j + 1 < n, bytes[j] == UInt8(ascii: "="), bytes[j + 1] == UInt8(ascii: "\"") {
                        var k = j + 2
                        while k < n, bytes[k] != UInt8(ascii: "\"") { k += 1 }
                        // Compared as bytes: making a String of every attribute name costs more than the scan.
                        let name = UnsafeBufferPointer(rebasing: bytes[(i + 1)..<j])
                        if let match = wanted.first(where: { $0.bytes.elementsEqual(name) }) {
                            let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[(j + 2)..<k]), as: UTF8.self)
                            out.append(Attribute(name: match.name, value: unescape(raw), offset: i + 1))
                        }
                        i = k + 1
                        continue
                    }
                }
                i += 1
            }
        }
        return out
    }

    /// 1-based line and column (in Unicode scalars) of a byte offset.
    static func position(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        let before = bytes[..<min(offset, bytes.count)]
        let line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let start = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        return (line, String(decoding: bytes[start..<min(offset, bytes.count)], as: UTF8.self).unicodeScalars.count + 1)
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x5F
    }

    static func unescape(_ s: String) -> String {
        guard s.utf8.contains(0x26) else { return s }  // `String.contains(String)` is Foundation's slow search
        return s.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
