import XCTest
import Foundation
import SiteModel
@testable import FigureData

/// The report's figure data files, beside the seed in `seeds/bri-trade-report-2021.figures/`.
enum Fixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let figuresDir = root.appendingPathComponent("seeds/bri-trade-report-2021.figures")
    static let seedName = "bri-trade-report-2021.txt"
    static var seedURL: URL { root.appendingPathComponent("seeds").appendingPathComponent(seedName) }
    static func seedLines() throws -> [Substring] {
        Provenance.lines(of: try String(contentsOf: seedURL, encoding: .utf8))
    }
    static func dataFiles() throws -> [(path: String, text: String)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: figuresDir.path)
            .filter { $0.hasSuffix(".csv") }.sorted()
        return try names.map { ("figures/" + $0, try String(contentsOf: figuresDir.appendingPathComponent($0), encoding: .utf8)) }
    }
}

final class ParserTests: XCTestCase {
    let sample = """
    # format: comment
    # figure: 图 3-7 2013—2020 年承包工程情况
    # unit: 亿美元
    # kind: groupedBars
    # note: first
    # note: second
    # check: growth 新签合同额 2013 2014 20.5% @3
    series,x,y,line
    新签合同额,2013,715.7,1
    新签合同额,2014,"1,234.5",2
    占比,2014,12.3%,2
    """

    func parsed(_ text: String, path: String = "figures/figure-3-7.csv") -> Result<FigureDataFile, BuildFailure> {
        FigureDataParser.parse(path: path, text: text)
    }

    func testParsesHeaderRowsAndChecks() throws {
        let f = try parsed(sample).get()
        XCTAssertEqual(f.figureID, "figure-3-7")
        XCTAssertEqual(f.label, "图 3-7")
        XCTAssertEqual(f.caption, "2013—2020 年承包工程情况")
        XCTAssertEqual(f.unit, "亿美元")
        XCTAssertEqual(f.kind, .groupedBars)
        XCTAssertEqual(f.note, "first second")
        XCTAssertEqual(f.status, .ok)
        XCTAssertEqual(f.points.count, 3)
        XCTAssertEqual(f.points[0].series, "新签合同额")
        XCTAssertEqual(f.points[0].x, "2013")
        XCTAssertEqual(f.points[0].y, 715.7)
        XCTAssertEqual(f.points[0].line, 1)
        XCTAssertEqual(f.points[0].row, 9)
        XCTAssertEqual(f.points[1].y, 1234.5)
        XCTAssertEqual(f.points[1].raw, "1,234.5")
        XCTAssertEqual(f.points[2].y, 12.3)
        XCTAssertEqual(f.points[2].raw, "12.3%")
        XCTAssertEqual(f.series, ["新签合同额", "占比"])
        XCTAssertEqual(f.checks.count, 1)
        XCTAssertEqual(f.checks[0].kind, .growth)
        XCTAssertEqual(f.checks[0].args, ["新签合同额", "2013", "2014"])
        XCTAssertEqual(f.checks[0].stated, 20.5)
        XCTAssertEqual(f.checks[0].line, 3)
        XCTAssertEqual(f.checks[0].row, 7)
    }

    func errors(_ text: String, path: String = "figures/figure-3-7.csv") -> [Diagnostic] {
        switch parsed(text, path: path) {
        case .success: return []
        case .failure(let f): return f.diagnostics.filter { $0.severity == .error }
        }
    }

    func testNumberWithoutLineIsRejected() {
        let e = errors(sample.replacingOccurrences(of: "715.7,1", with: "715.7,"))
        XCTAssertEqual(e.count, 1)
        XCTAssertEqual(e.first?.line, 9)
        XCTAssertTrue(e.first?.message.contains("715.7 has no seed line") ?? false, "\(e)")
        XCTAssertEqual(errors(sample.replacingOccurrences(of: "715.7,1", with: "715.7")).count, 1, "3 fields")
        XCTAssertEqual(errors(sample.replacingOccurrences(of: "715.7,1", with: "715.7,0")).count, 1)
    }

    func testBadValuesAreRejected() {
        XCTAssertFalse(errors(sample.replacingOccurrences(of: "715.7,1", with: "约715.7,1")).isEmpty)
        XCTAssertFalse(errors(sample.replacingOccurrences(of: "groupedBars", with: "pie")).isEmpty)
        XCTAssertFalse(errors(sample.replacingOccurrences(of: "# figure: 图 3-7", with: "# figure: 3-7")).isEmpty)
        XCTAssertFalse(errors(sample, path: "figures/figure-3-8.csv").isEmpty, "file name must match the figure")
        XCTAssertFalse(errors(sample.replacingOccurrences(of: "占比,2014", with: "新签合同额,2014")).isEmpty, "duplicate point")
        XCTAssertFalse(errors(sample.replacingOccurrences(of: "series,x,y,line", with: "series,x,y")).isEmpty)
        XCTAssertFalse(errors(sample.replacingOccurrences(of: "@3", with: "")).isEmpty, "check without line")
        XCTAssertFalse(errors(sample.replacingOccurrences(of: "growth", with: "grows")).isEmpty)
    }

