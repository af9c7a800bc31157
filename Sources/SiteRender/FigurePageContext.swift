import SiteLink
import SiteModel
import Templating

/// Figures in their pages and on the figures index.
extension PageContext {
    /// A figure's chart, its data table (folded on screen, open in print and to screen readers),
    /// its downloads, and what the source text does not give. Built here: the SVG and table
    /// come from the chart module already escaped.
    func figureHTML(_ f: RenderedFigure?) -> String {
        guard let f else { return "" }
        var out = ""
        if let note = f.statusNote { out += "<p class=\"figure-status\">\(HTMLText.escape(note))</p>\n" }
        if let svg = f.pageSVG ?? f.svg { out += "<div class=\"chart\">\(svg)</div>\n" }
        if let table = f.tableHTML {
            out += "<details class=\"chart-data\"><summary>数据表</summary>\n\(table)\n</details>\n"
        }
        out += "<p class=\"downloads\">下载："
        if f.hasChart { out += "<a href=\"\(HTMLText.escape(link(f.basePath + ".svg")))\">SVG</a> · " }
        out += "<a href=\"\(HTMLText.escape(link(f.basePath + ".csv")))\">CSV</a> · "
        out += "<a href=\"\(HTMLText.escape(link(f.basePath + ".json")))\">JSON</a></p>\n"
        return out
    }

    /// A site chart with its table and downloads (built here for the same reason as figures).
    func chartHTML(_ chart: SiteChart?) -> String {
        String(decoding: chartBytes(chart), as: UTF8.self)
    }

    /// `chartHTML` as UTF-8 (country pages and briefs take it so: the SVG is copied once).
    func chartBytes(_ chart: SiteChart?) -> [UInt8] {
        guard let chart else { return [] }
        var out = HTMLBuffer(capacity: chart.svg.utf8.count + chart.tableHTML.utf8.count + 1024)
        // The chart's own title (inside the SVG) is its caption.
        out.raw("<figure class=\"site-chart\" id=\"chart-")
        out.text(chart.id)
        out.raw("\" aria-label=\"")
        out.text(chart.spec.title)
        out.raw("\">\n<div class=\"chart\">")
        out.raw(chart.svg)
        out.raw("</div>\n<details class=\"chart-data\"><summary>数据表</summary>\n")
        out.raw(chart.tableHTML)
        out.raw("\n</details>\n<p class=\"downloads\">下载：<a href=\"")
        out.text(link(chart.basePath + ".svg"))
        out.raw("\">SVG</a> · <a href=\"")
        out.text(link(chart.basePath + ".csv"))
        out.raw("\">CSV</a> · <a href=\"")
        out.text(link(chart.basePath + ".json"))
        out.raw("\">JSON</a></p>\n</figure>\n")
        return out.bytes
    }

    /// The tile map with its table and downloads, for pages one folder below the root.
    func tileMapHTML() -> String {
        guard let svg = index.tileMapHTML, let table = index.tileMapTable else { return "" }
        let base = "figures/site/world-tile-map"
        return "<figure class=\"site-chart tile-map\" id=\"chart-world-tile-map\">\n<figcaption>文献提到的国家和地区</figcaption>\n"
            + "<div class=\"chart\">\(svg)</div>\n<details class=\"chart-data\"><summary>数据表</summary>\n\(table)\n</details>\n"
            + "<p class=\"downloads\">下载：<a href=\"\(HTMLText.escape(link(base + ".svg")))\">SVG</a> · "
            + "<a href=\"\(HTMLText.escape(link(base + ".csv")))\">CSV</a> · <a href=\"\(HTMLText.escape(link(base + ".json")))\">JSON</a></p>\n</figure>\n"
    }

    func siteChartsHTML(_ ids: [String]) -> String {
        ids.map { chartHTML(index.siteCharts[$0]) }.joined()
    }

    func figuresIndex() -> Values {
        var c = common(title: "图表", description: "报告中的图表：按原文给出的数值重绘，附数据和出处")
        c["siteChartsHTML"] = .text(tileMapHTML() + index.siteCharts.keys.sorted().map { chartHTML(index.siteCharts[$0]) }.joined())
        c["figures"] = TemplateValue(index.allFigures.map { f -> Values in
            [
                "title": .text(Section.heading(label: f.label, title: f.caption)), "url": .text(link(f.url)),
                "document": .text(graph.documents.first { $0.id == f.documentID }?.title ?? f.documentID),
                "chartHTML": .text(figureHTML(f)),
                "hasSource": .bool(f.source != nil), "source": .text(f.source ?? ""),
            ]
        })
        return c
    }
}
