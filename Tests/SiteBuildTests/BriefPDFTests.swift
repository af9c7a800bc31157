import BriefPrint
import Foundation
import SiteBuild
import XCTest

/// Country briefs printed from the real seeds, checked with poppler-utils as a reader would:
/// text extractable, CJK font embedded, sensible page count, a first page that is not blank.
final class BriefPDFTests: XCTestCase {
    nonisolated(unsafe) static var site: String?

    /// One build and one print of two briefs (a country named often, one named once) for all tests,
    /// by one worker: the first brief is loaded in its tab, the second swapped into the same page.
    func printedSite() throws -> String {
        if let site = Self.site { return site }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("briefs-\(UUID().uuidString)").path
        let report = SiteBuilder.build(BuildOptions(seeds: Repo.seeds, templateFolders: [Repo.templates], output: dir))
        XCTAssertTrue(report.succeeded)
        let (written, problems) = try Briefs.print(site: dir, selected: ["PK", "NU"], chromium: BriefPrinter.findChromium(), parallel: 1)
        XCTAssertEqual(problems.map(\.description), [])
        XCTAssertEqual(written.map { ($0 as NSString).lastPathComponent }, ["nu.pdf", "pk.pdf"])
        Self.site = dir
        return dir
    }

    override class func tearDown() {
        if let site { try? FileManager.default.removeItem(atPath: site) }
    }

    func poppler(_ tool: String, _ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/" + tool)
        p.arguments = args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    func test_a_brief_names_its_country_an_agreement_and_quotes_a_cited_paragraph() throws {
        let pdf = try printedSite() + "/briefs/pk.pdf"
        let text = try poppler("pdftotext", [pdf, "-"]).replacingOccurrences(of: "\n", with: "")
        XCTAssertTrue(text.contains("巴基斯坦"))
        XCTAssertTrue(text.contains("关于中巴经济走廊能源项目清单调整的协议"), "agreement title")
        XCTAssertTrue(text.contains("巴基斯坦规划发展和改革部签署"), "a quoted item")
        XCTAssertTrue(text.contains("原文第 51 行"), "its citation")
        let count = try pages(pdf)
        XCTAssertTrue((3...30).contains(count), "\(count) pages")
        XCTAssertTrue(try poppler("pdfinfo", [pdf]).contains("A4"))
    }

    func test_a_country_named_once_gets_a_short_brief() throws {
        let pdf = try printedSite() + "/briefs/nu.pdf"
        XCTAssertTrue(try poppler("pdftotext", [pdf, "-"]).contains("纽埃"))
        let info = try poppler("pdfinfo", [pdf])
        XCTAssertTrue(info.contains("Pages:           1") || info.contains("Pages:           2"), info)
    }

    func test_the_cjk_font_is_embedded() throws {
        let fonts = try poppler("pdffonts", [try printedSite() + "/briefs/pk.pdf"])
        let cjk = fonts.split(separator: "\n").filter { $0.contains("DroidSansFallback") }
        XCTAssertFalse(cjk.isEmpty, fonts)
        XCTAssertTrue(cjk.allSatisfy { $0.contains(" yes yes yes ") }, fonts)  // embedded, subset, unicode map
        // No Type 3 fonts: glyphs drawn as outlines mean a CFF font (Noto CJK) or synthetic bold
        // crept into print, which costs a lot of printing time and bytes.
        XCTAssertFalse(fonts.contains("Type 3"), fonts)
    }

    func pages(_ pdf: String) throws -> Int {
        let info = try poppler("pdfinfo", [pdf])
        return Int(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }?.split(separator: " ").last ?? "") ?? 0
    }

    func pageText(_ pdf: String, _ page: Int) throws -> String {
        try poppler("pdftotext", ["-f", "\(page)", "-l", "\(page)", pdf, "-"])
    }

