import Foundation
import XCTest
@testable import SVGCharts

/// Byte-for-byte comparison against committed SVGs.
/// Regenerate with: SVGCHARTS_RECORD=1 swift test --scratch-path .build
final class SnapshotTests: XCTestCase {
    var record: Bool { ProcessInfo.processInfo.environment["SVGCHARTS_RECORD"] == "1" }

    func check(_ name: String, _ actual: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = TestSupport.snapshotDir.appendingPathComponent(name)
        if record {
            try FileManager.default.createDirectory(at: TestSupport.snapshotDir, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            XCTFail("missing snapshot \(name); run with SVGCHARTS_RECORD=1", file: file, line: line)
            return
        }
        if expected != actual {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let i = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
            XCTFail("snapshot \(name) differs at line \(i + 1):\n expected: \(i < e.count ? String(e[i]) : "<eof>")\n actual:   \(i < a.count ? String(a[i]) : "<eof>")", file: file, line: line)
        }
    }

    func testChartSnapshots() throws {
        for (name, spec) in Fixtures.allSpecs {
            try check(name + ".svg", SVGChart.render(spec))
        }
        try check("tiles.svg", Fixtures.tiles.render())
    }

    func testTableAndCSVSnapshots() throws {
        try check("grouped.table.html", DataTable.html(Fixtures.grouped))
        try check("grouped.csv", DataTable.csv(Fixtures.grouped))
        try check("donut.table.html", DataTable.html(Fixtures.donut))
        try check("lines.meta.json", ChartMetadata.json(Fixtures.lines))
    }

    func testDeterministic() {
        for (_, spec) in Fixtures.allSpecs {
            XCTAssertEqual(SVGChart.render(spec), SVGChart.render(spec))
        }
        XCTAssertEqual(Fixtures.tiles.render(), Fixtures.tiles.render())
    }
}

final class ValidityTests: XCTestCase {
    func testEveryFixtureIsValidXML() throws {
        for (name, spec) in Fixtures.allSpecs {
            try TestSupport.assertValidXML(SVGChart.render(spec), name: name)
            // Also force the other orientation where it applies.
            if case .bars = spec.kind {
                var h = spec; h.kind = .bars(.horizontal)
                try TestSupport.assertValidXML(SVGChart.render(h), name: name + "-h")
            }
        }
        var gh = Fixtures.grouped; gh.kind = .groupedBars(.horizontal)
        try TestSupport.assertValidXML(SVGChart.render(gh), name: "grouped-h")
        var sh = Fixtures.stacked; sh.kind = .stackedBars(.horizontal)
        try TestSupport.assertValidXML(SVGChart.render(sh), name: "stacked-h")
        try TestSupport.assertValidXML(Fixtures.tiles.render(), name: "tiles")
        // The HTML table is XHTML-compatible markup too.
        try TestSupport.assertValidXML(DataTable.html(Fixtures.grouped), name: "table")
    }

    func testAccessibilityAttributes() {
        let svg = SVGChart.render(Fixtures.ports)
        XCTAssertTrue(svg.contains("role=\"img\""))
        XCTAssertTrue(svg.contains("aria-labelledby=\"ports-title ports-desc\""))
        XCTAssertTrue(svg.contains("<title id=\"ports-title\">"))
        XCTAssertTrue(svg.contains("<desc id=\"ports-desc\">"))
        XCTAssertTrue(svg.contains("viewBox=\"0 0 640 400\""))
        XCTAssertTrue(svg.contains("Noto Sans CJK SC"))
    }

