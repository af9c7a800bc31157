import XCTest
@testable import SVGCharts

/// The byte-level writer against the String code it replaced: numbers as `fmt` prints them,
/// and indented writers as `Frame.indent` indents what a plain writer wrote.
final class SVGWriterTests: XCTestCase {
    func written(_ body: (inout SVGWriter) -> Void) -> String {
        var w = SVGWriter()
        body(&w)
        return w.text
    }

    func testNumberIsFmt() {
        var values: [Double] = [0, -0.0, 0.04, -0.04, 0.05, -0.05, 0.049999999, 0.15, 0.25, -0.25, 0.35, 0.45, 0.95, -0.95,
                                0.99, 1, -1, 9.95, 9.96, 10, 99.95, 12.34, -3.25, 1e9, -1e9, 1e9 + 0.05, 1e12, -1e12,
                                123_456_789.94, 999_999_999.95, .infinity, -.infinity, .nan, .greatestFiniteMagnitude,
                                .leastNonzeroMagnitude, -.leastNonzeroMagnitude, 0.1 + 0.2, 206, 370.00000000000006]
        for k in -30 ... 30 { values.append(Double(k) / 20) }
        var r = SeededRandom(state: 11)
        for _ in 0 ..< 20000 {
            let scale = [1.0, 10, 100, 1000, 7, 3, 1e6, 1e-3][r.next(8)]
            let sign = r.next(2) == 0 ? 1.0 : -1.0
            values.append(sign * Double(r.next(10_000_000)) / scale)
            values.append(sign * (Double(r.next(100_000)) + 0.05 * Double(r.next(3))))
        }
        for x in values {
            XCTAssertEqual(written { $0.number(x) }, fmt(x), "\(x)")
        }
    }

    func testEscapedFontFamily() {
        XCTAssertEqual(xmlEscape(Frame.fontFamily), Frame.escapedFontFamily.description)
    }

    func testAttributesMatchPairs() {
        let values = ["", "a", "a&b", "<x>", "\"'", "中文", "\u{1}", "tab\there", "\u{FFFE}"]
        for v in values {
            XCTAssertEqual(written { $0.start("rect"); $0.attr("fill", v); $0.attr("x", 1.25); $0.attr("y", literal: "2"); $0.endEmpty() },
                           written { $0.empty("rect", [("fill", v), ("x", fmt(1.25)), ("y", "2")]) })
            XCTAssertEqual(written { $0.text(v, x: 1, y: 2, size: 11) },
                           written { $0.textLines([v], x: 1, y: 2, lineHeight: 0, size: 11) })
        }
    }

    /// Text, attribute values and raw markup with every kind of line break, written indented
    /// and written plain then indented.
    func testIndentedWriterMatchesIndent() {
        let alphabet: [Unicode.Scalar] = ["a", "&", " ", "\n", "\n", "\r", "\r", "\u{1}", "中"]
        var r = SeededRandom(state: 13)
        for _ in 0 ..< 3000 {
            let texts = (0 ..< 4).map { _ in r.text(alphabet, maxLength: 8) }
            var raw = r.text(alphabet, maxLength: 8)
            while raw.utf8.last == 0x0D { raw.removeLast() }  // `raw` markup never ends in CR
            func draw(_ w: inout SVGWriter) {
                w.open("g", [("class", texts[0])])
                w.element("title", text: texts[1])
                w.textLines([texts[2], texts[3]], x: 1, y: 2, lineHeight: 3, size: 4)
                w.text(texts[3], x: 1, y: 2, anchor: .middle, size: 4, fill: texts[0])
                w.raw(raw)
                w.close("g")
                w.element("desc", text: texts[2] + texts[1])
            }
            var plain = SVGWriter()
            draw(&plain)
            var expected: [UInt8] = []
            Frame.indent(plain.bytes, into: &expected)
            var indented = SVGWriter(indented: true)
            draw(&indented)
            XCTAssertEqual(indented.bytes, expected, texts.debugDescription + raw.debugDescription)
        }
    }

    func testDocumentIndentsPlainParts() {
        var plain = SVGWriter()
        plain.element("title", text: "a\nb\n\nc")
        var indented = SVGWriter(indented: true)
        indented.element("title", text: "a\nb\n\nc")
        let a = Frame.document(id: "x\ny", width: 10, height: 20, title: "t\nu", desc: "d", defs: ["<p>\nq</p>"], body: [plain])
        let b = Frame.document(id: "x\ny", width: 10, height: 20, title: "t\nu", desc: "d", defs: ["<p>\nq</p>"], body: [indented])
        XCTAssertEqual(a, b)
        XCTAssertTrue(a.contains("  <title>a\n  b\n\n  c</title>\n"), a)
    }
}
