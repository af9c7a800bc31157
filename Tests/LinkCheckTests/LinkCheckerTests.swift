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
            "index.html": "<a href=\"%E5%9B%BD/index.html?q=1&amp;r=2#%E4%B8%80\">x</a>",
            "国/index.html": "<h2 id=\"一\">",
        ]), [])
    }

    func test_schemes_and_fragments_are_told_apart() {
        for url in ["https://x.org/", "mailto:a@b.c", "//cdn.example/x.js", "tel:+86-10"] {
            XCTAssertTrue(LinkChecker.isExternal(url), url)
        }
        for url in ["a/b.html", "a/b:c.html", ":x", "../index.html#p:1", "#top"] {
            XCTAssertFalse(LinkChecker.isExternal(url), url)
        }
        XCTAssertTrue(LinkChecker.split("a/b.html?q=1#f") == ("a/b.html", "f"))
        XCTAssertTrue(LinkChecker.split("国/index.html") == ("国/index.html", nil))
        XCTAssertTrue(LinkChecker.split("x.html#") == ("x.html", ""))
    }

    /// Links that climb back to the root resolve the same from every page at that depth;
    /// anything else depends on the page.
    func test_links_climbing_to_the_root_are_recognised() {
        XCTAssertTrue(LinkChecker.climbs("../../countries/index.html#x", 2))
        XCTAssertTrue(LinkChecker.climbs("index.html", 0))
        XCTAssertFalse(LinkChecker.climbs("../countries/index.html", 2))
        XCTAssertFalse(LinkChecker.climbs("../../../x.html", 2))
        XCTAssertFalse(LinkChecker.climbs("../../a/../b.html", 2))
        XCTAssertFalse(LinkChecker.climbs("../../#top", 2))
        XCTAssertFalse(LinkChecker.climbs("../../?q=1", 2))
        XCTAssertFalse(LinkChecker.climbs("https://x.org/", 0))
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

    /// A page with more links than one work unit holds is checked across several units: every
    /// broken link is still reported once, in page order, with its own line.
    func test_a_page_with_thousands_of_links_reports_each_broken_one_in_order() {
        let size = LinkChecker.unitSize
        let broken: Set<Int> = [0, size - 1, size, 2 * size + 7]
        let lines = (0..<(2 * size + 20)).map { i in
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
