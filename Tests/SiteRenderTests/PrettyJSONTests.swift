import Foundation
import SiteModel
import XCTest

/// `PrettyJSON` must write what Foundation's JSONEncoder writes, byte for byte (the data files
/// were written by JSONEncoder before, and the contract's readers may diff them).
final class PrettyJSONTests: XCTestCase {
    /// JSONValue through Foundation's encoder, for comparison.
    private struct Reference: Encodable {
        let value: JSONValue
        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
        func encode(to encoder: Encoder) throws {
            switch value {
            case .string(let s): var c = encoder.singleValueContainer(); try c.encode(s)
            case .int(let n): var c = encoder.singleValueContainer(); try c.encode(n)
            case .double(let x): var c = encoder.singleValueContainer(); try c.encode(x)
            case .bool(let b): var c = encoder.singleValueContainer(); try c.encode(b)
            case .null: var c = encoder.singleValueContainer(); try c.encodeNil()
            case .array(let items):
                var c = encoder.unkeyedContainer()
                for item in items { try c.encode(Reference(value: item)) }
            case .object(let fields):
                var c = encoder.container(keyedBy: Key.self)
                for (k, v) in fields { try c.encode(Reference(value: v), forKey: Key(stringValue: k)) }
            }
        }
    }

    private func foundation(_ value: JSONValue) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(Reference(value: value)), as: UTF8.self) + "\n"
    }

    func test_matches_foundation_byte_for_byte() throws {
        let value: JSONValue = .array([
            .object([
                ("url", .string("documents/a/index.html#p-1")), ("id", .string("一带一路")),
                ("text", .string("引号\"、反斜杠\\、换行\n、制表\t、回车\r、\u{1}\u{1f}\u{8}\u{c}、/斜杠")),
                ("line", .int(-42)), ("inferred", .bool(true)), ("label", .null),
                ("tags", .array([])), ("nested", .object([("b", .strings(["x"])), ("a", .object([]))])),
                ("nameZh", .string("中国")), ("nameEn", .string("China")), ("iso2", .string("CN")),
            ]),
            .array([.int(0), .bool(false), .null]),
            .array([]),
        ])
        XCTAssertEqual(String(decoding: PrettyJSON.bytes(value), as: UTF8.self), try foundation(value))
    }

    /// Numbers as JSONSerialization writes them (figures.json was written with it): the
    /// shortest form, integers without ".0", exponents as Swift prints them.
    func test_doubles_match_jsonserialization() throws {
        let values: [Double] = [0, 11, 1078.4, 0.1, -3.25, 1.04, 123456789.123, 1e20, 1e-7, 12345678901234567, 5e-324]
        let data = try JSONSerialization.data(withJSONObject: values, options: [.prettyPrinted])
        XCTAssertEqual(String(decoding: PrettyJSON.bytes(.array(values.map(JSONValue.double))), as: UTF8.self),
                       String(decoding: data, as: UTF8.self) + "\n")
    }
}
