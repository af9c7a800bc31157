import Foundation
import XCTest
@testable import SVGCharts

/// Renders every fixture into one HTML page and screenshots it with headless
/// Chromium. The PNG is kept in screenshots/ for a human look; the test only
/// checks it is clearly not blank (compared against a blank-page screenshot).
final class ScreenshotTests: XCTestCase {
    func testPageScreenshot() throws {
        guard let chromium = TestSupport.findExecutable("chromium") ?? TestSupport.findExecutable("chromium-browser") else {
            XCTFail("chromium is not installed: run `make test`, which installs it")
            return
        }
        let dir = TestSupport.packageRoot.appendingPathComponent(".build/screenshots")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var html = """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>SVGCharts</title>
        <style>
        body { font-family: "Noto Sans CJK SC", sans-serif; margin: 16px; width: 1320px; }
        .grid { display: grid; grid-template-columns: 640px 640px; gap: 24px; }
        figure { margin: 0; border: 1px solid #eee; }
        table.chart-data { border-collapse: collapse; font-size: 12px; margin: 4px 8px 8px; }
        table.chart-data th, table.chart-data td { border-bottom: 1px solid #ddd; padding: 2px 8px; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        </style></head><body><div class="grid">

        """
        for (_, spec) in Fixtures.allSpecs {
            html += "<figure>\n" + SVGChart.render(spec) + DataTable.html(spec) + "</figure>\n"
        }
        html += "<figure>\n" + Fixtures.tiles.render() + "</figure>\n"
        var narrow = Fixtures.grouped
        narrow.width = 320; narrow.idPrefix = "narrow"; narrow.title = "窄版：" + narrow.title
        html += "<figure>\n" + SVGChart.render(narrow) + "</figure>\n"
        for spec in Fixtures.stress {
            try TestSupport.assertValidXML(SVGChart.render(spec), name: spec.idPrefix ?? "stress")
            html += "<figure>\n" + SVGChart.render(spec) + "</figure>\n"
        }
        html += "</div></body></html>\n"
        let page = dir.appendingPathComponent("page.html")
        try Data(html.utf8).write(to: page)
        let blank = dir.appendingPathComponent("blank.html")
        try Data("<!DOCTYPE html><html><body></body></html>".utf8).write(to: blank)
        defer { try? FileManager.default.removeItem(at: blank) }

        func shot(_ src: URL, _ out: URL) throws -> Int {
            try? FileManager.default.removeItem(at: out)
            let profile = FileManager.default.temporaryDirectory.appendingPathComponent("svgcharts-chromium-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: profile) }
            let (status, err) = try TestSupport.run(chromium, [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--user-data-dir=\(profile.path)", "--window-size=1360,4200",
                "--screenshot=\(out.path)", src.absoluteString,
            ], timeout: 90)
            XCTAssertEqual(status, 0, "chromium failed: \(err.suffix(500))")
            let data = try Data(contentsOf: out)
            XCTAssertEqual(Array(data.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "not a PNG")
            return data.count
        }
        let png = dir.appendingPathComponent("charts.png")
        let size = try shot(page, png)
        let blankSize = try shot(blank, FileManager.default.temporaryDirectory.appendingPathComponent("svgcharts-blank.png"))
        XCTAssertGreaterThan(size, blankSize * 5, "screenshot looks blank (\(size) vs blank \(blankSize) bytes)")
    }
}
