import SiteLink
import SiteModel
import Templating

/// Values for the countries, organisations and agreements pages.
extension PageContext {
    func countriesIndex() -> Values {
        var c = common(title: "国家和地区", description: "文献提到的国家和地区，按大洲分组")
        let docs = graph.documents
        c["documents"] = TemplateValue(docs.map { ["title": .text($0.title)] })
        let byContinent = Dictionary(grouping: graph.entities.countries) { $0.continent ?? "其他" }
        c["continents"] = TemplateValue(Self.continentOrder(byContinent.keys).map { continent -> Values in
            [
                "name": .text(continent),
                "countries": TemplateValue((byContinent[continent] ?? []).sorted { ($0.mentions.count, $1.iso2) > ($1.mentions.count, $0.iso2) }.map { country -> Values in
                    [
                        "iso2": .text(country.iso2), "nameZh": .text(country.nameZh), "nameEn": .text(country.nameEn),
                        "url": .text(link(SiteGraph.countryPath(country.iso2))),
                        "total": .int(country.mentions.count),
                        "perDocument": TemplateValue(docs.map { d in ["count": .int(country.mentions.filter { $0.document == d.id }.count)] }),
                    ]
                }),
            ]
        })
        c["countryCount"] = .int(graph.entities.countries.count)
        c["chartsHTML"] = .text(tileMapHTML() + siteChartsHTML(["mentions-by-continent"] + graph.documents.map { "\($0.id)-most-named-countries" }))
        return c
    }

    func country(_ country: Country) -> Values {
        var c = common(title: country.nameZh, description: "\(country.nameZh)（\(country.nameEn)）在文献中的全部提及")
        c["country"] = [
            "iso2": .text(country.iso2), "nameZh": .text(country.nameZh), "nameEn": .text(country.nameEn),
            "continent": .text(country.continent ?? ""), "hasContinent": .bool(country.continent != nil),
            "isTerritory": .bool(country.kind == .territory), "total": .int(country.mentions.count),
            "briefURL": .text(link(SiteGraph.briefPath(country.iso2))),
        ]
        c["perDocument"] = TemplateValue(graph.documents.compactMap { d -> Values? in
            let n = Self.count(country.mentions, in: d.id)
            return n == 0 ? nil : ["title": .text(d.title), "url": .text(link(SiteGraph.documentPath(d.id))), "count": .int(n)]
        })
        let agreements = index.agreementsOf[country.iso2] ?? []
        c["agreements"] = TemplateValue(agreements.map(agreementRow))
        c["hasAgreements"] = .bool(!agreements.isEmpty)
        let related = coMentioned(with: country)
        c["related"] = TemplateValue(related)
        c["hasRelated"] = .bool(!related.isEmpty)
        c["mentionsHTML"] = .utf8(mentionsHTML(country.mentions))
        c["chartHTML"] = .utf8(chartBytes(index.countryCharts[country.iso2]))
        return c
    }

    func organisationsIndex() -> Values {
        var c = common(title: "国际组织", description: "文献提到的国际组织、多边开发银行和区域组织")
        c["organisations"] = TemplateValue(graph.entities.organisations.map { o -> Values in
            ["nameZh": .text(o.nameZh), "nameEn": .text(o.nameEn ?? ""), "hasEnglish": .bool(o.nameEn != nil),
             "aliases": .text(Self.listed(o.aliases)), "hasAliases": .bool(!o.aliases.isEmpty),
             "url": .text(link(SiteGraph.organisationPath(o.id))), "total": .int(o.mentions.count)]
        })
        return c
    }

    func organisation(_ o: Organisation) -> Values {
        var c = common(title: o.nameZh, description: "\(o.nameZh)在文献中的全部提及")
        c["organisation"] = ["nameZh": .text(o.nameZh), "nameEn": .text(o.nameEn ?? ""), "hasEnglish": .bool(o.nameEn != nil),
                             "aliases": .text(Self.listed(o.aliases)), "hasAliases": .bool(!o.aliases.isEmpty),
                             "total": .int(o.mentions.count)]
        c["mentionsHTML"] = .utf8(mentionsHTML(o.mentions))
        return c
    }

