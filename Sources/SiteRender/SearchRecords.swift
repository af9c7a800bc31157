import SiteLink
import SiteModel
import SiteSearch

/// What the site's search index holds, in reading order (record order breaks ranking ties):
/// entities first, then each document's title, its sections and their paragraphs.
public enum SearchRecords {
    public static func records(_ graph: SiteGraph) -> [SearchRecord] {
        var out: [SearchRecord] = []
        let e = graph.entities
        for c in e.countries {
            out.append(SearchRecord(url: SiteGraph.countryPath(c.iso2), title: c.nameZh, text: c.continent ?? "",
                                    kind: .country, names: [c.nameEn, c.iso2]))
        }
        for o in e.organisations {
            out.append(SearchRecord(url: SiteGraph.organisationPath(o.id), title: o.nameZh, kind: .organisation,
                                    names: [o.nameEn].compactMap { $0 } + o.aliases))
        }
        for a in e.agreements {
            let text = [a.type ?? "", a.parties.joined(separator: "、")].filter { !$0.isEmpty }.joined(separator: " · ")
            out.append(SearchRecord(url: SiteGraph.agreementPath(a.id), title: a.title, text: text, kind: .agreement))
        }
        for d in graph.documents {
            out.append(SearchRecord(url: SiteGraph.documentPath(d.id), title: d.title, kind: .section))
            for s in d.sections { add(s, parentTitle: d.title, in: d, graph: graph, to: &out) }
        }
        return out
    }

    /// An outcome-list item is one sentence (its title, text and only paragraph): it is indexed
    /// once, as the paragraph, titled with the heading above it, so it is not found three times.
    private static func add(_ s: Section, parentTitle: String, in d: Document, graph: SiteGraph, to out: inout [SearchRecord]) {
        let isItem = s.kind == .item
        if !isItem {
            out.append(SearchRecord(url: graph.url(of: s, in: d), title: Section.heading(label: s.label, title: s.title),
                                    kind: .section))
        }
        let heading = isItem ? parentTitle : Section.heading(label: s.label, title: s.title)
        for b in s.blocks where b.kind != .image {
            out.append(SearchRecord(url: graph.url(of: b, in: d), title: heading, text: b.text, kind: .paragraph))
        }
        for c in s.children { add(c, parentTitle: heading, in: d, graph: graph, to: &out) }
    }
}
