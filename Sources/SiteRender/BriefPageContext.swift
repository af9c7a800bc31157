import SiteLink
import SiteModel
import Templating

/// Values for a country's print brief: everything the documents say about the country, each
/// statement quoted in full with its citation (document, section label, source line).
extension PageContext {
    func brief(_ country: Country, buildDate: String) -> Values {
        var c = common(title: "\(country.nameZh)国别简报", description: "\(country.nameZh)（\(country.nameEn)）：文献中的全部相关内容")
        let docs = graph.documents.filter { d in country.mentions.contains { $0.document == d.id } }
        c["country"] = [
            "iso2": .text(country.iso2), "nameZh": .text(country.nameZh), "nameEn": .text(country.nameEn),
            "continent": .text(country.continent ?? ""), "hasContinent": .bool(country.continent != nil),
            "total": .int(country.mentions.count), "url": .text(link(SiteGraph.countryPath(country.iso2))),
        ]
        c["buildDate"] = .text(buildDate)
        // For the running header in `@page` (a CSS string; HTML escaping does not apply there).
        c["cssRunningHead"] = .text(Self.cssString("\(country.nameZh) \(country.nameEn) · 国别简报"))
        c["perDocument"] = TemplateValue(docs.map { d -> Values in
            ["title": .text(d.title), "count": .int(Self.count(country.mentions, in: d.id))]
        })
        let agreements = index.agreementsOf[country.iso2] ?? []
        let byType = Dictionary(grouping: agreements) { graph.entities.agreements[$0].type ?? "文件" }
        c["agreementTypes"] = TemplateValue(byType.keys.sorted { (byType[$0]?.count ?? 0, $1) > (byType[$1]?.count ?? 0, $0) }
            .map { ["type": .text($0), "count": .int(byType[$0]?.count ?? 0)] })
        c["agreements"] = TemplateValue(agreements.map { i -> Values in
            let a = graph.entities.agreements[i]
            // Cited by the document's number in this brief (文献 1), the section label and the line.
            var source = ""
            if let m = a.mentions.first {
                if let n = docs.firstIndex(where: { $0.id == m.document }) { source += "文献 " + String(n + 1) + " · " }
                if let label = index.label(m.document, m.section) { source += label + " · " }
                source += "第 " + String(m.line) + " 行"
            }
            return ["title": .text(a.title), "type": .text(a.type ?? "文件"), "parties": .text(index.agreementParties[i]),
                    "url": .text(link(SiteGraph.agreementPath(a.id))), "source": .text(source)]
        })
        c["hasAgreements"] = .bool(!agreements.isEmpty)
        c["statementsHTML"] = .utf8(statementsHTML(country, in: docs))
        c["chartHTML"] = .utf8(chartBytes(index.countryCharts[country.iso2]))
        c["sources"] = TemplateValue(docs.enumerated().map { n, d -> Values in
            ["number": .int(n + 1), "title": .text(d.title), "source": .text(d.source), "date": .text(d.date ?? ""),
             "hasDate": .bool(d.date != nil), "url": .text(link(SiteGraph.documentPath(d.id)))]
        })
        return c
    }

    /// Every paragraph that names the country, in full, each occurrence marked, grouped by
    /// document and section, each with its citation. Built here: a long list, escaped text.
    func statementsHTML(_ country: Country, in docs: [Document]) -> [UInt8] {
        var out = EntityHTMLWriter(capacity: country.mentions.count * 1200)
        let pagePath = Array(page.path.utf8)
        country.mentions.withUnsafeBufferPointer { ms in
            pagePath.withUnsafeBufferPointer { here in
                for n in docs.indices {
                    statementsHTML(ms, number: n + 1, in: docs[n], from: here, into: &out)
                }
            }
        }
        return out.bytes
    }

    private func statementsHTML(_ ms: UnsafeBufferPointer<Mention>, number: Int, in d: Document,
                                from here: UnsafeBufferPointer<UInt8>, into out: inout EntityHTMLWriter) {
        let text = index.text(of: d.id)
        out.raw("<section class=\"brief-document\">\n<h3><span class=\"doc-no\">文献 ")
        out.decimal(number)
        out.raw("</span>")
        var title = EntityHTMLWriter(capacity: d.title.utf8.count + 16)
        title.text(d.title)
        out.raw(title)
        out.raw("</h3>\n")
        // Each paragraph once, in order of its first mention, with all its mentions marked:
        // per paragraph its first and last mention, per mention the next of its paragraph.
        let paragraphs = text.paragraphs.count
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * paragraphs + ms.count) { scratch in
            scratch.initialize(repeating: -1)
            let firstOf = scratch.baseAddress!, lastOf = firstOf + paragraphs, next = firstOf + 2 * paragraphs
            var order: [Int] = []
            for i in ms.indices where ms[i].document == d.id {
                guard let p = text.paragraphIndex[ms[i].block] else { continue }
                if firstOf[p] < 0 { firstOf[p] = i; order.append(p) } else { next[lastOf[p]] = i }
                lastOf[p] = i
            }
            text.withView { view in
                var pageLinks = PageLinks(text, from: here)
                var currentSection = ""
                var ranges: [(Int, Int)] = []
                for p in order {
                    let m = firstOf[p]
                    let paragraph = text.paragraphs[p]
                    let section = text.sections[paragraph.section]
                    if text.sectionIDs[paragraph.section] != currentSection {
                        currentSection = text.sectionIDs[paragraph.section]
                        out.raw("<h4>")
                        out.raw(view[section.briefHeading])
                        out.raw("</h4>\n")
                    }
                    ranges.removeAll(keepingCapacity: true)
                    var i = m
                    while i >= 0 {
                        ranges.append((ms[i].offset, ScalarText.scalarCount(ms[i].surface)))
                        i = next[i]
                    }
                    out.raw("<blockquote class=\"statement\"><p>")
                    view.markedHTML(paragraph, ranges, into: &out)
                    out.raw("</p><cite><a href=\"")
                    pageLinks.writeParagraph(paragraph, view: view, block: ms[m].block, document: d.id, graph: graph, into: &out)
                    out.raw("\">")
                    // The document, the section's label and the line, those there are, joined by " · ".
                    if !title.isEmpty {
                        out.raw(title)
                        out.raw(" · ")
                    }
                    if !section.citationLabel.isEmpty {
                        out.raw(view[section.citationLabel])
                        out.raw(" · ")
                    }
                    out.raw("原文第 ")
                    out.decimal(paragraph.line)
                    out.raw(" 行</a></cite></blockquote>\n")
                }
            }
        }
        out.raw("</section>\n")
    }

    /// A quoted CSS string; `<` is escaped too, so the text cannot close the `<style>` element.
    static func cssString(_ s: String) -> String {
        // The characters to escape are ASCII: bytes stand for scalars here.
        var out: [UInt8] = [0x22]
        out.reserveCapacity(s.utf8.count + 8)
        for b in s.utf8 {
            switch b {
            case 0x22, 0x5C, 0x3C, 0x3E, 0x0A, 0x0D:
                out.append(0x5C)
                out.append(contentsOf: String(b, radix: 16).utf8)
                out.append(0x20)
            default: out.append(b)
            }
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }
}
