import SiteLink
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
