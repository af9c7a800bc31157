import CommonMark
import SiteModel

/// A block's CommonMark as HTML, through libcmark in safe mode. Image sources (seed-relative
/// paths) are pointed at their copies under `media/`, relative to the page that shows them.
enum BlockHTML {
    static func render(_ block: Block, root: String, links: [(offset: Int, length: Int, url: String, title: String)] = []) -> String {
        let tree = MarkdownTree(block.markdown)
        tree.document.addLinks(links)
        for node in tree.document.descendants where node.kind == .image {
            let url = node.url ?? ""
            node.setURL(root + "media/" + (url.hasPrefix("/") ? String(url.dropFirst()) : url))
        }
        return tree.document.html
    }

    /// `html` without its `<p>` wrapper when it is a single paragraph (for list items).
    static func unwrapped(_ html: String) -> String {
        let u = html.utf8
        guard u.starts(with: "<p>".utf8), u.reversed().starts(with: "\n>p/<".utf8) else { return html }
        // A second paragraph would open with "<p>" again (searched as bytes: Foundation's
        // `components(separatedBy:)` walked grapheme clusters).
        let opens = Array("<p>".utf8)
        let bytes = Array(u)
        for i in 3..<max(3, bytes.count - 2) where bytes[i] == 0x3C && bytes[i + 1] == opens[1] && bytes[i + 2] == opens[2] {
            return html
        }
        return String(decoding: bytes[3..<(bytes.count - 5)], as: UTF8.self)
    }
}
