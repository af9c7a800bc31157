#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

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
