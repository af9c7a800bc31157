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
        guard html.hasPrefix("<p>"), html.hasSuffix("</p>\n"),
              html.components(separatedBy: "<p>").count == 2 else { return html }
        return String(html.dropFirst(3).dropLast(5))
    }
}
