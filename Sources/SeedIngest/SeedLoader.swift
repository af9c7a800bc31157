import ExtractedText
import Foundation
import SiteModel

/// Finds the seeds in a folder and hands each to the reader its content calls for.
public struct SeedLoader: Sendable {
    public let seedsDirectory: String

    public init(seedsDirectory: String) {
        self.seedsDirectory = seedsDirectory
    }

    /// The seed files, sorted by name (the order of `data/documents.json`). Hidden files,
    /// folders (such as `images/`) and side files (`*.corrections`, `*.csv`, `*.yml`) are not seeds.
    public func seedFiles() -> Result<[String], Diagnostic> {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: seedsDirectory)
        } catch {
            return .failure(.error(seedsDirectory, "cannot read the seeds folder: \(Self.reason(error))",
                                   hint: "pass the folder with --seeds DIR"))
        }
        return .success(names.filter { name in
            guard !name.hasPrefix("."), name.hasSuffix(".md") || name.hasSuffix(".txt") else { return false }
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: path(name), isDirectory: &isDir) && !isDir.boolValue
        }.sorted())
    }

    public func path(_ name: String) -> String {
        seedsDirectory.hasSuffix("/") ? seedsDirectory + name : seedsDirectory + "/" + name
    }

    /// Reads one seed. The reader is chosen by content: front matter or Markdown structure →
    /// the Markdown reader; text with the PDF extraction's shape → the extracted-text reader,
    /// with the publisher's corrections from `<stem>.corrections` beside the seed, if any.
    public func load(_ name: String) -> LoadedSeed {
        let path = path(name)
        guard let data = FileManager.default.contents(atPath: path) else {
            return LoadedSeed(diagnostics: [.error(path, "cannot read the seed file")])
        }
        let seed: SeedText
        switch SeedText.decode([UInt8](data), path: path) {
        case .failure(let d): return LoadedSeed(diagnostics: [d])
        case .success(let s): seed = s
        }
        let id = String(name[..<(name.lastIndex(of: ".") ?? name.endIndex)])
        switch SeedKind.detect(seed) {
        case .markdown:
            let reader = MarkdownSeedReader { [seedsDirectory] relative in
                FileManager.default.fileExists(atPath: seedsDirectory + "/" + relative)
            }
            let (document, diagnostics) = reader.read(seed, id: id)
            // Reported in the order of the file, as a reader goes through it.
            return LoadedSeed(document: document, diagnostics: diagnostics.sorted { ($0.line, $0.column) < ($1.line, $1.column) })
        case .extractedText:
            var corrections: (path: String, text: String)?
            let correctionsPath = self.path(id + ".corrections")
            if let data = FileManager.default.contents(atPath: correctionsPath) {
                switch SeedText.decode([UInt8](data), path: correctionsPath) {
                case .failure(let d): return LoadedSeed(diagnostics: [d])
                case .success(let c): corrections = (correctionsPath, c.text)
                }
            }
            let result = ExtractedTextReader().read(id: id, path: path, text: seed.text, corrections: corrections)
            var document = result.document
            document?.source = seed.citedPath
            return LoadedSeed(document: document, diagnostics: result.diagnostics, quality: result.report,
                              corrections: corrections?.path)
        }
    }

    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let posix = ns.userInfo[NSUnderlyingErrorKey] as? NSError {
            return String(cString: strerror(Int32(posix.code)))
        }
        return ns.localizedDescription
    }
}

/// One seed after reading: its document (nil when it could not be read), what the reader
/// said about it, and for extracted text the reader's quality report.
public struct LoadedSeed: Sendable {
    public var document: Document?
    public var diagnostics: [Diagnostic]
    public var quality: QualityReport?
    /// The corrections file that was applied, if any.
    public var corrections: String?

    public init(document: Document? = nil, diagnostics: [Diagnostic], quality: QualityReport? = nil,
                corrections: String? = nil) {
        self.document = document
        self.diagnostics = diagnostics
        self.quality = quality
        self.corrections = corrections
    }
}

/// Which reader a seed needs, decided from its text.
public enum SeedKind: Equatable, Sendable {
    case markdown, extractedText

    public static func detect(_ seed: SeedText) -> SeedKind {
        if seed.text.hasPrefix("---\n") || seed.text.hasPrefix("---\r\n") { return .markdown }
        // PDF extraction puts a blank line after every line: most non-blank lines are followed
        // by a blank one, which Markdown prose (paragraphs of several lines) rarely shows.
        let lines = seed.lines.prefix(400)
        // Its lines are also cut at the page's column width, where Markdown paragraphs run long.
        var nonBlank = 0, followedByBlank = 0, short = 0
        for i in lines.indices where !lines[i].allSatisfy(\.isWhitespace) {
            nonBlank += 1
            // At most 60 characters; scalar and byte counts bound the Character count cheaply.
            let line = lines[i]
            if line.utf8.count <= 60 || line.unicodeScalars.count <= 60 || line.prefix(61).count <= 60 { short += 1 }
            if i + 1 < lines.endIndex, lines[i + 1].allSatisfy(\.isWhitespace) { followedByBlank += 1 }
        }
        let markdownMarks = lines.filter { $0.utf8HasPrefix("#") || $0.utf8HasPrefix("**") || $0.utf8HasPrefix("- ") }.count
        if nonBlank >= 20, followedByBlank * 10 >= nonBlank * 7, short * 10 >= nonBlank * 9,
           markdownMarks * 20 < nonBlank {
            return .extractedText
        }
        return .markdown
    }
}
