import FigureData
import Foundation
import SiteLink
import SiteModel
import SVGCharts

/// A report figure as the site shows it: its chart (when the source text gives numbers), the
/// data as a table, CSV and JSON, and an honest note when numbers are missing.
public struct RenderedFigure: Sendable {
    public var id: String             // figure-3-7
    public var documentID: String
    public var label: String          // 图 3-7
    public var caption: String
    public var source: String?        // 资料来源
    public var sourceNote: String?    // 注 (as printed)
    public var statusNote: String?    // ours: what the text does not give
    public var unit: String?
    public var url: String            // the figure in its page
    public var citedBy: String?       // the first paragraph that refers to it
    public var file: FigureDataFile?
    public var svg: String?
    public var pageSVG: String?
    public var tableHTML: String?
    public var csv: String
    public var json: String

    public var basePath: String { "figures/\(documentID)/\(id)" }
    public var hasChart: Bool { svg != nil }
}

public enum FigureCharts {
    static let noDataNote = "原文文本未给出此图的数据，此处只列出图题和资料来源；不作任何推算。"
    static let partialNote = "原文文本只给出部分数值；缺失的数值留空，不作推算。"

    /// Every figure section of every document, with its data file if there is one.
    public static func render(_ graph: SiteGraph, figures: [String: [FigureDataFile]]) -> [RenderedFigure] {
        var out: [RenderedFigure] = []
        for d in graph.documents {
            let files = Dictionary(uniqueKeysWithValues: (figures[d.id] ?? []).map { ($0.figureID, $0) })
            let citing = citingParagraphs(d, graph: graph)
            for s in d.allSections where s.kind == .figure {
                let notes = s.blocks.map(\.text)
                let source = notes.first { $0.hasPrefix("资料来源") }.map { String($0.drop { $0 != "：" && $0 != ":" }.dropFirst()) }
                let printedNote = notes.first { $0.hasPrefix("注") }.map(Self.withoutNotePrefix)
                let file = files[s.id]
                var fig = RenderedFigure(
                    id: s.id, documentID: d.id, label: s.label ?? "", caption: s.title, source: source,
                    sourceNote: printedNote, statusNote: nil, unit: file.map { $0.unit.isEmpty ? nil : $0.unit } ?? nil,
                    url: graph.url(of: s, in: d), citedBy: s.label.flatMap { citing[$0.filter { !$0.isWhitespace }] },
                    file: file, svg: nil, pageSVG: nil, tableHTML: nil, csv: "", json: "")
                if let file, !file.status.isNoData, !file.points.isEmpty {
                    if case .partial = file.status { fig.statusNote = partialNote }
                    var spec = chartSpec(file, figure: fig)
                    fig.svg = SVGChart.render(spec)  // the download stands alone: title included
                    fig.tableHTML = DataTable.html(spec)
                    spec.showTitle = false  // in the page the figure's caption is the title
                    fig.pageSVG = SVGChart.render(spec)
                    fig.csv = csv(file)
                } else {
                    fig.statusNote = noDataNote
                    fig.csv = "series,x,y,line\r\n"
                }
                fig.json = metadata(fig)
                out.append(fig)
            }
        }
        return out
    }

    /// "图3-7" → the first paragraph that refers to that figure.
    static func citingParagraphs(_ d: Document, graph: SiteGraph) -> [String: String] {
        var out: [String: String] = [:]
        for s in d.allSections where s.kind != .figure {
            for b in s.blocks {
                for ref in SiteGraph.references(in: b.text) where out[ref.key] == nil {
                    out[ref.key] = graph.url(of: b, in: d)
                }
            }
        }
        return out
    }

    /// `注：注：截至…` → `截至…` (the reader keeps the printed label).
    static func withoutNotePrefix(_ s: String) -> String {
        var t = Substring(s)
        while t.hasPrefix("注：") || t.hasPrefix("注:") { t = t.dropFirst(2) }
        return String(t)
    }

    static func chartSpec(_ file: FigureDataFile, figure: RenderedFigure) -> ChartSpec {
        var categories: [String] = []
        for p in file.points where !categories.contains(p.x) { categories.append(p.x) }
        // A year axis shows every year in its span, so missing years stand as visible gaps.
        let years = categories.compactMap { $0.count == 4 ? Int($0) : nil }
        if years.count == categories.count, let first = years.min(), let last = years.max(), last - first < 60 {
            categories = (first...last).map(String.init)
        }
        let names = file.series
        let series = names.map { name in
            Series(name: name, values: categories.map { x in file.point(name, x)?.y },
                   decimals: file.points.filter { $0.series == name }.map { decimals($0.raw) }.max() ?? 0)
        }
        let percent = names.indices.filter { file.seriesUnits[names[$0]] == "%" }
        var kind: ChartKind
        switch file.kind {
        case .bars: kind = .bars(categories.count > 8 ? .horizontal : .vertical)
        case .groupedBars: kind = .groupedBars(.vertical)
        case .stackedBars: kind = .stackedBars(.vertical)
        case .lines: kind = .lines(secondaryPercentSeries: percent)
        case .donut:
            // Shares drawn as a whole circle claim the whole; with parts missing they are bars.
            if case .ok = file.status { kind = .donut } else { kind = .bars(.horizontal) }
        }
        // A share in % beside amounts needs its own axis: lines with a right-hand % axis.
        if !percent.isEmpty, percent.count < names.count, file.kind != .donut {
            kind = .lines(secondaryPercentSeries: percent)
        }
        let note = [figure.sourceNote, figure.statusNote].compactMap { $0 }.joined(separator: " ")
        return ChartSpec(title: Section.heading(label: figure.label, title: figure.caption),
                         unit: figure.unit, source: figure.source, note: note.isEmpty ? nil : note,
                         missingNote: nil, kind: kind, categories: categories, series: series,
                         idPrefix: figure.id)
    }

    /// Decimals as printed: `715.7` → 1, `1,359.2` → 1, `12%` → 0.
    static func decimals(_ raw: String) -> Int {
        guard let dot = raw.firstIndex(of: ".") else { return 0 }
        return raw[raw.index(after: dot)...].prefix { $0.isNumber }.count
    }

    /// The numbers with their provenance: series, x, y as printed, seed line.
    static func csv(_ file: FigureDataFile) -> String {
        func cell(_ s: String) -> String {
            // Each of those Characters holds its byte: a cell without the bytes (nearly all) is
            // kept without walking its Characters.
            guard s.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A }) else { return s }
            return s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        return "series,x,y,line\r\n" + file.points.map { [cell($0.series), cell($0.x), cell($0.raw), String($0.line)].joined(separator: ",") }
            .joined(separator: "\r\n") + "\r\n"
    }

    static func metadata(_ f: RenderedFigure) -> String {
        var w = JSONWriter(capacity: 1024)
        w.beginObject()  // keys in sorted order
        w.key("caption"); w.string(f.caption)
        w.key("citedBy"); w.string(f.citedBy)
        w.key("document"); w.string(f.documentID)
        w.key("id"); w.string(f.id)
        w.key("label"); w.string(f.label)
        w.key("note"); w.string(f.sourceNote)
        w.key("source"); w.string(f.source)
        w.key("status"); w.string(f.statusNote)
        w.key("unit"); w.string(f.unit)
        w.key("url"); w.string(f.url)
        w.endObject()
        return String(decoding: w.finish(), as: UTF8.self)
    }
}
