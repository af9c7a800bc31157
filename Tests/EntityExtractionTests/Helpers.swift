import EntityExtraction
import Foundation
import SeedIngest
import SiteModel

/// One extractor for all tests (building the gazetteer asks CLDR for ~250 regions).
let sharedExtractor: EntityExtractor = {
    do {
        return EntityExtractor(gazetteer: try Gazetteer.standard(), organisations: try OrganisationCatalogue.standard())
    } catch {
        preconditionFailure("entity data does not load: \(error)")   // test setup only
    }
}()

/// The repository's seeds folder.
let seedsDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../seeds").standardized.path

/// A seed read by the project's own readers.
func realDocument(_ name: String) -> Document? { SeedLoader(seedsDirectory: seedsDir).load(name).document }

/// A one-paragraph document whose block is `lines` joined (as a reader reflows them), the first
/// line being seed line `firstLine`.
func syntheticDocument(_ lines: [String], firstLine: Int = 10, id: String = "synthetic") -> Document {
    var text = ""
    var starts: [LineStart] = []
    for (i, l) in lines.enumerated() {
        if i > 0 { starts.append(LineStart(offset: text.unicodeScalars.count, line: firstLine + i)) }
        text += l
    }
    let block = Block(id: "p-test", markdown: text, text: text, line: firstLine, lineStarts: starts)
    return Document(id: id, source: "seeds/\(id).txt", title: id,
                    sections: [Section(id: "s-1", kind: .section, title: "", line: firstLine, content: [.block(block)])])
}

func entities(in lines: String...) -> EntityIndex {
    sharedExtractor.extract(from: [syntheticDocument(lines)]).0
}

func countryCodes(_ index: EntityIndex) -> [String] { index.countries.map(\.iso2) }
func organisationIDs(_ index: EntityIndex) -> [String] { index.organisations.map(\.id) }
