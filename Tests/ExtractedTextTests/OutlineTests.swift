import XCTest
@testable import ExtractedText
import SiteModel

/// Outline rules and the traps: headings inside sidebars, sentences cut by a sidebar,
/// parts whose heading is missing, labels above / below / after the first block.
final class OutlineTests: XCTestCase {
    /// A main paragraph of `n` characters cut after its first `cut` lines.
    private func cutParagraph(_ n: Int, cut: Int, seed: String = "合作") -> (head: [String], tail: [String], text: String) {
        let text = prose(n, seed: seed)
        let lines = wrap(text, width: 44)
        return (Array(lines.prefix(cut)), Array(lines.dropFirst(cut)), text)
    }

    func testASentenceCutByALabelledSidebarIsRejoinedAndTheSidebarFollowsIt() {
        let p = cutParagraph(200, cut: 2)
        let sidebar = ["^专栏 1-1", "中欧班列为全球抗疫输送力量"] + wrap(prose(90, seed: "班列"), width: 20)
        let text = extracted(["（一）测试小节"] + p.head + sidebar + p.tail)
        let doc = read(text).document!
        let sec = doc.section("part-1-sec-1")!
        XCTAssertEqual(sec.paragraphs.map(\.text), [p.text])
        guard case .section(let s) = sec.content.last else { return XCTFail("sidebar should follow the paragraph") }
        XCTAssertEqual(s.id, "sidebar-1-1")
        XCTAssertEqual(s.label, "专栏 1-1")
        XCTAssertFalse(s.inferred)
        XCTAssertEqual(s.title, "中欧班列为全球抗疫输送力量")
        XCTAssertEqual(s.paragraphs.map(\.text), [prose(90, seed: "班列")])
    }

    func testAHeadingLikeListInsideASidebarStaysInside() {
        let body = ["各方承诺：", "一、提升企业廉洁意识。将廉洁意识", "融入企业管理的全过程。", "二、强化企业合规建设", "三、严格遵守法律法规", "四、加强合作"]
        let text = extracted(["（一）测试小节"] + wrap(prose(100), width: 44)
                             + ["^专栏 1-1", "企业发起廉洁合规倡议"] + wrap(prose(60, seed: "廉洁"), width: 20) + body
                             + wrap(prose(100, seed: "投资"), width: 44))
        let r = read(text)
        let doc = r.document!
        XCTAssertEqual(doc.sections.filter { $0.kind == .part }.count, 1, "list items must not become parts")
        let s = doc.section("sidebar-1-1")!
        XCTAssertTrue(s.paragraphs.contains { $0.text.hasPrefix("一、提升企业廉洁意识。") })
        XCTAssertTrue(s.paragraphs.contains { $0.text.hasPrefix("二、强化企业合规建设") })
        XCTAssertEqual(doc.section("part-1-sec-1")!.paragraphs.count, 2)
    }

    func testAnUnlabelledSidebarGetsTheLabelItWouldHave() {
        let text = extracted(["（一）测试小节"] + wrap(prose(100), width: 44)
                             + ["^专栏 1-1", "第一个专栏"] + wrap(prose(60, seed: "第一"), width: 20)
                             + wrap(prose(100, seed: "贸易"), width: 44)
                             + ["^同饮一江水  共谱中老情"] + wrap(prose(80, seed: "水电"), width: 20)
                             + wrap(prose(100, seed: "投资"), width: 44))
        let doc = read(text).document!
        let s = doc.section("sidebar-1-2")!
        XCTAssertEqual(s.label, "专栏 1-2")
        XCTAssertTrue(s.inferred)
        XCTAssertEqual(s.title, "同饮一江水 共谱中老情")
        XCTAssertEqual(s.paragraphs.map(\.text), [prose(80, seed: "水电")])
    }

    func testALabelPrintedAfterTheFirstBlockLabelsTheOpenSidebar() {
        let text = extracted(["（一）测试小节"] + wrap(prose(100), width: 44)
                             + ["共建国际陆海贸易新通道"] + wrap(prose(60, seed: "通道"), width: 20)
                             + ["^专栏 1-1"] + wrap(prose(40, seed: "港口"), width: 20)
                             + wrap(prose(100, seed: "投资"), width: 44))
        let doc = read(text).document!
        let s = doc.section("sidebar-1-1")!
        XCTAssertFalse(s.inferred)
        XCTAssertEqual(s.title, "共建国际陆海贸易新通道")
        XCTAssertEqual(s.paragraphs.count, 2)
        XCTAssertEqual(doc.allSections.filter { $0.kind == .sidebar }.count, 1)
    }

    func testASidebarContinuedOnTheNextPageIsOneSidebar() {
        let sb = wrap(prose(80, seed: "专栏"), width: 20)
        let text = extracted(["（一）测试小节"] + wrap(prose(100), width: 44)
                             + ["^专栏 1-1", "跨页的专栏"] + Array(sb.prefix(2)) + ["（转下页）"]
                             + wrap(prose(100, seed: "贸易"), width: 44)
                             + ["^" + sb[2]] + Array(sb.dropFirst(3)) + ["（接上页）"]
                             + wrap(prose(100, seed: "投资"), width: 44))
        let doc = read(text).document!
        XCTAssertEqual(doc.allSections.filter { $0.kind == .sidebar }.count, 1)
        XCTAssertEqual(doc.section("sidebar-1-1")!.paragraphs.map(\.text), [prose(80, seed: "专栏")])
        XCTAssertEqual(doc.section("part-1-sec-1")!.paragraphs.count, 3)
    }

