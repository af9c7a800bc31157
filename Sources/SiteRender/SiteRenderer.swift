import Foundation
import SiteLink
import FigureData
import SiteModel
import SiteSearch
import SVGCharts
import Templating

/// One file of the built site, relative to the output folder.
public struct OutputFile: Hashable, Sendable {
    public enum Contents: Hashable, Sendable {
        case bytes([UInt8])
        /// Copied from this path (CSS from the templates, images from the seeds).
        case copy(from: String)
    }

    public var path: String
    public var contents: Contents

    public init(path: String, contents: Contents) {
        self.path = path
        self.contents = contents
    }

    public init(path: String, text: String) {
        self.init(path: path, contents: .bytes(Array(text.utf8)))
    }
}

/// Renders the site graph into output files, in memory: nothing is written here.
public struct SiteRenderer: Sendable {
    public let templates: TemplateSet
    public let seedsDirectory: String
    /// The site's public address (`https://example.org/bri/`), for the sitemap's absolute URLs
    /// only; pages themselves always link relatively.
    public let baseURL: String?
    /// The date print briefs carry (`YYYY-MM-DD`); see `BuildOptions.buildDate`.
    public let buildDate: String

    /// Figure data files by document id (validated against their seeds).
    public let figures: [String: [FigureDataFile]]

    public init(templates: TemplateSet, seedsDirectory: String, baseURL: String? = nil, buildDate: String = "",
                figures: [String: [FigureDataFile]] = [:]) {
        self.templates = templates
        self.seedsDirectory = seedsDirectory
        self.buildDate = buildDate
        self.figures = figures
        self.baseURL = baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
    }

    /// What the pages look up in the documents' text (sections, snippets, who is named with
    /// whom). It needs only the documents and entities, so a build makes it while the site
    /// graph is linked.
    public struct TextLookups: Sendable {
        let index: TextIndex
    }

    public static func lookups(_ documents: [Document], entities: EntityIndex) -> TextLookups {
        TextLookups(index: TextIndex(documents, entities: entities))
    }

    /// The site's pages, data files and copied assets, sorted by path. `lookups`, when given,
    /// must be made from the graph's documents and entities.
    public func render(_ graph: SiteGraph, lookups prepared: TextLookups? = nil) throws -> [OutputFile] {
        // The search index and the data files need only the graph: they are built on threads of
        // their own while the charts and pages take all cores.
        let baseURL = baseURL
        let searchIndex = Background {
            // A script, not JSON: a <script> tag loads it from file:// too.
            OutputFile(path: "search/search-index.js", contents: .bytes(SearchIndexBuilder.script(SearchRecords.records(graph)).bytes))
        }
        let dataFiles = Background { Result { try Self.dataFiles(graph, baseURL: baseURL) } }
        // Figures and charts are drawn once, side by side; pages (on all cores) only place them.
        let figureCharts = Background { FigureCharts.render(graph, figures: self.figures) }
        let tileMap = Background { Result { try self.tileMap(graph) } }
        var lookups = prepared?.index ?? TextIndex(graph.documents, entities: graph.entities)
        let siteCharts = SiteCharts.all(graph)
        lookups.siteCharts = Dictionary(uniqueKeysWithValues: siteCharts.map { ($0.id, $0) })
        let countryRows = SiteCharts.CountryRows(graph: graph, index: lookups)
        let countryCharts = graph.entities.countries.parallelMap { SiteCharts.country($0, rows: countryRows) }
        lookups.countryCharts = Dictionary(uniqueKeysWithValues: zip(graph.entities.countries.map(\.iso2), countryCharts))
        let rendered = figureCharts.wait()
        let figuresJSON = Background { FiguresJSON.encode(rendered) }
        lookups.add(figures: rendered)
        var tileFiles: [OutputFile] = []
        if let tiles = try tileMap.wait().get() {
            lookups.tileMapHTML = tiles.html
            lookups.tileMapTable = tiles.table
            tileFiles = tiles.files
        }
        let index = lookups
        var files: [OutputFile] = graph.pages.parallelMap { page in
            OutputFile(path: page.path, contents: .bytes(renderPage(page, graph: graph, index: index)))
        }
        files.append(OutputFile(path: "data/figures.json", contents: .bytes(figuresJSON.wait())))
        files += tileFiles
        // Each chart's downloads (its CSV and JSON are written out here, on all cores).
        files += (siteCharts + countryCharts).parallelMap { chart in
            [OutputFile(path: chart.basePath + ".svg", text: chart.svg),
             OutputFile(path: chart.basePath + ".csv", text: chart.csv),
             OutputFile(path: chart.basePath + ".json", text: chart.json)]
        }.flatMap { $0 }
        for f in rendered {
            if let svg = f.svg { files.append(OutputFile(path: f.basePath + ".svg", text: svg)) }
            files.append(OutputFile(path: f.basePath + ".csv", text: f.csv))
            files.append(OutputFile(path: f.basePath + ".json", text: f.json))
        }
        for d in graph.documents {
            for asset in d.assets {
                files.append(OutputFile(path: "media/" + asset, contents: .copy(from: seedsDirectory + "/" + asset)))
            }
        }
        for asset in templates.assets {
            files.append(OutputFile(path: asset.name, contents: .copy(from: asset.path)))
        }
        files += try dataFiles.wait().get()
        files.append(searchIndex.wait())
        // Later entries win: a document's image and a template asset never share a path.
        var seen = Set<String>()
        return files.reversed().filter { seen.insert($0.path).inserted }.sorted { $0.path < $1.path }
    }

