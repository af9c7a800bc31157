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

/// Reused room for decoding and resolving a link's bytes (one per work unit, never shared).
final class Scratch {
    private var memory = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 1024)

    deinit { memory.deallocate() }

    /// Two buffers of `count` bytes each, good until the next call.
    func room(_ count: Int) -> (UnsafeMutableBufferPointer<UInt8>, UnsafeMutableBufferPointer<UInt8>) {
        if memory.count < 2 * count {
            memory.deallocate()
            memory = .allocate(capacity: 2 * count)
        }
        return (UnsafeMutableBufferPointer(rebasing: memory[..<count]),
                UnsafeMutableBufferPointer(rebasing: memory[count..<(2 * count)]))
    }
}

/// One page's links and ids, as byte ranges into its bytes (found by `HTMLScan.scan`).
struct PageScan: Sendable {
    struct Link: Sendable {
        var kind: HTMLScan.Kind
        /// Byte offset of the attribute's name in the page.
        var nameOffset: Int
        /// The value's bytes, still `&amp;`-escaped.
        var value: Range<Int>
    }

    let page: String
    let path: [UInt8]
    let bytes: [UInt8]
    private(set) var links: [Link] = []
    /// The values of its `id` attributes, still escaped.
    private(set) var ids: [Range<Int>] = []

    init(page: String, bytes: [UInt8]) {
        self.page = page
        self.path = Array(page.utf8)
        self.bytes = bytes
        var links: [Link] = [], ids: [Range<Int>] = []
        links.reserveCapacity(bytes.count / 128)  // about one link per 250 bytes: rarely regrown
        bytes.withUnsafeBufferPointer { b in
            HTMLScan.scan(b) { kind, nameOffset, value in
                if kind == .id {
                    ids.append(value)
                } else {
                    links.append(Link(kind: kind, nameOffset: nameOffset, value: value))
                }
            }
        }
        self.links = links
        self.ids = ids
    }
}

/// The whole site as the link check sees it: file paths and ids in `ByteTable`s.
struct Site: Sendable {
    let pages: [PageScan]
    /// Every file's path: the pages first, so a page's file number is its index in `pages`.
    private let paths: ByteTable
    /// Every page's ids (unescaped), owned by the page's number.
    private let ids: ByteTable

    init(files: [String: [UInt8]], pages: [PageScan]) {
        self.pages = pages
        var paths = ByteTable(minimumCapacity: files.count)
        for page in pages { page.path.withUnsafeBufferPointer { _ = paths.insert($0) } }
        for path in files.keys {
            var path = path
            path.withUTF8 { _ = paths.insert($0) }  // a page again is found, not added
        }
        self.paths = paths
        var ids = ByteTable(minimumCapacity: pages.reduce(0) { $0 + $1.ids.count })
        for (number, page) in pages.enumerated() {
            page.bytes.withUnsafeBufferPointer { bytes in
                for range in page.ids {
                    let raw = UnsafeBufferPointer(rebasing: bytes[range])
                    // Escaped or non-ASCII ids go in as the String they make (invalid UTF-8 repaired).
                    if !raw.contains(where: { $0 == UInt8(ascii: "&") || $0 >= 0x80 }) {
                        _ = ids.insert(raw, owner: number)
                        continue
                    }
                    var id = HTMLScan.unescape(String(decoding: raw, as: UTF8.self))
                    id.withUTF8 { _ = ids.insert($0, owner: number) }
                }
            }
        }
        self.ids = ids
    }

    /// The number of the page named `path`, by String equality (as a `[String: …]` lookup would).
    func page(_ path: String) -> Int? {
        paths.number(of: path).flatMap { $0 < pages.count ? $0 : nil }
    }

    /// Whether page number `page` has `id`, by String equality.
    func hasID(_ id: String, on page: Int) -> Bool {
        ids.number(of: id, owner: page) != nil
    }

    /// Whether `url`, on page number `page` in `folder`, surely leads to a file (and an id in it):
    /// `problem(with:on:)` on bytes. False means "not sure": broken, or for the String path.
    func resolves(_ url: UnsafeBufferPointer<UInt8>, from page: Int, in folder: UnsafeBufferPointer<UInt8>,
                  _ scratch: Scratch) -> Bool {
        guard let first = url.first else { return false }
        if LinkChecker.isExternal(url) { return true }
        guard first != UInt8(ascii: "/") else { return false }
        let parts = LinkParts(url)
        guard !parts.escaped else { return false }
        let (decoded, resolved) = scratch.room(folder.count + url.count + 1)
        var target = page
        if parts.pathEnd > 0 {
            guard url[parts.pathEnd - 1] != 0x2F else { return false }  // a folder
            guard let path = Self.decoded(url[..<parts.pathEnd], parts.encoded, into: decoded),
                  let length = LinkChecker.resolve(path, in: folder, into: resolved),
                  let file = paths.number(of: UnsafeBufferPointer(start: resolved.baseAddress, count: length))
            else { return false }
            target = file
        }
        // Only a page's fragments are checked.
        guard let hash = parts.hash, hash + 1 < url.count, target < pages.count else { return true }
        guard let id = Self.decoded(url[(hash + 1)...], parts.encoded, into: decoded) else { return false }
        return ids.number(of: id, owner: target) != nil
    }

    /// `part`, percent-decoded into `room` if the URL holds "%" (nil for an odd escape).
    private static func decoded(_ part: Slice<UnsafeBufferPointer<UInt8>>, _ encoded: Bool,
                                into room: UnsafeMutableBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        guard encoded else { return UnsafeBufferPointer(rebasing: part) }
        return LinkChecker.percentDecoded(UnsafeBufferPointer(rebasing: part), into: room)
            .map { UnsafeBufferPointer(start: room.baseAddress, count: $0) }
    }
}

