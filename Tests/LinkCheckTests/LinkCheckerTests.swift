#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
@testable import LinkCheck
import SiteModel
import XCTest

final class LinkCheckerTests: XCTestCase {
    private func check(_ pages: [String: String], also: [String] = []) -> [String] {
        var files = pages.mapValues { Array($0.utf8) }
        for f in also { files[f] = [] }
        return LinkChecker(files: files, displayRoot: "Output").check().map(\.description)
    }

    func test_good_links_files_and_fragments_pass() {
        XCTAssertEqual(check([
            "index.html": "<a href=\"documents/a/index.html#p-1\">a</a> <img src=\"media/x.png\"> <a href=\"https://example.org/\">x</a> <a href=\"#top\" id=\"top\">t</a>",
            "documents/a/index.html": "<p id=\"p-1\">x</p><a href=\"../../index.html\">home</a><a href=\"source.html#L2\">s</a>",
            "documents/a/source.html": "<li id=\"L2\">",
        ], also: ["media/x.png"]), [])
    }

    func test_every_broken_link_is_reported_with_its_page_line_and_column() {
        XCTAssertEqual(check([
            "index.html": "<p>\n  <a href=\"documents/b/index.html\">b</a>\n<a class=\"x\" href=\"documents/a/index.html#nope\">a</a></p>",
            "documents/a/index.html": "<a href=\"/index.html\">abs</a><a href=\"../../countries/\">folder</a><a href=\"../../../up.html\">up</a>",
        ]), [
            "Output/documents/a/index.html:1:4: error: broken link href=\"/index.html\": absolute path; links must be relative so the site works from file://",
            "Output/documents/a/index.html:1:33: error: broken link href=\"../../countries/\": names a folder; link to its index.html so it works from file://",
            "Output/documents/a/index.html:1:70: error: broken link href=\"../../../up.html\": leads outside the site",
            "Output/index.html:2:6: error: broken link href=\"documents/b/index.html\": no file documents/b/index.html in the site",
            "Output/index.html:3:14: error: broken link href=\"documents/a/index.html#nope\": no id=\"nope\" in documents/a/index.html",
        ])
    }

    func test_percent_encoded_and_escaped_urls_resolve() {
        XCTAssertEqual(check([
            "index.html": "<a href=\"%E5%9B%BD/index.html?q=1&amp;r=2#%E4%B8%80\">x</a><a href=\"a%2Fb.html#%E4%B8%80\">y</a>",
            "国/index.html": "<h2 id=\"一\">",
            "a/b.html": "<h2 id=\"一\">",
        ]), [])
    }

    func test_schemes_and_fragments_are_told_apart() {
        for url in ["https://x.org/", "mailto:a@b.c", "//cdn.example/x.js", "tel:+86-10"] {
            XCTAssertTrue(LinkChecker.isExternal(url), url)
        }
        for url in ["a/b.html", "a/b:c.html", ":x", "../index.html#p:1", "#top", "/", ""] {
            XCTAssertFalse(LinkChecker.isExternal(url), url)
        }
        XCTAssertTrue(LinkChecker.split("a/b.html?q=1#f") == ("a/b.html", "f"))
        XCTAssertTrue(LinkChecker.split("国/index.html") == ("国/index.html", nil))
        XCTAssertTrue(LinkChecker.split("x.html#") == ("x.html", ""))
    }

    /// The same broken link on pages at the same depth is reported on each of them.
    func test_a_broken_link_repeated_across_pages_is_reported_on_each() {
        XCTAssertEqual(check([
            "a/index.html": "<a href=\"../gone.html\">x</a>",
            "b/index.html": "<a href=\"../gone.html\">x</a>",
        ]), [
            "Output/a/index.html:1:4: error: broken link href=\"../gone.html\": no file gone.html in the site",
            "Output/b/index.html:1:4: error: broken link href=\"../gone.html\": no file gone.html in the site",
        ])
    }

