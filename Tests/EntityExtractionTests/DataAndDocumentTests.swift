import EntityExtraction
import SiteModel
import XCTest

final class GazetteerTests: XCTestCase {
    func testBuiltFromCLDRWithAliases() throws {
        let g = try Gazetteer.standard()
        XCTAssertGreaterThan(g.entries.count, 240)          // every ISO 3166 region CLDR knows
        for code in ["CN", "HK", "MO", "TW", "EU", "UN"] { XCTAssertNil(g.entries[code], code) }
        XCTAssertEqual(g.entries["PK"]?.nameZh, "巴基斯坦")
        XCTAssertEqual(g.entries["PK"]?.nameEn, "Pakistan")
        XCTAssertEqual(g.entries["MN"]?.nameZh, "蒙古国")   // alias file's display name
        XCTAssertTrue(g.entries["BA"]?.names.contains("波黑") ?? false)
        XCTAssertEqual(g.entries["PS"]?.kind, .territory)
        XCTAssertEqual(g.entries["FR"]?.kind, .country)
        let continents = ["PK": "亚洲", "FR": "欧洲", "EG": "非洲", "US": "北美洲", "MX": "北美洲", "BR": "南美洲", "FJ": "大洋洲"]
        for (code, name) in continents { XCTAssertEqual(g.entries[code]?.continent, name, code) }
    }

    func testBadAliasDataIsAnErrorNotACrash() {
        XCTAssertThrowsError(try Gazetteer.load(aliasTSV: "ZZ\t无此国"))
        XCTAssertThrowsError(try Gazetteer.load(aliasTSV: "no tab here"))
        XCTAssertThrowsError(try OrganisationCatalogue.load(tsv: "Bad Id\t名\t\t"))
        XCTAssertThrowsError(try OrganisationCatalogue.load(tsv: "a\t甲\t\t\na\t乙\t\t"))
    }
}

final class NamedDocumentTests: XCTestCase {
    func testDefinedShortReferenceIsLinkedNotAnEntry() {
        let index = entities(in: "商务部印发《关于应对疫情做好稳外贸工作的通知》（以下简称“《通知》”）。",
                                 "《通知》要求稳住外贸。")
        XCTAssertEqual(index.agreements.map(\.title), ["关于应对疫情做好稳外贸工作的通知"])
        XCTAssertEqual(index.agreements.first?.mentions.count, 2)
        XCTAssertEqual(index.agreements.first?.mentions.last?.surface, "通知")
        XCTAssertEqual(index.agreements.first?.mentions.last?.line, 11)
    }

    func testUndefinedBareTypeWordFollowsLatestMatchingTitle() {
        let index = entities(in: "发布《境外机构投资者投资资金管理规定》《规定》要求降低准入门槛。")
        XCTAssertEqual(index.agreements.count, 1)
        XCTAssertEqual(index.agreements.first?.mentions.count, 2)
    }

    func testUndefinedShortReferenceIsReported() {
        let (index, diagnostics) = sharedExtractor.extract(from: [syntheticDocument(["落实《办法》各项安排。"])])
        XCTAssertTrue(index.agreements.isEmpty)
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertEqual(diagnostics.first?.severity, .warning)
    }

    func testTitleCutAcrossLinesAndWhitespaceVariantsAreOneEntry() {
        let index = entities(in: "《关于优化外汇管理  支持涉外业务发展的", "通知》和《关于优化外汇管理支持涉外业务发展的通知》",
                             "以及《人民日报》")
        XCTAssertEqual(index.agreements.count, 1)   // periodicals are not documents
        XCTAssertEqual(index.agreements.first?.title, "关于优化外汇管理 支持涉外业务发展的通知")
        XCTAssertEqual(index.agreements.first?.mentions.map(\.line), [10, 11])
        XCTAssertEqual(index.agreements.first?.id, "doc-" + AnchorAllocator.shortHash("关于优化外汇管理支持涉外业务发展的通知"))
    }
}

final class RobustnessTests: XCTestCase {
    /// Arbitrary text made of the characters the readers react to never traps.
    func testScrambledTextNeverTraps() {
        let pieces = ["《", "》", "“", "”", "（", "）", "(", ")", "、", "，", "。", "；", "与", "同", "签署", "包括", "简称",
                      "中", "非", "中非", "印度", "尼西亚", "语", "国", "际", "协议", "和关于", "等", "G20", "W", " ", "\n"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            var lines: [String] = []
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                lines.append((0..<Int.random(in: 0...30, using: &rng)).map { _ in pieces.randomElement(using: &rng) ?? "" }.joined())
            }
            var doc = syntheticDocument(lines)
            doc.sections[0].kind = .item   // exercise the instrument reader too
            _ = sharedExtractor.extract(from: [doc])
        }
    }
}

final class InstrumentTests: XCTestCase {
    func testClausesListsAndJoinedObjects() {
        var doc = syntheticDocument(["某部与有关国家政府签署合作文件，包括老挝、柬埔寨。某局与泰国能源部签署关于甲的谅解备忘录",
                                     "和关于乙的协议，与越南财政部签署贷款协议。某基金投入运作，签署框架协议。"])
        doc.sections[0].kind = .item
        let agreements = sharedExtractor.extract(from: [doc]).0.agreements
        XCTAssertEqual(agreements.map(\.id), (1...5).map { "synthetic-item-1-\($0)" })
        XCTAssertEqual(agreements.map { $0.type ?? "-" }, ["合作文件", "谅解备忘录", "协议", "贷款协议", "协议"])
        XCTAssertEqual(agreements[0].parties, ["某部", "有关国家政府", "老挝", "柬埔寨"])
        XCTAssertEqual(agreements[0].countries, ["LA", "KH"])
        XCTAssertEqual(agreements[1].parties, ["某局", "泰国能源部"])
        XCTAssertEqual(agreements[2].countries, ["TH"])
        XCTAssertEqual(agreements[2].mentions.first?.line, 11)   // the second instrument starts on the next line
        XCTAssertEqual(agreements[3].parties, ["某局", "越南财政部"])
        XCTAssertEqual(agreements[3].countries, ["VN"])
        XCTAssertEqual(agreements[4].parties, ["某基金"])
    }
}
