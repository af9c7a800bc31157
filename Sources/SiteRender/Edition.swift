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
        if s.kind == .item {
            // An item is one numbered paragraph; further paragraphs of the item follow it.
            let label = CommonMarkText.escaped(s.label ?? "")
            for (i, b) in s.blocks.enumerated() {
                out += "\n" + (i == 0 ? label : "") + b.markdown + "\n"
            }
        } else {
            let heading = (s.label ?? "") + s.title
            out += "\n" + String(repeating: "#", count: min(level, 6)) + " " + CommonMarkText.escaped(heading) + "\n"
        }
        for entry in s.content {
            switch entry {
            case .block(let b) where s.kind != .item && b.kind != .image:
                out += "\n" + b.markdown + "\n"
            case .section(let child):
                append(child, level: level + 1, to: &out)
            default:
                break
            }
        }
    }
}
