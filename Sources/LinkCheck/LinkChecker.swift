#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import SiteModel

/// Checks every internal `href` and `src` of a site's HTML, and every `#fragment`, against the
/// site's own files. External links (`https:`, `mailto:` …) are not followed.
///
/// Two passes over the page bytes, with no String made for a link that is fine: a scan keeps
/// each page's links as byte ranges and its ids; then each link is resolved on bytes and looked
/// up in `ByteTable`s of the site's paths and ids (`Site.resolves`). A hit there is a hit for
/// Strings too, so that fast path only ever says "fine" where the String check would. Anything
/// else (a broken link, `&amp;`, an odd `%`, text equal only as Unicode) goes to `problem(with:…)`,
/// which works on Strings as the checker always did, and words the message.
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
        let scans = html.parallelMap { PageScan(page: $0, bytes: files[$0] ?? []) }
        let site = Site(files: files, pages: scans)
        // Then pages in runs of about equal link count (one page can hold a quarter of them all).
        let units = Self.workUnits(scans.map { $0.links.count + 1 }, count: 16)
        return units.parallelMap { unit -> [Diagnostic] in
            var out: [Diagnostic] = []
            let scratch = Scratch()
            for page in unit { check(page, in: site, scratch, into: &out) }
            return out
        }.flatMap { $0 }
    }

    /// Consecutive index ranges of about `total / count` weight each (never empty).
    static func workUnits(_ weights: [Int], count: Int) -> [Range<Int>] {
        let share = max(1, weights.reduce(0, +) / max(1, count))
        var units: [Range<Int>] = []
        var start = 0, weight = 0
        for (i, w) in weights.enumerated() {
            weight += w
            if weight >= share { units.append(start..<(i + 1)); start = i + 1; weight = 0 }
        }
        if start < weights.count { units.append(start..<weights.count) }
        return units
    }

    private func check(_ page: Int, in site: Site, _ scratch: Scratch, into out: inout [Diagnostic]) {
        let scan = site.pages[page]
        scan.bytes.withUnsafeBufferPointer { bytes in
            scan.path.withUnsafeBufferPointer { path in
                let folder = UnsafeBufferPointer(rebasing: path[..<Self.folderEnd(path)])
                for link in scan.links {
                    let raw = UnsafeBufferPointer(rebasing: bytes[link.value])
                    if site.resolves(raw, from: page, in: folder, scratch) { continue }
                    // Not surely fine: the String path has the last word, and words the message.
                    let url = HTMLScan.unescape(String(decoding: raw, as: UTF8.self))
                    guard let problem = problem(with: url, on: scan.page, page, in: site) else { continue }
                    // Line and column are worked out only for what is reported.
                    let (line, column) = HTMLScan.position(of: link.nameOffset, in: scan.bytes)
                    out.append(.error(displayRoot + "/" + scan.page, line: line, column: column,
                                      "broken link \(link.kind.name)=\"\(url)\": \(problem)"))
                }
            }
        }
    }

    private func problem(with url: String, on page: String, _ number: Int, in site: Site) -> String? {
        if url.isEmpty { return "empty link" }
        if url.first == "#" {  // the common case: an anchor on the same page
            let fragment = String(url.dropFirst())
            return fragment.isEmpty || site.hasID(Self.percentDecoded(fragment), on: number)
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
        if target.hasSuffix(".html"), site.page(target).map({ site.hasID(Self.percentDecoded(fragment), on: $0) }) != true {
            return "no id=\"\(fragment)\" in \(target)"
        }
        return nil
    }

    /// A URL with a scheme (`https:`, `mailto:`) or starting `//`.
    static func isExternal(_ url: String) -> Bool {
        var url = url
        return url.withUTF8 { isExternal($0) }
    }

    /// `isExternal` on bytes: it runs for every link. `&amp;`-escapes do not change the answer
    /// (`&` and what it stands for are never scheme bytes).
    static func isExternal(_ url: UnsafeBufferPointer<UInt8>) -> Bool {
        let startsWithSlashes = url.count >= 2 && url[0] == 0x2F && url[1] == 0x2F
        var sawScheme = false
        for b in url {
            switch b {
            case UInt8(ascii: ":"): return sawScheme
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                sawScheme = true
            default:
                return startsWithSlashes
            }
        }
        return startsWithSlashes
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
    static func resolve(_ path: String, from page: String) -> String? {
        var page = page, path = percentDecoded(path)
        return page.withUTF8 { page in
            path.withUTF8 { path in
                let folder = UnsafeBufferPointer(rebasing: page[..<folderEnd(page)])
                var out = [UInt8](repeating: 0, count: folder.count + path.count + 1)
                let count = out.withUnsafeMutableBufferPointer { resolve(path, in: folder, into: $0) }
                return count.map { String(decoding: out[..<$0], as: UTF8.self) }
            }
        }
    }

    /// The length of `page`'s folder with its trailing "/" (0 at the site's root).
    static func folderEnd(_ page: UnsafeBufferPointer<UInt8>) -> Int {
        (page.lastIndex(of: 0x2F) ?? -1) + 1
    }

    /// `resolve` on bytes: `folder` (empty, or ending "/") then `path`'s segments, "." skipped and
    /// ".." dropping a folder, written to `out` (room for `folder.count + path.count + 1` bytes).
    /// The length written, or nil when ".." climbs out of the site.
    static func resolve(_ path: UnsafeBufferPointer<UInt8>, in folder: UnsafeBufferPointer<UInt8>,
                        into out: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        precondition(out.count > folder.count + path.count)
        var n = folder.count
        if n > 0 { out.baseAddress!.update(from: folder.baseAddress!, count: n) }
        var start = 0
        while true {
            let end = firstIndex(of: "/", in: path[start...]) ?? path.count
            let length = end - start
            if length == 2, path[start] == 0x2E, path[start + 1] == 0x2E {  // ".."
                guard n > 0 else { return nil }
                n -= 1  // the "/" ending the current folder
                while n > 0, out[n - 1] != 0x2F { n -= 1 }
            } else if length > 1 || (length == 1 && path[start] != 0x2E) {  // not "" or "."
                (out.baseAddress! + n).update(from: path.baseAddress! + start, count: length)
                out[n + length] = 0x2F
                n += length + 1
            }
            guard end < path.count else {
                // A file, not a folder: no "/" after it.
                if length > 0, n > 0, out[n - 1] == 0x2F { n -= 1 }
                return n
            }
            start = end + 1
        }
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

    /// `percentDecoded` on bytes, into `out` (room for `s.count` bytes), for the plain case only:
    /// nil when a "%" is not followed by two hex digits (the String version has its own ideas
    /// about those). The length written.
    static func percentDecoded(_ s: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        var i = 0, n = 0
        while i < s.count {
            if s[i] == UInt8(ascii: "%") {
                guard i + 2 < s.count, let high = hexValue(s[i + 1]), let low = hexValue(s[i + 2]) else { return nil }
                out[n] = high << 4 | low
                i += 3
            } else {
                out[n] = s[i]
                i += 1
            }
            n += 1
        }
        return n
    }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
