import Foundation
import SiteModel

/// Finds a document's figure data files (`<seeds>/<document id>.figures/<figure id>.csv`),
/// and validates each against the seed: parse, every number on its cited line, cross-checks.
public enum FigureLoader {
    public static func load(seedsDirectory: String, document: Document) -> (files: [FigureDataFile], diagnostics: [Diagnostic]) {
        let folder = seedsDirectory + "/" + document.id + ".figures"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return ([], []) }
        let seedLines = Provenance.lines(of: document.sourceText)
        let figureIDs = Set(document.allSections.filter { $0.kind == .figure }.map(\.id))
        var files: [FigureDataFile] = []
        var diagnostics: [Diagnostic] = []
        for name in names.sorted() where name.hasSuffix(".csv") {
            let path = folder + "/" + name
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                diagnostics.append(.error(path, "cannot read the figure data file as UTF-8 text"))
                continue
            }
            let (file, found) = FigureDataValidator.validate(path: path, text: text, seedLines: seedLines,
                                                             seedPath: document.source)
            diagnostics += found
            guard let file else { continue }
            if !figureIDs.contains(file.figureID) {
                diagnostics.append(.warning(path, "no figure \(file.figureID) in \(document.source); its data is not shown"))
                continue
            }
            files.append(file)
        }
        return (files, diagnostics)
    }
}
