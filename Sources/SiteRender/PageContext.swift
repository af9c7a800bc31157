import SiteLink
import SiteModel

/// Builds the values templates see. Every dictionary sets every key its template reads:
/// Mustache looks a missing key up in the enclosing context, which would show a parent's
/// value — or recurse into the parent's section. Optional text comes with a `has…` flag,
/// because swift-mustache treats an empty string as true in `{{#…}}`.
struct PageContext {
    let graph: SiteGraph
    let page: SiteGraph.Page
    let index: TextIndex

    var root: String { RelativeURL.root(from: page.path) }

    func link(_ target: String) -> String { RelativeURL.link(from: page.path, to: target) }

    func common(title: String, description: String) -> [String: Any] {
        var c: [String: Any] = [
            "root": root,
            "pageTitle": title,
            "description": description,
            "homeURL": link("index.html"),
            "countriesURL": link(SiteGraph.countriesPath),
            "organisationsURL": link(SiteGraph.organisationsPath),
            "agreementsURL": link(SiteGraph.agreementsPath),
            "figuresURL": link(SiteGraph.figuresPath),
            "isHome": page.kind == .home,
            "ogType": page.kind == .home ? "website" : "article",
            "prev": false,
            "next": false,
        ]
        if let p = graph.previous(of: page) { c["prev"] = ["title": p.title, "url": link(p.path)] }
        if let n = graph.next(of: page) { c["next"] = ["title": n.title, "url": link(n.path)] }
        return c
    }

    func home() -> [String: Any] {
        var c = common(title: "首页", description: "“一带一路”文献：可检索、可引用的在线版本")
        c["documents"] = graph.documents.map { d in
            [
                "title": d.title,
                "url": link(SiteGraph.documentPath(d.id)),
                "date": d.date ?? "",
                "hasDate": d.date != nil,
                "summary": summary(d),
                "source": d.source,
            ] as [String: Any]
        }
        return c
    }

    func document(_ d: Document) -> [String: Any] {
        var c = common(title: d.title, description: summary(d))
        c["document"] = documentInfo(d)
        c["tocURL"] = "#toc"
        c["chartsHTML"] = siteChartsHTML(["\(d.id)-items-per-category"])
        c["toc"] = d.sections.map { tocEntry($0, in: d, depth: 0) }
        // A book-like document's home shows the outline; its sections are on their own pages.
        c["sections"] = SiteGraph.isSplit(d) ? [] : d.sections.map { section($0, in: d, level: 2) }
        return c
    }

    /// A page showing one top-level section of a book-like document.
    func part(_ d: Document, _ top: Section) -> [String: Any] {
        var c = common(title: SiteGraph.heading(top) + " · " + d.title, description: d.title)
        c["document"] = documentInfo(d)
        c["crumbs"] = [["title": d.title, "url": link(SiteGraph.documentPath(d.id))]]
        c["tocURL"] = link(SiteGraph.documentPath(d.id) + "#toc")
        c["sections"] = [section(top, in: d, level: 1)]
        return c
    }

    private func documentInfo(_ d: Document) -> [String: Any] {
        [
            "id": d.id,
            "title": d.title,
            "url": link(SiteGraph.documentPath(d.id)),
            "date": d.date ?? "",
            "hasDate": d.date != nil,
            "dateAsPrinted": d.dateAsPrinted ?? d.date ?? "",
            "author": d.author ?? "",
            "hasAuthor": d.author != nil,
            "tags": d.tags,
            "hasTags": !d.tags.isEmpty,
            "source": d.source,
            "sourceURL": link(SiteGraph.sourcePath(d.id)),
            "summary": summary(d),
            "metadata": d.metadata.map { m in
                ["name": m.name, "value": m.value, "line": m.line,
                 "sourceURL": link(graph.sourceURL(line: m.line, in: d))] as [String: Any]
            },
        ]
    }

    /// Table-of-contents entry: parts and sections, not items, sidebars or figures.
    private func tocEntry(_ s: Section, in d: Document, depth: Int) -> [String: Any] {
        let listed: Set<SectionKind> = [.part, .section, .category, .preface, .outlook, .appendix, .other]
        let children = depth == 0 ? s.children.filter { listed.contains($0.kind) } : []
        let items = s.children.filter { $0.kind == .item }.count
        return [
            "id": s.id,
            "url": link(graph.url(of: s, in: d)),
            "label": s.label ?? "",
            "title": s.title,
            "inferred": s.inferred,
            "count": items,
            "hasCount": items > 0,
            "children": children.map { tocEntry($0, in: d, depth: depth + 1) },
            "hasChildren": !children.isEmpty,
        ]
    }

    func source(_ d: Document, lines: [Substring]) -> [String: Any] {
        var c = common(title: "\(d.title)（原文）", description: "\(d.source) 原文，逐行编号，可按行引用")
        c["document"] = ["title": d.title, "url": link(SiteGraph.documentPath(d.id)), "source": d.source]
        // The file's last newline does not start a line of its own.
        let shown = lines.last == "" ? lines.dropLast() : lines[...]
        // Built here as bytes, not by the template: a report has thousands of lines.
        var html: [UInt8] = []
        html.reserveCapacity(d.sourceText.utf8.count * 2)
        for (i, text) in shown.enumerated() {
            let n = Array(String(i + 1).utf8)
            html += Array("<li id=\"L".utf8) + n + Array("\"><a href=\"#L".utf8) + n + Array("\">".utf8) + n
            html += Array("</a><span>".utf8)
            HTMLText.appendEscaped(text.utf8, to: &html)
            html += Array("</span></li>\n".utf8)
        }
        c["linesHTML"] = String(decoding: html, as: UTF8.self)
        return c
    }

    private func section(_ s: Section, in d: Document, level: Int) -> [String: Any] {
        let line = s.line ?? 0
        return [
            "id": s.id,
            "kind": s.kind.rawValue,
            "label": s.label ?? "",
            "title": s.title,
            "inferred": s.inferred,
            "line": line,
            "hasLine": s.line != nil,
            "sourceURL": link(graph.sourceURL(line: line, in: d)),
            "isItem": s.kind == .item,
            "isSidebar": s.kind == .sidebar,
            "isFigure": s.kind == .figure,
            "chartHTML": s.kind == .figure ? figureHTML(index.figures[d.id]?[s.id]) : "",
            "isPlain": ![.item, .sidebar, .figure].contains(s.kind),
            "heading": "h\(min(max(level, 1), 6))",
            "content": s.content.map { entry -> [String: Any] in
                switch entry {
                case .block(let b): ["block": block(b, in: d), "section": false]
                case .section(let child): ["block": false, "section": section(child, in: d, level: level + 1)]
                }
            },
        ]
    }

    private func block(_ b: Block, in d: Document) -> [String: Any] {
        let links = graph.links(in: b, of: d).map { (offset: $0.offset, length: $0.length, url: link($0.target), title: $0.title) }
        let html = BlockHTML.render(b, root: root, links: links)
        let inline = BlockHTML.unwrapped(html)
        return [
            "id": b.id,
            "kind": b.kind.rawValue,
            "html": html,
            "inlineHTML": inline,
            // One paragraph: the anchor goes on the <p> itself.
            "isParagraph": inline != html,
            "line": b.line,
            "sourceURL": link(graph.sourceURL(line: b.line, in: d)),
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
