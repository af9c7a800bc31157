import Foundation
import XCTest
import SiteBuild
import SiteLink
import SiteRender
import SiteSearch

/// Records for the realistic corpus: the project's built site (data/*.json). Set
/// SILKPRESS_CORPUS_SITE to its folder; default /tmp/search-corpus-site (see NOTES.md).
enum Corpus {
    nonisolated(unsafe) private static var built: (site: URL, report: BuildReport)?

    /// The repository's seeds built once, with the real templates, into a temporary folder.
    static func requireSite() throws -> URL { try build().site }

    private static func build() throws -> (site: URL, report: BuildReport) {
        if let built { return built }
        let root = PackagePaths.root.path
        let site = try makeTempDir("site").appendingPathComponent("Output")
        let report = SiteBuilder.build(BuildOptions(seeds: root + "/seeds", templateFolders: [root + "/Templates"], output: site.path))
        guard report.succeeded else {
            throw NSError(domain: "silkpress", code: 2, userInfo: [NSLocalizedDescriptionKey: "the site did not build: \(report.diagnostics)"])
        }
        built = (site, report)
        return (site, report)
    }

    /// The records the build indexed (the site's own record builder, over the same documents).
    static func records(site: URL) throws -> [SearchRecord] {
        let report = try build().report
        return SearchRecords.records(SiteGraph(documents: report.documents, entities: report.entities))
    }

    /// Total bytes of every *.html under `site` (what the index "covers").
    static func htmlBytes(site: URL) -> Int {
        var total = 0
        let e = FileManager.default.enumerator(at: site, includingPropertiesForKeys: [.fileSizeKey])!
        for case let f as URL in e where f.pathExtension == "html" && !f.path.contains("/search/") {
            total += (try? f.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0
        }
        return total
    }
}

/// A site to open from file://: a copy of the corpus site (or an empty folder) plus
/// search/index.html rendered from Templates/search.mustache, search/search-index.js and
/// assets/search.js. Rendering is a stand-in for the project's Mustache layout: it takes the
/// page's {{$content}} block, sets {{root}} = "../" and wraps it in a minimal page whose header
/// holds the every-page form partial.
enum SearchTestSite {
    static func assemble(records: [SearchRecord], copying corpus: URL?, name: String) throws -> URL {
        let fm = FileManager.default
        let dir = try makeTempDir(name)
        if let corpus {
            for item in try fm.contentsOfDirectory(atPath: corpus.path) {
                try fm.copyItem(at: corpus.appendingPathComponent(item), to: dir.appendingPathComponent(item))
            }
        }
        try fm.createDirectory(at: dir.appendingPathComponent("search"), withIntermediateDirectories: true)
        try fm.createDirectory(at: dir.appendingPathComponent("assets"), withIntermediateDirectories: true)
        let t = PackagePaths.templates
        for asset in ["search.js", "site.css"] {
            let to = dir.appendingPathComponent("assets/\(asset)")
            try? fm.removeItem(at: to)
            try fm.copyItem(at: t.appendingPathComponent("assets/\(asset)"), to: to)
        }
        try SearchIndexBuilder.build(records).js.write(to: dir.appendingPathComponent("search/search-index.js"),
                                                       atomically: true, encoding: .utf8)
        try searchPage(root: "../").write(to: dir.appendingPathComponent("search/index.html"),
                                          atomically: true, encoding: .utf8)
        return dir
    }

    static func searchPage(root: String) throws -> String {
        let t = PackagePaths.templates
        let page = try String(contentsOf: t.appendingPathComponent("search.mustache"), encoding: .utf8)
        let form = try String(contentsOf: t.appendingPathComponent("partials/search-form.mustache"), encoding: .utf8)
        let content = page.components(separatedBy: "{{$content}}")[1].components(separatedBy: "{{/content}}")[0]
        return """
        <!doctype html>
        <html lang="zh-Hans">
        <head>
        <meta charset="utf-8">
        <title>搜索 · Silkpress</title>
        <link rel="stylesheet" href="{{root}}assets/site.css">
        </head>
        <body>
        <header class="site-header">\(form)</header>
        <main id="main">\(content)</main>
        </body>
        </html>

        """.replacingOccurrences(of: "{{root}}", with: root)
    }
}
