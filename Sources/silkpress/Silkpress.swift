import ArgumentParser
import Foundation
import BriefPrint
import SiteArchive
import SiteBuild
import SiteModel

@main
struct Silkpress: ParsableCommand {
    static let configuration = CommandConfiguration(
        // Every command names itself: ArgumentParser would otherwise derive each name from the
        // type's name by reflection at every start (~5 M instructions).
        commandName: "silkpress",
        abstract: "Builds a cross-linked, offline-ready website from Chinese source documents.",
        subcommands: [Build.self, Check.self, Archive.self, PrintBriefs.self],
        defaultSubcommand: Build.self)

    /// The entity catalogues depend on no option: they are started before the arguments are
    /// parsed (parsing takes ~16 M instructions, mostly runtime type lookups).
    static func main() {
        EntityCatalogues.prefetch()
        Self.main(nil)
    }
}

/// Options shared by `build` and `check`.
struct SiteOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Folder holding the seed documents.", valueName: "DIR"))
    var seeds = "seeds"

    @Option(help: ArgumentHelp(
        "Template folder. Files here override the built-in Templates/ one by one.", valueName: "DIR"))
    var templates = "Templates"

    @Flag(help: "Print how long each stage took.")
    var timings = false

    /// The user's folder first, then the built-in one (if it is found and is another folder).
    /// The default `Templates` may be absent when silkpress runs outside its checkout.
    var templateFolders: [String] {
        guard let builtIn = BuiltInTemplates.find() else { return [templates] }
        let same = URL(fileURLWithPath: builtIn).standardized.path == URL(fileURLWithPath: templates).standardized.path
        if same || (templates == "Templates" && !FileManager.default.fileExists(atPath: templates)) {
            return [builtIn]
        }
        return [templates, builtIn]
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site from the seeds into the output folder.",
        discussion: "Only files that changed are written, under temporary names beside their targets, and moved into place when the whole build and its link check succeed; a failed build leaves the output as it was.")

    @OptionGroup var site: SiteOptions

    @Option(help: ArgumentHelp("Folder to write the site into (made to hold exactly the new site).", valueName: "DIR"))
    var output = "Output"

    @Option(help: ArgumentHelp("The site's public address, for absolute URLs in sitemap.xml (pages always link relatively).",
                               valueName: "URL"))
    var baseURL: String?

    func run() throws {
        let options = BuildOptions(seeds: site.seeds, templateFolders: site.templateFolders, output: output, baseURL: baseURL)
        let report = SiteBuilder.build(options)
        Console.print(report, timings: site.timings)
        guard report.succeeded else { throw ExitCode.failure }
        for q in report.quality {
            if let file = q.corrections {
                Console.out("\(q.source): applied \(q.report.correctionsApplied) corrections from \(file)")
            }
        }
        Console.out("built \(report.pageCount) pages, \(report.files.count) files from \(report.documents.count) documents into \(output)/ in \(Console.ms(report.timings.reduce(0) { $0 + $1.seconds }))")
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Parse, link and render everything in memory and report problems; write nothing.",
        discussion: "With --links, check the internal links of an already built site folder instead.")

    @OptionGroup var site: SiteOptions

    @Flag(help: "Check every internal link and #anchor of the built site in --site.")
    var links = false

    @Option(name: .customLong("site"), help: ArgumentHelp("The built site whose links --links checks.", valueName: "DIR"))
    var siteFolder = "Output"

    func run() throws {
        if links {
            let broken = SiteLinks.check(folder: siteFolder)
            for d in broken { Console.err(d.description) }
            guard broken.isEmpty else {
                Console.err("\(broken.count) broken link\(broken.count == 1 ? "" : "s")")
                throw ExitCode.failure
            }
            Console.out("ok: no broken links in \(siteFolder)/")
            return
        }
        let options = BuildOptions(seeds: site.seeds, templateFolders: site.templateFolders, write: false)
        let report = SiteBuilder.build(options)
        Console.print(report, timings: site.timings)
        for d in report.documents {
            let sections = d.allSections
            let counts = SectionKind.allCases.compactMap { kind -> String? in
                let n = sections.filter { $0.kind == kind }.count
                return n > 0 ? "\(n) \(kind.rawValue)" : nil
            }
            Console.out("\(d.source): \(counts.joined(separator: ", "))")
        }
        // The reader's quality report for text extracted from a PDF: counts, corrections, and
        // every paragraph that does not end in terminal punctuation (each should be explainable).
        for q in report.quality {
            Console.out("\(q.source): \(q.report.summary)")
            if let file = q.corrections { Console.out("  corrections: \(file)") }
            for u in q.report.unterminated {
                Console.out("  \(q.source):\(u.line): unterminated paragraph: \(u.text.count > 60 ? String(u.text.prefix(60)) + "…" : u.text)")
            }
        }
        guard report.succeeded else { throw ExitCode.failure }
        Console.out("ok: \(report.documents.count) documents, \(report.pageCount) pages would be written")
    }
}

