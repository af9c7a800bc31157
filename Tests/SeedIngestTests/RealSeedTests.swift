import SeedIngest
import SiteModel
import XCTest

/// The 2017 outcome list as committed in seeds/.
final class RealSeedTests: XCTestCase {
    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../seeds").standardized.path

    func test_outcome_list_has_the_categories_and_items_its_introduction_states_in_order() throws {
        let loader = SeedLoader(seedsDirectory: Self.seeds)
        let loaded = loader.load("brf-2017-outcomes.md")
        let (doc, diagnostics) = (loaded.document, loaded.diagnostics)
        let d = try XCTUnwrap(doc)
        XCTAssertTrue(diagnostics.allSatisfy { $0.severity == .warning })
        // No warning about the stated counts: the parse agrees with the introduction …
        XCTAssertFalse(diagnostics.contains { $0.message.contains("the introduction states") })
        // … and the introduction does state them (5 categories, 76 items).
        let intro = try XCTUnwrap(d.sections.first { $0.kind == .preface })
        let stated = intro.blocks.flatMap { Self.statedCounts($0.text) }
        let categories = d.sections.filter { $0.kind == .category }
        XCTAssertEqual(stated, [categories.count, categories.reduce(0) { $0 + $1.children.count }])
        XCTAssertEqual(categories.count, 5)
        XCTAssertEqual(categories.map(\.label), ["一、", "二、", "三、", "四、", "五、"])
        XCTAssertEqual(categories.first?.title, "推进战略对接，密切政策沟通")

        let lines = try String(contentsOfFile: Self.seeds + "/brf-2017-outcomes.md", encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        for (c, category) in categories.enumerated() {
            let items = category.children
            XCTAssertEqual(items.map(\.kind), Array(repeating: .item, count: items.count))
            for (i, item) in items.enumerated() {
                XCTAssertEqual(item.id, "item-\(c + 1)-\(i + 1)")
                // In order: the label's number counts up from one within the category …
                let label = try XCTUnwrap(item.label)
                XCTAssertEqual(label, "（" + ChineseNumerals.string(i + 1) + "）")
                // … and the text is the whole source line after the label.
                let line = try XCTUnwrap(item.line)
                let source = String(lines[line - 1]).trimmingCharacters(in: .whitespaces)
                XCTAssertEqual(label + (item.text ?? ""), source, "item \(item.id)")
            }
        }
        XCTAssertEqual(d.metadata.map(\.name), ["来源", "编辑"])
    }

    func test_the_report_is_recognised_as_pdf_extracted_text_and_the_list_as_markdown() throws {
        for (name, kind) in [("brf-2017-outcomes.md", SeedKind.markdown), ("bri-trade-report-2021.txt", .extractedText)] {
            let text = try String(contentsOfFile: Self.seeds + "/" + name, encoding: .utf8)
            XCTAssertEqual(SeedKind.detect(SeedText(path: name, text: text)), kind, name)
        }
    }

    func test_reader_choice_by_shape_short_lines_each_followed_by_a_blank_line() {
        let extracted = (1...30).map { "第\($0)行文字，截断在栏宽处的句子" }.joined(separator: "\n\n") + "\n"
        XCTAssertEqual(SeedKind.detect(SeedText(path: "x", text: extracted)), .extractedText)
        // Front matter, Markdown headings, or long one-line paragraphs mean Markdown.
        XCTAssertEqual(SeedKind.detect(SeedText(path: "x", text: "---\ntitle: x\n---\n" + extracted)), .markdown)
        let headed = (1...30).map { "## 标题\($0)" }.joined(separator: "\n\n")
        XCTAssertEqual(SeedKind.detect(SeedText(path: "x", text: headed)), .markdown)
        let long = (1...30).map { _ in String(repeating: "长段落的文字。", count: 12) }.joined(separator: "\n\n")
        XCTAssertEqual(SeedKind.detect(SeedText(path: "x", text: long)), .markdown)
    }

    /// Reads "5大类" / "76大项" with a plain scan, independently of the reader's own code.
    static func statedCounts(_ text: String) -> [Int] {
        var out: [Int] = []
        var digits = ""
        for ch in text {
            if ch.isASCII, ch.isNumber { digits.append(ch); continue }
            if !digits.isEmpty, ch == "大" { out.append(Int(digits)!) }
            digits = ""
        }
        return out
    }
}
