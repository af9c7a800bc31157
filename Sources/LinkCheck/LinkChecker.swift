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
        let scans = html.parallelMap { page -> PageScan in
            let attributes = HTMLScan.attributes(named: ["id", "href", "src"], in: files[page] ?? [])
            let ids = Set(attributes.lazy.filter { $0.name == "id" }.map(\.value))
            return PageScan(page: page, links: attributes.filter { $0.name != "id" }, ids: ids)
        }
        var collected: [String: Set<String>] = [:]
        for scan in scans { collected[scan.page] = scan.ids }
        let ids = collected
        // Work units of about the same number of links, so one page with thousands of links
        // (a document's source view) does not leave the other cores idle.
        var units: [WorkUnit] = []
        for (p, scan) in scans.enumerated() {
            var start = 0
            while start < scan.links.count || (start == 0 && scan.links.isEmpty) {
                let end = min(start + Self.unitSize, scan.links.count)
                if let last = units.last, last.size + (end - start) <= Self.unitSize {
                    units[units.count - 1].parts.append((p, start..<end))
                } else {
                    units.append(WorkUnit(parts: [(p, start..<end)]))
                }
                if end == scan.links.count { break }
                start = end
            }
        }
        return units.parallelMap { unit -> [Diagnostic] in
            var out: [Diagnostic] = []
            var fromRoot: [Int: [String: String?]] = [:]  // depth → URL → problem
            for (p, range) in unit.parts {
                let scan = scans[p]
                let depth = scan.page.utf8.reduce(0) { $1 == 0x2F ? $0 + 1 : $0 }
                var checked: [String: String?] = [:]  // a page repeats its links (navigation, entities)
                var targets: [Substring: Target] = [:]  // a page links many anchors of one page
                for ref in scan.links[range] {
                    let problem: String?
                    if let known = checked[ref.value] {
                        problem = known
                    } else if Self.climbs(ref.value, depth) {
                        if let known = fromRoot[depth]?[ref.value] {
                            problem = known
                        } else {
                            problem = self.problem(with: ref.value, on: scan.page, ids: ids, targets: &targets)
                            fromRoot[depth, default: [:]][ref.value] = problem
                        }
                        checked[ref.value] = problem
                    } else {
                        problem = self.problem(with: ref.value, on: scan.page, ids: ids, targets: &targets)
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

    /// Links per work unit of the resolving step.
    static let unitSize = 512

    private struct PageScan: Sendable {
        var page: String
        var links: [HTMLScan.Attribute]
        var ids: Set<String>
    }

    /// Pages' link ranges resolved together, in page order.
    private struct WorkUnit: Sendable {
        var parts: [(page: Int, links: Range<Int>)]
        var size: Int { parts.reduce(0) { $0 + $1.links.count } }
    }

    /// Where a link's path (before `#`) leads from one page: the site file, or why it is broken.
    private enum Target {
        case file(String)
        case broken(String)
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

    private func problem(with url: String, on page: String, ids: [String: Set<String>],
                         targets: inout [Substring: Target]) -> String? {
        if url.isEmpty { return "empty link" }
        if url.first == "#" {  // the common case: an anchor on the same page
            let fragment = String(url.dropFirst())
            return fragment.isEmpty || ids[page]?.contains(Self.percentDecoded(fragment)) == true
                ? nil : "no id=\"\(fragment)\" in \(page)"
        }
        if Self.isExternal(url) { return nil }
        if url.hasPrefix("/") { return "absolute path; links must be relative so the site works from file://" }
        let (path, fragment) = Self.split(url)
        let resolved = targets[path] ?? self.target(of: String(path), on: page)
        targets[path] = resolved
        let target: String
        switch resolved {
        case .file(let file): target = file
        case .broken(let why): return why
        }
        guard let fragment, !fragment.isEmpty else { return nil }
        if target.hasSuffix(".html"), ids[target]?.contains(Self.percentDecoded(fragment)) != true {
            return "no id=\"\(fragment)\" in \(target)"
        }
        return nil
    }

    /// The site file a link's path names from `page` (the page itself for an empty path).
    private func target(of path: String, on page: String) -> Target {
        var target = page
        if !path.isEmpty {
            if path.hasSuffix("/") { return .broken("names a folder; link to its index.html so it works from file://") }
            guard let resolved = Self.resolve(path, from: page) else { return .broken("leads outside the site") }
            target = resolved
        }
        return files[target] != nil ? .file(target) : .broken("no file \(target) in the site")
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
    static func split(_ url: String) -> (Substring, String?) {
        let u = url.utf8
        var fragment: String?
        var pathEnd = u.endIndex
        if let hash = u.firstIndex(of: UInt8(ascii: "#")) {
            fragment = String(url[u.index(after: hash)...])
            pathEnd = hash
        }
        if let query = u[..<pathEnd].firstIndex(of: UInt8(ascii: "?")) { pathEnd = query }
        return (url[..<pathEnd], fragment)
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