    func testDefaultIDsDifferBetweenCharts() {
        var a = Fixtures.ports; a.idPrefix = nil
        var b = Fixtures.ports; b.idPrefix = nil
        b.series[0].values[0] = 1
        XCTAssertNotEqual(a.resolvedIDForTesting, b.resolvedIDForTesting)
    }
}

extension ChartSpec {
    var resolvedIDForTesting: String { resolvedID }
}

final class EscapingTests: XCTestCase {
    func testHostileLabels() throws {
        let evil = "<script>alert(\"x\")</script> & 'q'"
        let spec = ChartSpec(title: evil, description: evil, unit: "亿&元", source: "<b>来源</b>", note: "\"注\"",
                             kind: .groupedBars(.vertical), categories: [evil, "乙"],
                             series: [Series(name: evil, values: [1, 2]), Series(name: "b", values: [3, nil])],
                             idPrefix: "x\"y")
        let svg = SVGChart.render(spec)
        XCTAssertFalse(svg.contains("<script>"))
        XCTAssertFalse(svg.contains("\"x\")"))
        XCTAssertTrue(svg.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;"))
        try TestSupport.assertValidXML(svg, name: "escape")
        let html = DataTable.html(spec)
        XCTAssertFalse(html.contains("<script>"))
        try TestSupport.assertValidXML(html, name: "escape-table")
        var line = spec; line.kind = .lines(secondaryPercentSeries: [])
        try TestSupport.assertValidXML(SVGChart.render(line), name: "escape-line")
        var donut = spec; donut.kind = .donut
        try TestSupport.assertValidXML(SVGChart.render(donut), name: "escape-donut")
        let tiles = TileMap(title: evil, unit: "&", tiles: [Tile(id: "<a>", label: evil, column: 0, row: 0, value: 1, url: "/x?a=1&b=\"2\"")])
        let tsvg = tiles.render()
        XCTAssertTrue(tsvg.contains("href=\"/x?a=1&amp;b=&quot;2&quot;\""))
        try TestSupport.assertValidXML(tsvg, name: "escape-tiles")
    }

    func testControlCharactersDropped() {
        XCTAssertEqual(xmlEscape("a\u{1}b\u{8}c"), "abc")
    }

    func testCSVQuoting() {
        let spec = ChartSpec(title: "t", unit: "万列", kind: .bars(.vertical), categories: ["a,b", "say \"hi\"", "x\ny"],
                             series: [Series(name: "值", values: [1.5, nil, 3], decimals: 1)])
        XCTAssertEqual(DataTable.csv(spec), "类别,值（万列）\r\n\"a,b\",1.5\r\n\"say \"\"hi\"\"\",\r\n\"x\ny\",3.0\r\n")
    }
}

final class GapTests: XCTestCase {
    func testSegments() {
        let segs = LineChart.segments([1, 2, nil, 3, nil, nil, 4, 5, 6])
        XCTAssertEqual(segs.map { $0.map { $0.0 } }, [[0, 1], [3], [6, 7, 8]])
    }

    func testLineBreaksIntoSeparatePaths() {
        let spec = ChartSpec(title: "gap", kind: .lines(secondaryPercentSeries: []), categories: ["1", "2", "3", "4", "5", "6"],
                             series: [Series(name: "s", values: [1, 2, nil, 4, 5, nil])], idPrefix: "gap")
        let svg = SVGChart.render(spec)
        let group = svg.components(separatedBy: "data-series=\"0\"")[1]
        let paths = group.components(separatedBy: "<path d=\"M").count - 1
        XCTAssertEqual(paths, 2, "two runs → two paths, no interpolation across the gap")
        XCTAssertTrue(svg.contains("部分数据缺失"))
        // Markers only at present points (4 of 6).
        XCTAssertEqual(group.components(separatedBy: "<circle").count - 1, 4)
    }

    func testBarsAbsentForMissing() {
        let spec = ChartSpec(title: "gap", note: "自定义说明", kind: .bars(.vertical), categories: ["甲", "乙", "丙"],
                             series: [Series(name: "s", values: [1, nil, 3])], idPrefix: "gapbar")
        let svg = SVGChart.render(spec)
        XCTAssertEqual(svg.components(separatedBy: "<title>").count - 1, 2, "one bar tooltip per present value")
        XCTAssertFalse(svg.contains("乙："))
        XCTAssertTrue(svg.contains("注：部分数据缺失；自定义说明"))
        var quiet = spec; quiet.missingNote = nil; quiet.note = nil
        XCTAssertFalse(SVGChart.render(quiet).contains("注："))
    }

    func testTableShowsDash() {
        let html = DataTable.html(Fixtures.grouped)
        XCTAssertTrue(html.contains("<td class=\"num\">—</td>"))
        XCTAssertTrue(html.contains("<caption>中欧班列开行数量（单位：万列）</caption>"))
    }
}
