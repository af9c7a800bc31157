import Foundation
import SiteLink
import SiteModel

/// `data/countries.json` (+ `.csv`), `data/organisations.json`, `data/agreements.json`,
/// as the data contract describes them.
enum EntitiesJSON {
    static func files(_ graph: SiteGraph) throws -> [OutputFile] {
        let e = graph.entities
        return [
            OutputFile(path: "data/countries.json", contents: .bytes(try encode(e.countries.map { CountryRecord($0, graph) }))),
            OutputFile(path: "data/countries.csv", text: csv(graph)),
            OutputFile(path: "data/organisations.json", contents: .bytes(try encode(e.organisations.map { OrganisationRecord($0, graph) }))),
            OutputFile(path: "data/agreements.json", contents: .bytes(try encode(e.agreements.map { AgreementRecord($0, graph) }))),
        ]
    }

    static func encode(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return [UInt8](try encoder.encode(value)) + [0x0A]
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
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

private struct MentionRecord: Encodable {
    let mention: Mention
    let url: String
    let withSurface: Bool
    enum Keys: String, CodingKey { case document, section, paragraph, line, surface, url }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(mention.document, forKey: .document)
        try c.encode(mention.section, forKey: .section)
        try c.encode(mention.block, forKey: .paragraph)
        try c.encode(mention.line, forKey: .line)
        if withSurface { try c.encode(mention.surface, forKey: .surface) }
        try c.encode(url, forKey: .url)
    }
}

private func mentions(_ ms: [Mention], _ graph: SiteGraph, surface: Bool = true) -> [MentionRecord] {
    ms.map { MentionRecord(mention: $0, url: graph.url(of: $0), withSurface: surface) }
}

private struct CountryRecord: Encodable {
    let country: Country
    let graph: SiteGraph
    init(_ country: Country, _ graph: SiteGraph) { self.country = country; self.graph = graph }
    enum Keys: String, CodingKey { case iso2, nameZh, nameEn, kind, continent, url, mentions }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(country.iso2, forKey: .iso2)
        try c.encode(country.nameZh, forKey: .nameZh)
        try c.encode(country.nameEn, forKey: .nameEn)
        try c.encode(country.kind.rawValue, forKey: .kind)
        try c.encode(country.continent, forKey: .continent)
        try c.encode(SiteGraph.countryPath(country.iso2), forKey: .url)
        try c.encode(mentions(country.mentions, graph), forKey: .mentions)
    }
}

private struct OrganisationRecord: Encodable {
    let organisation: Organisation
    let graph: SiteGraph
    init(_ o: Organisation, _ graph: SiteGraph) { self.organisation = o; self.graph = graph }
    enum Keys: String, CodingKey { case id, nameZh, aliases, nameEn, url, mentions }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(organisation.id, forKey: .id)
        try c.encode(organisation.nameZh, forKey: .nameZh)
        try c.encode(organisation.aliases, forKey: .aliases)
        try c.encode(organisation.nameEn, forKey: .nameEn)
        try c.encode(SiteGraph.organisationPath(organisation.id), forKey: .url)
        try c.encode(mentions(organisation.mentions, graph), forKey: .mentions)
    }
}

private struct AgreementRecord: Encodable {
    let agreement: Agreement
    let graph: SiteGraph
    init(_ a: Agreement, _ graph: SiteGraph) { self.agreement = a; self.graph = graph }
    enum Keys: String, CodingKey { case id, kind, title, type, parties, countries, url, mentions }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(agreement.id, forKey: .id)
        try c.encode(agreement.kind.rawValue, forKey: .kind)
        try c.encode(agreement.title, forKey: .title)
        try c.encode(agreement.type, forKey: .type)
        try c.encode(agreement.parties, forKey: .parties)
        try c.encode(agreement.countries, forKey: .countries)
        try c.encode(SiteGraph.agreementPath(agreement.id), forKey: .url)
        try c.encode(mentions(agreement.mentions, graph, surface: false), forKey: .mentions)
    }
}
