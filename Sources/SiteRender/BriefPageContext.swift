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
            ["title": .text(d.title), "count": .int(country.mentions.filter { $0.document == d.id }.count)]
        })
        let agreements = graph.entities.agreements.filter { $0.countries.contains(country.iso2) }
        let byType = Dictionary(grouping: agreements) { $0.type ?? "文件" }
        c["agreementTypes"] = TemplateValue(byType.keys.sorted { (byType[$0]?.count ?? 0, $1) > (byType[$1]?.count ?? 0, $0) }
            .map { ["type": .text($0), "count": .int(byType[$0]?.count ?? 0)] })
        c["agreements"] = TemplateValue(agreements.map { a -> Values in
            // Cited by the document's number in this brief (文献 1), the section label and the line.
            let m = a.mentions.first
            let number = m.flatMap { m in docs.firstIndex { $0.id == m.document } }.map { "文献 \($0 + 1)" }
            let label = m.flatMap { index.section($0.document, $0.section)?.label }
            let source = [number, label, m.map { "第 \($0.line) 行" }].compactMap { $0 }.joined(separator: " · ")
            return ["title": .text(a.title), "type": .text(a.type ?? "文件"), "parties": .text(a.parties.joined(separator: "、")),
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
    private func statementsHTML(_ country: Country, in docs: [Document]) -> [UInt8] {
        var out = HTMLBuffer(capacity: country.mentions.count * 1200)
        for (n, d) in docs.enumerated() {
            let mentions = country.mentions.filter { $0.document == d.id }
            out.raw("<section class=\"brief-document\">\n<h3><span class=\"doc-no\">文献 \(n + 1)</span>")
            out.text(d.title)
            out.raw("</h3>\n")
            // Each paragraph once, in order of its first mention, with all its mentions marked.
            var byBlock: [String: [Mention]] = [:]
            for m in mentions { byBlock[m.block, default: []].append(m) }
            var seen = Set<String>()
            var currentSection = ""
            for m in mentions where seen.insert(m.block).inserted {
                guard let entry = index.entry(d.id, m.block) else { continue }
                if entry.section.id != currentSection {
                    currentSection = entry.section.id
                    let heading = Section.heading(label: entry.section.label, title: entry.section.title)
                    out.raw("<h4>")
                    out.text(ScalarText.clipped(heading, to: 40))
                    out.raw("</h4>\n")
                }
                let offsets = (byBlock[m.block] ?? []).map { ($0.offset, $0.surface.unicodeScalars.count) }
                let citation = [d.title, Section.heading(label: entry.section.label, title: ""), "原文第 \(entry.block.line) 行"]
                    .filter { !$0.isEmpty }.joined(separator: " · ")
                out.raw("<blockquote class=\"statement\"><p>")
                Self.mark(entry.scalars, offsets, into: &out)
                out.raw("</p><cite><a href=\"")
                out.text(link(graph.url(of: m)))
                out.raw("\">")
                out.text(citation)
                out.raw("</a></cite></blockquote>\n")
            }
            out.raw("</section>\n")
        }
        return out.bytes
    }

    /// A quoted CSS string; `<` is escaped too, so the text cannot close the `<style>` element.
    static func cssString(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"", "\\", "<", ">", "\n", "\r": out += "\\" + String(u.value, radix: 16) + " "
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }

    /// The text escaped, with each (offset, length) range in `<mark>`.
    static func mark(_ scalars: [Unicode.Scalar], _ ranges: [(Int, Int)], into out: inout HTMLBuffer) {
        var cursor = 0
        for (offset, length) in ranges.sorted(by: { $0.0 < $1.0 }) where offset >= cursor && offset + length <= scalars.count {
            out.text(scalars[cursor..<offset])
            out.raw("<mark>")
            out.text(scalars[offset..<(offset + length)])
            out.raw("</mark>")
            cursor = offset + length
        }
        out.text(scalars[cursor...])
    }
}
