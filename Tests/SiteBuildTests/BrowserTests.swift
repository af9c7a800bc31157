import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
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

    func test_the_same_output_works_served_over_http_under_a_sub_path() throws {
        let root = try scratch()
        let out = root + "/some/sub/path"
        try FileManager.default.createDirectory(atPath: root + "/some/sub", withIntermediateDirectories: true)
        XCTAssertTrue(build(seeds: Repo.seeds, output: out).succeeded)
        // A plain static server on loopback (Python's), serving the folder above the site.
        let port = 18_000 + Int(getpid() % 1000)
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = ["python3", "-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", root]
        server.standardOutput = Pipe()
        server.standardError = Pipe()
        try server.run()
        defer { server.terminate(); server.waitUntilExit() }
        let base = "http://127.0.0.1:\(port)/some/sub/path/"
        // Wait (at most 10 s) until the server answers.
        for _ in 0..<50 where (try? Data(contentsOf: URL(string: base + "index.html")!)) == nil {
            Thread.sleep(forTimeInterval: 0.2)
        }
        for path in ["index.html", "countries/pk/index.html", "documents/bri-trade-report-2021/part-3/index.html",
                     "search/index.html?q=%E4%B8%AD%E6%AC%A7%E7%8F%AD%E5%88%97"] {
            let dom = try chromium(["--dump-dom", base + path])
            XCTAssertEqual(dom.status, 0, path)
            XCTAssertFalse(dom.stderr.contains("CONSOLE"), "\(path): \(dom.stderr)")
            XCTAssertFalse(dom.stderr.contains("net::ERR"), "\(path): \(dom.stderr)")
            XCTAssertTrue(dom.stdout.contains("<main id=\"main\">"), path)
        }
        // The search found its results over HTTP too.
        let search = try chromium(["--dump-dom", base + "search/index.html?q=%E4%B8%AD%E6%AC%A7%E7%8F%AD%E5%88%97"])
        XCTAssertTrue(search.stdout.contains("data-total=\"10\"") || search.stdout.contains("找到 10 条结果"), "search over http")
    }

    func test_the_archive_unzipped_elsewhere_browses_and_searches_offline() throws {
        let root = try scratch()
        XCTAssertTrue(build(seeds: Repo.seeds, output: root + "/Output").succeeded)
        let archive = try runSilkpress(["archive", "--site", root + "/Output", "--output", root + "/bri-site.zip"])
        XCTAssertEqual(archive.status, 0, archive.stderr)
        let elsewhere = root + "/unzipped/somewhere"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        let unzip = Process()
        unzip.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        unzip.arguments = ["-q", root + "/bri-site.zip", "-d", elsewhere]
        try unzip.run()
        unzip.waitUntilExit()
        XCTAssertEqual(unzip.terminationStatus, 0)
        let start = "file://" + elsewhere + "/bri-site/"
        let home = try chromium(["--dump-dom", start + "index.html"])
        XCTAssertTrue(home.stdout.contains("2021 中国“一带一路”贸易投资发展报告"))
        XCTAssertFalse(home.stderr.contains("CONSOLE") || home.stderr.contains("net::ERR"), home.stderr)
        let search = try chromium(["--dump-dom", start + "search/index.html?q=%E5%B7%B4%E5%9F%BA%E6%96%AF%E5%9D%A6"])
        XCTAssertTrue(search.stdout.contains("href=\"../countries/pk/index.html\""), "search works from the unzipped archive")
        XCTAssertFalse(search.stderr.contains("CONSOLE") || search.stderr.contains("net::ERR"), search.stderr)
    }
}
