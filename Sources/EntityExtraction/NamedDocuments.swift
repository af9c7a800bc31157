import SiteModel
/// Documents named in 《》 anywhere: one agreement (kind `document`) per distinct title, with
/// every mention. Titles cut across source lines are already whole in the block text; whitespace
/// is collapsed. A short reference the text defines (以下简称《通知》, 下称“《办法》”) is linked
/// to the full title before it in the same paragraph for the rest of that document. An undefined
/// title that is the tail of an earlier full title of the document (《规定》 right after
/// 《…管理规定》, 《安曼宣言》 after 《…安曼宣言》) is linked to the latest such title; a bare
/// type word with no such title is reported and dropped.
enum NamedDocuments {
    /// Bare document-type words: as a title they are always a short reference, never an entry.
    static let shortReferenceWords: Set<String> = [
        "通知", "办法", "意见", "规定", "决定", "公告", "方案", "清单", "协定", "协议", "规划", "计划",
        "目录", "条例", "声明", "联合声明", "指南", "倡议", "纲要", "细则",
    ]
    /// Periodicals are cited in 《》 too but are not documents (《人民日报》).
    static let periodicalSuffixes = ["日报", "晚报", "时报", "周刊", "月刊", "杂志"]

    struct Occurrence {
        var outer: Range<Int>   // 《 … 》
        var inner: Range<Int>
    }

    /// Outermost 《…》 pairs in `range`; an unclosed 《 is ignored.
    static func titles(in text: [Unicode.Scalar], range: Range<Int>? = nil) -> [Occurrence] {
        let r = range ?? 0..<text.count
        var out: [Occurrence] = []
        var depth = 0
        var open = 0
        for i in r {
            if text[i] == "《" {
                if depth == 0 { open = i }
                depth += 1
            } else if text[i] == "》", depth > 0 {
                depth -= 1
                if depth == 0, i > open + 1 { out.append(Occurrence(outer: open..<(i + 1), inner: (open + 1)..<i)) }
            }
        }
        return out
    }

    /// Display title (whitespace runs → one space) and identity key (no whitespace at all), so
    /// `2020 年版` and `2020年版`, or a doubled space left by a line join, are one document.
    static func normalise<C: Collection>(_ raw: C) -> (title: String, key: String) where C.Element == Unicode.Scalar {
        var title: [UInt8] = []
        var key: [UInt8] = []
        var pendingSpace = false
        for s in raw {
            if ScalarText.isWhitespace(s) {
                pendingSpace = !title.isEmpty
                continue
            }
            if pendingSpace { title.append(0x20) }
            pendingSpace = false
            UTF8.encode(s) {
                title.append($0)
                key.append($0)
            }
        }
        return (String(decoding: title, as: UTF8.self), String(decoding: key, as: UTF8.self))
    }

    static func extract(from blocks: [ScannedBlock]) -> ([(key: [Int], agreement: Agreement)], [Diagnostic]) {
        var entries: [String: (order: [Int], agreement: Agreement)] = [:]   // by key
        var diagnostics: [Diagnostic] = []
        var aliases: [String: String] = [:]   // short key → full key, per document
        var currentDocument = -1
        var fullTitles: [(key: String, bare: String, length: Int)] = []   // this document's, in order

        for b in blocks {
            if b.documentIndex != currentDocument {
                currentDocument = b.documentIndex
                aliases = [:]
                fullTitles = []
            }
            var lastFull: String?
            for t in titles(in: b.text) {
                let (title, key) = normalise(b.text[t.inner])
                guard !key.isEmpty, !periodicalSuffixes.contains(where: { ScalarText.hasSuffix(key, $0) }) else { continue }
                if isDefinition(b.text, before: t.outer.lowerBound) {
                    if let full = lastFull { aliases[key] = full }
                    continue
                }
                let mention = b.mention(at: t.inner.lowerBound, length: t.inner.count)
                if let full = aliases[key] {
                    entries[full]?.agreement.mentions.append(mention)
                    continue
                }
                // A later title that is the tail of an earlier one (《规定》 after 《…管理规定》,
                // 《安曼宣言》 after 《…部长级会议安曼宣言》) is a short reference to it.
                let length = key.count
                if entries[key] == nil,
                   let full = fullTitles.last(where: { $0.length > length && ScalarText.hasSuffix($0.bare, key) }) {
                    entries[full.key]?.agreement.mentions.append(mention)
                    continue
                }
                if shortReferenceWords.contains(key) {
                    diagnostics.append(.warning(b.document.source, line: mention.line,
                        "《\(title)》 looks like a short reference but the document does not define it before here",
                        hint: "write the full title, or define it: （以下简称《\(title)》）"))
                    continue
                }
                lastFull = key
                let bare = withoutTrailingParentheses(key)
                fullTitles.append((key, bare, bare.count))
                if entries[key] != nil {
                    entries[key]?.agreement.mentions.append(mention)
                } else {
                    var countries: [String] = []
                    for m in b.matches where t.inner.contains(m.start) {
                        if case .country(let c) = m.target, !countries.contains(c) { countries.append(c) }
                    }
                    let a = Agreement(id: "", kind: .document, title: title, type: Instruments.type(of: title),
                                      parties: [], countries: countries, mentions: [mention])
                    entries[key] = (b.order(t.outer.lowerBound), a)
                }
            }
        }
        // Ids from the title's hash; a (very unlikely) clash gets -2 in first-mention order.
        var ids = AnchorAllocator()
        var out = entries.map { (key: $0.value.order, title: $0.key, agreement: $0.value.agreement) }
            .sorted { $0.key.lexicographicallyPrecedes($1.key) }
        for i in out.indices { out[i].agreement.id = ids.reserve("doc-" + AnchorAllocator.shortHash(out[i].title)) }
        return (out.map { ($0.key, $0.agreement) }, diagnostics)
    }

    /// 市场准入负面清单（2020年版） → 市场准入负面清单
    static func withoutTrailingParentheses(_ s: String) -> String {
        var t = s
        while t.utf8HasSuffix("）") || t.utf8HasSuffix(")"),
              let open = t.lastIndex(where: { $0 == "（" || $0 == "(" }) { t = String(t[..<open]) }
        return t
    }

    /// True when the title stands right after 简称 / 下称, optionally inside quotes.
    static func isDefinition(_ text: [Unicode.Scalar], before start: Int) -> Bool {
        var i = start
        while i > 0, "“‘\"「 ".unicodeScalars.contains(text[i - 1]) { i -= 1 }
        guard i >= 2 else { return false }
        let w = text[(i - 2)..<i]
        return w.elementsEqual("简称".unicodeScalars) || w.elementsEqual("下称".unicodeScalars)
    }
}
