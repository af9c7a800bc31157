import EntityExtraction
import SiteModel
import XCTest

/// Each general rule on small synthetic text.
final class TrapRuleTests: XCTestCase {
    func testChinaCompoundsYieldNoCountry() {
        XCTAssertEqual(countryCodes(entities(in: "中非合作论坛与中欧班列推动中亚和中东地区发展")), [])
        // 中美 is China–US: single-character abbreviations are never resolved (see NOTES.md).
        XCTAssertEqual(countryCodes(entities(in: "中美经贸关系")), [])
        // 国际 keeps its 国: 中美国际 does not name 美国.
        XCTAssertEqual(countryCodes(entities(in: "中美国际贸易")), [])
    }

    func testCentralAfricanRepublicOnlyWhenNamedAsSuch() {
        XCTAssertEqual(countryCodes(entities(in: "中非共和国")), ["CF"])
        XCTAssertEqual(countryCodes(entities(in: "援助卢旺达、中非、布隆迪等国")), ["BI", "CF", "RW"])
        // Next to a country but not a list item: the forum, not the country.
        XCTAssertEqual(countryCodes(entities(in: "非盟轮值主席国南非、中非合作论坛共同主席国")), ["ZA"])
    }

    func testChinaCompoundStandsAsideForAFullName() {
        XCTAssertEqual(countryCodes(entities(in: "中亚美尼亚合作")), ["AM"])
        XCTAssertEqual(organisationIDs(entities(in: "中欧盟投资协定")), ["eu"])
    }

    func testInnerMongoliaIsAChineseRegion() {
        XCTAssertEqual(countryCodes(entities(in: "内蒙古自治区与蒙古国接壤")), ["MN"])
        XCTAssertEqual(entities(in: "内蒙古自治区与蒙古国接壤").countries.first?.mentions.map(\.surface), ["蒙古国"])
        XCTAssertEqual(countryCodes(entities(in: "内蒙古国际博览会")), [])
    }

    func testLanguageAndOceanAreNotCountries() {
        XCTAssertEqual(countryCodes(entities(in: "提供西班牙语、印度尼西亚语版本")), [])
        XCTAssertEqual(countryCodes(entities(in: "印度洋航线")), [])
        XCTAssertEqual(countryCodes(entities(in: "西班牙与印度")), ["ES", "IN"])
    }

    func testLongestMatchPairs() {
        XCTAssertEqual(countryCodes(entities(in: "巴布亚新几内亚、赤道几内亚、几内亚比绍和几内亚")), ["GN", "GQ", "GW", "PG"])
        XCTAssertEqual(countryCodes(entities(in: "尼日尔与尼日利亚")), ["NE", "NG"])
        XCTAssertEqual(countryCodes(entities(in: "南苏丹")), ["SS"])
        XCTAssertEqual(countryCodes(entities(in: "苏丹和南苏丹")), ["SD", "SS"])
        XCTAssertEqual(countryCodes(entities(in: "多米尼加和多米尼克")), ["DM", "DO"])
        XCTAssertEqual(countryCodes(entities(in: "印度尼西亚")), ["ID"])
        XCTAssertEqual(countryCodes(entities(in: "新几内亚岛")), [])
    }

    func testRegionalGroupingsAreOrganisations() {
        let index = entities(in: "欧盟、东盟、非盟、上海合作组织和RCEP成员")
        XCTAssertEqual(countryCodes(index), [])
        XCTAssertEqual(organisationIDs(index), ["asean", "au", "eu", "rcep", "sco"])
    }

    func testOrganisationNamesAreMatchedWhole() {
        let index = entities(in: "联合国欧洲经济委员会和联合国近东巴勒斯坦难民救济和工程处")
        XCTAssertEqual(organisationIDs(index), ["unece", "unrwa"])
        XCTAssertEqual(countryCodes(index), [])
        XCTAssertEqual(organisationIDs(entities(in: "亚投行与亚洲基础设施投资银行")), ["aiib"])
        XCTAssertEqual(entities(in: "亚投行与亚洲基础设施投资银行").organisations.first?.mentions.count, 2)
    }

    func testASCIIAliasesMatchWholeWords() {
        XCTAssertEqual(organisationIDs(entities(in: "WTO与UNWTO")), ["wto"])
        XCTAssertEqual(organisationIDs(entities(in: "G20 峰会")), ["g20"])
    }

    func testChinaAndItsRegionsAreNeverCountries() {
        let index = entities(in: "中国、中华人民共和国、中国大陆、香港、澳门和台湾")
        XCTAssertEqual(countryCodes(index), [])
    }

    func testShortAndFormalNames() {
        XCTAssertEqual(countryCodes(entities(in: "波黑、阿联酋、印尼、沙特、巴新、特多、刚果（金）、刚果(布)")),
                       ["AE", "BA", "CD", "CG", "ID", "PG", "SA", "TT"])
        let formal = entities(in: "巴基斯坦伊斯兰共和国铁道部")
        XCTAssertEqual(formal.countries.first?.mentions.first?.surface, "巴基斯坦伊斯兰共和国")
    }

    /// A name cut across source lines is found whole in the reflowed block, and its mention
    /// carries the line where it starts.
    func testLeftmostLongestAcrossReflowedLines() {
        let doc = syntheticDocument(["中国企业在巴基斯坦和印度尼", "西亚的项目，以及白", "俄罗斯共和国"], firstLine: 40)
        let (index, _) = sharedExtractor.extract(from: [doc])
        XCTAssertEqual(countryCodes(index), ["BY", "ID", "PK"])
        let id = index.countries.first { $0.iso2 == "ID" }?.mentions.first
        XCTAssertEqual(id?.surface, "印度尼西亚")
        XCTAssertEqual(id?.line, 40)
        let by = index.countries.first { $0.iso2 == "BY" }?.mentions.first
        XCTAssertEqual(by?.surface, "白俄罗斯共和国")
        XCTAssertEqual(by?.line, 41)
        XCTAssertFalse(index.countries.contains { $0.iso2 == "IN" })

        // A name starting on the second line gets the second line.
        let second = syntheticDocument(["合作伙伴包括", "印度尼西亚"], firstLine: 7)
        let m = sharedExtractor.extract(from: [second]).0.countries.first?.mentions.first
        XCTAssertEqual(m?.line, 8)
        XCTAssertEqual(m?.offset, 6)
        XCTAssertEqual(m?.block, "p-test")
        XCTAssertEqual(m?.section, "s-1")
        XCTAssertEqual(m?.document, "synthetic")
    }
}