/// Where a URL's path ends and its fragment starts (`split` on bytes), and what needs decoding.
struct LinkParts {
    /// End of the path: the first "?" or "#".
    var pathEnd: Int
    /// The first "#".
    var hash: Int?
    /// Holds `&`, maybe an `&amp;`-style escape: left to the String path.
    var escaped = false
    /// Holds "%": to be percent-decoded.
    var encoded = false

    init(_ url: UnsafeBufferPointer<UInt8>) {
        hash = firstIndex(of: "#", in: url[...])
        pathEnd = firstIndex(of: "?", in: url[..<(hash ?? url.count)]) ?? hash ?? url.count
        escaped = firstIndex(of: "&", in: url[...]) != nil
        encoded = firstIndex(of: "%", in: url[...]) != nil
    }
}

/// `firstIndex(of:)` by memchr, as an index of `part.base`: a call costs what a loop over
/// three or four bytes does.
func firstIndex(of byte: Unicode.Scalar, in part: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
    guard !part.isEmpty, let base = part.base.baseAddress,
          let found = memchr(base + part.startIndex, Int32(byte.value), part.count) else { return nil }
    return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
}

/// Byte strings, each with an owner (a page, or 0), numbered in the order they were added and
/// found by a hash over 8 bytes at a time (multiply, xor-shift) with open addressing: a lookup
/// makes no String. Equal bytes are equal Strings, so a hit is sure; a miss is sure only for
/// ASCII, as Strings compare by canonical equivalence (`number(of:owner:)` for a String minds that).
struct ByteTable: Sendable {
    private var storage: [UInt8] = []
    /// Key `i` is `storage[ends[i - 1]..<ends[i]]`.
    private var ends: [Int] = []
    private var owners: [Int] = []
    private var hashes: [UInt64] = []
    /// Key number + 1, 0 when empty; a power of two in size, at most half full.
    private var slots: [Int32]
    private var hasNonASCII = false

    init(minimumCapacity: Int = 8) {
        var size = 16
        while size < 2 * minimumCapacity { size *= 2 }
        slots = Array(repeating: 0, count: size)
        ends.reserveCapacity(minimumCapacity)
        owners.reserveCapacity(minimumCapacity)
        hashes.reserveCapacity(minimumCapacity)
        storage.reserveCapacity(16 * minimumCapacity)
    }

    var count: Int { ends.count }

    /// Adds `key` unless it is there; its number either way.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, owner: Int = 0) -> Int {
        let hash = Self.hash(key, owner)
        let (found, slot) = probe(key, owner, hash)
        if let found { return found }
        storage.append(contentsOf: key)
        ends.append(storage.count)
        owners.append(owner)
        hashes.append(hash)
        slots[slot] = Int32(ends.count)
        hasNonASCII = hasNonASCII || key.contains { $0 >= 0x80 }
        if 2 * count > slots.count { grow() }
        return count - 1
    }

    func number(of key: UnsafeBufferPointer<UInt8>, owner: Int = 0) -> Int? {
        probe(key, owner, Self.hash(key, owner)).number
    }

    /// The number of the key equal to `key` as a String.
    func number(of key: String, owner: Int = 0) -> Int? {
        var key = key
        if let hit = key.withUTF8({ number(of: $0, owner: owner) }) { return hit }
        // Text equal as Unicode but not as bytes has non-ASCII on one side (rare: a slow search).
        guard hasNonASCII || key.utf8.contains(where: { $0 >= 0x80 }) else { return nil }
        return (0..<count).first { owners[$0] == owner && self.key($0) == key }
    }

    private func key(_ number: Int) -> String {
        String(decoding: storage[(number == 0 ? 0 : ends[number - 1])..<ends[number]], as: UTF8.self)
    }

    private func probe(_ key: UnsafeBufferPointer<UInt8>, _ owner: Int, _ hash: UInt64) -> (number: Int?, slot: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return (nil, slot) }
            if hashes[entry - 1] == hash, owners[entry - 1] == owner, equals(entry - 1, key) { return (entry - 1, slot) }
            slot = (slot + 1) & mask
        }
    }

    private func equals(_ number: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = number == 0 ? 0 : ends[number - 1]
        guard ends[number] - start == key.count else { return false }
        guard !key.isEmpty else { return true }
        return storage.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, key.baseAddress!, key.count) == 0 }
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: 2 * slots.count)
        let mask = slots.count - 1
        for (number, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number + 1)
        }
    }

    static func hash(_ key: UnsafeBufferPointer<UInt8>, _ owner: Int) -> UInt64 {
        let raw = UnsafeRawBufferPointer(key)
        var h = mix(UInt64(truncatingIfNeeded: owner) << 32 | UInt64(truncatingIfNeeded: raw.count))
        var i = 0
        while i + 8 <= raw.count {
            h = mix(h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        var tail: UInt64 = 0
        if i < raw.count, raw.count >= 8 {
            tail = raw.loadUnaligned(fromByteOffset: raw.count - 8, as: UInt64.self)  // overlaps the last word
        } else {
            while i < raw.count {
                tail = tail << 8 | UInt64(raw[i])
                i += 1
            }
        }
        return mix(mix(h ^ tail))
    }

    private static func mix(_ x: UInt64) -> UInt64 {
        let m = (x ^ 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9
        return m ^ (m >> 31)
    }
}

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
