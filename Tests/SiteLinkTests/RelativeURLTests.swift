@testable import SiteLink
import SiteModel
import XCTest

final class RelativeURLTests: XCTestCase {
    func test_links_are_relative_and_name_a_file() {
        XCTAssertEqual(RelativeURL.link(from: "index.html", to: "documents/a/index.html"), "documents/a/index.html")
        XCTAssertEqual(RelativeURL.link(from: "documents/a/index.html", to: "index.html"), "../../index.html")
        XCTAssertEqual(RelativeURL.link(from: "documents/a/index.html", to: "documents/b/index.html#x"),
                       "../b/index.html#x")
        XCTAssertEqual(RelativeURL.link(from: "documents/a/index.html", to: "documents/a/source.html#L3"),
                       "source.html#L3")
        XCTAssertEqual(RelativeURL.link(from: "documents/a/index.html", to: "documents/a/index.html#item-1-2"),
                       "#item-1-2")
        XCTAssertEqual(RelativeURL.root(from: "documents/a/index.html"), "../../")
        XCTAssertEqual(RelativeURL.root(from: "index.html"), "")
    }

    func test_reading_order_runs_home_then_documents_in_seed_order() {
        let docs = ["a", "b"].map { Document(id: $0, source: "seeds/\($0).md", title: $0.uppercased()) }
        let graph = SiteGraph(documents: docs)
        let home = graph.readingOrder[0]
        XCTAssertNil(graph.previous(of: home))
        XCTAssertEqual(graph.next(of: home)?.path, "documents/a/index.html")
        XCTAssertEqual(graph.next(of: graph.readingOrder[1])?.title, "B")
        XCTAssertNil(graph.next(of: graph.readingOrder[2]))
        XCTAssertEqual(graph.pages.filter { $0.kind == .source }.map(\.path),
                       ["documents/a/source.html", "documents/b/source.html"])
    }
}

final class ReferenceTests: XCTestCase {
    func test_figure_and_sidebar_references_are_found_with_offsets() {
        let refs = SiteGraph.references(in: "增至 1.35 万亿美元（见图 3-1），详见专栏2-4；图表不算，图 3 也不算。")
        XCTAssertEqual(refs.map(\.key), ["图3-1", "专栏2-4"])
        XCTAssertEqual(refs.map(\.offset), [14, 23])
        XCTAssertEqual(refs.map(\.length), [5, 5])
    }

    func test_a_reference_links_to_the_figure_of_the_same_document() {
        let text = "贸易增长（见图 1-1）。"
        let para = Block(id: "p-1", markdown: CommonMarkText.escaped(text), text: text, line: 3)
        let figure = Section(id: "figure-1-1", kind: .figure, label: "图 1-1", title: "贸易额", line: 5)
        let part = Section(id: "part-1", kind: .part, label: "一、", title: "合作", line: 1,
                           content: [.block(para), .section(figure)])
        let doc = Document(id: "r", source: "seeds/r.txt", title: "报告", sections: [part])
        let graph = SiteGraph(documents: [doc])
        XCTAssertEqual(graph.links(in: para, of: doc),
                       [InlineLink(offset: 6, length: 5, target: "documents/r/part-1/index.html#figure-1-1", title: "图 1-1 贸易额")])
    }

    /// The byte search that lets most paragraphs skip the reference scan.
    func test_a_word_is_found_in_utf8_wherever_it_stands() {
        XCTAssertTrue(SiteGraph.holds("见图 3-1", "图"))
        XCTAssertTrue(SiteGraph.holds("专栏", "专栏"))
        XCTAssertTrue(SiteGraph.holds("专门的专栏", "专栏"))
        XCTAssertFalse(SiteGraph.holds("专门栏目", "专栏"))
        XCTAssertFalse(SiteGraph.holds("", "图"))
        XCTAssertFalse(SiteGraph.holds("专", "专栏"))
        XCTAssertTrue(SiteGraph.references(in: "没有引用的段落").isEmpty)
    }
}

/// The paths, made by bytes, against the interpolation they replaced.
final class PathTests: XCTestCase {
    func test_paths_are_the_interpolated_strings() {
        for id in ["", "pk", "PK", "Pk-1", "ÄÖ", "İ", "ﬀ", "r&d", "巴基斯坦", "a b", String(repeating: "x", count: 40)] {
            XCTAssertEqual(SiteGraph.countryPath(id), "countries/\(id.lowercased())/index.html")
            XCTAssertEqual(SiteGraph.briefPath(id), "countries/\(id.lowercased())/brief/index.html")
            XCTAssertEqual(SiteGraph.organisationPath(id), "organisations/\(id)/index.html")
            XCTAssertEqual(SiteGraph.agreementPath(id), "agreements/\(id)/index.html")
            XCTAssertEqual(SiteGraph.documentPath(id), "documents/\(id)/index.html")
            XCTAssertEqual(SiteGraph.sourcePath(id), "documents/\(id)/source.html")
            XCTAssertEqual(SiteGraph.partPath(id, id + "-1"), "documents/\(id)/\(id)-1/index.html")
        }
    }
}
