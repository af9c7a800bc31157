import XCTest
@testable import ExtractedText
import SiteModel

/// The real seed, as committed in seeds/.
final class SeedTests: XCTestCase {
    private static let expectedOutline = """
preface preface - | 前言 @1
other overview - | 第二届“一带一路”国际合作高峰论坛成果相继落实 @97
part part-1 一、 | 行稳务实的合作之路 @214
section part-1-sec-1 （一） | 双边合作不断迈上新台阶 @190
figure figure-1-1 图 1-1 | 巩固扩大共建“一带一路”朋友圈 @251
sidebar sidebar-1-1 专栏 1-1* | 《区域全面经济伙伴关系协定》正式签署 @265
section part-1-sec-2 （二） | 区域经济合作持续推进 @321
sidebar sidebar-1-2 专栏 1-2 | 中非共建“一带一路”大家庭不断扩容 @362
section part-1-sec-3 （三） | 坚定奉行多边主义 @433
sidebar sidebar-1-3 专栏 1-3* | 中国积极践行《巴黎协定》 @514
section part-1-sec-4 （四） | 中国各地高质量推进共建“一带一路” @557
sidebar sidebar-1-4 专栏 1-4 | 共建国际陆海贸易新通道 @583
sidebar sidebar-1-5 专栏 1-5 | 中国多地在国际抗疫合作中展现担当 @686
part part-2 二、* | 同舟共济的健康之路 @-
section part-2-sec-1 （一） | 携手抗疫共筑健康长城 @833
sidebar sidebar-2-1 专栏 2-1 | “一带一路”国际合作高级别视频会议 @852
section part-2-sec-2 （二） | 提升发展中国家抗疫能力 @914
sidebar sidebar-2-2 专栏 2-2 | 中非团结抗疫特别峰会 @927
sidebar sidebar-2-3 专栏 2-3 | 中企建设医院为特多抗疫保驾护航 @1030
section part-2-sec-3 （三） | 维护全球医疗供应链安全 @1092
sidebar sidebar-2-4 专栏 2-4 | 中欧班列为全球抗疫输送“中国力量” @1137
figure figure-2-1 图 2-1 | 中欧班列开行情况 2013—2020 年 @1189
section part-2-sec-4 （四） | 研发贡献抗疫“中国方案” @1191
sidebar sidebar-2-5 专栏 2-5 | 习近平主席出席全球健康峰会并宣布 5 项重要举措 @1309
section part-2-sec-5 （五） | 新业态新模式助力抗疫 @1362
sidebar sidebar-2-6 专栏 2-6 | “云上”广交 创新引领 @1419
part part-3 三、* | 携手同行的复苏之路 @-
section part-3-sec-1 （一） | 贸易往来凸显韧性 @1536
figure figure-3-1 图 3-1 | 2013—2020 年中国与“一带一路”沿线国家货物贸易额 @1553
figure figure-3-2 图 3-2 | 2019—2020 年中国与共建“一带一路”国家贸易额地区分布 @1556
sidebar sidebar-3-1 专栏 3-1 | 《关于应对新冠肺炎疫情做好稳外贸稳外资促消费工作的通知》为企业注入强心剂 @1567
figure figure-3-3 图 3-3 | 2015—2020 年中国与“一带一路”沿线国家服务贸易额 @1595
sidebar sidebar-3-2 专栏 3-2 | 跨境电商综合试验区扩容升级 @1680
sidebar sidebar-3-3 专栏 3-3 | 云上大讲堂点亮“丝路电商”能力提升之路 @1730
sidebar sidebar-3-4 专栏 3-4 | 海外仓助力对外贸易发展 @1790
sidebar sidebar-3-5 专栏 3-5 | 第三届进博会诠释中国对外开放决心和诚意 @1853
sidebar sidebar-3-6 专栏 3-6 | 郑州航空港经济综合实验区积极推进“空中丝绸之路”建设 @2042
section part-3-sec-2 （二） | 双向投资有序推进 @2083
sidebar sidebar-3-7 专栏 3-7 | 《阻断外国法律与措施不当域外适用办法》维护多边贸易体制 @2105
figure figure-3-4 图 3-4 | 2013—2020 年中国对“一带一路”沿线国家全行业直接投资流量 @2132
figure figure-3-5 图 3-5 | 2013—2020 年“一带一路”沿线国家在华投资流量 @2232
figure figure-3-6 图 3-6 | 2013—2020 年“一带一路”沿线国家在华设立企业情况 @2236
sidebar sidebar-3-8 专栏 3-8 | 《外商投资企业投诉工作办法》保护外商投资合法权益 @2252
sidebar sidebar-3-9 专栏 3-9* | 《鼓励外商投资产业目录（2020 年版）》四大亮点 @2314
sidebar sidebar-3-10 专栏 3-10* | 自贸试验区打造对外开放新高地 @2411
sidebar sidebar-3-11 专栏 3-11* | 《海南自由贸易港建设总体方案》正式公布 @2476
section part-3-sec-3 （三） | 互联互通稳步前行 @2541
figure figure-3-7 图 3-7 | 2013—2020 年中国在“一带一路”沿线国家承包工程情况 @2565
figure figure-3-8 图 3-8 | 2013—2020 年中国在“一带一路”沿线国家承包工程占比情况 @2568
sidebar sidebar-3-12 专栏 3-12 | 中巴经济走廊最大交通基础设施项目正式交付 @2743
sidebar sidebar-3-13 专栏 3-13* | 同饮一江水 共谱中老情 @2787
sidebar sidebar-3-14 专栏 3-14* | 对外设计咨询高质量发展 @2846
section part-3-sec-4 （四） | 发展合作不断深化 @2894
sidebar sidebar-3-15 专栏 3-15* | 发展中国家新冠肺炎等传染病中西医结合防控高级人才研修班线上开班 @2934
sidebar sidebar-3-16 专栏 3-16 | 中国在南南合作援助基金框架下支持国际组织发挥作用 @2982
section part-3-sec-5 （五） | 金融合作行稳致远 @3022
sidebar sidebar-3-17 专栏 3-17 | 亚投行打造国际多边合作新典范 @3049
sidebar sidebar-3-18 专栏 3-18 | G20 暂缓最贫困国家债务偿付 @3119
section part-3-sec-6 （六） | 标准融合不断强化 @3228
sidebar sidebar-3-19 专栏 3-19 | 中国主导的《智慧城市基础设施—数据交换与共享指南》发布 @3252
section part-3-sec-7 （七） | 廉洁合作持续加强 @3284
sidebar sidebar-3-20 专栏 3-20 | “一带一路”参与企业发起廉洁合规倡议 @3303
part part-4 四、 | 共谋发展的增长之路 @3370
section part-4-sec-1 （一） | 全球治理中国方案 @3384
sidebar sidebar-4-1 专栏 4-1 | 中国积极维护世贸组织体系 @3413
sidebar sidebar-4-2 专栏 4-2 | 中非合作“八大行动”整体落实率超 90% @3474
section part-4-sec-2 （二） | 经贸合作互惠共赢 @3598
sidebar sidebar-4-3 专栏 4-3* | 进口贸易促进创新示范区助力持续扩大进口——第二届中国国际进口博览会成果落地 @3607
sidebar sidebar-4-4 专栏 4-4* | 中国经济助力全球增长 @3740
sidebar sidebar-4-5 专栏 4-5* | 中国营商环境改革成效显著 @3803
section part-4-sec-3 （三） | 发展短板补齐完善 @3860
sidebar sidebar-4-6 专栏 4-6* | 希腊比雷埃夫斯港再成地中海第一大港 @3887
sidebar sidebar-4-7 专栏 4-7* | 额勒赛下游水电站缓解柬埔寨用电紧缺 @3952
sidebar sidebar-4-8 专栏 4-8 | 万村通 心相通 @4042
section part-4-sec-4 （四） | 稳步助力产业升级 @4105
sidebar sidebar-4-9 专栏 4-9 | 联合钢铁项目填补马来西亚全流程钢铁产业空白 @4135
sidebar sidebar-4-10 专栏 4-10 | 中国—东盟信息港加速探索数字化转型 @4235
section part-4-sec-5 （五） | 能力建设赋能未来 @4298
sidebar sidebar-4-11 专栏 4-11 | 塞尔维亚钢厂的重生 @4324
sidebar sidebar-4-12 专栏 4-12* | 杂交水稻授人以粮 @4402
section part-4-sec-6 （六） | 绿色理念深入人心 @4494
sidebar sidebar-4-13 专栏 4-13* | 《“一带一路”项目绿色发展指南》基线研究报告发布 @4513
sidebar sidebar-4-14 专栏 4-14* | 肯尼亚加里萨 50 兆瓦光伏发电项目提供廉价清洁电能 @4604
sidebar sidebar-4-15 专栏 4-15* | 克罗地亚佩列沙茨跨海大桥建设绿色原则获赞 @4675
section part-4-sec-7 （七） | 人文合作活力彰显 @4709
sidebar sidebar-4-16 专栏 4-16 | “一带一路”故事丛书《共同梦想》——讲好共建“一带一路”故事 @4743
outlook outlook - | 展望 @4850
section outlook-sec-1 （一） | 继续守护人类健康安全 @4888
section outlook-sec-2 （二） | 继续促进经济社会恢复 @4911
section outlook-sec-3 （三） | 继续践行绿色发展理念 @4933
appendix chronicle - | 2020 年共建“一带一路”大事记 @4956
other acknowledgements - | 致谢 @5580
other contributors - | 编写单位 @5593
"""

