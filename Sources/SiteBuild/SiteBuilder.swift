import EntityExtraction
import ExtractedText
import FigureData
import Foundation
import LinkCheck
import SeedIngest
import SiteLink
import SiteModel
import SiteRender

/// What to build from where.
public struct BuildOptions: Sendable {
    public var seeds: String
    /// Template folders, highest priority first (a user's folder, then the built-in one).
    public var templateFolders: [String]
    public var output: String
    /// false: parse, link and render in memory, write nothing (`silkpress check`).
    public var write: Bool
    /// The public address, for absolute URLs in `sitemap.xml` only.
    public var baseURL: String?
    /// The date print briefs carry. Builds are byte-identical for the same seeds and date;
    /// the command line takes it from `SOURCE_DATE_EPOCH` when set (reproducible builds).
    public var buildDate: String

    public init(seeds: String = "seeds", templateFolders: [String] = ["Templates"],
                output: String = "Output", write: Bool = true, baseURL: String? = nil,
                buildDate: String = BuildOptions.today()) {
        self.seeds = seeds
        self.templateFolders = templateFolders
        self.output = output
        self.write = write
        self.baseURL = baseURL
        self.buildDate = buildDate
    }

    /// `SOURCE_DATE_EPOCH` (seconds) as a UTC date if set, else today's UTC date. Plain
    /// arithmetic: Foundation's Calendar loads ICU's data, a few milliseconds of every build.
    public static func today() -> String {
        let seconds = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(Double.init)
            ?? Date().timeIntervalSince1970
        return utcDate(daysSinceEpoch: Int((seconds / 86_400).rounded(.down)))
    }

    /// The proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's
    /// `civil_from_days`).
    static func utcDate(daysSinceEpoch days: Int) -> String {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ n: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }
}

/// What a build did: every diagnostic, what it wrote, how long each stage took.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic] = []
    public var documents: [Document] = []
    public var entities = EntityIndex()
    /// Per seed read from PDF-extracted text: its quality report and the corrections file used.
    public var quality: [(source: String, report: QualityReport, corrections: String?)] = []
    public var files: [OutputFile] = []
    public var timings: [(stage: String, seconds: Double)] = []
    public var succeeded: Bool { !diagnostics.contains { $0.severity == .error } }
    public var pageCount: Int { files.filter { $0.path.hasSuffix(".html") }.count }
}

extension Array where Element == OutputFile {
    /// What the link checker needs: HTML bytes, and the mere existence of everything else.
    var linkCheckContents: [String: [UInt8]] {
        var contents: [String: [UInt8]] = [:]
        for f in self {
            if case .bytes(let b) = f.contents, f.path.hasSuffix(".html") { contents[f.path] = b } else { contents[f.path] = [] }
        }
        return contents
    }
}

