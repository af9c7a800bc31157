import FigureData
import SiteModel

/// `data/figures.json` as the data contract describes it: every plotted number with its line.
enum FiguresJSON {
    static func encode(_ figures: [RenderedFigure]) -> [UInt8] {
        PrettyJSON.bytes(.array(figures.map { f in
            let file = f.file
            var categories: [String] = []
            for p in file?.points ?? [] where !categories.contains(p.x) { categories.append(p.x) }
            let series: [JSONValue] = (file?.series ?? []).map { name in
                let points = (file?.points ?? []).filter { $0.series == name }
                return .object([
                    ("name", .string(name)),
                    ("status", .string(points.count == categories.count ? "complete" : "partial")),
                    ("points", .array(points.map {
                        .object([("x", .string($0.x)), ("y", .double($0.y)), ("raw", .string($0.raw)), ("line", .int($0.line))])
                    })),
                ])
            }
            return .object([
                ("id", .string(String(f.id.dropFirst("figure-".count)))), ("document", .string(f.documentID)),
                ("label", .string(f.label)), ("caption", .string(f.caption)), ("source", .string(f.source)),
                ("note", .string(f.sourceNote)), ("status", .string(f.statusNote)), ("unit", .string(f.unit)),
                ("svg", .string(f.hasChart ? f.basePath + ".svg" : nil)), ("csv", .string(f.basePath + ".csv")),
                ("json", .string(f.basePath + ".json")), ("url", .string(f.url)), ("citedBy", .string(f.citedBy)),
                ("series", .array(series)),
            ])
        }))
    }
}
