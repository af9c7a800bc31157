import Foundation
import XCTest

/// Opens the built site in Debian's headless Chromium from file:// (installed by `make test`).
/// Screenshots are kept in .build/screenshots/ for a person to look at.
final class BrowserTests: XCTestCase {
    func chromium(_ args: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try runChromium(args)
    }

    func test_the_outcome_list_renders_from_file_urls_with_every_item() throws {
        let out = try scratch() + "/site"
        XCTAssertTrue(build(seeds: Repo.seeds, output: out).succeeded)
        let page = "file://" + out + "/documents/brf-2017-outcomes/index.html"
        let dom = try chromium(["--dump-dom", page])
        XCTAssertEqual(dom.status, 0, dom.stderr)
        XCTAssertEqual(dom.stdout.components(separatedBy: "class=\"item\"").count - 1, 76)
        XCTAssertTrue(dom.stdout.contains("id=\"item-5-20\""))
        XCTAssertFalse(dom.stderr.contains("CONSOLE"), dom.stderr)  // no console errors
        XCTAssertFalse(dom.stderr.contains("ERR_FILE_NOT_FOUND"), dom.stderr)  // no failed requests

        let shots = Repo.root + "/.build/screenshots"
        try FileManager.default.createDirectory(atPath: shots, withIntermediateDirectories: true)
        for (name, url, size) in [("home", "file://" + out + "/index.html", "1200,900"),
                                  ("outcome-list", page, "1200,1600"),
                                  ("outcome-list-phone", page, "390,1400")] {
            let png = shots + "/\(name).png"
            try? FileManager.default.removeItem(atPath: png)
            let shot = try chromium(["--window-size=\(size)", "--screenshot=\(png)", url])
            XCTAssertEqual(shot.status, 0, shot.stderr)
            // A page of text compresses far less than a blank one (~5 KB at this size).
            let bytes = (try? FileManager.default.attributesOfItem(atPath: png)[.size] as? Int) ?? 0
            XCTAssertGreaterThan(bytes, 40_000, "\(name) screenshot looks blank")
        }
    }

    func test_home_country_and_report_pages_load_from_file_urls_without_errors() throws {
        let out = try scratch() + "/site"
        XCTAssertTrue(build(seeds: Repo.seeds, output: out).succeeded)
        let shots = Repo.root + "/.build/screenshots"
        try FileManager.default.createDirectory(atPath: shots, withIntermediateDirectories: true)
        for (name, path) in [("home", "index.html"), ("country-pk", "countries/pk/index.html"),
                             ("report-part-3", "documents/bri-trade-report-2021/part-3/index.html"),
                             ("search-rcep", "search/index.html?q=RCEP")] {
            let url = "file://" + out + "/" + path
            let dom = try chromium(["--dump-dom", url])
            XCTAssertEqual(dom.status, 0, name)
            XCTAssertFalse(dom.stderr.contains("CONSOLE"), "\(name): \(dom.stderr)")
            XCTAssertFalse(dom.stderr.contains("net::ERR"), "\(name): \(dom.stderr)")  // no failed request
            XCTAssertTrue(dom.stdout.contains("<main id=\"main\">"), name)
            // Nothing is fetched from outside the site.
            XCTAssertFalse(dom.stdout.contains("src=\"http"), name)
            XCTAssertFalse(dom.stdout.contains("href=\"http"), name)
            let png = shots + "/\(name).png"
            XCTAssertEqual(try chromium(["--window-size=1200,1600", "--screenshot=\(png)", url]).status, 0, name)
        }
    }
}
