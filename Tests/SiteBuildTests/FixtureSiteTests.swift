import Foundation
import SiteBuild
import SiteModel
import XCTest

/// Builds the fixture site in Tests/Fixtures/valid-list into a temporary folder.
final class FixtureSiteTests: XCTestCase {
    func test_can_build_a_list_document_into_pages_data_and_an_edition() throws {
        let out = try scratch() + "/site"
        let report = build(seeds: Repo.fixture("valid-list/seeds"), output: out)
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.description).joined(separator: "\n"))
        let files = Set(tree(out).keys)
        XCTAssertEqual(files, Set<String>([
            ".silkpress-build", "README.md", "assets/site.css", "index.html", "404.html", "sitemap.xml",
            "search/index.html", "search/search-index.js", "assets/search.js", "figures/index.html", "data/figures.json",
            "data/documents.json", "data/editions/list.md",
            "data/countries.json", "data/countries.csv", "data/organisations.json", "data/agreements.json",
            "documents/list/index.html", "documents/list/source.html", "media/images/map.png",
            "countries/index.html", "organisations/index.html", "agreements/index.html",
            // The entities the list names: two countries, three signed instruments, one 《》 document.
            "countries/pk/index.html", "countries/id/index.html",
            "countries/pk/brief/index.html", "countries/id/brief/index.html",
            "agreements/list-item-1-1-1/index.html", "agreements/list-item-1-2-1/index.html",
            "agreements/list-item-2-1-1/index.html", "agreements/doc-3ce7f088/index.html",
        ]).union(
            // Every chart with its three downloads: the site's own data and each country's.
            ["site/agreements-by-type", "site/list-items-per-category", "site/list-most-named-countries",
             "site/mentions-by-continent", "site/world-tile-map", "countries/pk", "countries/id"]
                .flatMap { chart in ["svg", "csv", "json"].map { "figures/\(chart).\($0)" } }))
        let page = try text(out + "/documents/list/index.html")
        for anchor in ["category-1", "category-2", "item-1-1", "item-1-2", "item-2-1", "toc"] {
            XCTAssertTrue(page.contains("id=\"\(anchor)\""), anchor)
        }
        // Relative links that name a file; the source line of each item links into the source page.
        XCTAssertTrue(page.contains("href=\"../../assets/site.css\""))
        XCTAssertTrue(page.contains("href=\"source.html#L20\""))
        XCTAssertTrue(page.contains("rel=\"prev\" href=\"../../index.html\""))
        XCTAssertTrue(page.contains("<img src=\"../../media/images/map.png\" alt=\"地图\" />"))
        XCTAssertTrue(try text(out + "/documents/list/source.html").contains("<li id=\"L20\">"))
    }

    func test_seed_text_is_escaped_and_raw_html_never_published() throws {
        let out = try scratch() + "/site"
        XCTAssertTrue(build(seeds: Repo.fixture("valid-list/seeds"), output: out).succeeded)
        let page = try text(out + "/documents/list/index.html")
        XCTAssertTrue(page.contains("<title>测试成果清单 &lt;b&gt;粗&lt;/b&gt; · "))
        XCTAssertFalse(page.contains("<script>"))
        XCTAssertFalse(page.contains("<b>粗"))
        // Entity names link to their pages, inside the escaped text.
        XCTAssertTrue(page.contains("中国政府与<a href=\"../../countries/pk/index.html\" title=\"巴基斯坦\">巴基斯坦</a>政府签署《<a href=\"../../agreements/doc-3ce7f088/index.html\" title=\"合作备忘录\">合作备忘录</a>》alert(1)。"), page)
        XCTAssertTrue(page.contains("<em>合作协议</em>"))
        // The source page shows the raw line, escaped.
        XCTAssertTrue(try text(out + "/documents/list/source.html").contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    func test_documents_json_follows_the_data_contract() throws {
        let out = try scratch() + "/site"
        XCTAssertTrue(build(seeds: Repo.fixture("valid-list/seeds"), output: out).succeeded)
        let data = try XCTUnwrap(FileManager.default.contents(atPath: out + "/data/documents.json"))
        let docs = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        XCTAssertEqual(docs.count, 1)
        let d = docs[0]
        XCTAssertEqual(d["id"] as? String, "list")
        XCTAssertEqual(d["title"] as? String, "测试成果清单 <b>粗</b>")
        XCTAssertEqual(d["date"] as? String, "2019-04-27")
        XCTAssertEqual(d["source"] as? String, "seeds/list.md")  // not the absolute --seeds path
        XCTAssertEqual(d["url"] as? String, "documents/list/index.html")
        let sections = try XCTUnwrap(d["sections"] as? [[String: Any]])
        XCTAssertEqual(sections.map { $0["kind"] as? String }, ["preface", "category", "category"])
        for s in sections + sections.flatMap({ $0["children"] as? [[String: Any]] ?? [] }) {
            for key in ["id", "kind", "label", "inferred", "title", "text", "line", "url", "children"] {
                XCTAssertNotNil(s[key], "section \(s["id"] ?? "?") lacks \(key)")
            }
            XCTAssertEqual(s["url"] as? String, "documents/list/index.html#\(s["id"] as? String ?? "")")
        }
        let item = try XCTUnwrap((sections[1]["children"] as? [[String: Any]])?.first)
        XCTAssertEqual(item["kind"] as? String, "item")
        XCTAssertEqual(item["label"] as? String, "（一）")
        XCTAssertEqual(item["line"] as? Int, 20)
        XCTAssertEqual(item["inferred"] as? Bool, false)
        // Raw HTML tags are dropped at ingest; the text between them is text, as CommonMark reads it.
        XCTAssertEqual(item["text"] as? String, "中国政府与巴基斯坦政府签署《合作备忘录》alert(1)。")
        XCTAssertTrue(sections[1]["text"] is NSNull)
        XCTAssertTrue(sections[0]["label"] is NSNull)
    }

    func test_the_edition_is_clean_commonmark_of_the_documents_own_text() throws {
        let out = try scratch() + "/site"
        XCTAssertTrue(build(seeds: Repo.fixture("valid-list/seeds"), output: out).succeeded)
        XCTAssertEqual(try text(out + "/data/editions/list.md"), """
            # 测试成果清单 \\<b\\>粗\\</b\\>

            ## 测试论坛成果清单

            清单涵盖2大类，共3大项、10多项具体成果。

            ## 一、政策沟通

            （一）中国政府与巴基斯坦政府签署《合作备忘录》alert(1)。

            （二）中国政府与印度尼西亚政府签署协议。

            ## 二、设施联通

            （一）中国铁路总公司签署*合作协议*。

            """)
    }

    func test_the_sitemap_lists_every_page_absolute_only_with_a_base_url() throws {
        let base = try scratch()
        XCTAssertTrue(build(seeds: Repo.fixture("valid-list/seeds"), output: base + "/a").succeeded)
        let relative = try text(base + "/a/sitemap.xml")
        XCTAssertTrue(relative.contains("<url><loc>documents/list/index.html</loc></url>"), relative)
        XCTAssertFalse(relative.contains("404.html"))
        let report = SiteBuilder.build(BuildOptions(seeds: Repo.fixture("valid-list/seeds"), templateFolders: [Repo.templates],
                                                    output: base + "/b", baseURL: "https://example.org/bri"))
        XCTAssertTrue(report.succeeded)
        let absolute = try text(base + "/b/sitemap.xml")
        XCTAssertTrue(absolute.contains("<url><loc>https://example.org/bri/countries/pk/index.html</loc></url>"), absolute)
        XCTAssertEqual(absolute.components(separatedBy: "<url>").count - 1, report.pageCount - 1)  // all but 404.html
        // Pages themselves never carry the absolute address.
        XCTAssertFalse(try text(base + "/b/index.html").contains("example.org"))
    }

    func test_two_builds_of_the_same_seeds_are_byte_identical() throws {
        let base = try scratch()
        XCTAssertTrue(build(seeds: Repo.seeds, output: base + "/a").succeeded)
        XCTAssertTrue(build(seeds: Repo.seeds, output: base + "/b").succeeded)
        let a = tree(base + "/a"), b = tree(base + "/b")
        XCTAssertGreaterThan(a.count, 5)
        XCTAssertEqual(a, b)
        // The same seeds in another place give the same bytes too (no absolute paths leak in).
        try FileManager.default.createDirectory(atPath: base + "/elsewhere", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Repo.seeds, toPath: base + "/elsewhere/seeds")
        XCTAssertTrue(build(seeds: base + "/elsewhere/seeds", output: base + "/c").succeeded)
        XCTAssertEqual(tree(base + "/c"), a)
    }

    func test_a_user_template_folder_overrides_only_what_it_holds() throws {
        let base = try scratch()
        try FileManager.default.createDirectory(atPath: base + "/theme/partials", withIntermediateDirectories: true)
        try "我的文库".write(toFile: base + "/theme/partials/site-name.mustache", atomically: true, encoding: .utf8)
        let report = build(seeds: Repo.fixture("valid-list/seeds"), templates: [base + "/theme", Repo.templates],
                           output: base + "/site")
        XCTAssertTrue(report.succeeded)
        let home = try text(base + "/site/index.html")
        XCTAssertTrue(home.contains("<title>首页 · 我的文库</title>"))
        XCTAssertTrue(home.contains("class=\"doc-list\""))  // home.mustache still the built-in one
    }
}
