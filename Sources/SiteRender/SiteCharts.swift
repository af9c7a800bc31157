import Foundation
import SiteLink
import SiteModel
import SVGCharts

/// Charts of what the site itself knows (counts of items, agreements, mentions) — drawn with
/// the chart module like the report's figures, with the same downloads.
public struct SiteChart: Sendable {
    public var id: String           // file name under figures/site/ or figures/countries/
    public var folder: String       // "site" or "countries"
    public var spec: ChartSpec
    /// Drawn once, title included: the same SVG stands in pages and as the download.
    public var svg: String
    public var tableHTML: String

    init(id: String, folder: String = "site", spec: ChartSpec) {
        self.id = id
        self.folder = folder
        self.spec = spec
        svg = SVGChart.render(spec)
        tableHTML = DataTable.html(spec)
    }

    public var basePath: String { "figures/\(folder)/\(id)" }
    public var csv: String { DataTable.csv(spec) }
    public var json: String { ChartMetadata.json(spec) }
}

enum SiteCharts {
    static let source = "本站据文献整理"

    static func all(_ graph: SiteGraph) -> [SiteChart] {
        var out: [SiteChart] = []
        for d in graph.documents where d.sections.contains(where: { $0.kind == .category }) {
            let categories = d.sections.filter { $0.kind == .category }
            out.append(SiteChart(id: "\(d.id)-items-per-category", spec: ChartSpec(
                title: "\(d.title)：各类成果项数", unit: "项", source: source, missingNote: nil, kind: .bars(.horizontal),
                categories: categories.map { Section.heading(label: $0.label, title: $0.title) },
                series: [Series(name: "成果项数", values: categories.map { Double($0.children.filter { $0.kind == .item }.count) })],
                categoryHeader: "类别")))
        }
        let agreements = graph.entities.agreements
        if !agreements.isEmpty {
            let byType = Dictionary(grouping: agreements) { $0.type ?? "文件" }
            let types = byType.keys.sorted { (byType[$0]?.count ?? 0, $1) > (byType[$1]?.count ?? 0, $0) }
            out.append(SiteChart(id: "agreements-by-type", spec: ChartSpec(
                title: "协议和文件：按类型", unit: "项", source: source, missingNote: nil, kind: .bars(.horizontal),
                categories: types, series: [Series(name: "数量", values: types.map { Double(byType[$0]?.count ?? 0) })],
                categoryHeader: "类型")))
        }
        for d in graph.documents {
            let counts = graph.entities.countries.map { c in (c, c.mentions.filter { $0.document == d.id }.count) }
                .filter { $0.1 > 0 }.sorted { ($0.1, $1.0.iso2) > ($1.1, $0.0.iso2) }.prefix(12)
            guard !counts.isEmpty else { continue }
            out.append(SiteChart(id: "\(d.id)-most-named-countries", spec: ChartSpec(
                title: "\(d.title)：提及最多的国家", unit: "次", source: source, missingNote: nil, kind: .bars(.horizontal),
                categories: counts.map(\.0.nameZh), series: [Series(name: "提及次数", values: counts.map { Double($0.1) })],
                categoryHeader: "国家")))
        }
        let continents = EntityPageOrder.continents(graph.entities.countries.compactMap(\.continent))
        if !continents.isEmpty {
            out.append(SiteChart(id: "mentions-by-continent", spec: ChartSpec(
                title: "各大洲国家被提及次数（按文献）", unit: "次", source: source, missingNote: nil, kind: .groupedBars(.vertical),
                categories: continents,
                series: graph.documents.map { d in
                    Series(name: shortTitle(d.title), values: continents.map { continent in
                        Double(graph.entities.countries.filter { $0.continent == continent }
                            .reduce(0) { $0 + $1.mentions.filter { $0.document == d.id }.count })
                    })
                },
                categoryHeader: "大洲")))
        }
        return out
    }

    /// The rows of the country charts, worked out once for all countries: per document, the
    /// row each section's mentions count in, named by the document's short title and the
    /// heading of the top-level section holding it (sections whose names are equal share it).
    struct CountryRows: Sendable {
        struct DocumentRows: Sendable {
            let id: String
            let rowOfSection: [String: Int]
            /// The row of sections outside any top-level section: the bare prefix.
            let outside: Int
        }

        let documents: [DocumentRows]
        let names: [String]

        init(graph: SiteGraph, index: TextIndex) {
            var names: [String] = []
            documents = graph.documents.map { d in
                let prefix = shortTitle(d.title) + " · "
                var row: [String: Int] = [:]  // name → row, within the document
                func rowNamed(_ name: String) -> Int {
                    if let r = row[name] { return r }
                    names.append(name)
                    row[name] = names.count - 1
                    return names.count - 1
                }
                var rowOfSection: [String: Int] = [:]
                for (id, top) in index.topSections[d.id] ?? [:] {
                    rowOfSection[id] = rowNamed(prefix + Section.heading(label: top.label, title: top.title))
                }
                return DocumentRows(id: d.id, rowOfSection: rowOfSection, outside: rowNamed(prefix))
            }
            self.names = names
        }
    }