    func agreementsIndex() -> Values {
        var c = common(title: "协议和文件", description: "文献中签署的协议和提到的文件，按类型分组")
        let all = graph.entities.agreements
        let byType = Dictionary(grouping: all.indices) { all[$0].type ?? (all[$0].kind == .document ? "文件" : "其他") }
        c["types"] = TemplateValue(byType.keys.sorted { (byType[$0]?.count ?? 0, $1) > (byType[$1]?.count ?? 0, $0) }.map { type -> Values in
            let ofType = byType[type] ?? []
            // Within a type, by the document that names the agreement (first mention).
            let documents = graph.documents.compactMap { d -> Values? in
                let here = ofType.filter { all[$0].mentions.first?.document == d.id }
                return here.isEmpty ? nil : ["title": .text(d.title), "agreements": TemplateValue(here.map(agreementRow))]
            }
            return ["name": .text(type), "count": .int(ofType.count), "documents": TemplateValue(documents)]
        })
        c["total"] = .int(graph.entities.agreements.count)
        c["chartsHTML"] = .text(siteChartsHTML(["agreements-by-type"]))
        return c
    }

    func agreement(_ a: Agreement) -> Values {
        var c = common(title: a.title, description: "\(a.type ?? "文件")：\(a.title)")
        let countries = a.countries.compactMap { index.countryIndex[$0] }
        c["agreement"] = [
            "title": .text(a.title), "type": .text(a.type ?? ""), "hasType": .bool(a.type != nil), "isDocument": .bool(a.kind == .document),
            "parties": TemplateValue(a.parties), "hasParties": .bool(!a.parties.isEmpty),
            "countries": TemplateValue(countries.map { i in
                let c = graph.entities.countries[i]
                return ["nameZh": .text(c.nameZh), "url": .text(link(index.countryPaths[i]))]
            }),
            "hasCountries": .bool(!countries.isEmpty),
        ]
        c["mentionsHTML"] = .utf8(mentionsHTML(a.mentions))
        return c
    }

    /// The agreement of that index in the entities.
    private func agreementRow(_ i: Int) -> Values {
        let a = graph.entities.agreements[i]
        return ["title": .text(a.title), "type": .text(a.type ?? ""), "hasType": .bool(a.type != nil),
                "url": .text(link(SiteGraph.agreementPath(a.id))), "parties": .text(index.agreementParties[i]), "count": .int(a.mentions.count)]
    }

    /// Countries named in the same paragraphs, most shared paragraphs first (top 10).
    private func coMentioned(with country: Country) -> [Values] {
        (index.namedTogether[country.iso2] ?? []).prefix(10).map { other in
            let c = graph.entities.countries[other.country]
            return ["nameZh": .text(c.nameZh), "url": .text(link(index.countryPaths[other.country])), "count": .int(other.count)]
        }
    }

    /// Names joined by "、" (`joined(separator:)`), copied into one allocation.
    static func listed(_ names: [String]) -> String {
        guard names.count > 1 else { return names.first ?? "" }
        var size = 3 * (names.count - 1)
        for name in names { size += name.utf8.count }
        return String(unsafeUninitializedCapacity: size) { out in
            var n = 0
            for (i, name) in names.enumerated() {
                if i > 0 {
                    out[n] = 0xE3; out[n + 1] = 0x80; out[n + 2] = 0x81  // "、"
                    n += 3
                }
                var name = name
                name.withUTF8 { bytes in
                    if let from = bytes.baseAddress { (out.baseAddress! + n).update(from: from, count: bytes.count) }
                    n += bytes.count
                }
            }
            return n
        }
    }

