import SiteLink
import SiteModel
import Templating

/// A template's values by name.
typealias Values = TemplateObject

/// Builds the values templates see. Every object sets every key its template reads:
/// Mustache looks a missing key up in the enclosing context, which would show a parent's
/// value — or recurse into the parent's section. Optional text comes with a `has…` flag,
/// because an empty text counts as true in `{{#…}}`.
struct PageContext {
    let graph: SiteGraph
    let page: SiteGraph.Page
    let index: TextIndex
    /// The way back to the output root from this page (`../../`), used by every block.
    let root: String

    init(graph: SiteGraph, page: SiteGraph.Page, index: TextIndex) {
        self.graph = graph
        self.page = page
        self.index = index
        root = RelativeURL.root(from: page.path)
    }

    func link(_ target: String) -> String { RelativeURL.link(from: page.path, to: target) }

    func common(title: String, description: String) -> Values {
        var c: Values = [
            "root": .text(root),
            "pageTitle": .text(title),
            "description": .text(description),
            "homeURL": .text(link("index.html")),
            "countriesURL": .text(link(SiteGraph.countriesPath)),
            "organisationsURL": .text(link(SiteGraph.organisationsPath)),
            "agreementsURL": .text(link(SiteGraph.agreementsPath)),
            "figuresURL": .text(link(SiteGraph.figuresPath)),
            "isHome": .bool(page.kind == .home),
            "ogType": .text(page.kind == .home ? "website" : "article"),
            "prev": false,
            "next": false,
        ]
        if let p = graph.previous(of: page) { c["prev"] = ["title": .text(p.title), "url": .text(link(p.path))] }
        if let n = graph.next(of: page) { c["next"] = ["title": .text(n.title), "url": .text(link(n.path))] }
        return c
    }

    func home() -> Values {
        var c = common(title: "首页", description: "“一带一路”文献：可检索、可引用的在线版本")
        c["documents"] = TemplateValue(graph.documents.map { d -> Values in
            [
                "title": .text(d.title),
                "url": .text(link(SiteGraph.documentPath(d.id))),
                "date": .text(d.date ?? ""),
                "hasDate": .bool(d.date != nil),
                "summary": .text(summary(d)),
                "source": .text(d.source),
            ]
        })
        return c
    }

    func document(_ d: Document) -> Values {
        var c = common(title: d.title, description: summary(d))
        c["document"] = .object(documentInfo(d))
        c["tocURL"] = "#toc"
        c["chartsHTML"] = .text(siteChartsHTML(["\(d.id)-items-per-category"]))
        c["toc"] = TemplateValue(d.sections.map { tocEntry($0, in: d, depth: 0) })
        // A book-like document's home shows the outline; its sections are on their own pages.
        c["sections"] = TemplateValue(SiteGraph.isSplit(d) ? [] : d.sections.map { section($0, in: d, level: 2) })
        return c
    }

    /// A page showing one top-level section of a book-like document.
    func part(_ d: Document, _ top: Section) -> Values {
        var c = common(title: SiteGraph.heading(top) + " · " + d.title, description: d.title)
        c["document"] = .object(documentInfo(d))
        c["crumbs"] = [["title": .text(d.title), "url": .text(link(SiteGraph.documentPath(d.id)))]]
        c["tocURL"] = .text(link(SiteGraph.documentPath(d.id) + "#toc"))
        c["sections"] = [.object(section(top, in: d, level: 1))]
        return c
    }

    private func documentInfo(_ d: Document) -> Values {
        [
            "id": .text(d.id),
            "title": .text(d.title),
            "url": .text(link(SiteGraph.documentPath(d.id))),
            "date": .text(d.date ?? ""),
            "hasDate": .bool(d.date != nil),
            "dateAsPrinted": .text(d.dateAsPrinted ?? d.date ?? ""),
            "author": .text(d.author ?? ""),
            "hasAuthor": .bool(d.author != nil),
            "tags": TemplateValue(d.tags),
            "hasTags": .bool(!d.tags.isEmpty),
            "source": .text(d.source),
            "sourceURL": .text(link(SiteGraph.sourcePath(d.id))),
            "summary": .text(summary(d)),
            "metadata": TemplateValue(d.metadata.map { m -> Values in
                ["name": .text(m.name), "value": .text(m.value), "line": .int(m.line),
                 "sourceURL": .text(link(graph.sourceURL(line: m.line, in: d)))]
            }),
        ]
    }

