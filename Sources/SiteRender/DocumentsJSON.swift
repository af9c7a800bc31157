import Foundation
import SiteLink
import SiteModel

/// `data/documents.json` exactly as the data contract describes it (plus a few extra keys:
/// author, tags, metadata, the printed date and each section's paragraphs).
enum DocumentsJSON {
    static func encode(_ graph: SiteGraph) throws -> [UInt8] {
        PrettyJSON.bytes(.array(graph.documents.map { document($0, graph) }))
    }

    /// Every key the contract names, `null` for absent values.
    private static func document(_ d: Document, _ graph: SiteGraph) -> JSONValue {
        .object([
            ("id", .string(d.id)), ("title", .string(d.title)), ("date", .string(d.date)),
            ("datetime", .string(d.dateAsPrinted)), ("author", .string(d.author)), ("tags", .strings(d.tags)),
            ("metadata", .array(d.metadata.map { m in
                .object([("name", .string(m.name)), ("value", .string(m.value)), ("line", .int(m.line))])
            })),
            ("source", .string(d.source)), ("url", .string(SiteGraph.documentPath(d.id))),
            ("sections", .array(d.sections.map { section($0, d, graph) })),
        ])
    }

    private static func section(_ s: Section, _ d: Document, _ graph: SiteGraph) -> JSONValue {
        .object([
            ("id", .string(s.id)), ("kind", .string(s.kind.rawValue)), ("label", .string(s.label)),
            ("inferred", .bool(s.inferred)), ("title", .string(s.title)), ("text", .string(s.text)),
            ("line", .int(s.line)), ("url", .string(graph.url(of: s, in: d))),
            ("paragraphs", .array(s.blocks.map { b in
                .object([("id", .string(b.id)), ("kind", .string(b.kind.rawValue)), ("line", .int(b.line)),
                         ("text", .string(b.text)), ("url", .string(graph.url(of: b, in: d)))])
            })),
            ("children", .array(s.children.map { section($0, d, graph) })),
        ])
    }
}
