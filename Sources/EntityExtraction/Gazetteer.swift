import SiteModel
import Foundation

/// Every country and territory with the Chinese names texts use for it. Built from CLDR through
/// Foundation (Chinese and English names of every ISO 3166 region, continent from the region's
/// containment) plus the small alias file `CountryAliasData` for what CLDR lacks.
public struct Gazetteer: Sendable {
    public struct Entry: Hashable, Sendable {
        public var iso2: String
        public var nameZh: String
        public var nameEn: String
        public var kind: Country.Kind
        public var continent: String?
        /// Every Chinese form matched in text: the CLDR name, then aliases.
        public var names: [String]
    }

    /// By ISO code.
    public private(set) var entries: [String: Entry]
    /// Words matched but yielding nothing (Chinese regions, 中欧-style compounds, excluded codes).
    public private(set) var nonEntityWords: [String]
    /// Names that stand for a country only as an item of a list of countries (中非 → CF).
    public private(set) var listOnlyNames: [String: String]

    public static func standard() throws -> Gazetteer {
        try load(aliasTSV: CountryAliasData.tsv, source: "CountryAliasData")
    }

    /// `source` names the alias text in errors (a file path when read from disk).
    public static func load(aliasTSV: String, source: String = "aliases.tsv") throws -> Gazetteer {
        let zh = Locale(identifier: "zh_Hans")
        let en = Locale(identifier: "en")
        var excluded: Set<String> = []
        var territories: Set<String> = []
        var extraNames: [String: [String]] = [:]
        var displayNames: [String: String] = [:]
        var nonEntity: [String] = []
        var listOnly: [String: String] = [:]

        for (index, raw) in aliasTSV.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", maxSplits: 1).map(String.init)
            guard fields.count == 2 else {
                throw Diagnostic.error(source, line: index + 1, "expected two TAB-separated fields")
            }
            let values = fields[1].split(separator: " ").map(String.init)
            switch fields[0] {
            case "@exclude": excluded.formUnion(values)
            case "@territory": territories.formUnion(values)
            case "-": nonEntity.append(contentsOf: values)
            case let code where code.count == 2 && code == code.uppercased():
                for v in values {
                    if v.hasPrefix("?") {
                        listOnly[String(v.dropFirst())] = code
                    } else if v.hasPrefix("=") {
                        displayNames[code] = String(v.dropFirst())
                        extraNames[code, default: []].append(String(v.dropFirst()))
                    } else {
                        extraNames[code, default: []].append(v)
                    }
                }
            default:
                throw Diagnostic.error(source, line: index + 1, "unknown record '\(fields[0])'")
            }
        }

        var entries: [String: Entry] = [:]
        // Two-letter codes only: the numeric ones are M49 groupings (世界, 亚洲, 中非 = Middle Africa).
        let codes = Locale.Region.isoRegions.map(\.identifier).filter { $0.count == 2 }.sorted()
        for code in codes {
            guard let cldrZh = zh.localizedString(forRegionCode: code) else { continue }
            if excluded.contains(code) {
                nonEntity.append(cldrZh)   // still hides shorter names inside it (加纳利群岛 ⊃ 加纳)
                continue
            }
            let nameEn = en.localizedString(forRegionCode: code) ?? code
            var names = [cldrZh]
            for n in extraNames[code] ?? [] where !names.contains(n) { names.append(n) }
            entries[code] = Entry(iso2: code, nameZh: displayNames[code] ?? cldrZh, nameEn: nameEn,
                                  kind: territories.contains(code) ? .territory : .country,
                                  continent: continentName(of: code, in: zh), names: names)
        }
        for code in extraNames.keys where entries[code] == nil {
            throw Diagnostic.error(source, "alias for '\(code)', which is not a country code CLDR knows")
        }
        for (name, code) in listOnly where entries[code] == nil {
            throw Diagnostic.error(source, "list-only name '\(name)' for '\(code)', which is not a country")
        }
        return Gazetteer(entries: entries, nonEntityWords: nonEntity, listOnlyNames: listOnly)
    }

    /// Continent in Chinese from CLDR containment. CLDR's continent 019 (美洲) is split into
    /// 北美洲 (003) and 南美洲 (005) by sub-region; outlying areas (QO, e.g. Antarctica) get none.
    static func continentName(of code: String, in zh: Locale) -> String? {
        let region = Locale.Region(code)
        guard let continent = region.continent?.identifier else { return nil }
        let sub = region.containingRegion?.identifier
        if sub == "QO" { return nil }
        let id = continent == "019" ? (sub == "005" ? "005" : "003") : continent
        return zh.localizedString(forRegionCode: id)
    }
}
