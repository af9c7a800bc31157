import XCTest
@testable import SVGCharts

final class TicksTests: XCTestCase {
    func testNiceTicks7157() {
        XCTAssertEqual(Ticks.nice(min: 0, max: 715.7).values, [0, 200, 400, 600, 800])
    }

    func testNiceTicks124() {
        let t = Ticks.nice(min: 0, max: 1.24)
        XCTAssertEqual(t.values, [0, 0.5, 1, 1.5])
        XCTAssertEqual(t.decimals, 1)
    }

    func testTicksAreExactDecimals() {
        // Integer-multiple construction: no 0.30000000000000004.
        let t = Ticks.nice(min: 0, max: 1)
        XCTAssertEqual(t.values, [0, 0.2, 0.4, 0.6, 0.8, 1.0])
        XCTAssertEqual(t.values.map { NumberFormat.format($0, decimals: t.decimals) }, ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    }

    func testNegativeRange() {
        let t = Ticks.nice(min: -3.2, max: 8)
        XCTAssertEqual(t.values, [-5, 0, 5, 10])
        let t2 = Ticks.nice(min: -120, max: -10)
        XCTAssertEqual(t2.values, [-150, -100, -50, 0])
        XCTAssertEqual(t2.values.last, 0)
    }

    func testSingleValue() {
        XCTAssertEqual(Ticks.nice(min: 42, max: 42).values, [0, 10, 20, 30, 40, 50])
        XCTAssertEqual(Ticks.nice(min: 0, max: 0).values, [0, 0.2, 0.4, 0.6, 0.8, 1])
        XCTAssertEqual(Ticks.nice(min: -7, max: -7).values, [-8, -6, -4, -2, 0])
    }

    func testNonFinite() {
        XCTAssertEqual(Ticks.nice(min: .nan, max: .infinity).values.first, 0)
    }

    func testAllNilSeriesRenders() {
        let spec = ChartSpec(title: "空", kind: .bars(.vertical), categories: ["甲", "乙"],
                             series: [Series(name: "x", values: [nil, nil])])
        let svg = SVGChart.render(spec)
        XCTAssertFalse(svg.contains("<rect x="), "no bars for all-nil data")
        XCTAssertTrue(svg.contains("部分数据缺失"))
        let lines = ChartSpec(title: "空线", kind: .lines(secondaryPercentSeries: [0]), categories: ["a", "b"],
                              series: [Series(name: "x", values: [nil, nil])])
        let series = SVGChart.render(lines).components(separatedBy: "data-series=\"0\"")
        XCTAssertEqual(series.count, 2)
        XCTAssertFalse(series[1].contains("<path"), "no line drawn for an all-nil series")
    }

    func testEmptySpecDoesNotTrap() {
        for kind: ChartKind in [.bars(.vertical), .bars(.horizontal), .groupedBars(.vertical), .stackedBars(.horizontal),
                                .lines(secondaryPercentSeries: [5]), .donut] {
            _ = SVGChart.render(ChartSpec(title: "", kind: kind, categories: [], series: []))
            _ = SVGChart.render(ChartSpec(title: "x", kind: kind, categories: ["a"], series: [Series(name: "s", values: [])]))
        }
        _ = TileMap(title: "t", tiles: []).render()
    }

    func testLinearScale() {
        let s = LinearScale(domain: (0, 800), range: (300, 100))
        XCTAssertEqual(s(0), 300)
        XCTAssertEqual(s(400), 200)
        XCTAssertEqual(LinearScale(domain: (5, 5), range: (0, 10))(5), 0)
    }

    func testBandScale() {
        let b = BandScale(count: 4, range: (0, 100), paddingInner: 0.2, paddingOuter: 0.1)
        XCTAssertEqual(b.step, 100 / 4.0, accuracy: 1e-9)
        XCTAssertEqual(b.bandwidth, 20, accuracy: 1e-9)
        XCTAssertEqual(b.start(0), 2.5, accuracy: 1e-9)
        XCTAssertEqual(b.center(3), 2.5 + 75 + 10, accuracy: 1e-9)
    }

    func testCoordinateFormatting() {
        XCTAssertEqual(fmt(12.34), "12.3")
        XCTAssertEqual(fmt(12.0), "12")
        XCTAssertEqual(fmt(-0.04), "0")
        XCTAssertEqual(fmt(-3.25), "-3.3")
        XCTAssertEqual(fmt(.nan), "0")
    }
}

final class NumberFormatTests: XCTestCase {
    func testDecimalsKeptFromSource() {
        XCTAssertEqual(NumberFormat.format(715.7, decimals: 1), "715.7")
        XCTAssertEqual(NumberFormat.format(1.24, decimals: 2), "1.24")
        XCTAssertEqual(NumberFormat.format(2, decimals: 2), "2.00")
        XCTAssertEqual(NumberFormat.format(0.05, decimals: 1), "0.1")
        XCTAssertEqual(NumberFormat.format(-0.04, decimals: 1), "0.0")
        XCTAssertEqual(NumberFormat.format(-12.35, decimals: 0), "-12")
        XCTAssertEqual(NumberFormat.percent(12.3, decimals: 1), "12.3%")
    }

    func testGrouping() {
        XCTAssertEqual(NumberFormat.format(15823.7, decimals: 1), "15823.7")
        XCTAssertEqual(NumberFormat.format(15823.7, decimals: 1, grouping: true), "15,823.7")
        XCTAssertEqual(NumberFormat.format(-1234567, decimals: 0, grouping: true), "-1,234,567")
        XCTAssertEqual(NumberFormat.format(999, decimals: 0, grouping: true), "999")
    }

    func testMissingCell() {
        XCTAssertEqual(NumberFormat.cell(nil, decimals: 1), "—")
    }
}

final class RobustnessTests: XCTestCase {
    func testExtremeInputsDoNotTrap() {
        let big = ChartSpec(title: "big", kind: .bars(.vertical), categories: ["a", "b"],
                            series: [Series(name: "s", values: [1e308, -1e308])])
        XCTAssertTrue(SVGChart.render(big).hasPrefix("<svg"))
        let inf = ChartSpec(title: "inf", kind: .donut, categories: ["a", "b"],
                            series: [Series(name: "s", values: [.infinity, .nan], decimals: 99)])
        XCTAssertTrue(SVGChart.render(inf).hasPrefix("<svg"))
        let tm = TileMap(title: "x", tiles: [Tile(id: "a", label: "a", column: Int.max, row: Int.min, value: 1),
                                             Tile(id: "b", label: "b", column: Int.min, row: Int.max, value: nil)])
        XCTAssertTrue(tm.render().hasPrefix("<svg"))
        let tiny = ChartSpec(title: "tiny", kind: .groupedBars(.vertical), categories: (0..<50).map { "类别\($0)" },
                             series: [Series(name: "a", values: [1]), Series(name: "b", values: [2])], width: -5, height: .nan)
        XCTAssertTrue(SVGChart.render(tiny).hasPrefix("<svg"))
    }
}