    func test_every_brief_numbers_its_own_pages_from_1_under_its_running_head() throws {
        for (code, head) in [("pk", "巴基斯坦 Pakistan · 国别简报"), ("nu", "纽埃 Niue · 国别简报")] {
            let pdf = try printedSite() + "/briefs/\(code).pdf"
            let count = try pages(pdf)
            let first = try pageText(pdf, 1), last = try pageText(pdf, count)
            func squeezed(_ s: String) -> String { s.filter { !$0.isWhitespace } }  // pdftotext spaces "1 / 2" or "1/2"
            XCTAssertTrue(squeezed(first).contains("1/\(count)"), first)
            XCTAssertTrue(squeezed(last).contains("\(count)/\(count)"), last)
            XCTAssertTrue(squeezed(first + last).components(separatedBy: squeezed(head)).count == 3, first + last)
        }
    }

    /// A worker loads its first brief and swaps each next one into the same page; a brief printed
    /// alone (its own page load) must come out the same, byte for byte but for the creation time.
    /// (In a copy of the site: the PDFs' links hold the pages' absolute file URLs.)
    func test_a_brief_swapped_into_a_loaded_page_prints_as_if_loaded_alone() throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("briefs-swap-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: try printedSite(), toPath: site)
        defer { try? FileManager.default.removeItem(atPath: site) }
        func undated(_ code: String) throws -> String {
            let data = try Data(contentsOf: URL(fileURLWithPath: site + "/briefs/\(code).pdf"))
            return (String(data: data, encoding: .isoLatin1) ?? "")
                .replacingOccurrences(of: #"/(CreationDate|ModDate) \(D:[^)]*\)"#, with: "", options: .regularExpression)
        }
        let chromium = BriefPrinter.findChromium()
        XCTAssertEqual(try Briefs.print(site: site, selected: ["PK", "NU"], chromium: chromium, parallel: 1).problems.count, 0)
        let together = try ["pk", "nu"].map(undated)
        for code in ["PK", "NU"] {
            XCTAssertEqual(try Briefs.print(site: site, selected: [code], chromium: chromium).problems.count, 0)
        }
        XCTAssertTrue(together == (try ["pk", "nu"].map(undated)), "the briefs printed one after the other differ from those printed alone")
    }

    func test_the_first_page_renders_and_is_not_blank() throws {
        let site = try printedSite()
        let shots = Repo.root + "/.build/screenshots"
        try FileManager.default.createDirectory(atPath: shots, withIntermediateDirectories: true)
        _ = try poppler("pdftoppm", ["-r", "50", "-png", "-f", "1", "-l", "1", "-singlefile", site + "/briefs/pk.pdf", shots + "/brief-pk"])
        let size = (try FileManager.default.attributesOfItem(atPath: shots + "/brief-pk.png")[.size] as? Int) ?? 0
        XCTAssertGreaterThan(size, 15_000, "a blank A4 page at 50 dpi is ~2 KB")
    }

    func test_the_index_lists_the_printed_briefs() throws {
        let index = try String(contentsOfFile: try printedSite() + "/briefs/index.html", encoding: .utf8)
        XCTAssertTrue(index.contains("<a href=\"pk.pdf\">巴基斯坦</a>"))
        XCTAssertTrue(index.contains("<a href=\"nu.pdf\">纽埃</a>"))
    }

    func test_a_missing_chromium_is_a_clear_error_naming_the_package() throws {
        let run = try runSilkpress(["briefs", "--site", try printedSite(), "--country", "PK"],
                                   environment: ["CHROMIUM": "/nonexistent/chromium"])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stderr, """
            chromium:1:1: error: headless Chromium is needed to print PDFs and was not found
              hint: install it with: sudo apt-get install chromium fonts-droid-fallback fonts-dejavu-core (or set CHROMIUM=/path/to/chromium)

            """)
    }

    func test_an_unknown_country_is_an_error() throws {
        XCTAssertThrowsError(try Briefs.print(site: try printedSite(), selected: ["XX"], chromium: nil)) { error in
            XCTAssertTrue("\(error)".contains("no country XX in this site"), "\(error)")
        }
    }
}
