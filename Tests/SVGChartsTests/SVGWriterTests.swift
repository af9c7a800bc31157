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

/// Ids hashed piece by piece against `stableID` over the joined Strings they stand for.
final class StableIDTests: XCTestCase {
    func testDoubleTextIsDescription() {
        var values: [Double] = [0, -0.0, 1, -1, 0.5, 1e14, 1e15 - 1, 1e15, -1e15, 1e16, 123456789012345, .nan, .infinity, -.infinity]
        var r = SeededRandom(state: 19)
        for _ in 0 ..< 5000 { values.append(Double(r.next(2_000_000_000)) * [1, 1e6, 0.1, -1, -1e5][r.next(5)]) }
        for v in values {
            var a = StableIDHasher(), b = StableIDHasher()
            a.add(v)
            b.add(String(v))
            XCTAssertEqual(a.id, b.id, "\(v)")
        }
    }

    func testChartAndTileIDs() {
        let alphabet: [Unicode.Scalar] = ["a", "\u{1}", ",", ":", "-", "|", "中", "\u{301}"]
        var r = SeededRandom(state: 23)
        let numbers: [Double?] = [nil, 0, -0.0, 1, -3, 2.5, 1e15, 1e16, .nan, 715.7]
        for _ in 0 ..< 500 {
            let n = r.next(5)
            let kinds: [ChartKind] = [.bars(.vertical), .groupedBars(.horizontal), .lines(secondaryPercentSeries: [1, 0]), .donut]
            let spec = ChartSpec(title: r.text(alphabet, maxLength: 5), description: r.text(alphabet, maxLength: 3),
                                 unit: r.next(2) == 0 ? nil : r.text(alphabet, maxLength: 2), kind: kinds[r.next(4)],
                                 categories: (0 ..< n).map { _ in r.text(alphabet, maxLength: 4) },
                                 series: (0 ..< r.next(3)).map { _ in Series(name: r.text(alphabet, maxLength: 3), values: (0 ..< r.next(5)).map { _ in numbers[r.next(numbers.count)] }) })
            let expected = stableID([spec.title, spec.description, spec.unit ?? "", spec.categories.joined(separator: "\u{1}"),
                                     spec.series.map { $0.name + ":" + $0.values.map { $0.map { String($0) } ?? "-" }.joined(separator: ",") }
                                        .joined(separator: "\u{1}"), "\(spec.kind)"])
            XCTAssertEqual(spec.resolvedID, expected)
            let tiles = (0 ..< n).map { _ in Tile(id: r.text(alphabet, maxLength: 3), label: "", column: r.next(40) - 20, row: r.next(9), value: numbers[r.next(numbers.count)]) }
            let map = TileMap(title: spec.title, unit: spec.unit, tiles: tiles)
            XCTAssertEqual(map.resolvedID, stableID([map.title, map.unit ?? ""] + tiles.map { "\($0.id)|\($0.column)|\($0.row)|\($0.value.map { String($0) } ?? "-")" }))
        }
    }
}
