@testable import Templating
import XCTest

final class TemplateObjectTests: XCTestCase {
    private func text(_ v: TemplateValue?) -> String? {
        if case .text(let s)? = v { return s }
        return nil
    }

    func test_values_are_set_replaced_and_removed_by_name() {
        var o: TemplateObject = ["a": "1", "b": "2", "a": "3"]  // a name given twice keeps its last value
        XCTAssertEqual(text(o["a"]), "3")
        XCTAssertEqual(o.entries.map(\.name), ["a", "b"])
        o["b"] = "4"
        o["c"] = "5"
        o["a"] = nil
        XCTAssertNil(o["a"])
        XCTAssertEqual(o.entries.map(\.name), ["b", "c"])
        XCTAssertEqual(text(o["b"]), "4")
        XCTAssertNil(o["missing"])
    }

    func test_many_names_including_long_and_non_ascii_ones_are_told_apart() {
        let names = (0..<300).map { "name\($0)" } + ["", "é", "e\u{301}", "一个很长的名字，超过十五个字节的那种名字", "a.b"]
        var o = TemplateObject()
        for (i, n) in names.enumerated() { o[n] = .int(i) }
        for (i, n) in names.enumerated() {
            guard case .int(let v)? = o[n] else { return XCTFail(n) }
            XCTAssertEqual(v, i, n)
        }
        // Names are told apart by their UTF-8: two spellings of é are two names (the
        // templates' names are ASCII words).
        XCTAssertEqual(o.entries.count, names.count)
    }
}