    /// Every occurrence of a broken link is reported, however many good ones are around it.
    func test_a_broken_link_repeated_on_a_page_is_reported_at_each_occurrence() {
        let good = String(repeating: "<a href=\"b.html#x\">b</a>", count: 40)
        let page = good + "<a href=\"b.html#y\">1</a>\n" + good + "<a href=\"b.html#y\">2</a>" + good + "<img src=\"b.html#y\">"
        XCTAssertEqual(check(["a.html": page, "b.html": "<p id=\"x\">"]), [
            "Output/a.html:1:964: error: broken link href=\"b.html#y\": no id=\"y\" in b.html",
            "Output/a.html:2:964: error: broken link href=\"b.html#y\": no id=\"y\" in b.html",
            "Output/a.html:2:1950: error: broken link src=\"b.html#y\": no id=\"y\" in b.html",
        ])
    }

    /// `&amp;` and friends are unescaped before a link is resolved, and in what is reported.
    func test_escaped_urls_are_unescaped() {
        XCTAssertEqual(check([
            "a.html": "<a href=\"b.html?x=1&amp;y=2#c&amp;d\">ok</a><a href=\"gone.html?x=1&amp;y=&quot;2&quot;\">no</a><a href=\"b.html#c&amp;e\">no</a>",
            "b.html": "<p id=\"c&amp;d\">",
        ]), [
            "Output/a.html:1:47: error: broken link href=\"gone.html?x=1&y=\"2\"\": no file gone.html in the site",
            "Output/a.html:1:97: error: broken link href=\"b.html#c&e\": no id=\"c&e\" in b.html",
        ])
    }

    /// A link relative to its page resolves against that page's folder, even when pages at the
    /// same depth elsewhere have the same link; and "#…" checks the page's own ids.
    func test_pages_in_other_folders_resolve_the_same_link_their_own_way() {
        let link = "<a href=\"../sib.html#s\">s</a><a href=\"#top\">t</a><a href=\"../../a/sib.html#s\">r</a>"
        XCTAssertEqual(check([
            "a/x/index.html": "<p id=\"top\">" + link,
            "a/sib.html": "<p id=\"s\">",
            "b/y/index.html": link,
            "b/sib.html": "<p id=\"t\">",
            "c/z/index.html": link,
        ]), [
            "Output/b/y/index.html:1:4: error: broken link href=\"../sib.html#s\": no id=\"s\" in b/sib.html",
            "Output/b/y/index.html:1:33: error: broken link href=\"#top\": no id=\"top\" in b/y/index.html",
            "Output/c/z/index.html:1:4: error: broken link href=\"../sib.html#s\": no file c/sib.html in the site",
            "Output/c/z/index.html:1:33: error: broken link href=\"#top\": no id=\"top\" in c/z/index.html",
        ])
    }

    /// Text that is equal as Unicode but spelled with other bytes (é as one scalar or as e and
    /// a combining accent) still names the same file and id, as it does for Strings.
    func test_canonically_equal_paths_and_ids_match() {
        XCTAssertEqual(check([
            "a.html": "<a href=\"caf\u{E9}.html#\u{E9}t\u{E9}\">x</a><a href=\"cafe\u{301}.html#e\u{301}te\u{301}\">y</a>",
            "caf\u{E9}.html": "<p id=\"\u{E9}t\u{E9}\">",
        ]), [])
        XCTAssertEqual(check(["a.html": "<p id=\"\u{C5}\"><a href=\"#\u{212B}\">z</a><a href=\"#A\u{30A}\">z</a>"]), [])
    }

    /// A link that is not valid UTF-8 is read the way a String reads it (U+FFFD for the bad bytes).
    func test_invalid_utf8_in_a_link_is_read_as_a_string_would() {
        let page = Array("<a href=\"".utf8) + [0xFF] + Array(".html\">x</a><a href=\"b".utf8) + [0xC3] + Array(".html\">y</a>".utf8)
        let files: [String: [UInt8]] = ["a.html": page, "\u{FFFD}.html": []]
        XCTAssertEqual(LinkChecker(files: files, displayRoot: "Output").check().map(\.description), [
            "Output/a.html:1:26: error: broken link href=\"b\u{FFFD}.html\": no file b\u{FFFD}.html in the site",
        ])
    }