    func testAPartWhoseHeadingIsMissingIsInferredWithItsTitleFromTheFooter() {
        let text = extracted(["一、行稳务实的合作之路"] + wrap(prose(40, seed: "引言"), width: 20)
                             + ["（一）第一节"] + wrap(prose(100), width: 44)
                             + ["（二）第二节"] + wrap(prose(100), width: 44)
                             + ["^" + wrap(prose(50, seed: "健康"), width: 22)[0]] + Array(wrap(prose(50, seed: "健康"), width: 22).dropFirst())
                             + ["（一）携手抗疫"] + wrap(prose(100, seed: "抗疫"), width: 44)
                             + ["第 2 部分  同舟共济的健康之路 21"] + wrap(prose(100, seed: "物资"), width: 44))
        let doc = read(text).document!
        let parts = doc.sections.filter { $0.kind == .part }
        XCTAssertEqual(parts.map(\.id), ["part-1", "part-2"])
        XCTAssertFalse(parts[0].inferred)
        XCTAssertEqual(parts[0].label, "一、")
        XCTAssertTrue(parts[1].inferred)
        XCTAssertEqual(parts[1].label, "二、")
        XCTAssertEqual(parts[1].title, "同舟共济的健康之路")
        XCTAssertNil(parts[1].line)
        XCTAssertEqual(parts[1].paragraphs.map(\.text), [prose(50, seed: "健康")], "the part's introduction")
        XCTAssertEqual(parts[1].children.map(\.id), ["part-2-sec-1"])
    }

    func testAPartTitlePageAfterItsFirstSectionAttachesToThePart() {
        let text = extracted(["（一）第一节"] + wrap(prose(100), width: 44)
                             + ["一、行稳务实的合作之路"] + wrap(prose(40, seed: "引言"), width: 20)
                             + wrap(prose(100, seed: "贸易"), width: 44) + ["（二）第二节"] + wrap(prose(100), width: 44))
        let doc = read(text).document!
        let p = doc.section("part-1")!
        XCTAssertFalse(p.inferred)
        XCTAssertEqual(p.title, "行稳务实的合作之路")
        XCTAssertEqual(p.paragraphs.map(\.text), [prose(40, seed: "引言")])
        XCTAssertEqual(doc.section("part-1-sec-1")!.paragraphs.count, 2)
    }

    func testAFigureKeepsCaptionSourceNoteAndADebrisFreeText() {
        let p = cutParagraph(200, cut: 2, seed: "贸易")
        let text = extracted(["（一）测试小节"] + p.head + ["^图 3-1  2013—2020 年货物贸易额", "^资料来源：中国海关", "亿美元", "1.04", "^1.35"]
                             + ["^" + p.tail[0]] + Array(p.tail.dropFirst()))
        let r = read(text)
        let doc = r.document!
        XCTAssertEqual(doc.section("part-1-sec-1")!.paragraphs.map(\.text), [p.text])
        let f = doc.section("figure-3-1")!
        XCTAssertEqual(f.kind, .figure)
        XCTAssertEqual(f.label, "图 3-1")
        XCTAssertEqual(f.title, "2013—2020 年货物贸易额")
        XCTAssertEqual(f.blocks.map(\.text), ["资料来源：中国海关"])
        XCTAssertEqual(r.figures.first?.id, "figure-3-1")
        XCTAssertEqual(r.figures.first?.debris.map(\.text), ["亿美元", "1.04", "1.35"])
    }

    func testChronicleEntriesWithWrappedTitles() {
        let text = extracted(["2020 年共建“一带一路”大事记",
                              "1. 1 月 6 日 中国与基里巴斯签署共建“一带一路”谅解备", "忘录"] + wrap(prose(80, seed: "见证"), width: 40)
                             + ["2. 1 月 6 日 天津开通直达欧洲的“卡车航班”"] + wrap(prose(60, seed: "运输"), width: 40))
        let doc = read(text).document!
        let entries = doc.section("chronicle")!.children
        XCTAssertEqual(entries.map(\.id), ["entry-2020-01-06", "entry-2020-01-06-2"])
        XCTAssertEqual(entries[0].title, "中国与基里巴斯签署共建“一带一路”谅解备忘录")
        XCTAssertEqual(entries[0].label, "1.")
        XCTAssertEqual(entries[1].paragraphs.map(\.text), [prose(60, seed: "运输")])
    }

    func testNoFatalErrorOnOddInputs() {
        for t in ["", "\n\n\n", "专栏 1-1", "图 1-1", "（转下页）\n（接上页）", "一、\n\n（一）", "1. 1 月 6 日", "第 2 部分  21"] {
            _ = read(t)
        }
    }
}
