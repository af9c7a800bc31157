import SiteModel
/// One paragraph after the name scan: where it stands and which names it holds.
/// A class: the readers pass blocks around by the hundred, and a struct holding the whole
/// document, section and block would copy (retain) all their fields every time.
@dynamicMemberLookup
final class ScannedBlock: Sendable {
    /// Where it stands: document, section, path, block (read as `b.section`, `b.block` …).
    let place: EntityExtractor.Place
    let text: [Unicode.Scalar]
    let matches: [NameMatch]

    init(_ place: EntityExtractor.Place, text: [Unicode.Scalar], matches: [NameMatch]) {
        self.place = place
        self.text = text
        self.matches = matches
    }

    subscript<T>(dynamicMember field: KeyPath<EntityExtractor.Place, T>) -> T { place[keyPath: field] }

    func mention(at start: Int, length: Int) -> Mention {
        Mention(document: place.document.id, section: place.section.id, block: place.block.id,
                line: place.block.line(atOffset: start), surface: slice(start, start + length), offset: start)
    }

    func slice(_ from: Int, _ to: Int) -> String {
        ScalarText.string(text[max(0, from)..<min(to, text.count)])
    }

    /// Document-order key: agreements are sorted by their first mention.
    func order(_ offset: Int) -> [Int] { [place.documentIndex, place.blockIndex, offset] }
}

/// The entity-extraction stage: countries, organisations and agreements named in the documents,
/// each with every mention. Deterministic: countries sorted by ISO code, organisations by id,
/// agreements by first mention, mentions in document order.
public struct EntityExtractor: Sendable {
    let gazetteer: Gazetteer
    let organisations: OrganisationCatalogue
    let matcher: NameMatcher
    /// Data problems found while building the matcher (a name given to two entities).
    let setupDiagnostics: [Diagnostic]

    public init(gazetteer: Gazetteer, organisations: OrganisationCatalogue) {
        self.gazetteer = gazetteer
        self.organisations = organisations
        var m = NameMatcher()
        // Organisations first: a regional grouping's name (欧盟) is never a country.
        for o in organisations.entries {
            for name in [o.nameZh] + o.aliases { m.insert(name, .organisation(o.id)) }
        }
        for code in gazetteer.entries.keys.sorted() {
            for name in gazetteer.entries[code]?.names ?? [] { m.insert(name, .country(code)) }
        }
        for (name, code) in gazetteer.listOnlyNames.sorted(by: { $0.key < $1.key }) { m.insert(name, .listOnly(code)) }
        for word in gazetteer.nonEntityWords { m.insert(word, .nonEntity) }
        matcher = m
        setupDiagnostics = m.conflicts.filter { $0.dropped != .nonEntity }.map {
            .warning("entity data", "name '\($0.name)' is given to both \($0.kept) and \($0.dropped); kept the first")
        }
    }

    public func extract(from documents: [Document]) -> (EntityIndex, [Diagnostic]) {
        var diagnostics = setupDiagnostics
        // Where every paragraph stands (a quick walk), then the name scan of each paragraph on
        // all cores: one document holds most of the text, so documents alone would not balance.
        let places = documents.enumerated().flatMap { index, doc in self.places(in: doc, index: index) }
        let chunks = stride(from: 0, to: places.count, by: 16).map { Array(places[$0..<min($0 + 16, places.count)]) }
        let blocks = chunks.parallelMap { chunk in chunk.map(scan) }.flatMap { $0 }
        // Documents named in 《》 are found beside the rest (they read the same blocks).
        let namedDocuments = Background { NamedDocuments.extract(from: blocks) }

        // Countries and organisations: every match is a mention.
        var countryMentions: [String: [Mention]] = [:]
        var orgMentions: [String: [Mention]] = [:]
        for b in blocks {
            for m in b.matches {
                switch m.target {
                case .country(let code): countryMentions[code, default: []].append(b.mention(at: m.start, length: m.length))
                case .organisation(let id): orgMentions[id, default: []].append(b.mention(at: m.start, length: m.length))
                case .nonEntity, .listOnly: break
                }
            }
        }
        let countries: [Country] = countryMentions.keys.sorted().compactMap { code in
            guard let e = gazetteer.entries[code] else { return nil }
            return Country(iso2: code, nameZh: e.nameZh, nameEn: e.nameEn, kind: e.kind,
                           continent: e.continent, mentions: countryMentions[code] ?? [])
        }
        let orgs: [Organisation] = organisations.entries.filter { orgMentions[$0.id] != nil }
            .sorted { $0.id < $1.id }
            .map { Organisation(id: $0.id, nameZh: $0.nameZh, aliases: $0.aliases, nameEn: $0.nameEn,
                                mentions: orgMentions[$0.id] ?? []) }

        // Agreements: signed instruments of list items, then documents named in 《》.
        var ordered: [(key: [Int], rank: Int, agreement: Agreement)] = []
        var numbers: [String: Int] = [:]   // next instrument number per item
        for b in blocks where b.section.kind == .item {
            let item = "\(b.documentIndex)/\(b.section.id)"
            let found = Instruments.extract(from: b, firstNumber: numbers[item] ?? 1)
            numbers[item, default: 1] += found.count
            for (key, a) in found { ordered.append((key, 0, a)) }
        }
        let (named, namedDiagnostics) = namedDocuments.wait()
        diagnostics += namedDiagnostics
        for (key, a) in named { ordered.append((key, 1, a)) }
        ordered.sort { $0.key != $1.key ? $0.key.lexicographicallyPrecedes($1.key) : $0.rank < $1.rank }

        return (EntityIndex(countries: countries, organisations: orgs, agreements: ordered.map(\.agreement)),
                diagnostics)
    }

    /// A paragraph's place: its document, its section and the section's path (ordinal among
    /// same-kind siblings at each level, `[2, 13]` for the 13th item of the 2nd category: the
    /// basis of instrument ids), its index in the document.
    struct Place: Sendable {
        let document: Document
        let documentIndex: Int
        let section: Section
        let path: [Int]
        let blockIndex: Int
        let block: Block
    }

    /// Every block of one document, depth first, in document order, with its section path.
    func places(in doc: Document, index: Int) -> [Place] {
        var out: [Place] = []
        var blockIndex = 0
        func walk(_ s: Section, path: [Int]) {
            var ordinals: [SectionKind: Int] = [:]
            for item in s.content {
                switch item {
                case .block(let block):
                    out.append(Place(document: doc, documentIndex: index, section: s, path: path,
                                     blockIndex: blockIndex, block: block))
                    blockIndex += 1
                case .section(let child):
                    ordinals[child.kind, default: 0] += 1
                    walk(child, path: path + [ordinals[child.kind] ?? 1])
                }
            }
        }
        var top: [SectionKind: Int] = [:]
        for s in doc.sections {
            top[s.kind, default: 0] += 1
            walk(s, path: [top[s.kind] ?? 1])
        }
        return out
    }

    /// The names one paragraph holds.
    func scan(_ p: Place) -> ScannedBlock {
        let text = ScalarText.scalars(p.block.text)
        return ScannedBlock(p, text: text, matches: TrapRules.scan(text, with: matcher))
    }
}
