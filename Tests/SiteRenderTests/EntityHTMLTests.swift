import SiteLink
import SiteModel
@testable import SiteRender
import XCTest

/// The byte-built mention and statement lists of the entity pages against the String-built
/// code they replaced (kept here as the reference), on a document made to be awkward:
/// parts on pages of their own, text to escape, names past the end of their paragraph,
/// unknown sections and paragraphs, ids that need escaping, clipped headings.
final class EntityHTMLTests: XCTestCase {
    static func document() -> Document {
        func para(_ id: String, _ text: String, _ line: Int) -> SectionContent {
            .block(Block(id: id, markdown: CommonMarkText.escaped(text), text: text, line: line))
        }
        let long = String(repeating: "合作", count: 30)
        let item = Section(id: "item-1", kind: .item, label: "（一）", title: "中国与巴基斯坦签署《协定<A&B>》，" + long, line: 5,
                           content: [para("p-1", "中国与巴基斯坦签署《协定<A&B>》，\"引号\"和'撇号'。" + long + "巴基斯坦", 6)])
        let figure = Section(id: "figure-1-1", kind: .figure, label: "图 1-1", title: "贸易额 e\u{301}" + long, line: 9,
                             content: [para("p-2", "巴基斯坦 🇵🇰 与 e\u{301} 印度尼西亚", 10), para("p-&x", "<巴基斯坦>", 11)])
        let part1 = Section(id: "part-1", kind: .part, label: "一、", title: "合作\r\n" + long, line: 3,
                            content: [.section(item), .section(figure)])
        let part2 = Section(id: "part-2", kind: .part, label: "", title: "复苏", line: 20,
                            content: [para("p-3", "巴基斯坦", 21), para("p-4", "", 22)])
        return Document(id: "r&d", source: "seeds/r.txt", title: "报告 <一>", sections: [part1, part2])
    }

    static func mentions() -> [Mention] {
        func m(_ section: String, _ block: String, _ line: Int, _ surface: String, _ offset: Int) -> Mention {
            Mention(document: "r&d", section: section, block: block, line: line, surface: surface, offset: offset)
        }
        return [
            m("item-1", "p-1", 6, "巴基斯坦", 3),
            m("figure-1-1", "p-2", 10, "巴基斯坦", 0),
            m("item-1", "p-1", 6, "巴基斯坦", 92),  // near the end
            m("item-1", "p-1", 6, "巴基斯坦巴基斯坦", 94),  // runs past the end
            m("figure-1-1", "p-&x", 11, "巴基斯坦", 1),
            m("part-2", "p-3", -21, "巴基斯坦", -5),  // offset before the start
            m("no-such-section", "p-3", 21, "巴基斯坦", 0),
            m("part-2", "no-such-block", 21, "<巴基斯坦>", 0),
            m("part-2", "p-4", 22, "巴基斯坦", 0),
            m("item-1", "p-1", 6, "巴基", 3),  // overlaps the first
            Mention(document: "elsewhere", section: "s", block: "b", line: 1, surface: "x", offset: 0),
        ]
    }

    static func graph() -> SiteGraph {
        let docs = [document(), Document(id: "plain", source: "seeds/plain.md", title: "清单",
                                          sections: [Section(id: "category-1", kind: .category, title: "政策", line: 1,
                                                             content: [.block(Block(id: "p-9", markdown: "巴基斯坦", text: "巴基斯坦", line: 2))])])]
        let pk = Country(iso2: "PK", nameZh: "巴基斯坦", nameEn: "Pakistan", kind: .country, continent: "亚洲",
                         mentions: mentions() + [Mention(document: "plain", section: "category-1", block: "p-9", line: 2, surface: "巴基斯坦", offset: 0)])
        return SiteGraph(documents: docs, entities: EntityIndex(countries: [pk]))
    }

