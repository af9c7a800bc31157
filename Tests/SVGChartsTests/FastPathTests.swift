import Foundation
import XCTest
@testable import SVGCharts

/// The byte-level fast paths of SVG, CSV and JSON writing against the String/Foundation code
/// they replaced, on random text: any difference would change the files.
final class FastPathTests: XCTestCase {
    func testXMLEscapeFastPath() {
        func reference(_ s: String) -> String {
            var out = ""
            for scalar in s.unicodeScalars {
                switch scalar {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case "'": out += "&#39;"
                case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
                default:
                    let v = scalar.value
                    if v < 0x20 || v == 0xFFFE || v == 0xFFFF { continue }
                    out.unicodeScalars.append(scalar)
                }
            }
            return out
        }
        let alphabet: [Unicode.Scalar] = ["a", "&", "<", ">", "\"", "'", "\t", "\n", "\r", "\u{1}", "\u{1F}", "\u{7F}",
                                          "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "\u{FF0C}", "\u{EFFF}", "中"]
        var r = SeededRandom(state: 3)
        for _ in 0 ..< 2000 {
            let s = r.text(alphabet, maxLength: 12)
            XCTAssertEqual(Array(xmlEscape(s).utf8), Array(reference(s).utf8), s.debugDescription)
        }
    }

    func testIndentMatchesSplitAndJoin() {
        func reference(_ s: String) -> String {
            s.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
        }
        let alphabet: [Unicode.Scalar] = ["a", "<", " ", "\n", "\n", "\r", "\u{301}", "中"]
        var r = SeededRandom(state: 5)
        for _ in 0 ..< 2000 {
            let s = r.text(alphabet, maxLength: 16)
            var out: [UInt8] = []
            Frame.indent(Array(s.utf8), into: &out)
            XCTAssertEqual(out, Array(reference(s).utf8), s.debugDescription)
        }
    }

    func testKindIDTextIsItsDescription() {
        let kinds: [ChartKind] = [.bars(.vertical), .bars(.horizontal), .groupedBars(.vertical), .groupedBars(.horizontal),
                                  .stackedBars(.vertical), .stackedBars(.horizontal), .lines(secondaryPercentSeries: []),
                                  .lines(secondaryPercentSeries: [1, 2]), .donut]
        for k in kinds { XCTAssertEqual(k.idText, "\(k)") }
    }

    func testJSONAndCSVMatchFoundationAndCharacters() {
        func referenceCSV(_ spec: ChartSpec) -> String {
            func field(_ s: String) -> String {
                if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) {
                    return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                }
                return s
            }
            var lines = [DataTable.header(spec).map(field).joined(separator: ",")]
            for r in DataTable.rows(spec, grouping: false, missing: "") { lines.append(r.map(field).joined(separator: ",")) }
            return lines.joined(separator: "\r\n") + "\r\n"
        }
        let alphabet: [Unicode.Scalar] = ["a", "/", "\\", "\"", ",", "\u{301}", "\r", "\n", "\t", "\u{0}", "\u{8}", "\u{C}",
                                          "\u{1B}", "\u{7F}", "\u{2028}", "中", "é", " "]
        var r = SeededRandom(state: 9)
        for _ in 0 ..< 300 {
            let kinds: [ChartKind] = [.bars(.vertical), .lines(secondaryPercentSeries: [0]), .donut]
            let n = r.next(4)
            let spec = ChartSpec(
                title: r.text(alphabet, maxLength: 8), description: r.text(alphabet, maxLength: 3),
                unit: r.next(3) == 0 ? nil : r.text(alphabet, maxLength: 2), source: r.next(2) == 0 ? nil : r.text(alphabet, maxLength: 4),
                note: r.next(2) == 0 ? nil : r.text(alphabet, maxLength: 4), kind: kinds[r.next(3)],
                categories: (0 ..< n).map { _ in r.text(alphabet, maxLength: 5) },
                series: (0 ..< r.next(3)).map { _ in Series(name: r.text(alphabet, maxLength: 4), values: (0 ..< n).map { _ in r.next(4) == 0 ? nil : Double(r.next(1000)) / 10 }, decimals: 1) })
            XCTAssertEqual(Array(ChartMetadata.json(spec).utf8), Array(ChartMetadata.foundationJSON(spec).utf8), "\(spec)")
            XCTAssertEqual(Array(DataTable.csv(spec).utf8), Array(referenceCSV(spec).utf8), "\(spec)")
        }
    }
}
