import Foundation
@testable import SiteRender
import XCTest

final class TileMapLayoutTests: XCTestCase {
    func test_the_layout_is_read_and_bad_lines_are_reported_with_their_line() {
        let (tiles, problems) = TileMapChart.layout("# comment\niso2,col,row\nPK,20,9\nIN,21,9\nXX,21,9\nIN,1,1\nbad\n", path: "t.csv")
        XCTAssertEqual(tiles.map(\.iso2), ["PK", "IN"])
        XCTAssertEqual(problems.map(\.description), [
            "t.csv:5:1: error: XX repeats a country or a tile position",
            "t.csv:6:1: error: IN repeats a country or a tile position",
            "t.csv:7:1: error: expected iso2,col,row",
        ])
    }

    func test_the_shipped_layout_places_every_un_member_once() throws {
        let path = BookRenderTests.templates + "/data/world-tile-grid.csv"
        let (tiles, problems) = TileMapChart.layout(try String(contentsOfFile: path, encoding: .utf8), path: path)
        XCTAssertEqual(problems.map(\.description), [])
        XCTAssertGreaterThanOrEqual(tiles.count, 193)
        for iso in ["PK", "IN", "ID", "NU", "KE", "RS", "FJ", "BR"] { XCTAssertTrue(tiles.contains { $0.iso2 == iso }, iso) }
        // Pakistan stands west of India, Indonesia south of Malaysia (approximate geography).
        let at = Dictionary(uniqueKeysWithValues: tiles.map { ($0.iso2, ($0.col, $0.row)) })
        XCTAssertLessThan(at["PK"]!.0, at["IN"]!.0)
        XCTAssertGreaterThan(at["ID"]!.1, at["MY"]!.1)
    }
}