    func test_mentions_html_is_what_the_string_code_made() throws {
        let graph = Self.graph()
        let index = TextIndex(graph.documents, entities: graph.entities)
        let pk = graph.entities.countries[0]
        for page in graph.pages where [.country, .brief, .home, .document, .part, .source].contains(page.kind) {
            let context = PageContext(graph: graph, page: page, index: index)
            let html = String(decoding: context.mentionsHTML(pk.mentions), as: UTF8.self)
            XCTAssertEqual(html, Reference.mentionsHTML(pk.mentions, graph: graph, page: page), page.path)
            if page.kind == .country {
                XCTAssertTrue(html.contains("href=\"../../documents/r&amp;d/part-1/index.html#p-&amp;x\">&lt;<mark>巴基斯坦</mark>&gt;</a>"), html)
                XCTAssertTrue(html.contains("<h3><a href=\"\">no-such-section</a></h3>"), html)
            }
            let docs = graph.documents.filter { d in pk.mentions.contains { $0.document == d.id } }
            XCTAssertEqual(String(decoding: context.statementsHTML(pk, in: docs), as: UTF8.self),
                           Reference.statementsHTML(pk, in: docs, graph: graph, page: page), page.path)
        }
    }

    func test_names_are_listed_as_joined() {
        for names in [[], [""], ["中国政府"], ["中国政府", "巴基斯坦政府"], ["a", "", "e\u{301}", "🇵🇰", String(repeating: "长", count: 40)]] {
            XCTAssertEqual(PageContext.listed(names), names.joined(separator: "、"))
        }
    }

    func test_css_strings_escape_as_before() {
        for s in ["", "巴基斯坦 Pakistan · 国别简报", "a\"b\\c<d>e\nf\rg", "🇵🇰\u{301}<"] {
            XCTAssertEqual(PageContext.cssString(s), Reference.cssString(s), s.debugDescription)
        }
    }

    func test_relative_link_parts_give_the_link() {
        let pages = ["index.html", "countries/pk/index.html", "documents/a/index.html", "documents/a/part-1/index.html", "a#b/c.html"]
        let targets = ["index.html", "documents/a/index.html", "documents/a/part-1/index.html", "documents/a/source.html",
                       "countries/pk/index.html", "documents/a#b/index.html", ""]
        for page in pages {
            for target in targets {
                for fragment in ["p-1", ""] {
                    var from = page, to = target
                    let joined = from.withUTF8 { f in
                        to.withUTF8 { t in
                            let (ups, start) = RelativeURL.parts(from: f, to: t, fragmentFollows: true)
                            return String(repeating: "../", count: ups) + String(decoding: UnsafeBufferPointer(rebasing: t[start...]), as: UTF8.self)
                        }
                    }
                    XCTAssertEqual(joined + "#" + fragment, RelativeURL.link(from: page, to: target + "#" + fragment), "\(page) → \(target)")
                }
            }
        }
    }

    func test_the_writer_escapes_and_counts_like_the_strings() {
        for s in ["", "&<>\"'", "a&b<c>d\"e'f", "巴基斯坦 🇵🇰 e\u{301}", String(repeating: "&x", count: 100)] {
            var out = EntityHTMLWriter(capacity: 1)
            out.text(s)
            XCTAssertEqual(String(decoding: out.bytes, as: UTF8.self), HTMLText.escape(s))
        }
        for n in [0, 7, -7, 10, 99, 100, -100, 1_234_567, Int.max, Int.min] {
            var out = EntityHTMLWriter(capacity: 1)
            out.decimal(n)
            XCTAssertEqual(String(decoding: out.bytes, as: UTF8.self), String(n))
        }
    }
}

/// The String-built lists as they were before they were written as bytes.
private enum Reference {
    static func link(_ page: SiteGraph.Page, _ target: String) -> String { RelativeURL.link(from: page.path, to: target) }

    static func clipped(_ s: String, to limit: Int) -> String { s.count > limit ? String(s.prefix(limit - 2)) + "…" : s }

    static func section(_ d: Document, _ id: String) -> Section? { d.allSections.last { $0.id == id } }

    static func entry(_ d: Document, _ block: String) -> (block: Block, section: Section, scalars: [Unicode.Scalar])? {
        var found: (Block, Section, [Unicode.Scalar])?
        for s in d.allSections { for b in s.blocks where b.id == block { found = (b, s, Array(b.text.unicodeScalars)) } }
        return found
    }

