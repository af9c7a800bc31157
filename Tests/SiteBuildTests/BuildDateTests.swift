import Foundation
@testable import SiteBuild
import XCTest

/// The build date briefs carry, computed without Foundation's Calendar (compared with it from
/// 1586 on; before 1582 Foundation's "gregorian" turns Julian).
final class BuildDateTests: XCTestCase {
    func test_day_counts_give_the_gregorian_utc_date_foundation_gives() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for days in stride(from: -140_000, through: 60_000, by: 97) + [0, 59, 60, 11_016, 19_675, 20_413] {
            let c = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(days) * 86_400))
            let expected = String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
            XCTAssertEqual(BuildOptions.utcDate(daysSinceEpoch: days), expected, "day \(days)")
        }
        XCTAssertEqual(BuildOptions.utcDate(daysSinceEpoch: 0), "1970-01-01")
        XCTAssertEqual(BuildOptions.utcDate(daysSinceEpoch: 20_413), "2025-11-21")
    }
}
