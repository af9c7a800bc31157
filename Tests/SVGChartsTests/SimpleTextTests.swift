import XCTest
@testable import SVGCharts

/// `SimpleText` (scalars, index ranges) against `ByCharacter` (the Character code it stands in
/// for) on random text: any difference would move or cut a label.
final class SimpleTextTests: XCTestCase {
    /// Simple scalars that hit every rule: widths, words, CJK, both punctuation sets, spaces.
    static let simple: [Unicode.Scalar] = Array("aZm09 .,;:!?%()·é\u{AD}中国欧洲联盟家，。、；：？！）」』》〉】…％（「『《〈【“‘ーかア".unicodeScalars)
        + Array(repeating: " ", count: 3) + Array(repeating: "国", count: 3)

    func testSimpleTextMatchesCharacters() {
        var r = SeededRandom(state: 7)
        for _ in 0 ..< 3000 {
            let s = r.text(Self.simple, maxLength: 30)
            XCTAssertNotNil(SimpleText(s))
            let t = SimpleText(s)!
            let size = [10.0, 11, 12, 16][r.next(4)]
            let maxW = Double(5 + r.next(200)) + Double(r.next(10)) / 10
            let lines = 1 + r.next(3)
            XCTAssertEqual(t.width(0 ..< t.count, fontSize: size), ByCharacter.width(s, fontSize: size), s.debugDescription)
            XCTAssertEqual(t.tokens().map(t.string), ByCharacter.tokens(s), s.debugDescription)
            XCTAssertEqual(t.wrapAll(maxWidth: maxW, fontSize: size).map(t.string),
                           ByCharacter.wrapAll(s, maxWidth: maxW, fontSize: size), "\(s.debugDescription) \(maxW)")
            XCTAssertEqual(t.wrapTruncating(maxWidth: maxW, fontSize: size, maxLines: lines),
                           ByCharacter.wrapTruncating(s, maxWidth: maxW, fontSize: size, maxLines: lines), "\(s.debugDescription) \(maxW)")
            XCTAssertEqual(t.balancedWrap(maxWidth: maxW, fontSize: size, maxLines: lines)?.map(t.string),
                           ByCharacter.balancedWrap(s, maxWidth: maxW, fontSize: size, maxLines: lines), "\(s.debugDescription) \(maxW)")
        }
    }

    /// What makes by-scalar equal to by-Character: each simple scalar is a Character of its
    /// own next to any other, and equals a line-breaking Character only when it is that scalar.
    func testSimpleScalarsAreCharactersOfTheirOwn() {
        let ranges: [ClosedRange<UInt32>] = [0x20 ... 0x7E, 0xA0 ... 0x2FF, 0x2010 ... 0x2027, 0x3000 ... 0x303F,
                                             0x3040 ... 0x30FF, 0x3400 ... 0x4DBF, 0x4E00 ... 0x9FFF, 0xFF01 ... 0xFFE6]
        var all: [Unicode.Scalar] = []
        for r in ranges { for v in r where SimpleText.isSimple(v) { all.append(Unicode.Scalar(v)!) } }
        XCTAssertFalse(SimpleText.isSimple(0x3099) || SimpleText.isSimple(0x302A) || SimpleText.isSimple(0x0D))
        for u in all {
            let c = Character(u)
            XCTAssertEqual(TextMeasure.noLineStart.contains(c), TextMeasure.noLineStartScalars.contains(u.value), "\(u)")
            XCTAssertEqual(TextMeasure.noLineEnd.contains(c), TextMeasure.noLineEndScalars.contains(u.value), "\(u)")
            XCTAssertEqual(c == " ", u == " ")
        }
        var r = SeededRandom(state: 11)
        for _ in 0 ..< 200 {
            let s = r.text(all, maxLength: 400)
            XCTAssertEqual(s.count, s.unicodeScalars.count)
        }
    }
}
