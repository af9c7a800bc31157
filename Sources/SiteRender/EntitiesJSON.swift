import Foundation
import SiteLink
import SiteModel

/// `data/countries.json` (+ `.csv`), `data/organisations.json`, `data/agreements.json`,
/// as the data contract describes them.
enum EntitiesJSON {
    static func files(_ graph: SiteGraph) throws -> [OutputFile] {
        let e = graph.entities
        return [
            OutputFile(path: "data/countries.json", contents: .bytes(PrettyJSON.bytes(.array(e.countries.map { country($0, graph) })))),
            OutputFile(path: "data/countries.csv", text: csv(graph)),
            OutputFile(path: "data/organisations.json",
                       contents: .bytes(PrettyJSON.bytes(.array(e.organisations.map { organisation($0, graph) })))),
            OutputFile(path: "data/agreements.json", contents: .bytes(PrettyJSON.bytes(.array(e.agreements.map { agreement($0, graph) })))),
        ]
    }

    private static func country(_ c: Country, _ graph: SiteGraph) -> JSONValue {
        .object([
            ("iso2", .string(c.iso2)), ("nameZh", .string(c.nameZh)), ("nameEn", .string(c.nameEn)),
            ("kind", .string(c.kind.rawValue)), ("continent", .string(c.continent)),
            ("url", .string(SiteGraph.countryPath(c.iso2))), ("mentions", mentions(c.mentions, graph)),
        ])
    }

    private static func organisation(_ o: Organisation, _ graph: SiteGraph) -> JSONValue {
        .object([
            ("id", .string(o.id)), ("nameZh", .string(o.nameZh)), ("aliases", .strings(o.aliases)),
            ("nameEn", .string(o.nameEn)), ("url", .string(SiteGraph.organisationPath(o.id))),
            ("mentions", mentions(o.mentions, graph)),
        ])
    }

    private static func agreement(_ a: Agreement, _ graph: SiteGraph) -> JSONValue {
        .object([
            ("id", .string(a.id)), ("kind", .string(a.kind.rawValue)), ("title", .string(a.title)),
            ("type", .string(a.type)), ("parties", .strings(a.parties)), ("countries", .strings(a.countries)),
            ("url", .string(SiteGraph.agreementPath(a.id))), ("mentions", mentions(a.mentions, graph, surface: false)),
        ])
    }

    private static func mentions(_ ms: [Mention], _ graph: SiteGraph, surface: Bool = true) -> JSONValue {
        .array(ms.map { m in
            // Keys in sorted order, as written (PrettyJSON then need not sort them).
            var fields: [(String, JSONValue)] = [
                ("document", .string(m.document)), ("line", .int(m.line)), ("paragraph", .string(m.block)),
                ("section", .string(m.section)),
            ]
            if surface { fields.append(("surface", .string(m.surface))) }
            fields.append(("url", .string(graph.url(of: m))))
            return .object(fields)
        })
    }

    /// One row per country, with its mention count per document (a column per document).
    static func csv(_ graph: SiteGraph) -> String {
        let docs = graph.documents.map(\.id)
        var out = (["iso2", "nameZh", "nameEn", "kind", "continent", "mentions"] + docs.map { "mentions:\($0)" } + ["url"])
            .map(cell).joined(separator: ",") + "\r\n"
        for c in graph.entities.countries {
            let perDoc = docs.map { d in String(c.mentions.filter { $0.document == d }.count) }
            let row = [c.iso2, c.nameZh, c.nameEn, c.kind.rawValue, c.continent ?? "", String(c.mentions.count)]
                + perDoc + [SiteGraph.countryPath(c.iso2)]
            out += row.map(cell).joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// RFC 4180: quote a field holding a comma, quote or line break; double the quotes.
    static func cell(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