    /// The tile map, if the templates carry its layout: drawn for pages one folder deep
    /// (countries/, figures/) and for its download two folders deep.
    private func tileMap(_ graph: SiteGraph) throws -> (html: String, table: String, files: [OutputFile])? {
        guard let layoutFile = templates.data[TileMapChart.layoutFile],
              let text = try? String(contentsOfFile: layoutFile.path, encoding: .utf8) else { return nil }
        let (layout, problems) = TileMapChart.layout(text, path: layoutFile.path)
        if !problems.isEmpty { throw BuildFailure(problems) }
        var inPage = TileMapChart.render(layout, graph: graph, root: "../")
        inPage.showTitle = false
        let download = TileMapChart.render(layout, graph: graph, root: "../../")
        let spec = download.asChartSpec()
        return (inPage.render(), DataTable.html(spec),
                [OutputFile(path: "figures/site/world-tile-map.svg", text: download.render()),
                 OutputFile(path: "figures/site/world-tile-map.csv", text: DataTable.csv(spec)),
                 OutputFile(path: "figures/site/world-tile-map.json", text: ChartMetadata.json(spec))])
    }

    /// The files built from the graph alone: data downloads, editions, the sitemap and the
    /// output's README.
    private static func dataFiles(_ graph: SiteGraph, baseURL: String?) throws -> [OutputFile] {
        var files = [OutputFile(path: "data/documents.json", contents: .bytes(try DocumentsJSON.encode(graph)))]
        files += try EntitiesJSON.files(graph)
        for d in graph.documents {
            files.append(OutputFile(path: "data/editions/\(d.id).md", contents: .bytes(Edition.markdownBytes(d))))
        }
        files.append(OutputFile(path: "README.md", text: Self.outputReadme))
        files.append(OutputFile(path: "sitemap.xml", contents: .bytes(Sitemap.xml(graph, baseURL: baseURL))))
        return files
    }

    private func renderPage(_ page: SiteGraph.Page, graph: SiteGraph, index: TextIndex) -> [UInt8] {
        let context = PageContext(graph: graph, page: page, index: index)
        let e = graph.entities
        let document = graph.documents.first { $0.id == page.documentID }
        switch (page.kind, document) {
        case (.home, _):
            return templates.render("home", context.home())
        case (.document, let d?):
            return templates.render("document", context.document(d))
        case (.part, let d?):
            guard let top = d.sections.first(where: { $0.id == page.sectionID }) else { return [] }
            return templates.render("part", context.part(d, top))
        case (.source, let d?):
            return templates.render("source", context.source(d))
        case (.countries, _):
            return templates.render("countries", context.countriesIndex())
        case (.country, _):
            guard let c = e.countries.first(where: { $0.iso2 == page.entityID }) else { return [] }
            return templates.render("country", context.country(c))
        case (.organisations, _):
            return templates.render("organisations", context.organisationsIndex())
        case (.organisation, _):
            guard let o = e.organisations.first(where: { $0.id == page.entityID }) else { return [] }
            return templates.render("organisation", context.organisation(o))
        case (.agreements, _):
            return templates.render("agreements", context.agreementsIndex())
        case (.agreement, _):
            guard let a = e.agreements.first(where: { $0.id == page.entityID }) else { return [] }
            return templates.render("agreement", context.agreement(a))
        case (.brief, _):
            guard let c = e.countries.first(where: { $0.iso2 == page.entityID }) else { return [] }
            return templates.render("brief", context.brief(c, buildDate: buildDate))
        case (.figures, _):
            return templates.render("figures", context.figuresIndex())
        case (.search, _):
            return templates.render("search", context.common(title: "搜索", description: "全文搜索：国家、组织、协议和文献段落"))
        case (.notFound, _):
            return templates.render("404", context.common(title: "找不到页面", description: "此页面不存在"))
        default:
            return []
        }
    }

    /// Written into every output folder (and committed as `Output/README.md`).
    public static let outputReadme = """
        # Output

        This folder is written by `silkpress build` (run `make site` at the top of the repository)
        and replaced whole on every successful build: do not edit files here.

        Open `index.html` in a browser; every link is relative, so the folder works from disk
        (`file://`) and from any sub-path of a web server. Machine-readable data is in `data/`
        (see the data contract in the repository's README).

        """
}
