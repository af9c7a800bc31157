import Foundation
import XCTest

/// Runs the built `silkpress` executable as a user would.
final class CommandLineTests: XCTestCase {
    func silkpress(_ args: [String], in dir: String) throws -> SilkpressRun {
        try runSilkpress(args, in: dir)
    }

    func test_build_with_defaults_writes_Output_and_exits_zero() throws {
        let dir = try scratch()
        try FileManager.default.copyItem(atPath: Repo.fixture("valid-list/seeds"), toPath: dir + "/seeds")
        let run = try silkpress(["build", "--timings"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("built 17 pages, 51 files from 1 documents into Output/ in "), run.stdout)
        XCTAssertTrue(run.stderr.contains("seeds/list.md:10:1: warning: image '/images/missing.png' not found in the seeds folder; left out of the page"), run.stderr)
        XCTAssertTrue(run.stderr.contains("\nrender "), run.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/Output/documents/list/index.html"))
    }

    func test_errors_are_printed_as_path_line_col_and_exit_nonzero() throws {
        let dir = try scratch()
        try FileManager.default.copyItem(atPath: Repo.fixture("invalid-utf8/seeds"), toPath: dir + "/seeds")
        let run = try silkpress(["build"], in: dir)
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stderr, """
            seeds/list.md:7:6: error: invalid UTF-8 (byte 0xFF); seeds must be UTF-8 text
              hint: re-save the file as UTF-8, e.g. iconv -f GB18030 -t UTF-8
            1 error; nothing was written

            """)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/Output"))
    }

    func test_check_reports_the_outline_and_writes_nothing() throws {
        let dir = try scratch()
        try FileManager.default.copyItem(atPath: Repo.fixture("valid-list/seeds"), toPath: dir + "/seeds")
        let run = try silkpress(["check"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "seeds/list.md: 1 preface, 2 category, 3 item\nok: 1 documents, 17 pages would be written\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/Output"))
    }

    func test_check_prints_the_report_readers_quality_report_on_the_real_seeds() throws {
        let run = try silkpress(["check", "--seeds", Repo.seeds, "--templates", Repo.templates], in: try scratch())
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        let quality = try XCTUnwrap(lines.first { $0.hasPrefix(Repo.seeds + "/bri-trade-report-2021.txt: parts ") })
        for fact in ["parts 4 (2 inferred)", "sidebars 47 (30 labelled, 17 inferred)", "figures 10", "corrections applied 6"] {
            XCTAssertTrue(quality.contains(fact), quality)
        }
        // Every unterminated paragraph is listed with its line, and the list is short.
        let unterminated = lines.filter { $0.contains(": unterminated paragraph: ") }
        XCTAssertTrue(quality.hasSuffix("unterminated paragraphs \(unterminated.count)"), quality)
        XCTAssertLessThanOrEqual(unterminated.count, 3)
    }

    func test_every_command_has_help() throws {
        let dir = try scratch()
        for command in [["--help"], ["build", "--help"], ["check", "--help"]] {
            let run = try silkpress(command, in: dir)
            XCTAssertEqual(run.status, 0)
            XCTAssertTrue(run.stdout.contains("USAGE: silkpress"), run.stdout)
        }
        let build = try silkpress(["build", "--help"], in: dir).stdout
        for option in ["--seeds <DIR>", "--templates <DIR>", "--output <DIR>", "--timings"] {
            XCTAssertTrue(build.contains(option), option)
        }
    }
}
