/// Where a document names an entity: the paragraph, the seed line where the name starts,
/// and the text as it stands in the source (line breaks removed).
public struct Mention: Hashable, Sendable {
    public var document: String
    /// Section id (`Section.id`) holding the paragraph.
    public var section: String
    /// Paragraph anchor (`Block.id`).
    public var block: String
    public var line: Int
    public var surface: String
    /// Offset of the name in the paragraph's `Block.text`, in Unicode scalars.
    public var offset: Int

    public init(document: String, section: String, block: String, line: Int, surface: String, offset: Int) {
        self.document = document
        self.section = section
        self.block = block
        self.line = line
        self.surface = surface
        self.offset = offset
    }
}

public struct Country: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable { case country, territory }
    /// ISO 3166-1 alpha-2, upper case (`PK`).
    public var iso2: String
    public var nameZh: String
    public var nameEn: String
    public var kind: Kind
    /// Continent name in Chinese (亚洲, 欧洲, 非洲, 北美洲, 南美洲, 大洋洲), when known.
    public var continent: String?
    public var mentions: [Mention]

    public init(iso2: String, nameZh: String, nameEn: String, kind: Kind, continent: String?, mentions: [Mention]) {
        self.iso2 = iso2
        self.nameZh = nameZh
        self.nameEn = nameEn
        self.kind = kind
        self.continent = continent
        self.mentions = mentions
    }
}

public struct Organisation: Hashable, Sendable {
    /// Stable ASCII id (`aiib`, `who`), the URL segment `organisations/<id>/`.
    public var id: String
    public var nameZh: String
    public var aliases: [String]
    public var nameEn: String?
    public var mentions: [Mention]

    public init(id: String, nameZh: String, aliases: [String], nameEn: String?, mentions: [Mention]) {
        self.id = id
        self.nameZh = nameZh
        self.aliases = aliases
        self.nameEn = nameEn
        self.mentions = mentions
    }
}

public struct Agreement: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable { case instrument, document }
    /// Stable ASCII id, the URL segment `agreements/<id>/`.
    public var id: String
    public var kind: Kind
    /// Named documents: the text inside 《》, rejoined, whitespace collapsed.
    public var title: String
    /// 谅解备忘录, 协定, 协议, 贷款协议, 合作文件, 规划, 行动计划, 联合声明, 倡议 …
    public var type: String?
    /// As named in the source.
    public var parties: [String]
    /// ISO codes of the foreign parties / countries concerned.
    public var countries: [String]
    public var mentions: [Mention]

    public init(id: String, kind: Kind, title: String, type: String?, parties: [String], countries: [String],
                mentions: [Mention]) {
        self.id = id
        self.kind = kind
        self.title = title
        self.type = type
        self.parties = parties
        self.countries = countries
        self.mentions = mentions
    }
}

/// Everything the documents name, each with all its mentions.
public struct EntityIndex: Hashable, Sendable {
    public var countries: [Country]
    public var organisations: [Organisation]
    public var agreements: [Agreement]

    public init(countries: [Country] = [], organisations: [Organisation] = [], agreements: [Agreement] = []) {
        self.countries = countries
        self.organisations = organisations
        self.agreements = agreements
    }
}
