import Foundation
import SiteLink
import SiteModel

/// `data/documents.json` exactly as the data contract describes it (plus a few extra keys:
/// author, tags, metadata, the printed date and each section's paragraphs).
enum DocumentsJSON {
    static func encode(_ graph: SiteGraph) throws -> [UInt8] {
        try EntitiesJSON.encode(graph.documents.map { DocumentRecord($0, graph: graph) })
    }
}

/// Writes `null` for absent values (the contract names every key) instead of omitting them.
private struct DocumentRecord: Encodable {
    let document: Document
    let graph: SiteGraph
    init(_ document: Document, graph: SiteGraph) {
        self.document = document
        self.graph = graph
    }

    enum Keys: String, CodingKey { case id, title, date, datetime, author, tags, metadata, source, url, sections }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(document.id, forKey: .id)
        try c.encode(document.title, forKey: .title)
        try c.encode(document.date, forKey: .date)
        try c.encode(document.dateAsPrinted, forKey: .datetime)
        try c.encode(document.author, forKey: .author)
        try c.encode(document.tags, forKey: .tags)
        try c.encode(document.metadata.map { MetadataRecord(field: $0) }, forKey: .metadata)
        try c.encode(document.source, forKey: .source)
        try c.encode(SiteGraph.documentPath(document.id), forKey: .url)
        try c.encode(document.sections.map { SectionRecord(section: $0, document: document, graph: graph) },
                     forKey: .sections)
    }
}

private struct MetadataRecord: Encodable {
    let field: MetadataField
    enum Keys: String, CodingKey { case name, value, line }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(field.name, forKey: .name)
        try c.encode(field.value, forKey: .value)
        try c.encode(field.line, forKey: .line)
    }
}

private struct SectionRecord: Encodable {
    let section: Section
    let document: Document
    let graph: SiteGraph

    enum Keys: String, CodingKey { case id, kind, label, inferred, title, text, line, url, paragraphs, children }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(section.id, forKey: .id)
        try c.encode(section.kind.rawValue, forKey: .kind)
        try c.encode(section.label, forKey: .label)
        try c.encode(section.inferred, forKey: .inferred)
        try c.encode(section.title, forKey: .title)
        try c.encode(section.text, forKey: .text)
        try c.encode(section.line, forKey: .line)
        try c.encode(graph.url(of: section, in: document), forKey: .url)
        try c.encode(section.blocks.map { ParagraphRecord(block: $0, url: graph.url(of: $0, in: document)) },
                     forKey: .paragraphs)
        try c.encode(section.children.map { SectionRecord(section: $0, document: document, graph: graph) },
                     forKey: .children)
    }
}

private struct ParagraphRecord: Encodable {
    let block: Block
    let url: String
    enum Keys: String, CodingKey { case id, kind, line, text, url }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(block.id, forKey: .id)
        try c.encode(block.kind.rawValue, forKey: .kind)
        try c.encode(block.line, forKey: .line)
        try c.encode(block.text, forKey: .text)
        try c.encode(url, forKey: .url)
    }
}