    func testStatus() throws {
        let noData = """
        # figure: 图 2-1 中欧班列开行情况
        # kind: bars
        # status: no-data — the extraction kept no chart labels
        """
        let f = try parsed(noData, path: "figures/figure-2-1.csv").get()
        XCTAssertEqual(f.status, .noData("the extraction kept no chart labels"))
        XCTAssertTrue(f.points.isEmpty)
        // no-data must not give numbers, and must say why
        XCTAssertFalse(errors(noData + "\nseries,x,y,line\na,2020,1.24,1165", path: "figures/figure-2-1.csv").isEmpty)
        XCTAssertFalse(errors(noData.replacingOccurrences(of: " — the extraction kept no chart labels", with: ""),
                              path: "figures/figure-2-1.csv").isEmpty)
        // a file with neither data nor a no-data status is an error
        XCTAssertFalse(errors(noData.replacingOccurrences(of: "# status: no-data — the extraction kept no chart labels", with: ""),
                              path: "figures/figure-2-1.csv").isEmpty)
        let p = try parsed(sample.replacingOccurrences(of: "# note: first", with: "# status: partial — 2015 lost")).get()
        XCTAssertEqual(p.status, .partial("2015 lost"))
    }
}

final class NumberTests: XCTestCase {
    func testTokenExactMatching() {
        XCTAssertTrue(FigureNumber.stands("715.7", on: "由 715.7 亿美元增至"))
        XCTAssertTrue(FigureNumber.stands("715.7", on: "715.7"))
        XCTAssertFalse(FigureNumber.stands("715.7", on: "2715.77"))
        XCTAssertFalse(FigureNumber.stands("715.7", on: "715.77"))
        XCTAssertFalse(FigureNumber.stands("715.7", on: "1715.7"))
        XCTAssertFalse(FigureNumber.stands("15.7", on: "715.7"))
        XCTAssertFalse(FigureNumber.stands("654", on: "654.0"), "as written: 654 is not 654.0")
        XCTAssertFalse(FigureNumber.stands("654.0", on: "由 654 亿美元"))
        XCTAssertTrue(FigureNumber.stands("37", on: "27 个欧洲国家、37个亚洲国家"))
        XCTAssertFalse(FigureNumber.stands("7", on: "27 个欧洲国家、37个亚洲国家"))
    }

    func testPercentAndThousandsSeparators() {
        XCTAssertTrue(FigureNumber.stands("12.3%", on: "增长 12.3%，"))
        XCTAssertTrue(FigureNumber.stands("12.3", on: "增长 12.3%，"))
        XCTAssertTrue(FigureNumber.stands("12.3%", on: "12.3"))
        XCTAssertTrue(FigureNumber.stands("12.3%", on: "增长 12.3％"))
        XCTAssertTrue(FigureNumber.stands("1,359.2", on: "投资 1,359.2 亿美元"))
        XCTAssertTrue(FigureNumber.stands("1359.2", on: "投资 1,359.2 亿美元"))
        XCTAssertTrue(FigureNumber.stands("1,359.2", on: "投资1359.2亿美元"))
        XCTAssertFalse(FigureNumber.stands("359.2", on: "投资 1,359.2 亿美元"))
        XCTAssertTrue(FigureNumber.stands("126.3", on: "126.3 136.6 189.3"))
        XCTAssertTrue(FigureNumber.stands("13.0", on: "13.0 1961.5"))
        XCTAssertTrue(FigureNumber.stands("1961.5", on: "13.0 1961.5"))
        // fullwidth digits
        XCTAssertTrue(FigureNumber.stands("37", on: "３７个"))
    }

    func testSigns() {
        XCTAssertTrue(FigureNumber.stands("-90.1", on: "差额 -90.1"))
        XCTAssertTrue(FigureNumber.stands("-90.1", on: "差额 −90.1"))
        XCTAssertTrue(FigureNumber.stands("90.1", on: "差额 -90.1"))
        XCTAssertFalse(FigureNumber.stands("-7", on: "图 3-7"), "a range dash is not a sign")
        XCTAssertTrue(FigureNumber.stands("7", on: "图 3-7"))
    }

