import Foundation
import SiteBuild
import SiteModel
import XCTest

/// Invalid inputs: each gives the exact diagnostic, and nothing is written.
final class InvalidFixtureTests: XCTestCase {
    private func errors(_ report: BuildReport) -> [String] {
        report.diagnostics.filter { $0.severity == .error }.map(\.description)
    }

    func test_broken_front_matter_is_reported_at_its_line() throws {
        let seeds = Repo.fixture("bad-front-matter/seeds")
        let report = build(seeds: seeds, output: try scratch() + "/site")
        XCTAssertEqual(errors(report), [
            "\(seeds)/list.md:4:1: error: bad YAML front matter: did not find expected ',' or ']' (while parsing a flow sequence)",
        ])
    }

    func test_invalid_utf8_is_reported_at_its_line_and_column() throws {
        let seeds = Repo.fixture("invalid-utf8/seeds")
        let report = build(seeds: seeds, output: try scratch() + "/site")
        XCTAssertEqual(errors(report), [
            "\(seeds)/list.md:7:6: error: invalid UTF-8 (byte 0xFF); seeds must be UTF-8 text\n  hint: re-save the file as UTF-8, e.g. iconv -f GB18030 -t UTF-8",
        ])
    }

    func test_a_template_naming_a_missing_partial_is_an_error_at_the_tag() throws {
        let templates = Repo.fixture("missing-partial/templates")
        let report = build(seeds: Repo.fixture("missing-partial/seeds"), templates: [templates, Repo.templates],
                           output: try scratch() + "/site")
        XCTAssertEqual(errors(report), [
            "\(templates)/document.mustache:4:3: error: template names a missing partial 'partials/toc-typo'\n  hint: no partials/toc-typo.mustache in \(templates) or \(Repo.templates)",
        ])
    }

    func test_an_output_folder_that_cannot_be_written_is_an_error() throws {
        let base = try scratch()
        try "not a folder".write(toFile: base + "/file", atomically: true, encoding: .utf8)
        let report = build(seeds: Repo.fixture("valid-list/seeds"), output: base + "/file/site")
        XCTAssertEqual(errors(report), [
            "\(base)/file/site:1:1: error: cannot create \(base)/file/site: Not a directory\n  hint: check that the folder holding the output exists and is writable",
        ])
    }

    func test_a_folder_silkpress_did_not_write_is_never_replaced() throws {
        let base = try scratch()
        try FileManager.default.createDirectory(atPath: base + "/docs", withIntermediateDirectories: true)
        try "mine".write(toFile: base + "/docs/thesis.txt", atomically: true, encoding: .utf8)
        let report = build(seeds: Repo.fixture("valid-list/seeds"), output: base + "/docs")
        XCTAssertEqual(errors(report), [
            "\(base)/docs:1:1: error: refusing to replace a folder that silkpress did not write (it has no .silkpress-build file)\n  hint: choose another --output, or empty the folder first",
        ])
        XCTAssertEqual(tree(base + "/docs").keys.sorted(), ["thesis.txt"])
    }

