import Foundation
@testable import SiteRender
import XCTest

/// The byte CSV writer against the `String` one it replaced.
final class CSVTests: XCTestCase {
    /// RFC 4180 as it was written with `String`s.
    private func reference(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    func test_cells_match_the_string_writer() {
        let cells = ["", "a", "a,b", "say \"hi\"", "\"", "\"\"", "line\nbreak", "cr\rx", "crlf\r\n", "中文，全角逗号",
                     "中\"文\",", ",", "\t tab", "🇨🇳,\"", String(repeating: "长\"", count: 40), "documents/a/index.html#p-1"]
        for c in cells {
            var out: [UInt8] = [0x41]
            CSV.appendCell(c, to: &out)
            XCTAssertEqual(String(decoding: out, as: UTF8.self), "A" + reference(c), c)
        }
    }

    func test_ints_match_string() {
        for n in [0, 1, 9, 10, 42, -1, -10, 1_234_567, Int.max, Int.min] {
            var out: [UInt8] = []
            CSV.appendInt(n, to: &out)
            XCTAssertEqual(String(decoding: out, as: UTF8.self), String(n))
        }
    }
}
