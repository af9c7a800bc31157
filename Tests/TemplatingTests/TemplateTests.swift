@testable import Templating
import XCTest

final class TemplateTests: XCTestCase {
    private func render(_ templates: [String: String], _ name: String = "main", _ context: TemplateObject = [:],
                        file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            let parsed = try templates.mapValues { (text: String) throws(TemplateSyntaxError) -> Template in try Template(parsing: text) }
            let bytes = TemplateLibrary(templates: parsed).render(name, context)
            return bytes.map { String(decoding: $0, as: UTF8.self) } ?? "<no template>"
        } catch {
            XCTFail("\(error)", file: file, line: line)
            return ""
        }
    }

    private func error(_ text: String) -> TemplateSyntaxError? {
        do { _ = try Template(parsing: text); return nil } catch { return error }
    }

    func test_variables_are_escaped_unless_triple_or_ampersand() {
        let context: TemplateObject = ["t": "<a href=\"x\">'&'</a>", "n": 42, "b": true]
        XCTAssertEqual(render(["main": "{{t}}|{{{t}}}|{{& t}}|{{n}}|{{b}}|{{missing}}"], "main", context),
                       "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;|<a href=\"x\">'&'</a>|<a href=\"x\">'&'</a>|42|true|")
    }

    /// Text given as UTF-8 bytes renders exactly as the same text given as a String.
    func test_utf8_values_render_as_their_text() {
        let text = "<p class=\"x\">'一带一路' & 合作</p>"
        let template = ["main": "{{t}}|{{{t}}}|{{& t}}|{{#t}}in{{/t}}{{^t}}out{{/t}}"]
        XCTAssertEqual(render(template, "main", ["t": .utf8(Array(text.utf8))]), render(template, "main", ["t": .text(text)]))
    }

    func test_sections_iterate_lists_push_objects_and_test_flags() {
        let context: TemplateObject = [
            "items": [["name": "一"], ["name": "二"]], "empty": [], "yes": true, "no": false,
            "who": ["name": "外"], "name": "根", "tags": ["a", "b"],
        ]
        let text = "{{#items}}[{{name}}]{{/items}}{{#empty}}E{{/empty}}{{^empty}}none{{/empty}}"
            + "{{#yes}}Y{{name}}{{/yes}}{{#no}}N{{/no}}{{^no}}!N{{/no}}{{#who}}{{name}}{{/who}}{{#tags}}<{{.}}>{{/tags}}"
            + "{{^missing}}M{{/missing}}{{who.name}}{{#items}}{{.name}}{{/items}}"
        XCTAssertEqual(render(["main": text], "main", context), "[一][二]noneY根!N外<a><b>M外一二")
    }

    func test_a_name_missing_inside_a_section_is_found_further_out() {
        let context: TemplateObject = ["url": "top", "rows": [["title": "r"]]]
        XCTAssertEqual(render(["main": "{{#rows}}{{title}}@{{url}}{{/rows}}"], "main", context), "r@top")
    }

    func test_standalone_tags_take_their_whole_line_and_inline_tags_keep_it() {
        let text = "<ul>\n  {{#rows}}\n  <li>{{.}}</li>\n  {{/rows}}\n</ul>\n{{! note }}\nend {{#rows}}{{.}}{{/rows}} \n"
        XCTAssertEqual(render(["main": text], "main", ["rows": ["a", "b"]]),
                       "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\nend ab \n")
    }

    /// The block tags share a line in the layout, so the layout's line break stays after the content.
    func test_layouts_are_inherited_with_block_overrides_and_defaults() {
        let templates = [
            "layout": "<title>{{$title}}站{{/title}}</title>\n<main>\n{{$content}}{{/content}}\n</main>\n",
            "main": "{{<layout}}\n{{$content}}\n<p>{{text}}</p>\n{{/content}}\n{{/layout}}\n",
            "titled": "{{<layout}}{{$title}}页{{/title}}{{/layout}}",
        ]
        XCTAssertEqual(render(templates, "main", ["text": "正文"]), "<title>站</title>\n<main>\n<p>正文</p>\n\n</main>\n")
        XCTAssertEqual(render(templates, "titled"), "<title>页</title>\n<main>\n\n</main>\n")
    }

    func test_standalone_partials_indent_every_line() {
        let templates = ["main": "<div>\n  {{>inner}}\n</div>\n", "inner": "a\nb\n"]
        XCTAssertEqual(render(templates), "<div>\n  a\n  b\n</div>\n")
        XCTAssertEqual(render(["main": "[{{>nothing}}]"]), "[]")
    }

    func test_set_delimiter_changes_the_tag_markers() {
        XCTAssertEqual(render(["main": "{{=<% %>=}}<% x %>{{x}}"], "main", ["x": "1"]), "1{{x}}")
    }

    func test_syntax_errors_say_what_and_where() {
        XCTAssertEqual(error("a\n  {{#items}}x{{/item}}"), TemplateSyntaxError(kind: .sectionClosedWithWrongName, line: 2, column: 17))
        XCTAssertEqual(error("一二{{#open}}\nx"), TemplateSyntaxError(kind: .sectionNotClosed, line: 2, column: 2))
        XCTAssertEqual(error("{{name"), TemplateSyntaxError(kind: .unfinishedTag, line: 1, column: 7))
        XCTAssertEqual(error("{{<layout}}{{x}}{{/layout}}")?.kind, .illegalTokenInsideParent)
        XCTAssertEqual(error("{{upper(x)}}")?.message, "transform tags are not supported")
        XCTAssertEqual(error("{{=<% =}}")?.kind, .invalidSetDelimiter)
    }
}
