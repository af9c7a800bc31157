import Foundation
import SiteModel
import XCTest

/// The scalar and byte shortcuts in `ScalarText` against the Character and Foundation code
/// they replaced.
final class ScalarTextTests: XCTestCase {
    private let samples = [
        "", "短", "“一带一路”国际合作高峰论坛成果清单", String(repeating: "合作", count: 20),
        "e\u{301}" + String(repeating: "a\u{301}", count: 30),  // combining accents: fewer characters than scalars
        "🇨🇳🇵🇰" + String(repeating: "👍🏽", count: 15), "\r\n" + String(repeating: "x", count: 27) + "\r\n",
        String(repeating: "字", count: 28), String(repeating: "字", count: 29),
        // Around the byte shortcut of `clipped`: joining scalars and CR LF near the limit.
        String(repeating: "字", count: 29) + "\u{301}", String(repeating: "字", count: 27) + "e\u{301}x",
        String(repeating: "字", count: 26) + "\r\n" + String(repeating: "字", count: 5),
        String(repeating: "字", count: 9) + "\u{200D}" + String(repeating: "字", count: 40),
        String(repeating: "字", count: 38) + "가각간", "ab" + String(repeating: "、“字”", count: 20),
        String(repeating: "字", count: 12) + "😀" + String(repeating: "字", count: 30),
    ]

    func test_clipped_is_the_character_rule() {
        for s in samples {
            for limit in [2, 3, 10, 28, 40] {
                let reference = s.count > limit ? String(s.prefix(limit - 2)) + "…" : s
                XCTAssertEqual(ScalarText.clipped(s, to: limit), reference, "\(s.debugDescription) \(limit)")
            }
        }
    }

    func test_trimmed_is_foundations_whitespace_trim() {
        for s in samples + ["  \t图 3-1 \u{3000}", "\u{200B} x \u{A0}", " \n x \n "] {
            XCTAssertEqual(ScalarText.trimmed(s), s.trimmingCharacters(in: .whitespaces), s.debugDescription)
            XCTAssertEqual(ScalarText.trimmed(s.dropFirst()), s.dropFirst().trimmingCharacters(in: .whitespaces))
        }
    }
}
