import Foundation
import XCTest
@testable import SiteSearch

/// The builder's byte-keyed tables and writers against the String-based code they replaced.
final class ValueTableTests: XCTestCase {
    /// Numbering by `[String: Int]`, as `SearchIndexBuilder.Table` did: first use, String equality.
    static func referenceIDs(_ values: [String]) -> (ids: [Int], values: [String]) {
        var ids: [String: Int] = [:]
        var out: [String] = []
        let numbers = values.map { v in
            if let i = ids[v] { return i }
            ids[v] = out.count
            out.append(v)
            return out.count - 1
        }
        return (numbers, out)
    }

    static func tableIDs(_ values: [String]) -> (ids: [Int], values: [String]) {
        var table = ValueTable()
        let numbers = values.map { v in
            var bytes = v
            return bytes.withUTF8 { table.id($0) { v } }
        }
        return (numbers, table.values)
    }

    func testMatchesStringKeyedNumbering() {
        // Canonically equal pairs (é, Å, 豈, が, 가), inert and not, ASCII, NUL, empty, long.
        let pool = ["", "a", "\u{0}", "a\u{0}", "é", "e\u{301}", "\u{212B}", "\u{C5}", "A\u{30A}",
                    "\u{F900}", "\u{8C48}", "が", "か\u{3099}", "\u{AC00}", "\u{1100}\u{1161}",
                    "第一节", "第一节 · 概述", "《一带一路》（2021）", "countries/pk/", "documents/d/index.html#",
                    String(repeating: "长", count: 40), String(repeating: "长", count: 40) + "短", "\u{FF21}", "—“”"]
        var state: UInt64 = 3
        func next(_ n: Int) -> Int { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return Int(state >> 1) % n }
        // Inert values only (byte mode throughout), then every value (switches to String keys).
        let inert = pool.filter { v in v.unicodeScalars.allSatisfy { ValueTable.isCanonicallyInert($0.value) } }
        func has(_ v: String) -> Bool { inert.contains { $0.utf8.elementsEqual(v.utf8) } }  // not String ==
        XCTAssertTrue(has("第一节") && has("é") && has("\u{8C48}") && !has("e\u{301}") && !has("\u{F900}"))
        for source in [inert, pool] {
            for _ in 0 ..< 50 {
                let values = (0 ..< 1 + next(60)).map { _ in source[next(source.count)] }
                let (ids, stored) = Self.tableIDs(values)
                let reference = Self.referenceIDs(values)
                XCTAssertEqual(ids, reference.ids, values.debugDescription)
                XCTAssertEqual(stored.map { Array($0.utf8) }, reference.values.map { Array($0.utf8) }, values.debugDescription)
            }
        }
    }

    /// Inert characters: combining class 0, unchanged by NFC, and never the second character of
    /// a canonical composition — so strings of them are NFC, and equal exactly when their bytes are.
    func testInertCharactersAreStableUnderNormalization() {
        var inert = Set<UInt32>()
        for v in UInt32(0) ... 0x10FFFF where ValueTable.isCanonicallyInert(v) {
            let s = Unicode.Scalar(v)!
            XCTAssertEqual(s.properties.canonicalCombiningClass, .notReordered, String(v, radix: 16))
            XCTAssertEqual(String(s).precomposedStringWithCanonicalMapping.unicodeScalars.map(\.value), [v], String(v, radix: 16))
            inert.insert(v)
        }
        // Every canonical decomposition into two characters ends in a character that is not inert.
        for v in UInt32(0) ... 0x10FFFF {
            guard let s = Unicode.Scalar(v), s.properties.generalCategory != .unassigned,
                  !(0x3400 ... 0x9FFF).contains(v), !(0x20000 ... 0x3FFFF).contains(v) else { continue }
            let d = String(s).decomposedStringWithCanonicalMapping.unicodeScalars.map(\.value)
            if d.count >= 2 { XCTAssertFalse(inert.contains(d[d.count - 1]), "U+\(String(v, radix: 16)) → \(d)") }
        }
    }

    func testSplitPointMatchesCharacterSearch() {
        func reference(_ url: String) -> (String, String) {
            guard let cut = url.lastIndex(of: "#") ?? url.lastIndex(of: "/") else { return ("", url) }
            let after = url.index(after: cut)
            return (String(url[..<after]), String(url[after...]))
        }
        for url in ["a/b/index.html#p-1", "a/b/index.html", "x", "", "#", "/", "a#b/c", "a/b#",
                    "文档/第一节/index.html#p-1", "a/b#\u{301}c", "a/\u{301}b", "é/#é", "a/b/\u{1F600}#x"] {
            let (prefix, suffix) = SearchIndexBuilder.splitURL(url)
            let expected = reference(url)
            XCTAssertEqual(Array(prefix.utf8), Array(expected.0.utf8), url.debugDescription)
            XCTAssertEqual(Array(suffix.utf8), Array(expected.1.utf8), url.debugDescription)
        }
    }

    func testDecimalAndGapCodeWriters() {
        for v in [0, 1, 9, 10, 99, 100, 101, 999, 1000, 12_345, 99_999_999, 100_000_000, Int(Int32.max), Int.max] {
            var out: [UInt8] = []
            SearchIndexBuilder.appendDecimal(v, to: &out)
            XCTAssertEqual(String(decoding: out, as: UTF8.self), "\(v)")
        }
        func reference(_ value: Int) -> String {  // the digits as GapCode documents them
            var digits: [Int] = []
            var v = value
            repeat { digits.append(v & 31); v >>= 5 } while v > 0
            let more = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"), last = Array("abcdefghijklmnopqrstuvwxyz6789+/")
            return String(digits.dropFirst().reversed().map { more[$0] }) + String(last[digits[0]])
        }
        for v in [0, 1, 31, 32, 33, 1023, 1024, 32767, 32768, 1 << 30, Int(Int32.max), 1 << 40, Int.max] {
            var out: [UInt8] = []
            GapCode.append(v, to: &out)
            XCTAssertEqual(String(decoding: out, as: UTF8.self), reference(v), "\(v)")
            XCTAssertLessThanOrEqual(out.count, GapCode.maxDigits)
        }
    }
}
