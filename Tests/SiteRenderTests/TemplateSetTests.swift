@testable import SiteRender
import SiteModel
import XCTest

final class TemplateSetTests: XCTestCase {
    private func folder(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tpl-\(UUID().uuidString)").path
        for (name, text) in files {
            let path = dir + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        return dir
    }

    /// Every required template (empty), then a few with content, a static file and a README.
    private var minimal: [String: String] {
        var files = Dictionary(uniqueKeysWithValues: TemplateSet.required.map { ($0 + ".mustache", "") })
        files["layout.mustache"] = "<html>{{$content}}{{/content}}</html>"
        files["home.mustache"] = "{{<layout}}{{$content}}home{{/content}}{{/layout}}"
        files["document.mustache"] = "{{<layout}}{{$content}}{{title}}{{/content}}{{/layout}}"
        files["source.mustache"] = "src"
        files["assets/site.css"] = "body{}"
        files["README.md"] = "about"
        return files
    }

    func test_templates_render_with_layout_inheritance_and_html_escaping() throws {
        let dir = try folder(minimal)
        guard case .success(let set) = TemplateSet.load(folders: [dir]) else { return XCTFail() }
        XCTAssertEqual(String(decoding: set.render("document", ["title": "<b>一</b>&"]), as: UTF8.self), "<html>&lt;b&gt;一&lt;/b&gt;&amp;</html>")
        XCTAssertEqual(set.assets.map(\.name), ["assets/site.css"])  // README.md is not copied
    }

    func test_a_syntax_error_is_reported_at_its_line_and_column() throws {
        var files = minimal
        files["document.mustache"] = "{{<layout}}\n{{$content}}\n  {{#items}}x{{/item}}\n{{/content}}{{/layout}}"
        let dir = try folder(files)
        guard case .failure(let f) = TemplateSet.load(folders: [dir]) else { return XCTFail() }
        XCTAssertEqual(f.diagnostics.map(\.description),
                       ["\(dir)/document.mustache:3:17: error: template syntax: a section is closed with a name it was not opened with"])
    }

    func test_a_missing_required_template_is_named() throws {
        var files = minimal
        files["source.mustache"] = nil
        let dir = try folder(files)
        guard case .failure(let f) = TemplateSet.load(folders: [dir]) else { return XCTFail() }
        XCTAssertEqual(f.diagnostics.map(\.description), ["\(dir):1:1: error: no 'source.mustache' template in \(dir)"])
    }

    func test_the_first_folder_wins_file_by_file() throws {
        let base = try folder(minimal)
        let user = try folder(["home.mustache": "{{<layout}}{{$content}}mine{{/content}}{{/layout}}",
                               "assets/site.css": "body{color:red}"])
        guard case .success(let set) = TemplateSet.load(folders: [user, base]) else { return XCTFail() }
        XCTAssertEqual(String(decoding: set.render("home", [:]), as: UTF8.self), "<html>mine</html>")
        XCTAssertEqual(String(decoding: set.render("document", ["title": "t"]), as: UTF8.self), "<html>t</html>")
        XCTAssertEqual(set.assets.map(\.path), [user + "/assets/site.css"])
    }

    func test_partial_references_are_found_with_their_positions() {
        XCTAssertEqual(PartialReference.scan("a\n  {{> partials/x }} {{<layout}}{{name}}"), [
            PartialReference(name: "partials/x", line: 2, column: 3),
            PartialReference(name: "layout", line: 2, column: 21),
        ])
    }

    func test_block_html_points_images_at_media_and_drops_raw_html() {
        let block = Block(id: "p-1", markdown: "图 ![地图](images/a.png) <i>x</i>", text: "图", line: 1)
        XCTAssertEqual(String(decoding: BlockHTML.parts(block, root: "../../").html, as: UTF8.self),
                       "<p>图 <img src=\"../../media/images/a.png\" alt=\"地图\" /> <!-- raw HTML omitted -->x<!-- raw HTML omitted --></p>\n")
        XCTAssertEqual(BlockHTML.unwrapped("<p>a</p>\n"), "a")
        XCTAssertEqual(BlockHTML.unwrapped("<p>a</p>\n<p>b</p>\n"), "<p>a</p>\n<p>b</p>\n")
    }

    func test_html_text_escapes_markup_characters() {
        XCTAssertEqual(HTMLText.escape("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
    }
}
