import XCTest
@testable import SVGCharts

final class TextMeasureTests: XCTestCase {
    func testCJKvsASCII() {
        XCTAssertEqual(TextMeasure.width("中国", fontSize: 10), 20, accuracy: 1e-9)
        XCTAssertEqual(TextMeasure.width("abc", fontSize: 10), 16.5, accuracy: 1e-9)
        XCTAssertEqual(TextMeasure.width("715.7", fontSize: 10), 27.5, accuracy: 1e-9)
        XCTAssertEqual(TextMeasure.width("（）", fontSize: 10), 20, accuracy: 1e-9)  // full-width punctuation
        XCTAssertEqual(TextMeasure.width("2023年", fontSize: 12), (4 * 0.55 + 1) * 12, accuracy: 1e-9)
        XCTAssertGreaterThan(TextMeasure.width("SITC", fontSize: 10), TextMeasure.width("sitc", fontSize: 10))
    }

    func testWrapCJK() {
        let lines = TextMeasure.wrap("矿物燃料润滑油", maxWidth: 48, fontSize: 12, maxLines: 2)
        XCTAssertEqual(lines, ["矿物燃料", "润滑油"])
    }

    func testWrapKeepsLatinWordsWhole() {
        let lines = TextMeasure.wrap("Belt and Road", maxWidth: 50, fontSize: 10, maxLines: 3)
        XCTAssertEqual(lines, ["Belt and", "Road"])
    }

    func testNoClosingPunctuationAtLineStart() {
        let lines = TextMeasure.wrap("机械设备，运输", maxWidth: 48, fontSize: 12, maxLines: 3)!
        XCTAssertFalse(lines.contains { $0.hasPrefix("，") }, "\(lines)")
    }

    func testWrapFailsWhenTooLong() {
        XCTAssertNil(TextMeasure.wrap("杂项制品含服装鞋类家具", maxWidth: 36, fontSize: 12, maxLines: 2))
    }

    func testTruncation() {
        let lines = TextMeasure.wrapTruncating("杂项制品含服装鞋类家具", maxWidth: 36, fontSize: 12, maxLines: 2)
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(lines[1].hasSuffix("…"))
        XCTAssertLessThanOrEqual(TextMeasure.width(lines[1], fontSize: 12), 36)
    }

    func testLongLabelsSwitchToHorizontal() {
        let svg = SVGChart.render(Fixtures.tradeLongLabels)
        XCTAssertTrue(svg.contains("class=\"axis x\""), "long labels should force horizontal bars")
        let short = SVGChart.render(Fixtures.ports)
        XCTAssertTrue(short.contains("class=\"axis y\""))
    }
}

final class BalancedWrapTests: XCTestCase {
    func testBalanced() {
        XCTAssertEqual(TextMeasure.wrap("欧洲联盟国家", maxWidth: 64, fontSize: 12, maxLines: 2), ["欧洲联盟国", "家"])
        XCTAssertEqual(TextMeasure.balancedWrap("欧洲联盟国家", maxWidth: 64, fontSize: 12, maxLines: 2), ["欧洲联", "盟国家"])
        XCTAssertEqual(TextMeasure.balancedWrap("美国", maxWidth: 64, fontSize: 12, maxLines: 2), ["美国"])
        XCTAssertNil(TextMeasure.balancedWrap("欧洲联盟国家成员国合计值", maxWidth: 30, fontSize: 12, maxLines: 2))
    }
}
