import SiteModel

/// Finds a paragraph and its section by anchor, built once per render and shared by pages.
struct TextIndex: Sendable {
    struct Entry: Sendable {
        var block: Block
        var section: Section
    }

    private var entries: [String: [String: Entry]] = [:]

    init(_ documents: [Document]) {
        for d in documents {
            var map: [String: Entry] = [:]
            for s in d.allSections {
                for b in s.blocks { map[b.id] = Entry(block: b, section: s) }
            }
            entries[d.id] = map
        }
    }

    func entry(_ document: String, _ block: String) -> Entry? { entries[document]?[block] }

    /// The paragraph around a mention, at most `radius` characters either side, escaped,
    /// with the name in `<mark>`.
    func snippetHTML(_ m: Mention, radius: Int = 36) -> String {
        guard let text = entry(m.document, m.block)?.block.text else { return HTMLText.escape(m.surface) }
        let scalars = Array(text.unicodeScalars)
        let start = min(max(m.offset, 0), scalars.count)
        let length = min(m.surface.unicodeScalars.count, scalars.count - start)
        let from = max(0, start - radius), to = min(scalars.count, start + length + radius)
        func piece(_ a: Int, _ b: Int) -> String {
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[a..<b])
            return HTMLText.escape(String(s))
        }
        return (from > 0 ? "…" : "") + piece(from, start) + "<mark>" + piece(start, start + length) + "</mark>"
            + piece(start + length, to) + (to < scalars.count ? "…" : "")
    }
}
