import Foundation
import SiteModel

/// `silkpress briefs`: the built site's country briefs printed to `<site>/briefs/<iso2>.pdf`,
/// with `briefs/index.html` listing them.
public enum Briefs {
    public struct Country: Sendable {
        public var iso2: String
        public var nameZh: String
        public var nameEn: String
    }

    /// The countries of a built site, from its `data/countries.json`.
    public static func countries(site: String) throws -> [Country] {
        let path = site + "/data/countries.json"
        guard let data = FileManager.default.contents(atPath: path),
              let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
            throw BuildFailure([.error(path, "no country data in this site", hint: "build the site first (silkpress build), or pass --site DIR")])
        }
        return list.compactMap { c in
            guard let iso = c["iso2"] as? String else { return nil }
            return Country(iso2: iso, nameZh: c["nameZh"] as? String ?? iso, nameEn: c["nameEn"] as? String ?? "")
        }
    }

    /// Prints the briefs of `selected` (ISO codes; all when empty). Returns the diagnostics and
    /// the PDFs written.
    public static func print(site: String, selected: [String], chromium: String?,
                             parallel: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> (written: [String], problems: [Diagnostic]) {
        let all = try countries(site: site)
        let wanted = selected.map { $0.uppercased() }
        let unknown = wanted.filter { code in !all.contains { $0.iso2 == code } }
        guard unknown.isEmpty else {
            throw BuildFailure(unknown.map { .error(site + "/data/countries.json", "no country \($0) in this site (its documents do not name it)") })
        }
        let chosen = wanted.isEmpty ? all : all.filter { wanted.contains($0.iso2) }
        let folder = site + "/briefs"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let jobs = chosen.map { c in
            BriefPrinter.Job(name: c.iso2, html: site + "/countries/\(c.iso2.lowercased())/brief/index.html",
                             pdf: folder + "/\(c.iso2.lowercased()).pdf")
        }
        let missing = jobs.filter { !FileManager.default.fileExists(atPath: $0.html) }
        guard missing.isEmpty else {
            throw BuildFailure(missing.map { .error($0.html, "no brief page for \($0.name)", hint: "rebuild the site with silkpress build") })
        }
        let problems = BriefPrinter.print(jobs, chromium: chromium, parallel: parallel)
        let failed = Set(problems.map(\.file))
        let written = jobs.filter { !failed.contains($0.html) && FileManager.default.fileExists(atPath: $0.pdf) }
        // The index lists every brief printed so far, not just this run's.
        let present = all.filter { FileManager.default.fileExists(atPath: folder + "/\($0.iso2.lowercased()).pdf") }
        try Data(indexHTML(present).utf8).write(to: URL(fileURLWithPath: folder + "/index.html"))
        return (written.map(\.pdf), problems)
    }

    /// A plain page listing the PDFs, in the site's style; every name escaped.
    static func indexHTML(_ countries: [Country]) -> String {
        func esc(_ s: String) -> String { HTMLText.escape(s) }
        var rows = ""
        for c in countries {
            let code = c.iso2.lowercased()
            rows += "<tr><td><a href=\"\(code).pdf\">\(esc(c.nameZh))</a></td><td>\(esc(c.nameEn))</td><td><code>\(esc(c.iso2))</code></td>"
            rows += "<td><a href=\"../countries/\(code)/brief/index.html\">网页版</a></td></tr>\n"
        }
        return """
            <!doctype html>
            <html lang="zh-Hans"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>国别简报（PDF）</title><link rel="stylesheet" href="../assets/site.css"></head>
            <body><main><p><a href="../index.html">首页</a></p><h1>国别简报（PDF） <small>\(countries.count) 份，A4</small></h1>
            <table class="entity-table"><thead><tr><th>国家</th><th>English</th><th>ISO</th><th></th></tr></thead><tbody>
            \(rows)</tbody></table></main></body></html>

            """
    }
}