    /// Odd percent-escapes take the String path, which has its own ideas ("%+F" is 0x0F).
    func test_odd_percent_escapes_are_read_as_before() {
        XCTAssertEqual(check([
            "a.html": "<a href=\"%zz.html\">1</a><a href=\"b.html#%2\">2</a><a href=\"%2e%2E/x.html\">3</a><a href=\"b.html#%\">4</a>",
            "b.html": "<p id=\"%2\"><p id=\"%\">",
            "%zz.html": "",
        ]), [
            "Output/a.html:1:53: error: broken link href=\"%2e%2E/x.html\": leads outside the site",
        ])
    }

    func test_resolving_on_bytes_matches_resolving_segment_by_segment() {
        let segments = ["a", "b", ".", "..", "", "c.html", "%2E%2E", "%2F", "国", "x%20y"]
        let pages = ["index.html", "a/index.html", "a/b/c.html", "a//b.html", "国/页.html"]
        var paths = segments
        for s in segments { for t in segments { paths.append(s + "/" + t) } }
        for s in segments { for t in ["..", "c.html", ""] { paths.append("../" + s + "/" + t); paths.append(s + "/../" + t) } }
        for page in pages {
            for path in paths {
                XCTAssertEqual(LinkChecker.resolve(path, from: page), ReferenceChecker.resolve(path, from: page), "\(path) from \(page)")
            }
        }
        XCTAssertEqual(LinkChecker.resolve("../b/index.html", from: "documents/a/index.html"), "documents/b/index.html")
        XCTAssertEqual(LinkChecker.resolve("../../x.html", from: "a/index.html"), nil)
    }

    func test_percent_decoding_on_bytes_matches_strings_for_plain_escapes() {
        for s in ["", "abc", "%41", "a%2Fb", "%E5%9B%BD", "%e4%b8%80x", "100%25"] {
            var room = [UInt8](repeating: 0, count: s.utf8.count)
            let n = Array(s.utf8).withUnsafeBufferPointer { bytes in
                room.withUnsafeMutableBufferPointer { LinkChecker.percentDecoded(bytes, into: $0) }
            }
            XCTAssertEqual(n.map { String(decoding: room[..<$0], as: UTF8.self) }, LinkChecker.percentDecoded(s), s)
        }
        for s in ["%", "%4", "%zz", "%+F", "a%-1"] {  // left to the String version
            XCTAssertNil(Array(s.utf8).withUnsafeBufferPointer { bytes in
                var room = [UInt8](repeating: 0, count: s.utf8.count)
                return room.withUnsafeMutableBufferPointer { LinkChecker.percentDecoded(bytes, into: $0) }
            }, s)
        }
    }

    /// The scan finds what the byte-by-byte scan before it found, odd HTML included.
    func test_the_scan_finds_the_attributes_a_byte_by_byte_scan_finds() {
        let pages = [
            "<a href=\"x.html\" id=\"a\"><img src=\"y.png\">",
            "<a title=\"a > b\" href=\"x.html\">t > u<p id=\"p\">",
            "<a\thref=\"1\"\nsrc=\"2\"  id=\"3\">",
            "<a href = \"no\" xhref=\"no\" data-href=\"no\" id=no href='no'>",
            "<a b=\"x\"href=\"glued\" c=\"\" href=\"\" id=\"unterminated",
            "text id=\"outside\" <!-- a comment href=\"in\" --> <p <b id=\"nested\">",
            "<a href=\"&amp;&quot;&#39;&lt;&gt;\"><p id=\"é\u{301}\">",
            "", "<", ">", "<a", "<a ", "<a href", "<a href=", "<a href=\"", "x<", "<>", "<<a id=\"z\">",
            "<a HREF=\"upper\" Id=\"mixed\" src=\"s\" srcset=\"no\" hrefs=\"no\">",
            "<a data_x=\"y > z\" href=\"u\"><a aria-label=\"a > b\" href=\"v\"><a x_1-2=\"q >\" src=\"w\"><a x.y=\">\" id=\"d\">",
        ]
        for page in pages {
            let bytes = Array(page.utf8)
            let now = HTMLScan.attributes(named: ["id", "href", "src"], in: bytes).map { "\($0.name) \($0.value) \($0.offset)" }
            let before = ReferenceScan.attributes(named: ["id", "href", "src"], in: bytes).map { "\($0.name) \($0.value) \($0.offset)" }
            XCTAssertEqual(now, before, page)
        }
        XCTAssertEqual(HTMLScan.attributes(named: ["href"], in: Array("<a id=\"i\" href=\"h\">".utf8)),
                       [HTMLScan.Attribute(name: "href", value: "h", offset: 10)])
    }

