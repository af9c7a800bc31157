import EntityExtraction
import Foundation
import SiteModel
import XCTest

/// Both real seeds, read by the project's readers, through the extractor.
final class RealReportTests: XCTestCase {
    static let documents = ["brf-2017-outcomes.md", "bri-trade-report-2021.txt"].compactMap(realDocument)
    static let index = sharedExtractor.extract(from: documents).0

    func test_both_seeds_are_read() {
        XCTAssertEqual(Self.documents.map(\.id), ["brf-2017-outcomes", "bri-trade-report-2021"])
    }

    func test_china_and_its_regions_are_never_countries() {
        XCTAssertTrue(Set(Self.index.countries.map(\.iso2)).isDisjoint(with: ["CN", "HK", "MO", "TW"]))
    }

    func test_every_mention_stands_in_its_paragraph_and_its_line_holds_the_name() throws {
        let seeds = try Self.documents.map { d in
            (d.id, try String(contentsOfFile: seedsDir + "/" + (d.source as NSString).lastPathComponent, encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: false))
        }
        let lines = Dictionary(uniqueKeysWithValues: seeds)
        var blocks: [String: Block] = [:]
        for d in Self.documents { for s in d.allSections { for b in s.blocks { blocks[d.id + "#" + b.id] = b } } }
        let mentions = Self.index.countries.flatMap(\.mentions) + Self.index.organisations.flatMap(\.mentions)
        XCTAssertGreaterThan(mentions.count, 300)
        for m in mentions {
            let block = try XCTUnwrap(blocks[m.document + "#" + m.block], "\(m)")
            let scalars = Array(block.text.unicodeScalars)
            let at = String(String.UnicodeScalarView(scalars[m.offset..<min(scalars.count, m.offset + m.surface.unicodeScalars.count)]))
            XCTAssertEqual(at, m.surface, "\(m.document):\(m.line)")
            // The cited seed line holds the name's first character (names cut across lines start there).
            let line = String(lines[m.document]?[m.line - 1] ?? "")
            XCTAssertTrue(line.contains(m.surface.first.map(String.init) ?? ""), "\(m.document):\(m.line): \(m.surface) not on \(line)")
        }
    }

    func test_a_longer_name_is_never_read_as_a_shorter_one() throws {
        // 印度尼西亚 never yields 印度; 南苏丹 never 苏丹; 巴布亚新几内亚 or 赤道几内亚 never 几内亚.
        let longer = ["印度尼西亚", "南苏丹", "巴布亚新几内亚", "赤道几内亚", "几内亚比绍", "尼日利亚"]
        var checked = 0
        for m in Self.index.countries.flatMap(\.mentions) {
            let text = try XCTUnwrap(Self.documents.first { $0.id == m.document }?.allSections.flatMap(\.blocks)
                .first { $0.id == m.block }?.text)
            for name in longer where name != m.surface && name.contains(m.surface) {
                checked += 1
                XCTAssertFalse(Self.stands(name, around: m, in: text), "\(m.document):\(m.line): \(m.surface) inside \(name)")
            }
        }
        XCTAssertGreaterThanOrEqual(checked, 10)  // the check did run over the short names
    }

    /// Does `name` stand in `text` at the place where it would contain the mention?
    static func stands(_ name: String, around m: Mention, in text: String) -> Bool {
        let scalars = Array(text.unicodeScalars), n = Array(name.unicodeScalars), s = Array(m.surface.unicodeScalars)
        guard let k = (0...(n.count - s.count)).first(where: { Array(n[$0..<($0 + s.count)]) == s }) else { return false }
        let start = m.offset - k
        guard start >= 0, start + n.count <= scalars.count else { return false }
        return Array(scalars[start..<(start + n.count)]) == n
    }

    func test_the_reports_well_known_partners_are_found() {
        let byCode = Dictionary(uniqueKeysWithValues: Self.index.countries.map { ($0.iso2, $0) })
        for iso in ["PK", "KH", "LA", "RU", "ID", "RS", "KE", "MY", "SG", "TH"] {
            XCTAssertGreaterThan(byCode[iso]?.mentions.filter { $0.document == "bri-trade-report-2021" }.count ?? 0, 3, iso)
        }
        let orgs = Set(Self.index.organisations.map(\.nameZh))
        for name in ["亚洲基础设施投资银行", "世界卫生组织", "东南亚国家联盟", "非洲联盟", "上海合作组织"] {
            XCTAssertTrue(orgs.contains(name), name)
        }
    }
}