    private func seed() throws -> String {
        try String(contentsOfFile: seedPath, encoding: .utf8)
    }

    private func correctionsFile() throws -> (path: String, text: String) {
        let url = packageRoot.appendingPathComponent("seeds/bri-trade-report-2021.corrections")
        return (url.path, try String(contentsOf: url, encoding: .utf8))
    }

    private func readSeed(withCorrections: Bool) throws -> ExtractedTextResult {
        ExtractedTextReader().readDetailed(id: "bri-trade-report-2021", path: "seeds/bri-trade-report-2021.txt",
                                           text: try seed(), corrections: withCorrections ? try correctionsFile() : nil)
    }

    func testOutlineOfTheSeed() throws {
        let r = try readSeed(withCorrections: true)
        XCTAssertTrue(r.diagnostics.filter { $0.severity == .error }.isEmpty, "\(r.diagnostics)")
        let doc = try XCTUnwrap(r.document)
        let got = doc.allSections.filter { $0.kind != .entry }.map(\.outlineLine)
        let want = Self.expectedOutline.split(separator: "\n").map(String.init)
        XCTAssertEqual(got.count, want.count)
        for (g, w) in zip(got, want) { XCTAssertEqual(g, w) }
        XCTAssertEqual(doc.sections.map(\.id), ["preface", "overview", "part-1", "part-2", "part-3", "part-4",
                                                "outlook", "chronicle", "acknowledgements", "contributors"])
        XCTAssertEqual(r.report.parts, 4)
        XCTAssertEqual(r.report.partsInferred, 2)
        XCTAssertEqual(r.report.sections, 26)
        XCTAssertEqual(r.report.sidebarsLabelled, 30)
        XCTAssertEqual(r.report.sidebarsInferred, 17)
        XCTAssertEqual(r.report.figures, 10)
        XCTAssertEqual(r.report.chronicleEntries, 50)
        XCTAssertEqual(r.report.correctionsApplied, 6)
        XCTAssertEqual(Set(doc.allSections.map(\.id)).count, doc.allSections.count, "ids are unique")
    }

