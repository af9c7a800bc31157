import XCTest
@testable import ExtractedText

/// Inputs that once broke the reader.
final class RegressionTests: XCTestCase {
    /// A fuzzed copy of the report (characters inserted, moved and dropped) in which a sidebar
    /// continued across a page closed again at the line that reopened it: the router reopened
    /// it forever and the stack overflowed. The line must be read once, as main text.
    func test_a_continued_sidebar_that_closes_at_once_is_not_reopened_forever() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/reopened-sidebar-loop.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        let result = ExtractedTextReader().readDetailed(id: "fuzzed", path: "fuzzed.txt", text: text, corrections: nil)
        XCTAssertEqual(try XCTUnwrap(result.document).sections.filter { $0.kind == .part }.count, 4)
    }
}
