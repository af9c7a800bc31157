import XCTest
@testable import ExtractedText
import SiteModel

/// Each cleanup rule on a small synthetic input.
final class CleanupTests: XCTestCase {
    private func kinds(_ lines: [String]) -> [(String, LineKind)] {
        Cleanup.classify(Lines.split(extracted(lines))).lines.map { ($0.line.text, $0.kind) }
    }

    func testRunningFooterWithPartTitleIsDroppedAndRemembered() {
        let cleaned = Cleanup.classify(Lines.split(extracted([prose(44), "第 2 部分  同舟共济的健康之路 21", prose(44)])))
        XCTAssertEqual(cleaned.footerPartTitles[2], "同舟共济的健康之路")
        XCTAssertEqual(cleaned.lines[1].kind, .noise(.runningHeader))
    }

    func testReportTitleHeaderWithPageNumberIsDropped() {
        let k = kinds([prose(44), "2021 某某报告34", prose(44), "2021 某某报告52", prose(44)])
        XCTAssertEqual(k[1].1, .noise(.runningHeader))
        XCTAssertEqual(k[3].1, .noise(.runningHeader))
        XCTAssertEqual(k[0].1, .text)
    }

    func testSidebarLabelIsNotMistakenForAHeaderWithPageNumber() {
        let k = kinds(["专栏 1-2", prose(20), "专栏 1-3", prose(20)])
        XCTAssertEqual(k[0].1, .sidebarLabel(part: 1, number: 2))
        XCTAssertEqual(k[2].1, .sidebarLabel(part: 1, number: 3))
    }

    func testBarePageNumberAndVerticalTextAreDropped() {
        let k = kinds([prose(44), "21", "^商", "^务", "^部", prose(44)])
        XCTAssertEqual(k[1].1, .noise(.pageNumber))
        XCTAssertEqual(k[2].1, .noise(.verticalText))
        XCTAssertEqual(k[4].1, .noise(.verticalText))
    }

    func testTableOfContentsEntriesAndTheirPartTitleAreDropped() {
        let cleaned = Cleanup.classify(Lines.split(extracted([
            "行稳务实的合作之路", "（一）双边合作不断迈上新台阶 / 2", "（二）区域经济合作持续推进 / 4",
        ])))
        XCTAssertTrue(cleaned.lines.allSatisfy { $0.kind == .noise(.tableOfContents) })
        XCTAssertEqual(cleaned.toc.first?.partTitle, "行稳务实的合作之路")
        XCTAssertEqual(cleaned.toc.last?.section?.0, 2)
    }

    func testChartDebrisAfterAFigureIsKeptApartWithItsLines() {
        let cleaned = Cleanup.classify(Lines.split(extracted([
            prose(44), "图 3-4  2013—2020 年某某投资流量", "^资料来源：中国商务部", "注：2020 年数据为快报数据",
            "亿美元", "2500", "^11.7", "2013    2014    2015", "对外直接投资额", prose(44, seed: "投资"),
        ])))
        let f = cleaned.figures[0]
        XCTAssertEqual(f.label, "图 3-4")
        XCTAssertEqual(f.caption, "2013—2020 年某某投资流量")
        XCTAssertEqual(f.source?.text, "中国商务部")
        XCTAssertEqual(f.note?.text, "2020 年数据为快报数据")
        XCTAssertEqual(f.debris.map(\.text), ["亿美元", "2500", "11.7", "2013    2014    2015", "对外直接投资额"])
        XCTAssertEqual(f.debris.first?.line, 8)
        XCTAssertEqual(cleaned.lines.last?.kind, .text)
    }

    func testDuplicatedPhotoCaptionKeepsTheStandaloneOne() {
        let cleaned = Cleanup.classify(Lines.split(extracted([
            "得抗疫斗争的关键。 特多阿利玛总医院", "^图片来源：《人民日报》海外版", prose(20),
            "特多阿利玛总医院", "^图片来源：《人民日报》海外版", prose(20),
        ])))
        let kinds = cleaned.lines.map(\.kind)
        XCTAssertEqual(cleaned.lines[0].line.text, "得抗疫斗争的关键。")
        XCTAssertEqual(kinds[0], .text)
        XCTAssertEqual(kinds[1], .noise(.duplicateCaption))
        XCTAssertEqual(kinds.filter { if case .photoCaption = $0 { true } else { false } }.count, 1)
    }

    func testPageMarkersAreRecognised() {
        let k = kinds(["（转下页）", "（接上页）"])
        XCTAssertEqual(k[0].1, .continuesOnNextPage)
        XCTAssertEqual(k[1].1, .continuedFromPreviousPage)
    }
}
