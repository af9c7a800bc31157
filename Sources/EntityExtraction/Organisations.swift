import SiteModel
/// International organisations, multilateral banks and regional groupings, from `OrganisationData`.
public struct OrganisationCatalogue: Sendable {
    public struct Entry: Hashable, Sendable {
        public var id: String
        public var nameZh: String
        public var aliases: [String]
        public var nameEn: String?
    }

    /// In data-file order.
    public private(set) var entries: [Entry]

    public static func standard() throws -> OrganisationCatalogue {
        try load(tsv: OrganisationData.tsv, source: "OrganisationData")
    }

    public static func load(tsv: String, source: String = "organisations.tsv") throws -> OrganisationCatalogue {
        var entries: [Entry] = []
        var ids: Set<String> = []
        for (index, raw) in tsv.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingPrefixWhitespace()
            if line.isEmpty || line.hasPrefix("#") { continue }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 4, !f[0].isEmpty, !f[1].isEmpty else {
                throw Diagnostic.error(source, line: index + 1, "expected id, nameZh, aliases, nameEn separated by TABs")
            }
            guard f[0].allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) else {
                throw Diagnostic.error(source, line: index + 1, "organisation id '\(f[0])' must be lower-case ASCII")
            }
            guard ids.insert(f[0]).inserted else {
                throw Diagnostic.error(source, line: index + 1, "duplicate organisation id '\(f[0])'")
            }
            let aliases = f[2].split(separator: "|").map(String.init)
            entries.append(Entry(id: f[0], nameZh: f[1], aliases: aliases, nameEn: f[3].isEmpty ? nil : f[3]))
        }
        return OrganisationCatalogue(entries: entries)
    }
}

extension Substring {
    func trimmingPrefixWhitespace() -> Substring {
        var s = self
        while let c = s.first, c == " " { s = s.dropFirst() }
        while let c = s.last, c == " " || c == "\r" { s = s.dropLast() }
        return s
    }
}
