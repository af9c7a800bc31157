@testable import SeedIngest
import SiteModel
import XCTest

final class MarkdownSeedReaderTests: XCTestCase {
    private func read(_ text: String, assets: Set<String> = []) -> (Document?, [Diagnostic]) {
        let reader = MarkdownSeedReader { assets.contains($0) }
        return reader.read(SeedText(path: "seeds/t.md", text: text), id: "t")
    }

    private let list = """
        ---
        title: 清单
        date: 2017-05-16 18:42:31
        author:
        tags:
        ---

        **成果清单**

        共2大类、3大项。

        **一、政策沟通**

        （一）中国政府与巴基斯坦政府签署谅解备忘录。

        （二）中国财政部发布《指导原则》。

        ## 二、设施联通

        （一）中国铁路总公司签署*合作协议*。

        补充说明段落。

        来源：外交部网站

        编辑：维君
        """

    func test_categories_and_items_are_found_by_structure_bold_or_heading() throws {
        let (doc, diagnostics) = read(list)
        let d = try XCTUnwrap(doc)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(d.sections.map(\.kind), [.preface, .category, .category])
        XCTAssertEqual(d.sections.map(\.id), ["preface", "category-1", "category-2"])
        XCTAssertEqual(d.sections[1].label, "一、")
        XCTAssertEqual(d.sections[1].title, "政策沟通")
        XCTAssertEqual(d.sections[2].title, "设施联通")
        let items = d.allSections.filter { $0.kind == .item }
        XCTAssertEqual(items.map(\.id), ["item-1-1", "item-1-2", "item-2-1"])
        XCTAssertEqual(items.map(\.label), ["（一）", "（二）", "（一）"])
        XCTAssertEqual(items.map(\.line), [14, 16, 20])
        XCTAssertEqual(items[1].text, "中国财政部发布《指导原则》。")
        XCTAssertEqual(items[2].text, "中国铁路总公司签署合作协议。")
        // The item's own block holds the text without its printed label, markup kept.
        XCTAssertEqual(items[2].blocks.first?.markdown, "中国铁路总公司签署*合作协议*。")
        // A following unnumbered paragraph belongs to the item it follows.
        XCTAssertEqual(items[2].blocks.map(\.text), ["中国铁路总公司签署*合作协议*。".replacingOccurrences(of: "*", with: ""), "补充说明段落。"])
    }

    func test_front_matter_and_publishing_lines_become_metadata() throws {
        let d = try XCTUnwrap(read(list).0)
        XCTAssertEqual(d.title, "清单")
        XCTAssertEqual(d.date, "2017-05-16")
        XCTAssertEqual(d.dateAsPrinted, "2017-05-16 18:42:31")
        XCTAssertNil(d.author)
        XCTAssertEqual(d.tags, [])
        XCTAssertEqual(d.metadata, [MetadataField(name: "来源", value: "外交部网站", line: 24),
                                    MetadataField(name: "编辑", value: "维君", line: 26)])
        XCTAssertFalse(d.allSections.flatMap(\.blocks).contains { $0.text.contains("来源") })
        XCTAssertEqual(d.sections[0].title, "成果清单")
        XCTAssertEqual(d.sections[0].blocks.map(\.text), ["共2大类、3大项。"])
    }

    func test_a_stated_item_count_that_disagrees_is_a_warning_naming_the_line() {
        let text = list.replacingOccurrences(of: "共2大类、3大项。", with: "共2大类、4大项。")
        let (_, diagnostics) = read(text)
        XCTAssertEqual(diagnostics.map(\.description), [
            "seeds/t.md:10:6: warning: the introduction states 4 items (\"4大项\") but 3 were found\n  hint: check the numbering of the items in the document",
        ])
    }

    func test_an_item_out_of_sequence_is_a_warning() {
        let text = list.replacingOccurrences(of: "（二）中国财政部", with: "（三）中国财政部")
        XCTAssertEqual(read(text).1.map(\.description),
                       ["seeds/t.md:16:1: warning: item （三） is out of sequence: expected （二）"])
    }

    func test_missing_images_are_warned_about_and_left_out_existing_ones_kept() throws {
        let text = list.replacingOccurrences(of: "共2大类、3大项。", with: "共2大类、3大项。\n\n![](/images/a.png)\n\n![图](img/b.png)")
        let (doc, diagnostics) = read(text, assets: ["img/b.png"])
        XCTAssertEqual(diagnostics.map(\.description),
                       ["seeds/t.md:12:1: warning: image '/images/a.png' not found in the seeds folder; left out of the page"])
        let d = try XCTUnwrap(doc)
        XCTAssertEqual(d.assets, ["img/b.png"])
        let markdown = d.allSections.flatMap(\.blocks).map(\.markdown).joined()
        XCTAssertFalse(markdown.contains("a.png"))
        XCTAssertTrue(markdown.contains("![图](img/b.png)"))
    }

    func test_text_above_the_title_is_page_furniture() throws {
        let text = list.replacingOccurrences(of: "**成果清单**", with: "收录于合集\n\n**成果清单**")
        let (doc, diagnostics) = read(text)
        XCTAssertEqual(diagnostics.map(\.description),
                       ["seeds/t.md:8:1: warning: text above the document's title \"成果清单\" is left out: 收录于合集"])
        XCTAssertEqual(doc?.sections[0].blocks.map(\.text), ["共2大类、3大项。"])
    }

    func test_bad_yaml_is_an_error_at_its_line_in_the_seed() {
        let (doc, diagnostics) = read("---\ntitle: a\ndate: [2017\n---\n\n**一、x**\n")
        XCTAssertNil(doc)
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertTrue(diagnostics[0].description.hasPrefix("seeds/t.md:4:1: error: bad YAML front matter: "),
                      diagnostics[0].description)
    }

    func test_unclosed_front_matter_is_an_error() {
        XCTAssertEqual(read("---\ntitle: a\n\n**一、x**\n").1.map(\.description), [
            "seeds/t.md:1:1: error: front matter opened with '---' is never closed\n  hint: end the front matter with a line '---'",
        ])
    }

    func test_invalid_utf8_is_an_error_at_the_first_bad_byte() {
        let bytes = Array("---\ntitle: a\n---\n\n中国".utf8) + [0xFF] + Array("政府\n".utf8)
        guard case .failure(let d) = SeedText.decode(bytes, path: "seeds/t.md") else { return XCTFail() }
        XCTAssertEqual(d.description, "seeds/t.md:5:3: error: invalid UTF-8 (byte 0xFF); seeds must be UTF-8 text\n  hint: re-save the file as UTF-8, e.g. iconv -f GB18030 -t UTF-8")
    }

    func test_paragraph_anchors_are_stable_and_unique() throws {
        let d1 = try XCTUnwrap(read(list).0)
        let d2 = try XCTUnwrap(read(list.replacingOccurrences(of: "**成果清单**", with: "**成果清单**\n\n新插入的段落。")).0)
        let ids1 = d1.allSections.flatMap(\.blocks).map(\.id)
        let ids2 = d2.allSections.flatMap(\.blocks).map(\.id)
        XCTAssertEqual(Set(ids1).count, ids1.count)
        // Inserting a paragraph does not move the anchors of the others.
        XCTAssertTrue(Set(ids1).isSubset(of: Set(ids2)))
    }
}
