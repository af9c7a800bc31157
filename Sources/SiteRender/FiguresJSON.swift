import FigureData
import SiteModel

/// `data/figures.json` as the data contract describes it: every plotted number with its line.
/// Written as it is produced (`JSONWriter`), keys in sorted order.
enum FiguresJSON {
    static func encode(_ figures: [RenderedFigure]) -> [UInt8] {
        var w = JSONWriter()
        w.beginArray()
        for f in figures {
            let file = f.file
            let points = file?.points ?? []
            var categories: [String] = []
            for p in points where !categories.contains(p.x) { categories.append(p.x) }
            w.beginObject()
            w.key("caption"); w.string(f.caption)
            w.key("citedBy"); w.string(f.citedBy)
            w.key("csv"); w.string(f.basePath + ".csv")
            w.key("document"); w.string(f.documentID)
            w.key("id"); w.string(String(f.id.dropFirst("figure-".count)))
            w.key("json"); w.string(f.basePath + ".json")
            w.key("label"); w.string(f.label)
            w.key("note"); w.string(f.sourceNote)
            w.key("series")
            w.beginArray()
            for name in file?.series ?? [] {
                let inSeries = points.filter { $0.series == name }
                w.beginObject()
                w.key("name"); w.string(name)
                w.key("points")
                w.beginArray()
                for p in inSeries {
                    w.beginObject()
                    w.key("line"); w.int(p.line)
                    w.key("raw"); w.string(p.raw)
                    w.key("x"); w.string(p.x)
                    w.key("y"); w.double(p.y)
                    w.endObject()
                }
                w.endArray()
                w.key("status"); w.string(inSeries.count == categories.count ? "complete" : "partial")
                w.endObject()
            }
            w.endArray()
            w.key("source"); w.string(f.source)
            w.key("status"); w.string(f.statusNote)
            w.key("svg"); w.string(f.hasChart ? f.basePath + ".svg" : nil)
            w.key("unit"); w.string(f.unit)
            w.key("url"); w.string(f.url)
            w.endObject()
        }
        w.endArray()
        return w.finish()
    }
}
