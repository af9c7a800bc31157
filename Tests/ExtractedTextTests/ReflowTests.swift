import XCTest
@testable import ExtractedText
import SiteModel

/// Joining lines into paragraphs.
final class ReflowTests: XCTestCase {
    private func line(_ t: String, _ n: Int = 1) -> SourceLine { SourceLine(number: n, text: t) }

    func testCJKIsJoinedWithoutSpacesAndANameCutAcrossLinesStaysWhole() {
        XCTAssertEqual(Reflow.join([line("中国与缅甸、捷克、印度尼"), line("西亚等新建贸易畅通工作组。")]),
                       "中国与缅甸、捷克、印度尼西亚等新建贸易畅通工作组。")
        XCTAssertEqual(Reflow.join([line("签署共建“一"), line("带一路”合作文件。")]), "签署共建“一带一路”合作文件。")
    }

    func testLatinWordsAreSpacedAndNumbersFollowTheParagraphsStyle() {
        XCTAssertEqual(Reflow.join([line("In Malaysia, For"), line("Malaysia”的经营理念。")]),
                       "In Malaysia, For Malaysia”的经营理念。")
        // This paragraph writes `2020 年`, so a break between a number and CJK becomes a space.
        XCTAssertEqual(Reflow.join([line("2020 年 11 月，到 2030"), line("年，RCEP 有望增加 5190 亿美元。")]),
                       "2020 年 11 月，到 2030 年，RCEP 有望增加 5190 亿美元。")
        // This one writes `2020年`: no space is invented.
        XCTAssertEqual(Reflow.join([line("2020年2月，商务部出台了2"), line("项通知。")]), "2020年2月，商务部出台了2项通知。")
    }

    func testJoinRecordsWhereEachSourceLineStarts() {
        let (text, starts) = Reflow.joinWithStarts([line("到 2030", 3), line("年，RCEP 有望", 5), line("增加。", 7)])
        XCTAssertEqual(text, "到 2030 年，RCEP 有望增加。")
        XCTAssertEqual(starts, [JoinedLineStart(offset: 7, line: 5), JoinedLineStart(offset: 16, line: 7)])
    }

    func testAShortLineEndingASentenceEndsTheParagraph() {
        let p1 = wrap(prose(120), width: 44)
        let text = extracted(["（一）测试小节"] + p1 + wrap(prose(100, seed: "贸易"), width: 44))
        let doc = read(text).document!
        let sec = doc.section("part-1-sec-1")!
        XCTAssertEqual(sec.paragraphs.count, 2)
        XCTAssertEqual(sec.paragraphs[0].text, prose(120))
        XCTAssertEqual(sec.paragraphs[1].line, 1 + 2 * (p1.count + 1))
    }

    func testAnIndentedLineAfterAFullLineEndingASentenceStartsAParagraph() {
        // The first paragraph's last line is exactly full and ends with 。: only the next
        // line's indent (2 em narrower) shows the new paragraph.
        let p1 = wrap(prose(86), width: 44)   // 42 + 44: the last line is full
        XCTAssertEqual(p1.last?.count, 44)
        let text = extracted(["（一）测试小节"] + p1 + wrap(prose(100, seed: "投资"), width: 44))
        let sec = read(text).document!.section("part-1-sec-1")!
        XCTAssertEqual(sec.paragraphs.count, 2)
    }

    func testBlankLinesDoNotEndParagraphs() {
        let lines = wrap(prose(200), width: 44)
        let sec = read(extracted(["（一）测试小节"] + lines)).document!.section("part-1-sec-1")!
        XCTAssertEqual(sec.paragraphs.count, 1)
        XCTAssertEqual(sec.paragraphs[0].text, prose(200))
    }

    func testListItemsAfterAColonAreSeparateParagraphs() {
        let items = ["《通知》要求：", "——协调复工审核部门加快办理手续，支持", "外贸企业有序复工复产。", "——简化对外经贸管理程序，引导企业无", "纸化申领进出口许可证件。"]
        let pieces = Reflow.flow(items.enumerated().map { .line(SourceLine(number: $0.offset + 1, text: $0.element)) })
        XCTAssertEqual(pieces.count, 3)
    }
}