struct Archive: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Pack a built site into a ZIP that browses and searches offline.",
        discussion: "Everything goes under one top-level folder named after the zip; its index.html is the start page. Two archives of the same build are byte-identical.")

    @Option(help: ArgumentHelp("The built site to pack.", valueName: "DIR"))
    var site = "Output"

    @Option(help: ArgumentHelp("The zip file to write (default: <site>.zip beside the site).", valueName: "FILE.zip"))
    var output: String?

    func run() throws {
        let zip = output ?? (site.hasSuffix("/") ? String(site.dropLast()) : site) + ".zip"
        let folder = URL(fileURLWithPath: zip).deletingPathExtension().lastPathComponent
        do {
            let summary = try SiteArchiver.archive(site: site, to: zip, folder: folder)
            Console.out("archived \(summary.files) files (\(summary.bytes / 1024) KiB) from \(site)/ into \(zip); open \(folder)/index.html after unzipping")
        } catch let failure as BuildFailure {
            for d in failure.diagnostics { Console.err(d.description) }
            throw ExitCode.failure
        }
    }
}

struct PrintBriefs: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "briefs",
        abstract: "Print the built site's country briefs to PDF (A4) with headless Chromium.",
        discussion: "Writes <site>/briefs/<iso2>.pdf and <site>/briefs/index.html listing them. Needs Debian's chromium, fonts-droid-fallback and fonts-dejavu-core (the fonts embedded in the PDFs).")

    @Option(help: ArgumentHelp("The built site.", valueName: "DIR"))
    var site = "Output"

    @Option(help: ArgumentHelp("A country's ISO code (repeatable); all countries when none is named.", valueName: "ISO2"))
    var country: [String] = []

    @Flag(help: "Print every country's brief (the default when no --country is given).")
    var all = false

    @Option(help: ArgumentHelp("Browsers printing at once; the default is the number of cores.", valueName: "N"))
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    func run() throws {
        let start = Date()
        do {
            let (written, problems) = try Briefs.print(site: site, selected: all ? [] : country,
                                                       chromium: BriefPrinter.findChromium(), parallel: jobs)
            for d in problems { Console.err(d.description) }
            Console.out("printed \(written.count) briefs into \(site)/briefs/ in \(String(format: "%.1f", Date().timeIntervalSince(start))) s")
            if !problems.isEmpty { throw ExitCode.failure }
        } catch let failure as BuildFailure {
            for d in failure.diagnostics { Console.err(d.description) }
            throw ExitCode.failure
        }
    }
}

enum Console {
    static func print(_ report: BuildReport, timings: Bool) {
        for d in report.diagnostics { err(d.description) }
        if timings {
            for t in report.timings { err(String(format: "%-10@ %@", t.stage as NSString, ms(t.seconds) as NSString)) }
        }
        let errors = report.diagnostics.filter { $0.severity == .error }.count
        if errors > 0 {
            err("\(errors) error\(errors == 1 ? "" : "s"); nothing was written")
        }
    }

    static func ms(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }
    static func out(_ s: String) { FileHandle.standardOutput.write(Data((s + "\n").utf8)) }
    static func err(_ s: String) { FileHandle.standardError.write(Data((s + "\n").utf8)) }
}

/// The Templates/ folder of the silkpress checkout the binary was built in (found by walking up
/// from the executable), or `$SILKPRESS_TEMPLATES`: the defaults a user's folder overrides.
enum BuiltInTemplates {
    static func find() -> String? {
        if let env = ProcessInfo.processInfo.environment["SILKPRESS_TEMPLATES"], !env.isEmpty { return env }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = dir.appendingPathComponent("Templates")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("layout.mustache").path) {
                return candidate.path
            }
            dir.deleteLastPathComponent()
        }
        return nil
    }
}
