@testable import SeedIngest
import XCTest

final class ChineseNumeralsTests: XCTestCase {
    func test_numerals_of_outline_labels_have_their_values() {
        XCTAssertEqual(ChineseNumerals.value("一"), 1)
        XCTAssertEqual(ChineseNumerals.value("十"), 10)
        XCTAssertEqual(ChineseNumerals.value("十二"), 12)
        XCTAssertEqual(ChineseNumerals.value("二十"), 20)
        XCTAssertEqual(ChineseNumerals.value("二十一"), 21)
        XCTAssertEqual(ChineseNumerals.value("一百零五"), 105)
        XCTAssertNil(ChineseNumerals.value("推进"))
        XCTAssertNil(ChineseNumerals.value("一一"))
    }

    func test_writing_a_number_then_reading_it_gives_it_back() {
        for n in 1...120 { XCTAssertEqual(ChineseNumerals.value(ChineseNumerals.string(n)), n, "\(n)") }
        XCTAssertEqual(ChineseNumerals.string(14), "十四")
    }

    func test_labels_are_split_from_their_text() {
        let e = OutlineLabel.enumerated("三、扩大产业投资")
        XCTAssertEqual(e?.label, "三、")
        XCTAssertEqual(e?.number, 3)
        XCTAssertEqual(e.map { String($0.rest) }, "扩大产业投资")
        let p = OutlineLabel.parenthesised("（十二）中国国家开发银行")
        XCTAssertEqual(p?.label, "（十二）")
        XCTAssertEqual(p?.number, 12)
        XCTAssertNil(OutlineLabel.parenthesised("（COVAX）疫苗"))
        XCTAssertNil(OutlineLabel.enumerated("中国、巴基斯坦"))
    }

    func test_stated_counts_ignore_approximate_numbers() {
        let found = StatedCount.find(in: "涵盖政策沟通等5大类，共76大项、270多项具体成果。")
        XCTAssertEqual(found.map(\.value), [5, 76])
        XCTAssertEqual(found.map(\.text), ["5大类", "76大项"])
        XCTAssertEqual(StatedCount.find(in: "共十二项成果，一类合作").map(\.value), [12])
    }
}
