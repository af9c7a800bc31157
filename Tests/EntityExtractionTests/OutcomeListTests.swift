import EntityExtraction
import SiteModel
import XCTest

/// The real 2017 outcome list, read by the project's Markdown reader.
final class OutcomeListTests: XCTestCase {
    static let document: Document? = realDocument("brf-2017-outcomes.md")
    static let result: (EntityIndex, [Diagnostic])? = document.map { sharedExtractor.extract(from: [$0]) }

    func fixture() throws -> (Document, EntityIndex) {
        let doc = try XCTUnwrap(Self.document, "seed not found under \(seedsDir)")
        return (doc, try XCTUnwrap(Self.result).0)
    }

    /// Item `n` (1-based) of category `c`, by position in the outline.
    func item(_ doc: Document, _ c: Int, _ n: Int) throws -> Section {
        let categories = doc.sections.filter { $0.kind == .category }
        return try XCTUnwrap(categories[c - 1].children[n - 1])
    }

    func testFixtureShape() throws {
        let (doc, _) = try fixture()
        let categories = doc.sections.filter { $0.kind == .category }
        XCTAssertEqual(categories.count, 5)
        XCTAssertEqual(categories.map { $0.children.count }.reduce(0, +), 76)   // the intro says 76 items
    }

    func testThirtyGovernmentsOfTradeItem() throws {
        let (doc, index) = try fixture()
        let section = try item(doc, 3, 1)
        let expected = ["PK", "VN", "KH", "LA", "PH", "ID", "UZ", "BY", "MN", "KE", "ET", "FJ", "BD", "LK", "MM",
                        "MV", "AZ", "GE", "AM", "AF", "AL", "IQ", "PS", "LB", "BA", "ME", "SY", "TJ", "NP", "RS"]
        let named = index.countries.filter { $0.mentions.contains { $0.section == section.id } }.map(\.iso2)
        XCTAssertEqual(Set(named), Set(expected))
        XCTAssertEqual(named.count, 30)
        let instrument = try XCTUnwrap(index.agreements.first { $0.id == "brf-2017-outcomes-item-3-1-1" })
        XCTAssertEqual(instrument.countries, expected)
        XCTAssertEqual(instrument.type, "协议")
        XCTAssertEqual(instrument.kind, .instrument)
    }

    func testMoUPartiesOfFirstItem() throws {
        let (doc, index) = try fixture()
        let section = try item(doc, 1, 1)
        let instrument = try XCTUnwrap(index.agreements.first { $0.id == "brf-2017-outcomes-item-1-1-1" })
        XCTAssertEqual(instrument.countries, ["MN", "PK", "NP", "HR", "ME", "BA", "AL", "TL", "SG", "MM", "MY"])
        XCTAssertEqual(instrument.type, "谅解备忘录")
        XCTAssertEqual(instrument.parties.first, "中国政府")
        XCTAssertTrue(instrument.parties.contains("蒙古国"))
        XCTAssertTrue(instrument.parties.contains("波黑"))
        XCTAssertEqual(instrument.mentions.first?.line, section.line)
        let mn = try XCTUnwrap(index.countries.first { $0.iso2 == "MN" })
        XCTAssertEqual(mn.nameZh, "蒙古国")
        XCTAssertEqual(mn.mentions.first?.section, section.id)
        XCTAssertEqual(mn.mentions.first?.line, section.line)
        XCTAssertEqual(mn.mentions.first?.block, section.blocks.first?.id)
    }

    func testChinaIsNeverACountry() throws {
        let (_, index) = try fixture()
        for code in ["CN", "HK", "MO", "TW"] {
            XCTAssertFalse(index.countries.contains { $0.iso2 == code }, code)
        }
        for a in index.agreements { XCTAssertFalse(a.countries.contains("CN"), a.id) }
    }

    func testChinaCompoundsYieldNoCountryInTheList() throws {
        let (doc, index) = try fixture()
        // Every mention's surface is a whole name: nothing starts inside 中欧 / 中非 / 中巴 …
        let texts = Dictionary(uniqueKeysWithValues: doc.allSections.flatMap(\.blocks).map { ($0.id, $0.text) })
        for c in index.countries {
            for m in c.mentions {
                let scalars = Array(texts[m.block]?.unicodeScalars ?? "".unicodeScalars)
                if m.offset > 0 { XCTAssertNotEqual(scalars[m.offset - 1], "中", "\(c.iso2) at \(m.line)") }
            }
        }
        XCTAssertFalse(index.countries.contains { $0.iso2 == "CF" })
    }

    func testOrganisationsOfSecondItem() throws {
        let (doc, index) = try fixture()
        let section = try item(doc, 1, 2)
        let found = Set(index.organisations.filter { $0.mentions.contains { $0.section == section.id } }.map(\.id))
        XCTAssertEqual(found, ["undp", "unido", "un-habitat", "unicef", "unfpa", "unctad", "who", "wipo", "interpol"])
        XCTAssertFalse(index.countries.contains { $0.mentions.contains { $0.section == section.id } })
    }

    func testNamedDocumentsOfEighthItem() throws {
        let (doc, index) = try fixture()
        let section = try item(doc, 1, 8)
        let titles = index.agreements.filter { $0.kind == .document && $0.mentions.contains { $0.section == section.id } }
            .map(\.title)
        XCTAssertEqual(titles, ["共建“一带一路”：理念、实践与中国的贡献", "推动“一带一路”能源合作的愿景与行动",
                                "共同推进“一带一路”建设农业合作的愿景与行动", "关于推进绿色“一带一路”建设的指导意见",
                                "“一带一路”建设海上合作设想"])
        for a in index.agreements where a.kind == .document {
            XCTAssertEqual(a.id, "doc-" + AnchorAllocator.shortHash(a.title.filter { !$0.isWhitespace }))
        }
    }

    func testLoanAgreementsAreSeparated() throws {
        let (_, index) = try fixture()
        let loans = index.agreements.filter { $0.id.hasPrefix("brf-2017-outcomes-item-2-13-") }
        XCTAssertEqual(loans.map(\.id), (1...7).map { "brf-2017-outcomes-item-2-13-\($0)" })
        XCTAssertTrue(loans.allSatisfy { $0.type == "贷款协议" })
        XCTAssertEqual(loans.map(\.countries), [["RS"], ["KH", "ET", "KZ"], ["VN"], ["RS"], ["MN"], ["MM"], ["KE"]])
        XCTAssertEqual(loans[2].parties, ["中国进出口银行", "越南财政部"])
    }

    func testDeterministic() throws {
        let (doc, index) = try fixture()
        let again = sharedExtractor.extract(from: [doc]).0
        XCTAssertEqual(index, again)
        XCTAssertEqual(index.countries.map(\.iso2), index.countries.map(\.iso2).sorted())
        XCTAssertEqual(index.organisations.map(\.id), index.organisations.map(\.id).sorted())
        XCTAssertEqual(Set(index.agreements.map(\.id)).count, index.agreements.count)
    }
}
