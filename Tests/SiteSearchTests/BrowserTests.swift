import Foundation
import XCTest
@testable import SiteSearch

/// search.js in headless Chromium from file://. Each page writes what the test needs into the
/// DOM (PASS/FAIL, result links, data-ms); CONSOLE lines on stderr count as failures.
final class BrowserTests: XCTestCase {
    func testTokenizerVectorsInChromium() throws {
        let dir = try makeTempDir("tokenizer")
        defer { try? FileManager.default.removeItem(at: dir) }
        let json = try String(contentsOf: PackagePaths.vectors, encoding: .utf8)
        // file:// forbids fetching the JSON, so the same file is wrapped in a script.
        try "window.VECTORS = \(json);\n".write(to: dir.appendingPathComponent("vectors.js"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(at: PackagePaths.searchJS, to: dir.appendingPathComponent("search.js"))
        try """
        <!doctype html><meta charset="utf-8"><title>tokenizer vectors</title>
        <pre id="out"></pre>
        <script src="vectors.js"></script><script src="search.js"></script>
        <script>
        var fails = VECTORS.filter(function (v) {
          return JSON.stringify(SilkpressSearch.tokens(v.text)) !== JSON.stringify(v.tokens);
        }).map(function (v) { return 'FAIL ' + JSON.stringify(v.text) + ' → ' + JSON.stringify(SilkpressSearch.tokens(v.text)); });
        document.getElementById('out').textContent = fails.length ? fails.join('\\n') : 'PASS ' + VECTORS.length;
        </script>
        """.write(to: dir.appendingPathComponent("test.html"), atomically: true, encoding: .utf8)
        let dump = try Chromium.dumpDOM(Chromium.url(dir.appendingPathComponent("test.html")))
        let out = DOM.matches(#"<pre id="out">(.*?)</pre>"#, in: dump.dom).first ?? "(no output)"
        XCTAssertEqual(out, "PASS \(try TokenizerVector.load().count)", out)
        XCTAssertEqual(dump.consoleLines, [])
    }

    /// Data containing markup is shown as text, never parsed.
    func testResultsAreEscaped() throws {
        let records = [SearchRecord(url: "documents/d/index.html#p-1", title: "<b>标题</b>",
                                    text: "前文<img src=x onerror=alert(1)>恶意测试\"'&后文", kind: .paragraph)]
        let site = try SearchTestSite.assemble(records: records, copying: nil, name: "escape")
        defer { try? FileManager.default.removeItem(at: site) }
        let dump = try Chromium.dumpDOM(Chromium.url(site.appendingPathComponent("search/index.html"), query: "恶意"))
        XCTAssertTrue(dump.dom.contains("&lt;img src=x onerror=alert(1)&gt;<mark>恶意</mark>测试\"'&amp;后文"), dump.dom)
        XCTAssertFalse(dump.dom.contains("<img"))
        XCTAssertFalse(dump.dom.contains("<b>"))
        XCTAssertEqual(dump.consoleLines, [])
    }

    /// Tokens are sorted by UTF-16 units and search.js binary-searches them: a compatibility
    /// ideograph (U+F900, after surrogates in UTF-16, before astral characters in UTF-8) and an
    /// astral one must both be found.
    func testLookupOfAstralAndCompatibilityIdeographs() throws {
        let records = [
            SearchRecord(url: "a.html#p-1", title: "甲", text: "豈字", kind: .paragraph),
            SearchRecord(url: "a.html#p-2", title: "甲", text: "𠀀字", kind: .paragraph),
            SearchRecord(url: "a.html#p-3", title: "甲", text: "乙字", kind: .paragraph),
        ]
        let site = try SearchTestSite.assemble(records: records, copying: nil, name: "astral")
        defer { try? FileManager.default.removeItem(at: site) }
        for (q, url) in [("豈", "../a.html#p-1"), ("𠀀字", "../a.html#p-2"), ("乙", "../a.html#p-3"), ("豈字", "../a.html#p-1")] {
            let dump = try Chromium.dumpDOM(Chromium.url(site.appendingPathComponent("search/index.html"), query: q))
            XCTAssertEqual(DOM.resultHrefs(dump.dom), [url], q)
            XCTAssertEqual(dump.consoleLines, [], q)
        }
        XCTAssertEqual(DOM.resultHrefs(try Chromium.dumpDOM(Chromium.url(site.appendingPathComponent("search/index.html"), query: "字")).dom).count, 3)
    }

    struct Expectation {
        var query: String
        var first: String?
    }

    func testCorpusQueries() throws {
        let corpus = try Corpus.requireSite()
        let records = try Corpus.records(site: corpus)
        // The real build's search page, index and script.
        let page = corpus.appendingPathComponent("search/index.html")
        let pk = "../countries/pk/index.html"
        let cases = [
            Expectation(query: "巴基斯坦", first: pk),
            Expectation(query: "PK", first: pk),
            Expectation(query: "Pakistan", first: pk),
            Expectation(query: "pakistan", first: pk),
            Expectation(query: "雅万高铁", first: "../agreements/brf-2017-outcomes-item-2-12-1/index.html"),
            Expectation(query: "RCEP", first: "../organisations/rcep/index.html"),
            Expectation(query: "中欧班列", first: nil),
            Expectation(query: "国", first: nil),      // one character, most postings
            Expectation(query: "合作", first: nil),    // the commonest bigram
        ]
        var report: [String] = []
        for c in cases {
            let dump = try Chromium.dumpDOM(Chromium.url(page, query: c.query))
            let hrefs = DOM.resultHrefs(dump.dom)
            let ms = Double(DOM.statusAttribute("data-ms", dump.dom) ?? "") ?? .infinity
            let total = Int(DOM.statusAttribute("data-total", dump.dom) ?? "") ?? -1
            let open = Double(DOM.statusAttribute("data-open-ms", dump.dom) ?? "") ?? .infinity
            let ready = DOM.statusAttribute("data-ready-ms", dump.dom) ?? "?"
            report.append("\(c.query): \(total) results; query \(ms) ms (+ \(open) ms opening the index); page ready at \(ready) ms")
            XCTAssertGreaterThan(hrefs.count, 0, c.query)
            if let first = c.first { XCTAssertEqual(hrefs.first, first, c.query) }
            // Every record whose text holds the query verbatim is found (when all are shown).
            let q = c.query.lowercased()
            let isWordQuery = q.unicodeScalars.allSatisfy { Tokenizer.isWord($0.value) }
            let verbatim = records.filter { r in
                ([r.text] + (r.kind == .paragraph ? [] : [r.title] + r.names)).contains {
                    isWordQuery ? Tokenizer.tokens($0).contains(q) : $0.lowercased().contains(q)
                }
            }
            if total <= 50 {
                for r in verbatim { XCTAssertTrue(hrefs.contains("../" + r.url), "\(c.query): missing \(r.url)") }
            }
            XCTAssertGreaterThanOrEqual(total, verbatim.count, c.query)
            // The first query of a page pays for opening the index (token map) and a cold JIT.
            // On this shared 2-core VM a single load can stall; over budget, two more page loads
            // are measured and the median of the three must be within it.
            var times = [ms + open]
            if times[0] >= 50 {
                for _ in 0..<2 {
                    let again = try Chromium.dumpDOM(Chromium.url(page, query: c.query)).dom
                    times.append((Double(DOM.statusAttribute("data-ms", again) ?? "") ?? .infinity)
                                 + (Double(DOM.statusAttribute("data-open-ms", again) ?? "") ?? .infinity))
                }
                report.append("\(c.query): re-measured \(times.map { String(format: "%.1f", $0) }) ms")
            }
            XCTAssertLessThan(times.sorted()[times.count / 2], 50, c.query)
            XCTAssertEqual(dump.consoleLines, [], c.query)
        }
        print(report.joined(separator: "\n"))
    }
}
