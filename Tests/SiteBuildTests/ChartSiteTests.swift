import Foundation
import SiteBuild
import SiteModel
import XCTest

/// The charts of the real build: valid SVG, data with provenance, and a build that refuses a
/// number which does not stand on the line it cites.
final class ChartSiteTests: XCTestCase {
    nonisolated(unsafe) static var site: String?

    func builtSite() throws -> String {
        if let site = Self.site { return site }
        let dir = try scratchDirectory()
        XCTAssertTrue(build(seeds: Repo.seeds, output: dir + "/site").succeeded)
        Self.site = dir + "/site"
        return dir + "/site"
    }

    /// A folder that lasts for the whole class (the shared build).
    private func scratchDirectory() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("charts-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    func test_every_generated_svg_is_valid_xml() throws {
        let site = try builtSite()
        let svgs = (FileManager.default.subpaths(atPath: site) ?? []).filter { $0.hasSuffix(".svg") }.sorted()
        XCTAssertGreaterThan(svgs.count, 100)  // report figures, site charts, a chart per country
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        p.arguments = ["--noout"] + svgs.map { site + "/" + $0 }
        let err = Pipe()
        p.standardError = err
        try p.run()
        let messages = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, messages)
        XCTAssertEqual(messages, "")
    }

    func test_every_plotted_number_names_its_seed_line_and_stands_there() throws {
        let site = try builtSite()
        let data = try XCTUnwrap(FileManager.default.contents(atPath: site + "/data/figures.json"))
        let figures = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        XCTAssertEqual(figures.count, 10)
        let lines = try String(contentsOfFile: Repo.seeds + "/bri-trade-report-2021.txt", encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        var points = 0
        for f in figures {
            for s in f["series"] as? [[String: Any]] ?? [] {
                for p in s["points"] as? [[String: Any]] ?? [] {
                    let line = try XCTUnwrap(p["line"] as? Int)
                    let raw = try XCTUnwrap(p["raw"] as? String)
                    XCTAssertTrue(lines[line - 1].contains(raw.replacingOccurrences(of: ",", with: "")) || lines[line - 1].contains(raw),
                                  "\(f["id"] ?? ""): \(raw) not on line \(line)")
                    points += 1
                }
            }
            // A figure without numbers says so; it never has an invented series.
            if (f["series"] as? [Any])?.isEmpty ?? true {
                XCTAssertNotNil(f["status"] as? String, "\(f["id"] ?? "")")
                XCTAssertTrue(f["svg"] is NSNull)
            }
        }
        XCTAssertGreaterThan(points, 40)
        let page = try String(contentsOfFile: site + "/figures/index.html", encoding: .utf8)
        XCTAssertTrue(page.contains("原文文本只给出部分数值"))
    }

    func test_a_number_that_does_not_stand_on_its_cited_line_fails_the_build() throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: Repo.seeds, toPath: dir + "/seeds")
        let csv = dir + "/seeds/bri-trade-report-2021.figures/figure-3-7.csv"
        let text = try String(contentsOfFile: csv, encoding: .utf8)
        try text.replacingOccurrences(of: "新签合同额,2013,715.7,2595", with: "新签合同额,2013,715.7,2601")
            .write(toFile: csv, atomically: true, encoding: .utf8)
        let report = build(seeds: dir + "/seeds", output: dir + "/site")
        XCTAssertFalse(report.succeeded)
        let errors = report.diagnostics.filter { $0.severity == .error }.map(\.description)
        XCTAssertTrue(errors.contains { $0.hasPrefix(csv + ":") && $0.contains("error: 715.7 does not stand on seeds/bri-trade-report-2021.txt line 2601") },
                      errors.joined(separator: "\n"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/site"))
    }

    func test_the_figures_page_renders_in_a_browser() throws {
        let site = try builtSite()
        let shots = Repo.root + "/.build/screenshots"
        try FileManager.default.createDirectory(atPath: shots, withIntermediateDirectories: true)
        let png = shots + "/figures.png"
        try? FileManager.default.removeItem(atPath: png)
        let shot = try runChromium(["--window-size=1200,3000", "--screenshot=\(png)", "file://" + site + "/figures/index.html"])
        XCTAssertEqual(shot.status, 0, shot.stderr)
        XCTAssertFalse(shot.stderr.contains("CONSOLE"), shot.stderr)
        let bytes = (try FileManager.default.attributesOfItem(atPath: png)[.size] as? Int) ?? 0
        XCTAssertGreaterThan(bytes, 100_000, "the figures page looks blank")
    }
}
