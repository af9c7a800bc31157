import Foundation
import SiteLink
import SiteModel
@testable import SiteRender
import XCTest

/// Entity pages and data files, from a small document and hand-made entities.
final class EntityRenderTests: XCTestCase {
    static func site() -> SiteGraph {
        let text = "中国政府与巴基斯坦、印度尼西亚政府签署《合作<备忘录>》。"
        let block = Block(id: "p-1", markdown: CommonMarkText.escaped(text), text: text, line: 7)
        let item = Section(id: "item-1-1", kind: .item, label: "（一）", title: text, text: text, line: 7, content: [.block(block)])
        let category = Section(id: "category-1", kind: .category, label: "一、", title: "政策沟通", line: 5, content: [.section(item)])
        let doc = Document(id: "list", source: "seeds/list.md", title: "清单", sections: [category])
        func mention(_ surface: String, _ offset: Int) -> Mention {
            Mention(document: "list", section: "item-1-1", block: "p-1", line: 7, surface: surface, offset: offset)
        }
        let pk = Country(iso2: "PK", nameZh: "巴基斯坦", nameEn: "Pakistan", kind: .country, continent: "亚洲",
                         mentions: [mention("巴基斯坦", 5)])
        let id = Country(iso2: "ID", nameZh: "印度尼西亚", nameEn: "Indonesia", kind: .country, continent: "亚洲",
                         mentions: [mention("印度尼西亚", 10)])
        let mou = Agreement(id: "doc-1", kind: .document, title: "合作<备忘录>", type: "谅解备忘录",
                            parties: ["中国政府", "巴基斯坦政府"], countries: ["PK"], mentions: [mention("《合作<备忘录>》", 19)])
        return SiteGraph(documents: [doc], entities: EntityIndex(countries: [id, pk], agreements: [mou]))
    }

    func render() throws -> [String: String] {
        guard case .success(let templates) = TemplateSet.load(folders: [BookRenderTests.templates]) else {
            throw XCTSkip("templates did not load")
        }
        var out: [String: String] = [:]
        for f in try SiteRenderer(templates: templates, seedsDirectory: "seeds").render(Self.site()) {
            if case .bytes(let b) = f.contents { out[f.path] = String(decoding: b, as: UTF8.self) }
        }
        return out
    }

    func test_a_country_page_shows_its_mentions_agreements_and_neighbours() throws {
        let page = try XCTUnwrap(try render()["countries/pk/index.html"])
        XCTAssertTrue(page.contains("<h1>巴基斯坦 <small>Pakistan · <code>PK</code> · 亚洲</small></h1>"), page)
        // The snippet is escaped, the name marked, and it links to the paragraph's permalink.
        XCTAssertTrue(page.contains("<a class=\"snippet\" href=\"../../documents/list/index.html#p-1\">中国政府与<mark>巴基斯坦</mark>、印度尼西亚政府签署《合作&lt;备忘录&gt;》。</a>"), page)
        XCTAssertTrue(page.contains("<a href=\"../../agreements/doc-1/index.html\">合作&lt;备忘录&gt;</a>"))
        XCTAssertTrue(page.contains("<a href=\"../id/index.html\">印度尼西亚</a>"))  // named in the same paragraph
        XCTAssertTrue(page.contains("<a href=\"../../documents/list/index.html#item-1-1\"><span class=\"label\">（一）</span>"))
    }

    func test_the_countries_index_groups_by_continent_with_counts_per_document() throws {
        let page = try XCTUnwrap(try render()["countries/index.html"])
        XCTAssertTrue(page.contains("<h2>亚洲</h2>"))
        XCTAssertTrue(page.contains("<td><a href=\"id/index.html\">印度尼西亚</a></td><td>Indonesia</td><td><code>ID</code></td><td class=\"num\">1</td><td class=\"num\">1</td>"), page)
    }

    func test_entity_data_files_follow_the_contract() throws {
        let files = try render()
        let countries = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try XCTUnwrap(files["data/countries.json"]).utf8)) as? [[String: Any]])
        XCTAssertEqual(countries.map { $0["iso2"] as? String }, ["ID", "PK"])
        let pk = countries[1]
        XCTAssertEqual(pk["url"] as? String, "countries/pk/index.html")
        XCTAssertEqual(pk["kind"] as? String, "country")
        let mention = try XCTUnwrap((pk["mentions"] as? [[String: Any]])?.first)
        XCTAssertEqual(mention["document"] as? String, "list")
        XCTAssertEqual(mention["section"] as? String, "item-1-1")
        XCTAssertEqual(mention["line"] as? Int, 7)
        XCTAssertEqual(mention["surface"] as? String, "巴基斯坦")
        XCTAssertEqual(mention["url"] as? String, "documents/list/index.html#p-1")
        XCTAssertEqual(files["data/countries.csv"], """
            iso2,nameZh,nameEn,kind,continent,mentions,mentions:list,url\r
            ID,印度尼西亚,Indonesia,country,亚洲,1,1,countries/id/index.html\r
            PK,巴基斯坦,Pakistan,country,亚洲,1,1,countries/pk/index.html\r

            """)
        let agreements = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try XCTUnwrap(files["data/agreements.json"]).utf8)) as? [[String: Any]])
        XCTAssertEqual(agreements.first?["type"] as? String, "谅解备忘录")
        XCTAssertEqual(agreements.first?["countries"] as? [String], ["PK"])
        XCTAssertEqual(agreements.first?["url"] as? String, "agreements/doc-1/index.html")
    }

    func test_the_first_mention_of_each_entity_in_a_paragraph_links_to_its_page() throws {
        let page = try XCTUnwrap(try render()["documents/list/index.html"])
        XCTAssertTrue(page.contains("中国政府与<a href=\"../../countries/pk/index.html\" title=\"巴基斯坦\">巴基斯坦</a>、<a href=\"../../countries/id/index.html\" title=\"印度尼西亚\">印度尼西亚</a>政府签署<a href=\"../../agreements/doc-1/index.html\" title=\"合作&lt;备忘录&gt;\">《合作&lt;备忘录&gt;》</a>。"), page)
    }
}
