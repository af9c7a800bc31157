import SiteModel
import XCTest

/// `JSONWriter` (streamed) must write what `PrettyJSON` (from a tree) writes, byte for byte;
/// `PrettyJSONTests` ties `PrettyJSON` to Foundation.
final class JSONWriterTests: XCTestCase {
    private func streamed(_ value: JSONValue) -> String {
        var w = JSONWriter(capacity: 0)  // the smallest buffer, so that it grows
        w.value(value)
        return String(decoding: w.finish(), as: UTF8.self)
    }

    private func assertSame(_ value: JSONValue, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(streamed(value), String(decoding: PrettyJSON.bytes(value), as: UTF8.self), file: file, line: line)
    }

    private static let tricky: [String] = [
        "", "a", "引号\"、反斜杠\\、换行\n、制表\t、回车\r、\u{1}\u{1f}\u{8}\u{c}、/斜杠",
        String((0..<0x20).map { Character(Unicode.Scalar($0)) }), "\u{7f}\u{80}\u{ff}", "👩‍👩‍👧 🇨🇳 e\u{301}",
        "\\\\\"\"", "\"", "\\", "\n", "documents/a/index.html#p-1", String(repeating: "一带一路", count: 500),
    ]

    func test_scalars_and_tricky_strings() {
        for s in Self.tricky { assertSame(.string(s)) }
        for n in [0, 1, -1, 9, 10, 99, 100, -42, 1_234_567, Int.max, Int.min] { assertSame(.int(n)) }
        for x in [0, 11, 1078.4, 0.1, -3.25, 1.04, 123456789.123, 1e20, 1e-7, 12345678901234568, .leastNonzeroMagnitude, -0.0] {
            assertSame(.double(x))
        }
        assertSame(.bool(true))
        assertSame(.bool(false))
        assertSame(.null)
    }

    /// Every byte that needs escaping (and its neighbours), at every position of strings of
    /// every length around the eight-byte scan.
    func test_escapes_at_every_position() {
        let specials: [Character] = ["\u{0}", "\u{1f}", "\u{20}", "\"", "\\", "\n", "!", "#", "[", "]", "\u{7f}", "中"]
        for length in 1...19 {
            for at in 0..<length {
                for c in specials {
                    var chars = [Character](repeating: "a", count: length)
                    chars[at] = c
                    assertSame(.string(String(chars)))
                }
            }
        }
    }

    func test_containers() {
        assertSame(.array([]))
        assertSame(.object([]))
        assertSame(.array([.array([]), .object([]), .array([.array([.object([])])])]))
        assertSame(.object([("b", .array([])), ("a", .object([("z", .object([])), ("y", .int(1))]))]))
        assertSame(.array(Self.tricky.map(JSONValue.string)))
        // Keys that need escaping, non-ASCII keys, keys out of order.
        assertSame(.object(Self.tricky.enumerated().map { ($0.element, .int($0.offset)) }))
        assertSame(.object([("url", .string("x")), ("id", .string("一带一路")), ("label", .null),
                            ("tags", .strings(["a", "b"])), ("nameZh", .string("中国")), ("iso2", .string("CN"))]))
    }

    /// Random trees, deep and wide, with every kind of value.
    func test_random_trees() {
        var rng = SplitMix(seed: 20240521)
        for _ in 0..<300 { assertSame(randomValue(&rng, depth: 0)) }
    }

    /// The calls the data files make: static keys given sorted, three-piece strings.
    func test_explicit_calls() {
        var w = JSONWriter()
        w.beginArray()
        w.beginObject()
        w.key("document"); w.string("brf")
        w.key("line"); w.int(91)
        w.key("nameEn"); w.string(nil as String?)
        w.key("none"); w.int(nil as Int?)
        w.key("parties"); w.strings(["甲", "乙\""])
        w.key("url"); w.string("documents/brf/index.html", "#", "p-1\"")
        w.endObject()
        w.strings([])
        w.endArray()
        let expected: JSONValue = .array([
            .object([("document", .string("brf")), ("line", .int(91)), ("nameEn", .null), ("none", .null),
                     ("parties", .strings(["甲", "乙\""])), ("url", .string("documents/brf/index.html#p-1\""))]),
            .array([]),
        ])
        let written = String(decoding: w.finish(), as: UTF8.self)
        XCTAssertEqual(written, String(decoding: PrettyJSON.bytes(expected), as: UTF8.self))
    }

    private func randomValue(_ rng: inout SplitMix, depth: Int) -> JSONValue {
        let pick = rng.next() % (depth > 4 ? 5 : 8)
        switch pick {
        case 0: return .string(randomString(&rng))
        case 1: return .int(Int(bitPattern: UInt(rng.next())) >> Int(rng.next() % 64))
        case 2: return .double(Double(Int(rng.next() % 2_000_001) - 1_000_000) / [1, 10, 100, 1000][Int(rng.next() % 4)])
        case 3: return .bool(rng.next() % 2 == 0)
        case 4: return .null
        case 5, 6:
            return .array((0..<Int(rng.next() % 5)).map { _ in randomValue(&rng, depth: depth + 1) })
        default:
            var seen = Set<String>()
            var fields: [(String, JSONValue)] = []
            for _ in 0..<Int(rng.next() % 6) {
                let k = randomString(&rng)
                if seen.insert(k).inserted { fields.append((k, randomValue(&rng, depth: depth + 1))) }
            }
            return .object(fields)
        }
    }

    private func randomString(_ rng: inout SplitMix) -> String {
        let alphabet: [Character] = ["a", "Z", "0", " ", "/", "\"", "\\", "\n", "\t", "\u{0}", "\u{1b}", "\u{7f}",
                                     "é", "中", "国", "、", "🇨🇳", "𝄞", "#", ":"]
        return String((0..<Int(rng.next() % 12)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
    }
}

/// A small deterministic generator (SplitMix64).
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
