import XCTest
@testable import SiteSearch

final class IndexBuilderTests: XCTestCase {
    let records = [
        SearchRecord(url: "countries/pk/index.html", title: "巴基斯坦", text: "亚洲", kind: .country,
                     names: ["Pakistan", "PK"]),
        SearchRecord(url: "documents/d/index.html#p-1", title: "第一节", text: "中巴经济走廊</script>", kind: .paragraph),
        SearchRecord(url: "documents/d/index.html#p-2", title: "第一节", text: "巴基斯坦", kind: .paragraph),
    ]

    func testDeterministic() {
        let a = SearchIndexBuilder.build(records).js
        let b = SearchIndexBuilder.build(records).js
        XCTAssertEqual(a, b)
        XCTAssertEqual(a.utf8.count, SearchIndexBuilder.build(records).stats.bytes)
    }

    func testSharedPrefixesTitlesAndDeltaPostings() {
        let (js, stats) = SearchIndexBuilder.build(records)
        XCTAssertTrue(js.hasPrefix("// Silkpress search index"))
        XCTAssertTrue(js.contains("\"prefixes\":[\"countries/pk/\",\n\"documents/d/index.html#\"]"), js)
        XCTAssertTrue(js.contains("\"titles\":[\"巴基斯坦\",\n\"第一节\"]"), js)
        XCTAssertTrue(js.contains("[2,0,\"index.html\",0,\"亚洲\",[\"Pakistan\",\"PK\"]]"), js)
        let tokens = field("tokens", js).split(separator: " ")
        let posts = field("postings", js).split(separator: " ")
        XCTAssertEqual(tokens.count, posts.count)
        func ids(_ t: String) -> [Int]? {
            tokens.firstIndex(of: Substring(t)).map { GapCode.decode(posts[$0]).reduce(into: [Int]()) { $0.append(($0.last ?? 0) + $1) } }
        }
        // 巴基 is in record 0 (title) and 2 (text): ids 0, 2 → gaps 0, 2 → "ac".
        XCTAssertEqual(ids("巴基"), [0, 2])
        XCTAssertEqual(posts[tokens.firstIndex(of: "巴基")!], "ac")
        XCTAssertEqual(ids("pk"), [0])
        XCTAssertEqual(ids("巴"), [0, 1, 2])
        // Paragraph titles are not indexed.
        XCTAssertNil(ids("第一"))
        XCTAssertEqual(stats.records, 3)
    }

    private func field(_ name: String, _ js: String) -> String {
        let start = js.range(of: "\"\(name)\":\"")!.upperBound
        return String(js[start...].prefix { $0 != "\"" })
    }

    func testGapCode() {
        var s = ""
        for v in [0, 1, 31, 32, 1023, 1024, 123_456] { GapCode.append(v, to: &s) }
        XCTAssertEqual(s, "a" + "b" + "/" + "Ba" + "5/" + "BAa" + "DYSa")  // 123456 = 3·32³ + 24·32² + 18·32
        XCTAssertEqual(GapCode.decode(Substring(s)), [0, 1, 31, 32, 1023, 1024, 123_456])
    }

    func testEscapesScriptEnd() {
        let js = SearchIndexBuilder.build(records).js
        XCTAssertFalse(js.contains("</script>"))
        XCTAssertTrue(js.contains("\\u003c/script>"))
    }

    func testSplitURL() {
        XCTAssertEqual(SearchIndexBuilder.splitURL("a/b/index.html#p-1").0, "a/b/index.html#")
        XCTAssertEqual(SearchIndexBuilder.splitURL("a/b/index.html").1, "index.html")
        XCTAssertEqual(SearchIndexBuilder.splitURL("x").0, "")
    }

    func testCorpusIndexIsDeterministicAndWithinBudget() throws {
        let site = try Corpus.requireSite()
        let records = try Corpus.records(site: site)
        let first = SearchIndexBuilder.build(records)
        XCTAssertEqual(first.js, SearchIndexBuilder.build(records).js)
        let html = Corpus.htmlBytes(site: site)
        let ratio = Double(first.stats.bytes) / Double(html)
        print("corpus index: \(first.stats); HTML \(html) bytes; ratio \(String(format: "%.1f%%", ratio * 100))")
        XCTAssertLessThan(ratio, 0.40)
        // For measuring by hand: SILKPRESS_SEARCH_DUMP=/some/file.js swift test --filter Corpus
        if let dump = ProcessInfo.processInfo.environment["SILKPRESS_SEARCH_DUMP"] {
            try first.js.write(toFile: dump, atomically: true, encoding: .utf8)
        }
    }
}