    func test_work_units_cover_every_page_in_order() {
        for weights in [[], [1], [5, 1, 1, 1], [1, 1, 1, 100, 1, 1], Array(repeating: 3, count: 50)] {
            let units = LinkChecker.workUnits(weights, count: 4)
            XCTAssertEqual(units.flatMap { Array($0) }, Array(weights.indices), "\(weights)")
            XCTAssertFalse(units.contains { $0.isEmpty })
            XCTAssertLessThanOrEqual(units.count, max(1, weights.count))
        }
        XCTAssertEqual(LinkChecker.workUnits(Array(repeating: 3, count: 40), count: 4).count, 4)
    }

    func test_byte_table_numbers_keys_by_owner() {
        var table = ByteTable(minimumCapacity: 1)
        let words = (0..<500).map { "key-\($0)" } + ["", "é", "a"]
        for (i, word) in words.enumerated() {
            var w = word
            XCTAssertEqual(w.withUTF8 { table.insert($0, owner: i % 3) }, i)
        }
        for (i, word) in words.enumerated() {
            XCTAssertEqual(table.number(of: word, owner: i % 3), i)
            XCTAssertNil(table.number(of: word, owner: i % 3 + 1))
        }
        var again = "key-7"
        XCTAssertEqual(again.withUTF8 { table.insert($0, owner: 1) }, 7)
        XCTAssertEqual(table.count, words.count)
        XCTAssertEqual(table.number(of: "e\u{301}", owner: words.count - 2 - 1 == 0 ? 0 : (words.count - 2) % 3), words.count - 2)
        XCTAssertNil(table.number(of: "b", owner: (words.count - 1) % 3))
    }

    /// Sites made of every kind of link, good and broken, get the very same diagnostics as
    /// from the checker before this one (`ReferenceChecker`, below).
    func test_random_sites_get_the_same_diagnostics_as_before() {
        var random = SplitMix(seed: 7)
        for _ in 0..<40 {
            let files = Self.randomSite(&random)
            let now = LinkChecker(files: files, displayRoot: "Out").check().map(\.description)
            let before = ReferenceChecker(files: files, displayRoot: "Out").check().map(\.description)
            XCTAssertEqual(now, before)
            XCTAssertFalse(before.isEmpty)
        }
    }

