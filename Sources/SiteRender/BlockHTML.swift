import CommonMark
import SiteModel

/// A block's CommonMark as HTML, through libcmark in safe mode. Image sources (seed-relative
/// paths) are pointed at their copies under `media/`, relative to the page that shows them.
enum BlockHTML {
    /// The block's HTML (UTF-8) and, when it is one paragraph, its content without the `<p>`
    /// wrapper (for list items; nil otherwise). A paragraph without markup skips libcmark.
    static func parts(_ block: Block, root: String, links: [(offset: Int, length: Int, url: String, title: String)] = []) -> (html: [UInt8], inline: [UInt8]?) {
        if let inline = PlainParagraph.inlineHTML(block.markdown, links: links) {
            var html: [UInt8] = []
            html.reserveCapacity(inline.count + 8)
            html.append(contentsOf: "<p>".utf8)
            html.append(contentsOf: inline)
            html.append(contentsOf: "</p>\n".utf8)
            return (html, inline)
        }
        let html = cmark(block, root: root, links: links)
        let inline = unwrapped(html)
        return (Array(html.utf8), inline == html ? nil : Array(inline.utf8))
    }

    private static func cmark(_ block: Block, root: String, links: [(offset: Int, length: Int, url: String, title: String)]) -> String {
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
        var html = html
        return html.withUTF8 { b -> String? in
            let n = b.count
            guard n >= 8, b[0] == 0x3C, b[1] == 0x70, b[2] == 0x3E,  // "<p>"
                  b[n - 5] == 0x3C, b[n - 4] == 0x2F, b[n - 3] == 0x70, b[n - 2] == 0x3E, b[n - 1] == 0x0A  // "</p>\n"
            else { return nil }
            // A second paragraph would open with "<p>" again (searched as bytes: Foundation's
            // `components(separatedBy:)` walked grapheme clusters).
            for i in 3..<(n - 2) where b[i] == 0x3C && b[i + 1] == 0x70 && b[i + 2] == 0x3E { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: b[3..<(n - 5)]), as: UTF8.self)
        } ?? html
    }
}
