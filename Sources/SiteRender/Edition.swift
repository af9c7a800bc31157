import SiteModel

/// `data/editions/<id>.md`: the document's own text as clean CommonMark — its outline as
/// headings, one paragraph per paragraph — and nothing else (no metadata, no page furniture).
public enum Edition {
    public static func markdown(_ d: Document) -> String {
        String(decoding: markdownBytes(d), as: UTF8.self)
    }

    /// The edition as the file's bytes (no round trip through `String`).
    public static func markdownBytes(_ d: Document) -> [UInt8] {
        var out = Text()
        out.put("# ", CommonMarkText.escaped(d.title), "\n")
        for s in d.sections { append(s, level: 2, to: &out) }
        return out.bytes
    }

    /// UTF-8 appended in place (building the edition from `String` pieces with `+` copied it
    /// piece by piece).
    private struct Text {
        var bytes: [UInt8] = []

        mutating func put(_ pieces: String...) {
            for var p in pieces { p.withUTF8 { bytes.append(contentsOf: $0) } }
        }
    }

    private static func append(_ s: Section, level: Int, to out: inout Text) {
        let heading = CommonMarkText.escaped(Section.heading(label: s.label, title: s.title))
        switch s.kind {
        case .item:
            // An item is one numbered paragraph; further paragraphs of the item follow it.
            let label = CommonMarkText.escaped(s.label ?? "")
            for (i, b) in s.blocks.enumerated() where b.kind != .image {
                out.put("\n", i == 0 ? label : "", b.markdown, "\n")
            }
            return
        case .sidebar:
            // A sidebar is a block quote, its title in bold, everything in it quoted.
            var inner = Text()
            inner.put("**", heading, "**\n")
            appendContent(of: s, level: level, to: &inner)
            out.put("\n")
            quote(inner.bytes, into: &out.bytes)
            out.put("\n")
            return
        case .figure:
            out.put("\n**", heading, "**\n")
        default:
            out.put("\n", String(repeating: "#", count: min(level, 6)), " ", heading, "\n")
        }
        appendContent(of: s, level: level, to: &out)
    }

    /// Every line of `text` as a block-quote line: "> line", or ">" when it is empty.
    private static func quote(_ text: [UInt8], into out: inout [UInt8]) {
        var start = 0
        while true {
            let end = text[start...].firstIndex(of: 0x0A) ?? text.endIndex
            out.append(UInt8(ascii: ">"))
            if end > start {
                out.append(0x20)
                out.append(contentsOf: text[start..<end])
            }
            guard end < text.endIndex else { return }
            out.append(0x0A)
            start = end + 1
        }
    }

    private static func appendContent(of s: Section, level: Int, to out: inout Text) {
        for entry in s.content {
            switch entry {
            case .block(let b) where b.kind != .image:
                out.put("\n", b.markdown, "\n")
            case .section(let child):
                append(child, level: level + 1, to: &out)
            default:
                break
            }
        }
    }
}