    func test_a_failed_build_leaves_the_previous_output_untouched() throws {
        let out = try scratch() + "/site"
        XCTAssertTrue(build(seeds: Repo.fixture("valid-list/seeds"), output: out).succeeded)
        let before = tree(out)
        let failed = build(seeds: Repo.fixture("invalid-utf8/seeds"), output: out)
        XCTAssertFalse(failed.succeeded)
        XCTAssertEqual(tree(out), before)
        // No staged file is left in it or beside it either.
        let parent = URL(fileURLWithPath: out).deletingLastPathComponent().path
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: parent), ["site"])
    }

    func test_a_broken_internal_link_fails_the_build_naming_every_page() throws {
        let templates = Repo.fixture("broken-link/templates")
        let out = try scratch() + "/site"
        let report = build(seeds: Repo.fixture("valid-list/seeds"), templates: [templates, Repo.templates], output: out)
        let errors = errors(report)
        // The footer is on every page; each page's broken link is reported.
        XCTAssertEqual(errors.count, report.pageCount)
        // Line and column depend on the page's layout; the rest is exact.
        XCTAssertTrue(errors.contains { e in
            e.hasPrefix("\(out)/documents/list/index.html:")
                && e.hasSuffix(": error: broken link href=\"../../about/index.html\": no file about/index.html in the site")
        }, errors.joined(separator: "\n"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
    }

    /// The link check fails after the changed files were staged: none of them reaches the output.
    func test_a_build_failing_its_link_check_leaves_the_previous_output_untouched() throws {
        let out = try scratch() + "/site"
        XCTAssertTrue(build(seeds: Repo.fixture("valid-list/seeds"), output: out).succeeded)
        let before = tree(out)
        let failed = build(seeds: Repo.fixture("valid-list/seeds"),
                           templates: [Repo.fixture("broken-link/templates"), Repo.templates], output: out)
        XCTAssertFalse(failed.succeeded)
        XCTAssertEqual(tree(out), before)
    }

    /// A rebuild removes what the new site no longer has (and any file an interrupted build
    /// left staged) and does not touch unchanged files.
    func test_a_rebuild_removes_stale_files_and_keeps_unchanged_ones() throws {
        let out = try scratch() + "/site"
        XCTAssertTrue(build(seeds: Repo.fixture("valid-list/seeds"), output: out).succeeded)
        let before = tree(out)
        let page = out + "/index.html"
        let old = Date(timeIntervalSince1970: 1_000_000_000)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: page)
        try FileManager.default.createDirectory(atPath: out + "/gone/deeper", withIntermediateDirectories: true)
        try "x".write(toFile: out + "/gone/deeper/index.html", atomically: false, encoding: .utf8)
        try "x".write(toFile: out + "/.silkpress-new-1-index.html", atomically: false, encoding: .utf8)
        XCTAssertTrue(build(seeds: Repo.fixture("valid-list/seeds"), output: out).succeeded)
        XCTAssertEqual(tree(out), before)
        let modified = try FileManager.default.attributesOfItem(atPath: page)[.modificationDate] as? Date
        XCTAssertEqual(modified, old)
    }

    /// A rebuild puts back a removed folder, and a page where a folder stood in its way.
    func test_a_rebuild_restores_removed_folders_and_replaces_a_folder_in_a_pages_way() throws {
        let out = try scratch() + "/site"
        XCTAssertTrue(build(seeds: Repo.fixture("valid-list/seeds"), output: out).succeeded)
        let before = tree(out)
        let fm = FileManager.default
        try fm.removeItem(atPath: out + "/countries")
        try fm.removeItem(atPath: out + "/index.html")
        try fm.createDirectory(atPath: out + "/index.html/inside", withIntermediateDirectories: true)
        try "x".write(toFile: out + "/index.html/inside/x.txt", atomically: false, encoding: .utf8)
        XCTAssertTrue(build(seeds: Repo.fixture("valid-list/seeds"), output: out).succeeded)
        XCTAssertEqual(tree(out), before)
    }

    /// A file where the site needs a folder stops the build with a clear error; nothing changes.
    func test_a_file_in_the_way_of_a_folder_fails_the_build_and_changes_nothing() throws {
        let out = try scratch() + "/site"
        XCTAssertTrue(build(seeds: Repo.fixture("valid-list/seeds"), output: out).succeeded)
        try FileManager.default.removeItem(atPath: out + "/countries")
        try "x".write(toFile: out + "/countries", atomically: false, encoding: .utf8)
        let before = tree(out)
        let failed = build(seeds: Repo.fixture("valid-list/seeds"), output: out)
        XCTAssertEqual(errors(failed), ["\(out):1:1: error: cannot write into \(out)/countries: a file of that name is in the way\n"
                                        + "  hint: remove it, or build into an empty --output folder"])
        XCTAssertEqual(tree(out), before)
    }

    func test_check_writes_nothing() throws {
        let out = try scratch() + "/site"
        let report = build(seeds: Repo.fixture("valid-list/seeds"), output: out, write: false)
        XCTAssertTrue(report.succeeded)
        XCTAssertGreaterThan(report.pageCount, 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
    }
}
