import SiteLink
import SiteModel

/// `data/countries.json` (+ `.csv`), `data/organisations.json`, `data/agreements.json`,
/// as the data contract describes them. Written as they are produced (`JSONWriter`), keys in
/// sorted order.
enum EntitiesJSON {
    static func files(_ graph: SiteGraph) throws -> [OutputFile] {
        let e = graph.entities
        return [
            OutputFile(path: "data/countries.json", contents: .bytes(countries(e.countries, graph))),
            OutputFile(path: "data/countries.csv", contents: .bytes(csv(graph))),
            OutputFile(path: "data/organisations.json", contents: .bytes(organisations(e.organisations, graph))),
            OutputFile(path: "data/agreements.json", contents: .bytes(agreements(e.agreements, graph))),
        ]
    }

    private static func countries(_ list: [Country], _ graph: SiteGraph) -> [UInt8] {
        var w = JSONWriter()
        w.beginArray()
        for c in list {
            w.beginObject()
            w.key("continent"); w.string(c.continent)
            w.key("iso2"); w.string(c.iso2)
            w.key("kind"); w.string(c.kind.rawValue)
            w.key("mentions"); mentions(c.mentions, graph, &w)
            w.key("nameEn"); w.string(c.nameEn)
            w.key("nameZh"); w.string(c.nameZh)
            w.key("url"); w.string(SiteGraph.countryPath(c.iso2))
            w.endObject()
        }
        w.endArray()
        return w.finish()
    }

    private static func organisations(_ list: [Organisation], _ graph: SiteGraph) -> [UInt8] {
        var w = JSONWriter()
        w.beginArray()
        for o in list {
            w.beginObject()
            w.key("aliases"); w.strings(o.aliases)
            w.key("id"); w.string(o.id)
            w.key("mentions"); mentions(o.mentions, graph, &w)
            w.key("nameEn"); w.string(o.nameEn)
            w.key("nameZh"); w.string(o.nameZh)
            w.key("url"); w.string(SiteGraph.organisationPath(o.id))
            w.endObject()
        }
        w.endArray()
        return w.finish()
    }

    private static func agreements(_ list: [Agreement], _ graph: SiteGraph) -> [UInt8] {
        var w = JSONWriter()
        w.beginArray()
        for a in list {
            w.beginObject()
            w.key("countries"); w.strings(a.countries)
            w.key("id"); w.string(a.id)
            w.key("kind"); w.string(a.kind.rawValue)
            w.key("mentions"); mentions(a.mentions, graph, surface: false, &w)
            w.key("parties"); w.strings(a.parties)
            w.key("title"); w.string(a.title)
            w.key("type"); w.string(a.type)
            w.key("url"); w.string(SiteGraph.agreementPath(a.id))
            w.endObject()
        }
        w.endArray()
        return w.finish()
    }

    private static func mentions(_ ms: [Mention], _ graph: SiteGraph, surface: Bool = true, _ w: inout JSONWriter) {
        w.beginArray()
        for m in ms {
            w.beginObject()
            w.key("document"); w.string(m.document)
            w.key("line"); w.int(m.line)
            w.key("paragraph"); w.string(m.block)
            w.key("section"); w.string(m.section)
            if surface { w.key("surface"); w.string(m.surface) }
            // `graph.url(of: m)`, its pieces written one after another.
            w.key("url")
            if let d = graph.documents.firstIndex(where: { $0.id == m.document }) {
                w.string(graph.page(of: m.block, in: graph.documents[d]), "#", m.block)
            } else {
                w.string(SiteGraph.documentPath(m.document))
            }
            w.endObject()
        }
        w.endArray()
    }

    /// One row per country, with its mention count per document (a column per document).
    static func csv(_ graph: SiteGraph) -> [UInt8] {
        let docs = graph.documents.map(\.id)
        var out: [UInt8] = []
        out.reserveCapacity(16 * 1024)
        for (i, h) in (["iso2", "nameZh", "nameEn", "kind", "continent", "mentions"] + docs.map { "mentions:\($0)" } + ["url"]).enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            CSV.appendCell(h, to: &out)
        }
        out.append(0x0D)
        out.append(0x0A)
        var perDoc = [Int](repeating: 0, count: docs.count)
        for c in graph.entities.countries {
            for i in perDoc.indices { perDoc[i] = 0 }
            for m in c.mentions {
                // Counted once for every document of that id, as filtering per document did.
                for (i, d) in docs.enumerated() where d == m.document { perDoc[i] += 1 }
            }
            for (i, cell) in [c.iso2, c.nameZh, c.nameEn, c.kind.rawValue, c.continent ?? ""].enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                CSV.appendCell(cell, to: &out)
            }
            out.append(UInt8(ascii: ","))
            CSV.appendInt(c.mentions.count, to: &out)
            for n in perDoc {
                out.append(UInt8(ascii: ","))
                CSV.appendInt(n, to: &out)
            }
            out.append(UInt8(ascii: ","))
            CSV.appendCell(SiteGraph.countryPath(c.iso2), to: &out)
            out.append(0x0D)
            out.append(0x0A)
        }
        return out
    }
}
