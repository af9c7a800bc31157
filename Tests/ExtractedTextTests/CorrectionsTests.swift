import XCTest
@testable import ExtractedText
import SiteModel

final class CorrectionsTests: XCTestCase {
    func testAnAnchorNotFoundOrFoundTwiceIsAnErrorNamingTheCorrectionsFileAndLine() {
        let text = extracted(["（一）测试小节", "甲乙丙丁。", "甲乙丙丁。", "戊己庚辛。"])
        let r = read(text, corrections: "# comment\nmove \"不存在\" before \"戊己\"\nmove \"甲乙\" before \"戊己\"\n")
        let errors = r.diagnostics.filter { $0.severity == .error }
        XCTAssertEqual(errors.count, 2)
        XCTAssertEqual(errors.map(\.file), ["seeds/t.corrections", "seeds/t.corrections"])
        XCTAssertEqual(errors.map(\.line), [2, 3])
        XCTAssertTrue(errors[0].message.contains("not found"))
        XCTAssertTrue(errors[1].message.contains("found 2 times"))
        XCTAssertEqual(r.report.correctionsApplied, 0)
    }

    func testUnknownDirectiveIsAnError() {
        let r = read(extracted(["甲"]), corrections: "frobnicate \"x\"\n")
        XCTAssertEqual(r.diagnostics.first?.severity, .error)
        XCTAssertEqual(r.diagnostics.first?.line, 1)
    }

    func testMoveReordersLinesAndKeepsTheirNumbers() {
        var lines = Lines.split(extracted(["一", "二", "三", "四"]))
        let (c, d) = Corrections.parse(path: "c", text: "move \"三\" through \"四\" before \"二\"")
        XCTAssertTrue(d.isEmpty)
        let (res, d2) = c.apply(to: &lines)
        XCTAssertTrue(d2.isEmpty)
        XCTAssertEqual(res.applied, 1)
        XCTAssertEqual(lines.map(\.text), ["一", "三", "四", "二"])
        XCTAssertEqual(lines.map(\.number), [1, 5, 7, 3])
    }

    func testReplaceFixesAMisprint() {
        var lines = Lines.split(extracted(["黄灯项目（—般影响类）"]))
        let (c, _) = Corrections.parse(path: "c", text: "replace \"（—般\" with \"（一般\"")
        _ = c.apply(to: &lines)
        XCTAssertEqual(lines[0].text, "黄灯项目（一般影响类）")
    }
}
