import Foundation
import XCTest

/// The every-page form needs no script: a GET form whose relative action resolves to the search
/// page from any depth, with the query in `q` (what search.js reads).
final class TemplateTests: XCTestCase {
    func testHeaderFormSubmitsToSearchPage() throws {
        let form = try String(contentsOf: PackagePaths.templates.appendingPathComponent("partials/search-form.mustache"), encoding: .utf8)
        XCTAssertTrue(form.contains(#"action="{{root}}search/index.html""#))
        XCTAssertTrue(form.contains(#"method="get""#))
        XCTAssertTrue(form.contains(#"name="q""#))
        let page = URL(string: "file:///site/documents/x/part-3/index.html")!
        let action = form.replacingOccurrences(of: "{{root}}", with: "../../../")
        let href = try XCTUnwrap(DOM.matches(#"action="([^"]*)""#, in: action).first)
        XCTAssertEqual(URL(string: href, relativeTo: page)?.absoluteURL.path, "/site/search/index.html")
    }

    func testSearchPageLoadsIndexThenScriptAndUsesNoInnerHTML() throws {
        let page = try String(contentsOf: PackagePaths.templates.appendingPathComponent("search.mustache"), encoding: .utf8)
        let index = try XCTUnwrap(page.range(of: #"src="search-index.js""#))
        let script = try XCTUnwrap(page.range(of: #"src="{{root}}assets/search.js""#))
        XCTAssertLessThan(index.lowerBound, script.lowerBound)
        let js = try String(contentsOf: PackagePaths.searchJS, encoding: .utf8)
        XCTAssertFalse(js.contains("innerHTML"))
        XCTAssertFalse(js.contains("insertAdjacentHTML"))
        XCTAssertFalse(js.contains("document.write"))
    }
}
