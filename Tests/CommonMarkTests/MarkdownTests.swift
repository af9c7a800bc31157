import CommonMark
import XCTest

final class MarkdownTests: XCTestCase {
    func test_raw_html_and_javascript_urls_are_dropped_in_safe_mode() {
        let html = Markdown.html("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <b>b</b>")
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertFalse(html.contains("javascript:"))
        XCTAssertFalse(html.contains("<b>"))
        XCTAssertTrue(html.contains("<a href=\"\">x</a>"), html)
    }

    func test_plain_text_joins_cjk_lines_without_space_and_latin_lines_with_one() {
        let tree = MarkdownTree("印度尼\n西亚 and\nRCEP 协定\n生效")
        XCTAssertEqual(tree.document.plainText, "印度尼西亚 and RCEP 协定生效")
    }

    func test_source_positions_are_kept() {
        let tree = MarkdownTree("title\n\n**一、推进**\n")
        let paragraphs = tree.document.children
        XCTAssertEqual(paragraphs.map(\.startLine), [1, 3])
        XCTAssertEqual(paragraphs[1].children.first?.kind, .strong)
    }

    func test_removing_a_node_leaves_the_rest_renderable() {
        let tree = MarkdownTree("a ![](x.png) b")
        let image = tree.document.children[0].children.first { $0.kind == .image }
        image?.remove()
        XCTAssertEqual(tree.document.html, "<p>a  b</p>\n")
    }

    func test_links_are_spliced_into_the_text_at_plain_text_offsets() {
        let tree = MarkdownTree("与*巴基斯坦*、印度尼西亚和 RCEP\n成员签署")
        let doc = tree.document
        XCTAssertEqual(doc.plainText, "与巴基斯坦、印度尼西亚和 RCEP成员签署")
        doc.addLinks([(offset: 6, length: 5, url: "../id/index.html", title: "印度尼西亚"),
                      (offset: 1, length: 4, url: "pk.html", title: ""),  // inside emphasis: still one text node
                      (offset: 13, length: 6, url: "x.html", title: "")])  // crosses the line break: left alone
        XCTAssertEqual(doc.html, "<p>与<em><a href=\"pk.html\">巴基斯坦</a></em>、<a href=\"../id/index.html\" title=\"印度尼西亚\">印度尼西亚</a>和 RCEP\n成员签署</p>\n")
        XCTAssertEqual(doc.plainText, "与巴基斯坦、印度尼西亚和 RCEP成员签署")
    }
}