    func testEveryPartSectionAndSidebarIsInTheRightPlace() throws {
        let doc = try XCTUnwrap(try readSeed(withCorrections: true).document)
        for part in doc.sections where part.kind == .part {
            let n = part.id.dropFirst("part-".count)
            for s in part.selfAndDescendants where s.kind == .sidebar {
                XCTAssertTrue(s.id.hasPrefix("sidebar-\(n)-"), "\(s.id) inside \(part.id)")
                XCTAssertEqual(s.label, "专栏 " + s.id.dropFirst("sidebar-".count))
                XCTAssertFalse(s.paragraphs.isEmpty, "\(s.id) has text")
            }
            // Sidebars are numbered 1… in order within the part.
            let nums = part.selfAndDescendants.filter { $0.kind == .sidebar }.map { Int($0.id.split(separator: "-").last!)! }
            XCTAssertEqual(nums, Array(1...nums.count))
        }
        // The list 一、…五、 inside 专栏 3-20 stays there.
        let s320 = try XCTUnwrap(doc.section("sidebar-3-20"))
        XCTAssertEqual(s320.paragraphs.filter { TextRules.partNumbering($0.text) != nil }.count, 5)
    }

    func testNoParagraphCarriesHeaderFooterPageNumberOrVerticalDebris() throws {
        let doc = try XCTUnwrap(try readSeed(withCorrections: true).document)
        let checked = doc.allSections.filter { $0.id != "contributors" }
        for s in checked {
            for b in s.blocks {
                let t = b.text
                XCTAssertFalse(t.contains("部分  "), "footer in \(s.id) @\(b.line)")
                XCTAssertFalse(t.contains("贸易投资发展报告3") || t.contains("贸易投资发展报告5"), "header in \(s.id) @\(b.line)")
                XCTAssertFalse(t.contains("转下页") || t.contains("接上页"), "page marker in \(s.id) @\(b.line)")
                XCTAssertFalse(t.contains("研究院“一带一路”经贸合作研究所"), "vertical banner in \(s.id) @\(b.line)")
                XCTAssertFalse(t.contains(" / 2") || t.contains(" / 9"), "table of contents in \(s.id) @\(b.line)")
                XCTAssertFalse(t.hasPrefix("专栏 "), "sidebar label in \(s.id) @\(b.line)")
                XCTAssertFalse(t.contains("2013    2014"), "chart axis in \(s.id) @\(b.line)")
                if b.kind == .paragraph {
                    XCTAssertFalse(t.hasPrefix("图片来源") || t.hasPrefix("资料来源"), "caption source in \(s.id) @\(b.line)")
                    XCTAssertFalse(t.contains("■"), "diagram bullet in \(s.id) @\(b.line)")
                }
            }
        }
    }

