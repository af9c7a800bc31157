import SiteModel

/// `data/editions/<id>.md`: the document's own text as clean CommonMark — its outline as
/// headings, one paragraph per paragraph — and nothing else (no metadata, no page furniture).
public enum Edition {
    public static func markdown(_ d: Document) -> String {
        var out = "# " + CommonMarkText.escaped(d.title) + "\n"
        for s in d.sections { append(s, level: 2, to: &out) }
        return out
    }

    private static func append(_ s: Section, level: Int, to out: inout String) {
        let heading = CommonMarkText.escaped(Section.heading(label: s.label, title: s.title))
        switch s.kind {
        case .item:
            // An item is one numbered paragraph; further paragraphs of the item follow it.
            let label = CommonMarkText.escaped(s.label ?? "")
            for (i, b) in s.blocks.enumerated() where b.kind != .image {
                out += "\n" + (i == 0 ? label : "") + b.markdown + "\n"
            }
            return
        case .sidebar:
            // A sidebar is a block quote, its title in bold, everything in it quoted.
            var inner = "**" + heading + "**\n"
            appendContent(of: s, level: level, to: &inner)
            out += "\n" + inner.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n") + "\n"
            return
        case .figure:
            out += "\n**" + heading + "**\n"
        default:
            out += "\n" + String(repeating: "#", count: min(level, 6)) + " " + heading + "\n"
        }
        appendContent(of: s, level: level, to: &out)
    }

    private static func appendContent(of s: Section, level: Int, to out: inout String) {
        for entry in s.content {
            switch entry {
            case .block(let b) where b.kind != .image:
                out += "\n" + b.markdown + "\n"
            case .section(let child):
                append(child, level: level + 1, to: &out)
            default:
                break
            }
        }
    }
}
