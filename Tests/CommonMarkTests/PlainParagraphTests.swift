import CommonMark
import Foundation
import XCTest

/// `PlainParagraph` must give exactly libcmark's HTML whenever it gives anything.
final class PlainParagraphTests: XCTestCase {
    typealias Link = (offset: Int, length: Int, url: String, title: String)

    /// libcmark's output for the text with the links spliced in (the path PlainParagraph skips).
    static func cmark(_ text: String, _ links: [Link]) -> String {
        let tree = MarkdownTree(text)
        tree.document.addLinks(links)
        return tree.document.html
    }

    /// Asserts agreement when the fast path answers; returns whether it did.
    @discardableResult
    func check(_ text: String, _ links: [Link] = [], file: StaticString = #filePath, line: UInt = #line) -> Bool {
        guard let inline = PlainParagraph.inlineHTML(text, links: links) else { return false }
        XCTAssertEqual("<p>" + String(decoding: inline, as: UTF8.self) + "</p>\n", Self.cmark(text, links),
                       "text: \(text.debugDescription) links: \(links)", file: file, line: line)
        return true
    }

    func test_plain_cjk_and_latin_text_is_written_as_libcmark_writes_it() {
        XCTAssertTrue(check("2020 年，中国与东盟的贸易额达 6846 亿美元（RCEP 生效前）。"))
        XCTAssertTrue(check("Belt and Road: 100% = {a|b} ~ x@y.z ^ $5 + 3 - 2 / 1;"))
        XCTAssertTrue(check("(一) 印度尼西亚"))
    }

    func test_links_are_spliced_in_by_scalar_offsets() {
        let text = "中国政府与巴基斯坦、印度尼西亚政府签署合作文件。"
        XCTAssertTrue(check(text, [(5, 4, "../countries/pk/index.html", "巴基斯坦"),
                                   (10, 5, "../countries/id/index.html#x", "")]))
        // Overlapping, empty, past-the-end and unsorted links are treated as libcmark treats them.
        XCTAssertTrue(check(text, [(10, 5, "b.html", ""), (5, 4, "a.html", "t"), (6, 2, "c.html", ""), (0, 0, "z.html", "")]))
        XCTAssertTrue(check(text, [(20, 10, "a.html", ""), (2, 1, "b.html", "")]))
        XCTAssertTrue(check(text, [(text.unicodeScalars.count, 1, "a.html", ""), (1, 1, "b.html", "")]))
        XCTAssertTrue(check("abc", [(0, 3, "", "")]))
    }

    func test_text_libcmark_would_change_is_left_to_libcmark() {
        for text in ["", " 前导空格", "结尾空格 ", "a\tb", "两行\n文字", "1. 列表", "12) 列表", "- 列表", "+ 列表", "# 标题",
                     "> 引用", "a*b*", "a_b_", "`code`", "[链接](x)", "![图](x.png)", "a<b", "a>b", "a&b", "a\"b", "a'b",
                     "a\\b", "~~~", "=", "---", "中国#1", "a!b"] {
            XCTAssertNil(PlainParagraph.inlineHTML(text), text.debugDescription)
        }
        // URLs and titles that libcmark would escape or drop.
        for (url, title) in [("a b.html", ""), ("javascript:alert(1)", ""), ("a&b", ""), ("中.html", ""), ("a'b", ""),
                             ("a.html", "a\"b"), ("a.html", "<t>"), ("a.html", "a&b")] {
            XCTAssertNil(PlainParagraph.inlineHTML("中国文字", links: [(0, 2, url, title)]), "\(url) \(title)")
        }
    }

    /// Random text over an alphabet rich in CommonMark's special characters, with random links.
    func test_random_text_agrees_with_libcmark() {
        let alphabet = Array("中国印度尼西亚，。、《》“”（）abcXYZ019 .,;:?%()/-+=~@$^{}|*_[]<>!&\"'#\\`\n\t")
        let urls = ["../a/index.html", "b.html#p-1", "", "a b", "x:y", "中"]
        let titles = ["", "名称", "a\"b", "<x>"]
        var seed: UInt64 = 0x5EED
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        var answered = 0
        for _ in 0..<3000 {
            let length = 1 + next(24)
            // Mostly plain characters, so that the fast path answers often enough to be tested.
            let text = String((0..<length).map { _ in alphabet[next(3) == 0 ? next(alphabet.count) : next(18)] })
            let links: [Link] = (0..<next(4)).map { _ in
                (next(length + 2), next(6), urls[next(3) == 0 ? next(urls.count) : next(2)], titles[next(titles.count)])
            }
            if check(text, links) { answered += 1 }
        }
        XCTAssertGreaterThan(answered, 500)
    }

    /// Every line of the real seeds, alone and joined with the next, with a link on a name.
    func test_lines_of_the_seeds_agree_with_libcmark() throws {
        let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../seeds").standardized
        var answered = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted() where name.hasSuffix(".txt") || name.hasSuffix(".md") {
            let lines = try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            for (i, line) in lines.enumerated() {
                let n = line.unicodeScalars.count
                if check(line, [(n / 3, min(4, n / 3), "../countries/cn/index.html", "中国")]) { answered += 1 }
                if i + 1 < lines.count { check(line + lines[i + 1]) }
            }
        }
        XCTAssertGreaterThan(answered, 1000)
    }
}