    /// A country's mentions per document and section (the sections that name it most).
    static func country(_ c: Country, rows: CountryRows) -> SiteChart {
        var order: [Int] = []  // rows in order of their first mention
        var counts = [Int](repeating: 0, count: rows.names.count)
        for d in rows.documents {
            // Mentions come in text order, so neighbours mostly share a section: reuse its row
            // (byte-equal ids are the same section).
            var lastSection = "", lastRow = -1
            for m in c.mentions where m.document == d.id {
                if lastRow < 0 || !m.section.utf8.elementsEqual(lastSection.utf8) {
                    lastRow = d.rowOfSection[m.section] ?? d.outside
                    lastSection = m.section
                }
                if counts[lastRow] == 0 { order.append(lastRow) }
                counts[lastRow] += 1
            }
        }
        return SiteChart(id: c.iso2.lowercased(), folder: "countries", spec: ChartSpec(
            title: "\(c.nameZh)：各文献、各部分的提及次数", unit: "次", source: source, missingNote: nil,
            kind: .bars(.horizontal), categories: order.map { rows.names[$0] }, series: [Series(name: "提及次数", values: order.map { Double(counts[$0]) })],
            // As tall as its bars need: a country named once gets a short chart, not 400 px of space.
            width: 560, height: Double(min(400, 110 + 34 * order.count)), categoryHeader: "文献 · 部分"))
    }

    /// "2021 中国“一带一路”贸易投资发展报告" → kept; "外交部：…成果清单（全文）" → "…成果清单".
    static func shortTitle(_ title: String) -> String {
        var t = Substring(title)
        if let colon = t.firstIndex(of: "：") { t = t[t.index(after: colon)...] }
        if t.hasSuffix("（全文）") { t = t.dropLast(4) }
        return String(t)
    }
}

/// The overview map: one equal square per country at its approximate place (no borders, so no
/// disputed lines, and small states are as visible as large ones), coloured by mentions.
enum TileMapChart {
    static let layoutFile = "data/world-tile-grid.csv"

    /// `iso2,col,row` lines; `#` comments. Bad lines are reported with their line number.
    static func layout(_ text: String, path: String) -> (tiles: [(iso2: String, col: Int, row: Int)], problems: [Diagnostic]) {
        var tiles: [(String, Int, Int)] = []
        var problems: [Diagnostic] = []
        var seen = Set<String>()
        // Lines and cells cut on bytes ("\n" and "," are ASCII): cutting on Characters cost more
        // than drawing the map.
        for (i, raw) in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let line = ScalarText.trimmed(String(decoding: raw.last == 0x0D ? raw.dropLast() : raw, as: UTF8.self))
            if line.isEmpty || line.hasPrefix("#") || line == "iso2,col,row" { continue }
            let cells = line.utf8.split(separator: UInt8(ascii: ","))
                .map { ScalarText.trimmed(String(decoding: $0, as: UTF8.self)) }
            guard cells.count == 3, cells[0].count == 2, let c = Int(cells[1]), let r = Int(cells[2]), c >= 0, r >= 0 else {
                problems.append(.error(path, line: i + 1, column: 1, "expected iso2,col,row"))
                continue
            }
            guard seen.insert(cells[0]).inserted, seen.insert("\(c),\(r)").inserted else {
                problems.append(.error(path, line: i + 1, column: 1, "\(cells[0]) repeats a country or a tile position"))
                continue
            }
            tiles.append((cells[0].uppercased(), c, r))
        }
        return (tiles, problems)
    }

    /// `root` leads from where the SVG is shown to the site root (country links are relative).
    static func render(_ layout: [(iso2: String, col: Int, row: Int)], graph: SiteGraph, root: String) -> TileMap {
        let countries = Dictionary(uniqueKeysWithValues: graph.entities.countries.map { ($0.iso2, $0) })
        let zh = Locale(identifier: "zh_Hans")
        let tiles = layout.map { t -> Tile in
            if let c = countries[t.iso2] {
                return Tile(id: t.iso2, label: c.nameZh, column: t.col, row: t.row, value: Double(c.mentions.count),
                            url: root + SiteGraph.countryPath(c.iso2))
            }
            // Not named by the documents (or China itself): a tile without a value.
            return Tile(id: t.iso2, label: zh.localizedString(forRegionCode: t.iso2) ?? t.iso2, column: t.col, row: t.row, value: nil)
        }
        return TileMap(title: "文献提到的国家和地区", unit: "次", source: "本站据文献整理",
                       note: "每个方块代表一个国家或地区，位置示意其地理方位，不表示边界；灰色为文献未提及或不计（中国）。",
                       tiles: tiles, decimals: 0, width: 720, bins: 5)
    }
}

enum EntityPageOrder {
    static func continents(_ names: [String]) -> [String] {
        PageContext.continentOrder(Set(names))
    }
}