    func testInterruptedSentencesAreRejoined() throws {
        let paras = try XCTUnwrap(try readSeed(withCorrections: true).document).allParagraphs.map(\.text)
        func has(_ s: String, file: StaticString = #filePath, line: UInt = #line) {
            XCTAssertTrue(paras.contains { $0.contains(s) }, "missing: \(s)", file: file, line: line)
        }
        has("捷克、印度尼西亚等新建贸易畅通工作组")                      // name cut across lines
        has("检测试剂、口罩、防护服等在内抗疫物资援助")                  // cut by 专栏 2-2
        has("开行量由 2014 年的 55 列增至 2020 年的 1105 列")           // cut by 专栏 1-5
        has("（COVAX），向“实施计划”提供 1000 万剂疫苗")               // cut by a page, 专栏 2-5; footnote marker gone
        has("13.53 亿美元，23 个国家从中受益")                          // cut by 专栏 3-18
        has("中巴经济走廊框架下，首个大型轨道交通项目")                  // cut by 专栏 3-12 and 3-13
        has("海南自由贸易港版的外商投资准入特别管理措施")                // cut by 专栏 3-8 and 3-9
        has("持续释放中国经济对世界经济的拉动效应")
        has("埃克森美孚、通用电气")                                      // columns out of order around 专栏 4-4, 4-5
        has("2020 年“一带一路”国家和地区电力能源高管人才发展计划研讨班")  // cut by a page
        has("广西已建成钦州港 30 万吨级油码头")                          // correction: columns out of order in 专栏 1-4
        has("黄灯项目（一般影响类）")                                   // correction: misprint
        XCTAssertFalse(paras.contains { $0.contains("印度尼 西亚") })
    }

    func testQualityReportListsFewUnterminatedParagraphs() throws {
        let r = try readSeed(withCorrections: true)
        // Only the closing line of the contributors page, which has no punctuation in print.
        XCTAssertEqual(r.report.unterminated.map(\.line), [5633])
    }

    func testWithoutCorrectionsEveryHeadingAndLabelledSidebarIsStillFound() throws {
        let with = try XCTUnwrap(try readSeed(withCorrections: true).document)
        let r = try readSeed(withCorrections: false)
        let without = try XCTUnwrap(r.document)
        XCTAssertTrue(r.diagnostics.filter { $0.severity == .error }.isEmpty)
        let kinds: Set<SectionKind> = [.part, .section, .outlook, .preface, .appendix]
        func pick(_ d: Document) -> [String] {
            d.allSections.filter { kinds.contains($0.kind) || ($0.kind == .sidebar && !$0.inferred) }.map(\.outlineLine)
        }
        XCTAssertEqual(pick(without), pick(with))
        XCTAssertEqual(r.report.sidebarsLabelled, 30)
        XCTAssertEqual(r.report.correctionsApplied, 0)
    }

    func testFiguresKeepTheirRawMaterial() throws {
        let r = try readSeed(withCorrections: true)
        XCTAssertEqual(r.figures.map(\.id), ["figure-1-1", "figure-2-1", "figure-3-1", "figure-3-2", "figure-3-3",
                                             "figure-3-4", "figure-3-5", "figure-3-6", "figure-3-7", "figure-3-8"])
        let f34 = try XCTUnwrap(r.figures.first { $0.id == "figure-3-4" })
        XCTAssertEqual(f34.source?.text, "中国商务部")
        XCTAssertEqual(f34.note?.text, "2020 年数据为快报数据")
        XCTAssertTrue(f34.debris.contains(RawLine(line: 2191, text: "126.3 136.6 189.3 153.4 201.7 178.9 186.9 186.1")))
        XCTAssertEqual(r.figures.first { $0.id == "figure-2-1" }?.source?.text, "一带一路网、商务部")
    }

    func testTruncatedAndReorderedSeedsNeverCrash() throws {
        let lines = try seed().split(separator: "\n", omittingEmptySubsequences: false)
        for cut in stride(from: 1, to: lines.count, by: 397) {
            _ = read(lines.prefix(cut).joined(separator: "\n"))
            _ = read(lines.suffix(cut).joined(separator: "\n"))
        }
        // Deterministic shuffle of blocks of 40 lines.
        var blocks = stride(from: 0, to: lines.count, by: 40).map { Array(lines[$0..<min($0 + 40, lines.count)]) }
        blocks.reverse()
        _ = read(blocks.flatMap { $0 }.joined(separator: "\n"))
        _ = read(try String(contentsOfFile: outcomeListPath, encoding: .utf8))
    }

    func testDeterministic() throws {
        let a = try readSeed(withCorrections: true).document
        let b = try readSeed(withCorrections: true).document
        XCTAssertEqual(a, b)
    }
}
