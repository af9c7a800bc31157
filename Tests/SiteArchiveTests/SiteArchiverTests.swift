import Foundation
@testable import SiteArchive
import SiteModel
import XCTest
import ZIPFoundation

final class SiteArchiverTests: XCTestCase {
    private func site() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("arch-\(UUID().uuidString)").path
        for (path, text) in ["index.html": "<a href=\"b/index.html\">b</a>", "b/index.html": "<p>乙</p>",
                             "data/x.json": "[]", ".silkpress-build": "marker"] {
            try FileManager.default.createDirectory(atPath: (dir + "/" + path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try text.write(toFile: dir + "/" + path, atomically: true, encoding: .utf8)
        }
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        return dir
    }

    func test_two_archives_of_the_same_build_are_byte_identical() throws {
        let site = try site()
        let zip = site + "-out.zip"
        addTeardownBlock { try? FileManager.default.removeItem(atPath: zip) }
        _ = try SiteArchiver.archive(site: site, to: zip, folder: "bri-site")
        let first = try Data(contentsOf: URL(fileURLWithPath: zip))
        Thread.sleep(forTimeInterval: 1.1)  // a clock-derived timestamp would now differ
        _ = try SiteArchiver.archive(site: site, to: zip, folder: "bri-site")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: zip)), first)
    }

    func test_everything_sits_under_one_folder_with_the_start_page_and_round_trips() throws {
        let site = try site()
        let zip = site + "-out.zip"
        addTeardownBlock { try? FileManager.default.removeItem(atPath: zip) }
        let summary = try SiteArchiver.archive(site: site, to: zip, folder: "bri-site")
        XCTAssertEqual(summary.files, 3)
        let archive = try Archive(url: URL(fileURLWithPath: zip), accessMode: .read)
        XCTAssertEqual(archive.map(\.path), ["bri-site/", "bri-site/b/", "bri-site/b/index.html", "bri-site/data/",
                                             "bri-site/data/x.json", "bri-site/index.html"])
        let entry = try XCTUnwrap(archive["bri-site/b/index.html"])
        var body = Data()
        _ = try archive.extract(entry) { body.append($0) }
        XCTAssertEqual(String(decoding: body, as: UTF8.self), "<p>乙</p>")
    }

    func test_a_folder_without_a_built_site_is_a_clear_error() {
        XCTAssertThrowsError(try SiteArchiver.archive(site: "/nonexistent", to: "/tmp/x.zip", folder: "x")) { error in
            XCTAssertEqual((error as? BuildFailure)?.description,
                           "/nonexistent:1:1: error: no built site here (no index.html)\n  hint: run `silkpress build` first, or pass --site DIR")
        }
    }
}