    /// Table-of-contents entry: parts and sections, not items, sidebars or figures.
    private func tocEntry(_ s: Section, in d: Document, depth: Int) -> Values {
        let listed: Set<SectionKind> = [.part, .section, .category, .preface, .outlook, .appendix, .other]
        let children = depth == 0 ? s.children.filter { listed.contains($0.kind) } : []
        let items = s.children.filter { $0.kind == .item }.count
        return [
            "id": .text(s.id),
            "url": .text(link(graph.url(of: s, in: d))),
            "label": .text(s.label ?? ""),
            "title": .text(s.title),
            "inferred": .bool(s.inferred),
            "count": .int(items),
            "hasCount": .bool(items > 0),
            "children": TemplateValue(children.map { tocEntry($0, in: d, depth: depth + 1) }),
            "hasChildren": .bool(!children.isEmpty),
        ]
    }

    func source(_ d: Document) -> Values {
        var c = common(title: "\(d.title)（原文）", description: "\(d.source) 原文，逐行编号，可按行引用")
        c["document"] = ["title": .text(d.title), "url": .text(link(SiteGraph.documentPath(d.id))), "source": .text(d.source)]
        // Built here as bytes, not by the template: a report has thousands of lines.
        var html = HTMLBuffer(capacity: d.sourceText.utf8.count * 2)
        var text = d.sourceText
        text.withUTF8 { bytes in
            var start = 0, number = 0
            // The file's last newline does not start a line of its own.
            while start < bytes.count {
                let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
                number += 1
                let n = String(number)
                html.raw("<li id=\"L"); html.raw(n); html.raw("\"><a href=\"#L"); html.raw(n); html.raw("\">"); html.raw(n)
                html.raw("</a><span>")
                html.text(UnsafeBufferPointer(rebasing: bytes[start..<end]))
                html.raw("</span></li>\n")
                start = end + 1
            }
        }
        c["linesHTML"] = .utf8(html.bytes)
        return c
    }

    private func section(_ s: Section, in d: Document, level: Int) -> Values {
        let line = s.line ?? 0
        return [
            "id": .text(s.id),
            "kind": .text(s.kind.rawValue),
            "label": .text(s.label ?? ""),
            "title": .text(s.title),
            "inferred": .bool(s.inferred),
            "line": .int(line),
            "hasLine": .bool(s.line != nil),
            "sourceURL": .text(link(graph.sourceURL(line: line, in: d))),
            "isItem": .bool(s.kind == .item),
            "isSidebar": .bool(s.kind == .sidebar),
            "isFigure": .bool(s.kind == .figure),
            "chartHTML": .text(s.kind == .figure ? figureHTML(index.figures[d.id]?[s.id]) : ""),
            "isPlain": .bool(![.item, .sidebar, .figure].contains(s.kind)),
            "heading": .text("h\(min(max(level, 1), 6))"),
            "content": TemplateValue(s.content.map { entry -> Values in
                switch entry {
                case .block(let b): ["block": .object(block(b, in: d)), "section": false]
                case .section(let child): ["block": false, "section": .object(section(child, in: d, level: level + 1))]
                }
            }),
        ]
    }

    private func block(_ b: Block, in d: Document) -> Values {
        let links = graph.links(in: b, of: d).map { (offset: $0.offset, length: $0.length, url: link($0.target), title: $0.title) }
        let (html, inline) = BlockHTML.parts(b, root: root, links: links)
        return [
            "id": .text(b.id),
            "kind": .text(b.kind.rawValue),
            "html": .utf8(html),
            "inlineHTML": .utf8(inline ?? html),
            // One paragraph: the anchor goes on the <p> itself.
            "isParagraph": .bool(inline != nil),
            "line": .int(b.line),
            "sourceURL": .text(link(graph.sourceURL(line: b.line, in: d))),
        ]
    }

    /// "5 个类别 · 76 项" — what a reader sees before opening the document.
    func summary(_ d: Document) -> String {
        let top = d.sections.filter { $0.kind != .preface }
        let items = d.allSections.filter { $0.kind == .item }.count
        var parts: [String] = []
        if !top.isEmpty { parts.append("\(top.count) 个\(top.first?.kind == .category ? "类别" : "部分")") }
        if items > 0 { parts.append("\(items) 项") }
        return parts.joined(separator: " · ")
    }
}