    private static func randomSite(_ random: inout SplitMix) -> [String: [UInt8]] {
        let pages = ["index.html", "404.html", "a/index.html", "a/b/index.html", "a/b/c.html", "c/d/index.html",
                     "c/e/index.html", "国/index.html", "x/y.html", "x/z/w/index.html"]
        let ids = ["top", "p-1", "L12", "一", "a&amp;b", "a b", "q%41", "main"]
        let prefixes = ["", "", "../", "../", "../../", "../../../", "./", "/", "a/../"]
        let paths = ["index.html", "a/index.html", "a/b/index.html", "a/b/c.html", "c/d/index.html", "c/", "m/p.png",
                     "%E5%9B%BD/index.html", "gone.html", "a/../x/y.html", "x//y.html", "a/..", ".", "x/z/w/index.html",
                     "y.html", "b/c.html", "d/index.html", "c%2Fd/index.html", "%zz.html", "&amp;.html", "bad\u{1}.html",
                     "%E4%B8%80.html", "x&amp;y.html"]
        let queries = ["", "", "", "?q=1", "?a=1&amp;b=2", "?"]
        let fragments = ["", "", "#", "#top", "#p-1", "#L12", "#nope", "#%E4%B8%80", "#a&amp;b", "#a%20b", "#qA", "#q%41", "#main"]
        let whole = ["", "https://x.org/a", "//cdn/x.js", "mailto:a@b", "#top", "#", "?q", "#nope", "#%E4%B8%80", "tel:1"]
        let tags = ["<a href=\"%@\">x</a>", "<img\nsrc=\"%@\">", "<a title=\"x > y\" href=\"%@\">", "<a\thref=\"%@\" id=\"%@\">",
                    "\n  <link rel=\"x\" href=\"%@\">"]
        // Files named as no site has them: what a link means must not be read off its bytes as written.
        var files: [String: [UInt8]] = ["m/p.png": [], "b/c.html": Array("<p id=\"top\">".utf8), "bad\u{FFFD}.html": [],
                                        "x&amp;y.html": [], "c/": []]
        for page in pages where random.next(4) > 0 {
            var html = ""
            for _ in 0..<random.next(30) {
                let id = ids[random.next(ids.count)]
                if random.next(3) == 0 { html += "<p id=\"\(id)\">é " }
                let url = random.next(5) == 0 ? whole[random.next(whole.count)]
                    : prefixes[random.next(prefixes.count)] + paths[random.next(paths.count)]
                    + queries[random.next(queries.count)] + fragments[random.next(fragments.count)]
                var tag = tags[random.next(tags.count)]
                tag = tag.replacingOccurrences(of: "id=\"%@\"", with: "id=\"\(id)\"")
                html += tag.replacingOccurrences(of: "%@", with: url)
            }
            files[page] = html.utf8.map { $0 == 1 ? 0xFF : $0 }  // U+0001 stands for a byte that is not UTF-8
        }
        return files
    }
}

/// Small, fast, reproducible random numbers for the tests.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(_ below: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(max(below, 1)))
    }
}

// MARK: - The checker before bytes and tables, kept as the oracle of the tests above.


/// Checks every internal `href` and `src` of a site's HTML, and every `#fragment`, against the
/// site's own files. External links (`https:`, `mailto:` …) are not followed.
private struct ReferenceChecker: Sendable {
    /// Output-relative path → file bytes (HTML or not; only HTML is scanned).
    let files: [String: [UInt8]]
    /// Prefix for paths in diagnostics (the output folder as the user named it).
    let displayRoot: String

    init(files: [String: [UInt8]], displayRoot: String) {
        self.files = files
        self.displayRoot = displayRoot
    }

    /// One error per broken link, in page order, with the line and column of the attribute.
    func check() -> [Diagnostic] {
        let html = files.keys.filter { $0.hasSuffix(".html") }.sorted()
        // One scan per page (on all cores) collects its ids and its links.
        let scans = html.parallelMap { page in
            ReferenceScan.attributes(named: ["id", "href", "src"], in: files[page] ?? [])
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
                    let (line, column) = ReferenceScan.position(of: ref.offset, in: files[scan.page] ?? [])
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
        var attributes: [ReferenceScan.Attribute]
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
private enum ReferenceScan {
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

extension LinkCheckerTests {
    /// A page with thousands of links (a document's source view) beside a small one: every
    /// broken link is reported once, in page order, with its own line.
    func test_a_page_with_thousands_of_links_reports_each_broken_one_in_order() {
        let broken: Set<Int> = [0, 511, 512, 1031, 2400]
        let lines = (0..<2500).map { i in
            broken.contains(i) ? "<a href=\"b.html#gone-\(i)\">x</a>" : "<a href=\"b.html#p-\(i % 3)\">x</a>"
        }
        XCTAssertEqual(check([
            "a.html": lines.joined(separator: "\n"),
            "b.html": "<p id=\"p-0\"><p id=\"p-1\"><p id=\"p-2\"><a href=\"c.html\">c</a>",
        ]), broken.sorted().map {
            "Output/a.html:\($0 + 1):4: error: broken link href=\"b.html#gone-\($0)\": no id=\"gone-\($0)\" in b.html"
        } + ["Output/b.html:1:40: error: broken link href=\"c.html\": no file c.html in the site"])
    }
}