    /// How many of the mentions stand in the document.
    static func count(_ mentions: [Mention], in document: String) -> Int {
        mentions.withUnsafeBufferPointer { ms in
            var n = 0
            for i in ms.indices where ms[i].document == document { n += 1 }
            return n
        }
    }

    /// Mentions grouped by document, then section, each a snippet linking to its paragraph.
    /// Built here as HTML rather than by a template loop: a country can have hundreds of
    /// mentions. Every text is escaped.
    func mentionsHTML(_ mentions: [Mention]) -> [UInt8] {
        var out = EntityHTMLWriter(capacity: mentions.count * 400)
        let pagePath = Array(page.path.utf8)
        mentions.withUnsafeBufferPointer { ms in
            pagePath.withUnsafeBufferPointer { here in
                for d in graph.documents.indices {
                    mentionsHTML(ms, in: graph.documents[d], from: here, into: &out)
                }
            }
        }
        return out.bytes
    }

    /// One document's group of `mentionsHTML`: its sections in the order of their first
    /// mention, each with its mentions in order.
    private func mentionsHTML(_ ms: UnsafeBufferPointer<Mention>, in d: Document, from here: UnsafeBufferPointer<UInt8>,
                              into out: inout EntityHTMLWriter) {
        var n = 0
        for i in ms.indices where ms[i].document == d.id { n += 1 }
        guard n > 0 else { return }
        let text = index.text(of: d.id)
        // Per mention of the document (k): its index in `ms`, its group and its paragraph
        // (-1: none); per group its section (-1 - u for the u-th unknown id); per section its
        // group; each group's mentions, in order, found by a counting sort.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 6 * n + text.sections.count + 1) { scratch in
            scratch.initialize(repeating: -1)
            let base = scratch.baseAddress!
            let mine = base, group = base + n, paragraph = base + 2 * n, ordered = base + 3 * n
            let groupSection = base + 4 * n, groupStart = base + 5 * n, groupOf = base + 6 * n + 1
            var unknownIDs: [String] = []
            var unknownGroup: [String: Int] = [:]
            var groups = 0, k = 0
            for i in ms.indices where ms[i].document == d.id {
                mine[k] = i
                paragraph[k] = text.paragraphIndex[ms[i].block] ?? -1
                let sid = ms[i].section
                if let s = text.sectionIndex[sid] {
                    if groupOf[s] < 0 {
                        groupOf[s] = groups
                        groupSection[groups] = s
                        groups += 1
                    }
                    group[k] = groupOf[s]
                } else if let g = unknownGroup[sid] {
                    group[k] = g
                } else {
                    unknownGroup[sid] = groups
                    groupSection[groups] = -1 - unknownIDs.count
                    unknownIDs.append(sid)
                    group[k] = groups
                    groups += 1
                }
                k += 1
            }
            for g in 0...groups { groupStart[g] = 0 }
            for k in 0..<n { groupStart[group[k] + 1] += 1 }
            for g in 0..<groups { groupStart[g + 1] += groupStart[g] }
            // Placing each mention moves its group's start up: it ends as the next group's start.
            for k in 0..<n {
                ordered[groupStart[group[k]]] = k
                groupStart[group[k]] += 1
            }

            text.withView { view in
                out.raw("<section class=\"mention-group\">\n<h2><a href=\"")
                text.home.withUnsafeBufferPointer { out.link(from: here, to: $0) }
                out.raw("\">")
                out.text(d.title)
                out.raw("</a> <span class=\"count\">")
                out.decimal(n)
                out.raw(" 处</span></h2>\n")
                // Every source link is this one and a line number.
                let sourceLink = text.sourceLine.withUnsafeBufferPointer { EntityHTMLWriter.link(from: here, to: $0) }
                var pageLinks = PageLinks(text, from: here)
                for g in 0..<groups {
                    out.raw("<h3><a href=\"")
                    let s = groupSection[g]
                    if s >= 0 {
                        let section = text.sections[s]
                        if section.page >= 0 {
                            pageLinks.write(section.page, into: &out)
                            out.raw("#")
                            out.raw(view[section.idHTML])
                        } else {
                            out.link(from: here, to: graph.page(of: text.sectionIDs[s], inDocument: d.id), fragment: text.sectionIDs[s])
                        }
                        out.raw("\">")
                        out.raw(view[section.mentionHeading])
                    } else {
                        out.raw("\">")
                        out.text(ScalarText.clipped(unknownIDs[-1 - s], to: 28))
                    }
                    out.raw("</a></h3>\n<ul class=\"mentions\">\n")
                    for j in (g == 0 ? 0 : groupStart[g - 1])..<groupStart[g] {
                        let k = ordered[j], i = mine[k]
                        out.raw("<li><a class=\"snippet\" href=\"")
                        if paragraph[k] >= 0 {
                            let p = text.paragraphs[paragraph[k]]
                            pageLinks.writeParagraph(p, view: view, block: ms[i].block, document: d.id, graph: graph, into: &out)
                            out.raw("\">")
                            view.snippetHTML(p, offset: ms[i].offset, length: ScalarText.scalarCount(ms[i].surface), into: &out)
                        } else {
                            out.link(from: here, to: graph.page(of: ms[i].block, inDocument: d.id), fragment: ms[i].block)
                            out.raw("\">")
                            out.text(ms[i].surface)
                        }
                        out.raw("</a> <a class=\"src\" href=\"")
                        out.raw(sourceLink)
                        out.decimal(ms[i].line)
                        out.raw("\">原文 ")
                        out.decimal(ms[i].line)
                        out.raw(" 行</a></li>\n")
                    }
                    out.raw("</ul>\n")
                }
                out.raw("</section>\n")
            }
        }
    }

    /// Links from a page to the pages of a document (`TextIndex.DocumentText.pages`), escaped,
    /// each made when first asked for; a link to a paragraph or section adds "#" and its id.
    struct PageLinks {
        private let pages: [[UInt8]]
        private let here: UnsafeBufferPointer<UInt8>
        private var bytes: [UInt8] = []
        private var made: [Range<Int>?]

        init(_ text: TextIndex.DocumentText, from here: UnsafeBufferPointer<UInt8>) {
            pages = text.pages
            self.here = here
            made = Array(repeating: nil, count: text.pages.count)
        }

        mutating func write(_ page: Int, into out: inout EntityHTMLWriter) {
            let range: Range<Int>
            if let r = made[page] {
                range = r
            } else {
                let from = bytes.count
                bytes += pages[page].withUnsafeBufferPointer { EntityHTMLWriter.link(from: here, to: $0, fragmentFollows: true) }
                range = from..<bytes.count
                made[page] = range
            }
            bytes.withUnsafeBufferPointer { out.raw(UnsafeBufferPointer(rebasing: $0[range])) }
        }

        /// The link to a paragraph: its page's link, "#" and its id; for a paragraph no page
        /// of the document shows, the page the site graph gives for the block.
        mutating func writeParagraph(_ p: TextIndex.Paragraph, view: TextIndex.TextView, block: String, document: String,
                                     graph: SiteGraph, into out: inout EntityHTMLWriter) {
            if p.page >= 0 {
                write(p.page, into: &out)
                out.raw("#")
                out.raw(view[p.idHTML])
            } else {
                out.link(from: here, to: graph.page(of: block, inDocument: document), fragment: block)
            }
        }
    }

    static func continentOrder(_ names: some Sequence<String>) -> [String] {
        let order = ["亚洲", "欧洲", "非洲", "北美洲", "南美洲", "大洋洲", "其他"]
        return names.sorted { (order.firstIndex(of: $0) ?? 99, $0) < (order.firstIndex(of: $1) ?? 99, $1) }
    }
}