    func testCanonicalAndDecimals() {
        XCTAssertEqual(FigureNumber.value("1,234.5"), 1234.5)
        XCTAssertEqual(FigureNumber.value("12.3%"), 12.3)
        XCTAssertNil(FigureNumber.value("1,23"))
        XCTAssertNil(FigureNumber.value("12.3.4"))
        XCTAssertNil(FigureNumber.value("约12"))
        XCTAssertEqual(FigureNumber.decimals("12.30%"), 2)
        XCTAssertEqual(FigureNumber.decimals("14%"), 0)
    }
}

final class ProvenanceTests: XCTestCase {
    let seed: [Substring] = Provenance.lines(of: "first\n\n由 715.7 亿美元增至 1414.6 亿美元\n\n2715.77\n\n增长 10.2%\n")

    func file(_ rows: String, checks: String = "") throws -> FigureDataFile {
        try FigureDataParser.parse(path: "figures/figure-3-7.csv", text: """
        # figure: 图 3-7 承包工程情况
        # kind: bars
        \(checks)
        series,x,y,line
        \(rows)
        """).get()
    }

    func testAcceptsNumberOnItsLine() throws {
        let f = try file("新签合同额,2013,715.7,3\n新签合同额,2020,1414.6,3")
        XCTAssertEqual(Provenance.check(f, seedLines: seed, filePath: "figures/figure-3-7.csv", seedPath: "seeds/bri-trade-report-2021.txt"), [])
    }

    func testRejectsWrongLine() throws {
        let f = try file("新签合同额,2013,715.7,4")
        let d = Provenance.check(f, seedLines: seed, filePath: "figures/figure-3-7.csv", seedPath: "seeds/bri-trade-report-2021.txt")
        XCTAssertEqual(d.count, 1)
        XCTAssertEqual(d[0].description.components(separatedBy: "\n")[0],
                       "figures/figure-3-7.csv:5:1: error: 715.7 does not stand on seeds/bri-trade-report-2021.txt line 4")
        XCTAssertEqual(d[0].hint, "it stands on line 3")
    }

    func testRejectsSubstringMatch() throws {
        let f = try file("新签合同额,2013,715.7,5")
        let d = Provenance.check(f, seedLines: seed, filePath: "figures/figure-3-7.csv", seedPath: "seeds/bri-trade-report-2021.txt")
        XCTAssertEqual(d.count, 1, "715.7 must not match inside 2715.77")
        XCTAssertTrue(d[0].message.contains("does not stand on seeds/bri-trade-report-2021.txt line 5"))
    }

    func testRejectsLineBeyondEnd() throws {
        let f = try file("新签合同额,2013,715.7,999")
        let d = Provenance.check(f, seedLines: seed, filePath: "figures/figure-3-7.csv", seedPath: "seeds/bri-trade-report-2021.txt")
        XCTAssertEqual(d.count, 1)
        XCTAssertTrue(d[0].message.contains("beyond the end"))
    }

    func testChecksStatedNumberProvenance() throws {
        let good = try file("新签合同额,2013,715.7,3\n新签合同额,2020,1414.6,3",
                            checks: "# check: cagr 新签合同额 2013 2020 10.2% @7")
        XCTAssertEqual(Provenance.check(good, seedLines: seed, filePath: "f.csv", seedPath: "seeds/bri-trade-report-2021.txt"), [])
        XCTAssertEqual(FigureChecks.verify(good, filePath: "f.csv"), [])
        let bad = try file("新签合同额,2013,715.7,3\n新签合同额,2020,1414.6,3",
                           checks: "# check: cagr 新签合同额 2013 2020 10.2% @5")
        XCTAssertEqual(Provenance.check(bad, seedLines: seed, filePath: "f.csv", seedPath: "seeds/bri-trade-report-2021.txt").count, 1)
    }
}

final class CrossCheckTests: XCTestCase {
    func file(_ checks: String) throws -> FigureDataFile {
        try FigureDataParser.parse(path: "figures/figure-9-9.csv", text: """
        # figure: 图 9-9 t
        # kind: groupedBars
        \(checks)
        series,x,y,line
        A,2019,100,1
        A,2020,105.6,1
        B,2019,1000,1
        B,2020,1200,1
        """).get()
    }

    func failures(_ check: String) throws -> Int {
        FigureChecks.verify(try file("# check: " + check), filePath: "x.csv").count
    }