/// The build as an ordered list of stages over plain values (see README, "How it works").
public enum SiteBuilder {
    public static func build(_ options: BuildOptions) -> BuildReport {
        var report = BuildReport()
        var log = DiagnosticLog()

        // Stages that do not depend on each other overlap: the seeds are read while the
        // templates load (and the entity catalogues, if `EntityCatalogues.prefetch()` has not
        // made them yet), the figure data while entities are extracted. Each stage's
        // diagnostics still come in pipeline order.
        let loader = SeedLoader(seedsDirectory: options.seeds)
        let seedFiles = loader.seedFiles()
        let reading = Background { () -> [LoadedSeed] in
            guard case .success(let names) = seedFiles else { return [] }
            return names.parallelMap { loader.load($0) }
        }
        EntityCatalogues.prefetch()
        let loadingTemplates = Background { TemplateSet.load(folders: options.templateFolders) }

        let templates: TemplateSet? = timed("templates", &report) {
            switch loadingTemplates.wait() {
            case .success(let t): return t
            case .failure(let f): log.add(contentsOf: f.diagnostics); return nil
            }
        }

        var quality: [(source: String, report: QualityReport, corrections: String?)] = []
        let documents: [Document] = timed("ingest", &report) {
            let names: [String]
            switch seedFiles {
            case .success(let n): names = n
            case .failure(let d): log.add(d); return []
            }
            if names.isEmpty {
                log.add(.error(options.seeds, "no seeds (*.md, *.txt) in the seeds folder"))
            }
            let loaded = reading.wait()
            for (name, seed) in zip(names, loaded) {
                log.add(contentsOf: seed.diagnostics)
                if let q = seed.quality { quality.append((loader.path(name), q, seed.corrections)) }
            }
            return loaded.compactMap(\.document)
        }
        report.documents = documents
        report.quality = quality

        // The numbers behind report figures, each checked against the seed line it cites.
        let figureFiles = Background {
            documents.map { FigureLoader.load(seedsDirectory: options.seeds, document: $0) }
        }

        let entities: EntityIndex = timed("extract", &report) {
            do {
                let (gazetteer, organisations) = try EntityCatalogues.get().get()
                let extractor = EntityExtractor(gazetteer: gazetteer, organisations: organisations)
                let (index, diagnostics) = extractor.extract(from: documents)
                log.add(contentsOf: diagnostics)
                return index
            } catch let d as Diagnostic {
                log.add(d)
            } catch {
                log.add(.error("EntityExtraction", "cannot load the entity data: \(error)"))
            }
            return EntityIndex()
        }
        report.entities = entities

        let figures: [String: [FigureDataFile]] = timed("figures", &report) {
            var out: [String: [FigureDataFile]] = [:]
            for (d, (files, diagnostics)) in zip(documents, figureFiles.wait()) {
                log.add(contentsOf: diagnostics)
                if !files.isEmpty { out[d.id] = files }
            }
            return out
        }

        // The pages' text lookups need no graph: made beside it.
        let lookups = Background { SiteRenderer.lookups(documents, entities: entities) }
        let graph = timed("link", &report) { SiteGraph(documents: documents, entities: entities) }

        if let templates, !log.hasErrors {
            report.files = timed("render", &report) {
                do {
                    return try SiteRenderer(templates: templates, seedsDirectory: options.seeds, baseURL: options.baseURL,
                                     buildDate: options.buildDate, figures: figures).render(graph, lookups: lookups.wait())
                } catch let failure as BuildFailure {
                    log.add(contentsOf: failure.diagnostics)
                    return []
                } catch {
                    log.add(.error(options.output, "cannot render the site: \(error)"))
                    return []
                }
            }
        }

        // The link check (CPU) and staging the changed files (I/O) run side by side; the staged
        // files are put in place only when no internal link is broken.
        if !log.hasErrors, !report.files.isEmpty {
            let files = report.files
            let (broken, staged) = timed("links+stage", &report) {
                // Staging on a thread of its own: the link check spreads over all cores (a
                // `concurrentPerform` nested in another one would run on one).
                let staging = Background { options.write ? Result { try OutputWriter(output: options.output).stage(files) } : nil }
                return (LinkChecker(files: files.linkCheckContents, displayRoot: options.output).check(), staging.wait())
            }
            log.add(contentsOf: broken)
            switch staged {
            case .success(let s)?:
                if log.hasErrors {
                    s.discard()
                } else {
                    timed("commit", &report) {
                        do { try s.commit() } catch { log.add(contentsOf: Self.diagnostics(error, output: options.output)) }
                    }
                }
            case .failure(let error)?:
                log.add(contentsOf: Self.diagnostics(error, output: options.output))
            case nil:
                break
            }
        }
        report.diagnostics = log.items
        return report
    }

    private static func diagnostics(_ error: Error, output: String) -> [Diagnostic] {
        (error as? BuildFailure)?.diagnostics ?? [.error(output, "cannot write the output: \(error)")]
    }

    private static func timed<T>(_ stage: String, _ report: inout BuildReport, _ body: () -> T) -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = body()
        report.timings.append((stage, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
        return result
    }
}