    static func snippetHTML(_ m: Mention, in d: Document, radius: Int = 36, into out: inout HTMLBuffer) {
        guard let scalars = entry(d, m.block)?.scalars else { return out.text(m.surface) }
        let start = min(max(m.offset, 0), scalars.count)
        let length = min(m.surface.unicodeScalars.count, scalars.count - start)
        let from = max(0, start - radius), to = min(scalars.count, start + length + radius)
        if from > 0 { out.raw("…") }
        out.text(scalars[from..<start])
        out.raw("<mark>")
        out.text(scalars[start..<(start + length)])
        out.raw("</mark>")
        out.text(scalars[(start + length)..<to])
        if to < scalars.count { out.raw("…") }
    }

    static func mentionsHTML(_ mentions: [Mention], graph: SiteGraph, page: SiteGraph.Page) -> String {
        var out = HTMLBuffer()
        for d in graph.documents {
            let mine = mentions.filter { $0.document == d.id }
            guard !mine.isEmpty else { continue }
            var order: [String] = []
            var bySection: [String: [Mention]] = [:]
            for m in mine {
                if bySection[m.section] == nil { order.append(m.section) }
                bySection[m.section, default: []].append(m)
            }
            out.raw("<section class=\"mention-group\">\n<h2><a href=\"")
            out.text(link(page, SiteGraph.documentPath(d.id)))
            out.raw("\">")
            out.text(d.title)
            out.raw("</a> <span class=\"count\">\(mine.count) 处</span></h2>\n")
            for sid in order {
                let section = section(d, sid)
                out.raw("<h3><a href=\"")
                out.text(section.map { link(page, graph.url(of: $0, in: d)) } ?? "")
                out.raw("\">")
                if let label = section?.label, !label.isEmpty {
                    out.raw("<span class=\"label\">")
                    out.text(label)
                    out.raw("</span>")
                }
                out.text(clipped(section?.title ?? sid, to: 28))
                out.raw("</a></h3>\n<ul class=\"mentions\">\n")
                for m in bySection[sid] ?? [] {
                    out.raw("<li><a class=\"snippet\" href=\"")
                    out.text(link(page, graph.url(of: m)))
                    out.raw("\">")
                    snippetHTML(m, in: d, into: &out)
                    out.raw("</a> <a class=\"src\" href=\"")
                    out.text(link(page, graph.sourceURL(line: m.line, in: d)))
                    out.raw("\">原文 \(m.line) 行</a></li>\n")
                }
                out.raw("</ul>\n")
            }
            out.raw("</section>\n")
        }
        return out.string
    }

    static func statementsHTML(_ country: Country, in docs: [Document], graph: SiteGraph, page: SiteGraph.Page) -> String {
        var out = HTMLBuffer()
        for (n, d) in docs.enumerated() {
            let mentions = country.mentions.filter { $0.document == d.id }
            out.raw("<section class=\"brief-document\">\n<h3><span class=\"doc-no\">文献 \(n + 1)</span>")
            out.text(d.title)
            out.raw("</h3>\n")
            var byBlock: [String: [Mention]] = [:]
            for m in mentions { byBlock[m.block, default: []].append(m) }
            var seen = Set<String>()
            var currentSection = ""
            for m in mentions where seen.insert(m.block).inserted {
                guard let entry = entry(d, m.block) else { continue }
                if entry.section.id != currentSection {
                    currentSection = entry.section.id
                    out.raw("<h4>")
                    out.text(clipped(Section.heading(label: entry.section.label, title: entry.section.title), to: 40))
                    out.raw("</h4>\n")
                }
                let offsets = (byBlock[m.block] ?? []).map { ($0.offset, $0.surface.unicodeScalars.count) }
                let citation = [d.title, Section.heading(label: entry.section.label, title: ""), "原文第 \(entry.block.line) 行"]
                    .filter { !$0.isEmpty }.joined(separator: " · ")
                out.raw("<blockquote class=\"statement\"><p>")
                mark(entry.scalars, offsets, into: &out)
                out.raw("</p><cite><a href=\"")
                out.text(link(page, graph.url(of: m)))
                out.raw("\">")
                out.text(citation)
                out.raw("</a></cite></blockquote>\n")
            }
            out.raw("</section>\n")
        }
        return out.string
    }

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
}
