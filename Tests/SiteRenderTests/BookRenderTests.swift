import Foundation
import SiteLink
import SiteModel
@testable import SiteRender
import XCTest

/// A report-like document (parts, sidebars, figures) rendered with the built-in templates.
final class BookRenderTests: XCTestCase {
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Templates").standardized.path

    static func report() -> Document {
        func para(_ id: String, _ text: String, _ line: Int) -> SectionContent {
            .block(Block(id: id, markdown: CommonMarkText.escaped(text), text: text, line: line))
        }
        let sidebar = Section(id: "sidebar-1-1", kind: .sidebar, label: "专栏 1-1", inferred: true,
                              title: "中欧班列", line: 14, content: [para("p-s1", "班列开行 1.24 万列。", 15)])
        let figure = Section(id: "figure-1-1", kind: .figure, label: "图 1-1", title: "贸易额", line: 20,
                             content: [.block(Block(id: "p-f1", kind: .note, markdown: "资料来源：商务部", text: "资料来源：商务部", line: 22))])
        let section = Section(id: "part-1-sec-1", kind: .section, label: "（一）", title: "贸易", line: 10,
                              content: [para("p-a", "贸易<增长>。", 12), .section(sidebar), .section(figure)])
        let part1 = Section(id: "part-1", kind: .part, label: "一、", title: "合作", line: 8, content: [.section(section)])
        let part2 = Section(id: "part-2", kind: .part, label: "二、", inferred: true, title: "复苏", line: nil,
                            content: [para("p-b", "复苏之路。", 40)])
        let preface = Section(id: "preface", kind: .preface, title: "前言", line: 1, content: [para("p-p", "这一年。", 2)])
        return Document(id: "r", source: "seeds/r.txt", title: "报告", sections: [preface, part1, part2],
                        sourceText: "前言\n这一年。\n")
    }

    func render() throws -> [String: String] {
        guard case .success(let templates) = TemplateSet.load(folders: [Self.templates]) else {
            throw XCTSkip("templates did not load")
        }
        let graph = SiteGraph(documents: [Self.report()])
        var out: [String: String] = [:]
        for f in try SiteRenderer(templates: templates, seedsDirectory: "seeds").render(graph) {
            if case .bytes(let b) = f.contents { out[f.path] = String(decoding: b, as: UTF8.self) }
        }
        return out
    }

    func test_a_document_with_parts_gets_a_page_per_top_level_section() throws {
        let files = try render()
        XCTAssertEqual(files.keys.filter { $0.hasPrefix("documents/r/") }.sorted(), [
            "documents/r/index.html", "documents/r/part-1/index.html", "documents/r/part-2/index.html",
            "documents/r/preface/index.html", "documents/r/source.html",
        ])
        let home = try XCTUnwrap(files["documents/r/index.html"])
        XCTAssertTrue(home.contains("<a href=\"part-1/index.html#part-1\"><span class=\"label\">一、</span>合作</a>"), home)
        XCTAssertTrue(home.contains("<a href=\"part-1/index.html#part-1-sec-1\">"))
        XCTAssertFalse(home.contains("p-a"))  // the text is on the part pages
    }

    func test_part_pages_show_sidebars_as_aside_figures_as_figure_and_anchored_paragraphs() throws {
        let page = try XCTUnwrap(try render()["documents/r/part-1/index.html"])
        XCTAssertTrue(page.contains("<nav class=\"crumbs\" aria-label=\"位置\"><a href=\"../../../index.html\">首页</a> › <a href=\"../index.html\">报告</a></nav>"), page)
        XCTAssertTrue(page.contains("<p class=\"para\" id=\"p-a\" data-source-line=\"12\">贸易&lt;增长&gt;。<a class=\"permalink\" href=\"#p-a\""))
        XCTAssertTrue(page.contains("<aside class=\"sidebar\" id=\"sidebar-1-1\""))
        XCTAssertTrue(page.contains("<span class=\"label inferred\" title=\"原文未印出此标号，按顺序推定\">专栏 1-1</span>中欧班列"))
        XCTAssertTrue(page.contains("<figure class=\"figure\" id=\"figure-1-1\" data-source-line=\"20\">"))
        XCTAssertTrue(page.contains("<figcaption><span class=\"label\">图 1-1</span>贸易额"))
        XCTAssertTrue(page.contains("rel=\"prev\" href=\"../preface/index.html\""))
        XCTAssertTrue(page.contains("rel=\"next\" href=\"../part-2/index.html\""))
    }

    func test_data_urls_point_at_the_page_that_shows_the_section() throws {
        let json = try XCTUnwrap(try render()["data/documents.json"])
        XCTAssertTrue(json.contains("\"url\" : \"documents/r/part-1/index.html#sidebar-1-1\""))
        XCTAssertTrue(json.contains("\"url\" : \"documents/r/part-2/index.html#part-2\""))
        XCTAssertTrue(json.contains("\"inferred\" : true"))
    }
}
