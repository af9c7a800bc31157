import SiteLink
import SiteModel

/// `data/documents.json` exactly as the data contract describes it (plus a few extra keys:
/// author, tags, metadata, the printed date and each section's paragraphs). Written as it is
/// produced (`JSONWriter`), keys in sorted order.
enum DocumentsJSON {
    static func encode(_ graph: SiteGraph) throws -> [UInt8] {
        var w = JSONWriter(capacity: 512 * 1024)
        w.beginArray()
        for d in graph.documents { document(d, graph, &w) }
        w.endArray()
        return w.finish()
    }

    /// Every key the contract names, `null` for absent values.
    private static func document(_ d: Document, _ graph: SiteGraph, _ w: inout JSONWriter) {
        w.beginObject()
        w.key("author"); w.string(d.author)
        w.key("date"); w.string(d.date)
        w.key("datetime"); w.string(d.dateAsPrinted)
        w.key("id"); w.string(d.id)
        w.key("metadata")
        w.beginArray()
        for m in d.metadata {
            w.beginObject()
            w.key("line"); w.int(m.line)
            w.key("name"); w.string(m.name)
            w.key("value"); w.string(m.value)
            w.endObject()
        }
        w.endArray()
        w.key("sections")
        w.beginArray()
        for s in d.sections { section(s, d, graph, &w) }
        w.endArray()
        w.key("source"); w.string(d.source)
        w.key("tags"); w.strings(d.tags)
        w.key("title"); w.string(d.title)
        w.key("url"); w.string(SiteGraph.documentPath(d.id))
        w.endObject()
    }

    private static func section(_ s: Section, _ d: Document, _ graph: SiteGraph, _ w: inout JSONWriter) {
        w.beginObject()
        w.key("children")
        w.beginArray()
        for child in s.children { section(child, d, graph, &w) }
        w.endArray()
        w.key("id"); w.string(s.id)
        w.key("inferred"); w.bool(s.inferred)
        w.key("kind"); w.string(s.kind.rawValue)
        w.key("label"); w.string(s.label)
        w.key("line"); w.int(s.line)
        w.key("paragraphs")
        w.beginArray()
        for b in s.blocks {
            w.beginObject()
            w.key("id"); w.string(b.id)
            w.key("kind"); w.string(b.kind.rawValue)
            w.key("line"); w.int(b.line)
            w.key("text"); w.string(b.text)
            // `graph.url(of: b, in: d)`, its pieces written one after another.
            w.key("url"); w.string(graph.page(of: b.id, in: d), "#", b.id)
            w.endObject()
        }
        w.endArray()
        w.key("text"); w.string(s.text)
        w.key("title"); w.string(s.title)
        w.key("url"); w.string(graph.page(of: s.id, in: d), "#", s.id)
        w.endObject()
    }
}