    func testEachKind() throws {
        XCTAssertEqual(try failures("growth A 2019 2020 5.6% @1"), 0)
        XCTAssertEqual(try failures("growth A 2019 2020 5.7% @1"), 1)
        XCTAssertEqual(try failures("cagr A 2019 2020 5.6% @1"), 0)
        XCTAssertEqual(try failures("value A 2020 105.6 @1"), 0)
        XCTAssertEqual(try failures("value A 2020 106 @1"), 0, "stated at a coarser precision")
        XCTAssertEqual(try failures("value A 2020 105.7 @1"), 1)
        XCTAssertEqual(try failures("sum A+B 2020 1305.6 @1"), 0)
        XCTAssertEqual(try failures("sum A * 205.6 @1"), 0)
        XCTAssertEqual(try failures("sum * 2019 1100 @1"), 0)
        XCTAssertEqual(try failures("sum A 2018,2019 100 @1"), 1, "a missing point fails")
        XCTAssertEqual(try failures("ratio A B 2020 8.8% @1"), 0)
        XCTAssertEqual(try failures("ratio A B 2020 9% @1"), 0)
        XCTAssertEqual(try failures("ratio A B 2020 9.0% @1"), 1)
        XCTAssertEqual(try failures("diff A 2019 2020 5.6 @1"), 0)
        XCTAssertEqual(try failures("cagrgap B A 2019 2020 14.4 @1"), 0)
        XCTAssertEqual(try failures("above A * 99 @1"), 0)
        XCTAssertEqual(try failures("above A * 100 @1"), 1)
        XCTAssertEqual(try failures("above * 2020 105 @1"), 0)
    }
}

/// The real data files against the real seed.
final class RealFigureDataTests: XCTestCase {
    func testEveryFigureInTheSeedHasAFile() throws {
        let lines = try Fixture.seedLines()
        // figure captions stand at the start of a line: `图 3-7 …` (never `（见图 3-1）`)
        var ids = Set<String>()
        for l in lines {
            if let (p, n, _) = FigureDataParser.parseLabel(l.trimmingCharacters(in: .whitespaces)) { ids.insert("figure-\(p)-\(n)") }
        }
        let files = Set(try Fixture.dataFiles().map { ($0.path as NSString).lastPathComponent.replacingOccurrences(of: ".csv", with: "") })
        XCTAssertEqual(ids.count, 10)
        XCTAssertEqual(files, ids)
    }

    func testEveryDataFileParsesAndPassesProvenanceAndChecks() throws {
        let lines = try Fixture.seedLines()
        let files = try Fixture.dataFiles()
        XCTAssertEqual(files.count, 10)
        for (path, text) in files {
            let (f, d) = FigureDataValidator.validate(path: path, text: text, seedLines: lines, seedPath: "seeds/bri-trade-report-2021.txt")
            XCTAssertEqual(d.map(\.description), [], path)
            guard let f else { XCTFail("\(path) did not parse"); continue }
            // no number without a line
            for p in f.points { XCTAssertGreaterThanOrEqual(p.line, 1, "\(path):\(p.row)") }
            for c in f.checks { XCTAssertGreaterThanOrEqual(c.line, 1, "\(path):\(c.row)") }
            if case .noData = f.status { XCTAssertTrue(f.points.isEmpty) } else { XCTAssertFalse(f.points.isEmpty, path) }
            // the caption in the file is the caption in the seed
            let captionLine = lines.first { FigureDataParser.parseLabel($0.trimmingCharacters(in: .whitespaces))?.0 == Int(f.label.dropFirst(2).split(separator: "-")[0])
                && FigureDataParser.parseLabel($0.trimmingCharacters(in: .whitespaces))?.1 == Int(f.label.split(separator: "-")[1]) }
            XCTAssertEqual(captionLine.flatMap { FigureDataParser.parseLabel($0.trimmingCharacters(in: .whitespaces))?.2 }, f.caption, path)
            for o in FigureChecks.evaluate(f) {
                XCTAssertTrue(o.passed, "\(path):\(o.check.row): \(o.check.text): \(o.detail)")
            }
        }
    }

    func testFullyRecoveredFiguresHaveCrossChecks() throws {
        for (path, text) in try Fixture.dataFiles() {
            let f = try FigureDataParser.parse(path: path, text: text).get()
            if f.status == .ok { XCTAssertFalse(f.checks.isEmpty, "\(path): a complete figure should carry cross-checks") }
        }
    }

    func testRawFileRowsAllCiteALine() throws {
        // belt and braces: every non-comment row after the column row has a non-empty 4th field
        for (path, text) in try Fixture.dataFiles() {
            var inTable = false
            for (i, l) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if l.hasPrefix("#") || l.isEmpty { continue }
                if !inTable { inTable = l == "series,x,y,line"; continue }
                let last = FigureDataParser.splitCSV(String(l)).last ?? ""
                XCTAssertNotNil(Int(last), "\(path):\(i + 1) has no seed line")
            }
        }
    }
}
