import FigureData
import Foundation
import SiteModel

/// `data/figures.json` as the data contract describes it: every plotted number with its line.
enum FiguresJSON {
    static func encode(_ figures: [RenderedFigure]) throws -> [UInt8] {
        let records: [[String: Any]] = figures.map { f in
            let file = f.file
            var categories: [String] = []
            for p in file?.points ?? [] where !categories.contains(p.x) { categories.append(p.x) }
            let series: [[String: Any]] = (file?.series ?? []).map { name in
                let points = (file?.points ?? []).filter { $0.series == name }
                return [
                    "name": name,
                    "status": points.count == categories.count ? "complete" : "partial",
                    "points": points.map { ["x": $0.x, "y": $0.y, "raw": $0.raw, "line": $0.line] as [String: Any] },
                ]
            }
            return [
                "id": String(f.id.dropFirst("figure-".count)), "document": f.documentID, "label": f.label,
                "caption": f.caption, "source": f.source ?? NSNull(), "note": f.sourceNote ?? NSNull(),
                "status": f.statusNote ?? NSNull(), "unit": f.unit ?? NSNull(),
                "svg": f.hasChart ? f.basePath + ".svg" : NSNull(), "csv": f.basePath + ".csv", "json": f.basePath + ".json",
                "url": f.url, "citedBy": f.citedBy ?? NSNull(), "series": series,
            ]
        }
        let data = try JSONSerialization.data(withJSONObject: records, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return [UInt8](data) + [0x0A]
    }
}
