#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import CCmark

/// A parsed CommonMark document (libcmark). Owns the C tree; every `MarkdownNode` keeps its
/// tree alive, so nodes are safe to hold. Always parsed with source positions.
public final class MarkdownTree {
    let root: OpaquePointer

    public init(_ markdown: String) {
        // NORMALIZE merges adjacent text nodes (cmark splits them at escapes), so a name is one node.
        let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_NORMALIZE
        var text = markdown
        root = text.withUTF8 { buf in
            buf.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, options) }
        }
    }

    deinit { cmark_node_free(root) }

    public var document: MarkdownNode { MarkdownNode(root, tree: self) }
}

/// A borrowed node of a `MarkdownTree`.
public struct MarkdownNode {
    public enum Kind: Equatable {
        case document, blockQuote, list, item, codeBlock, htmlBlock, customBlock, paragraph, heading
        case thematicBreak, text, softBreak, lineBreak, code, htmlInline, customInline
        case emphasis, strong, link, image, none
    }

    let pointer: OpaquePointer
    let tree: MarkdownTree
    init(_ pointer: OpaquePointer, tree: MarkdownTree) {
        self.pointer = pointer
        self.tree = tree
    }

    public var kind: Kind {
        switch cmark_node_get_type(pointer) {
        case CMARK_NODE_DOCUMENT: .document
        case CMARK_NODE_BLOCK_QUOTE: .blockQuote
        case CMARK_NODE_LIST: .list
        case CMARK_NODE_ITEM: .item
        case CMARK_NODE_CODE_BLOCK: .codeBlock
        case CMARK_NODE_HTML_BLOCK: .htmlBlock
        case CMARK_NODE_CUSTOM_BLOCK: .customBlock
        case CMARK_NODE_PARAGRAPH: .paragraph
        case CMARK_NODE_HEADING: .heading
        case CMARK_NODE_THEMATIC_BREAK: .thematicBreak
        case CMARK_NODE_TEXT: .text
        case CMARK_NODE_SOFTBREAK: .softBreak
        case CMARK_NODE_LINEBREAK: .lineBreak
        case CMARK_NODE_CODE: .code
        case CMARK_NODE_HTML_INLINE: .htmlInline
        case CMARK_NODE_CUSTOM_INLINE: .customInline
        case CMARK_NODE_EMPH: .emphasis
        case CMARK_NODE_STRONG: .strong
        case CMARK_NODE_LINK: .link
        case CMARK_NODE_IMAGE: .image
        default: .none
        }
    }

    public var children: [MarkdownNode] {
        var out: [MarkdownNode] = []
        var child = cmark_node_first_child(pointer)
        while let c = child {
            out.append(MarkdownNode(c, tree: tree))
            child = cmark_node_next(c)
        }
        return out
    }

    public var literal: String? { cmark_node_get_literal(pointer).map { String(cString: $0) } }
    public var url: String? { cmark_node_get_url(pointer).map { String(cString: $0) } }
    public var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }

    /// 1-based source line; columns are 1-based byte offsets within that line.
    public var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    public var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }
    public var endLine: Int { Int(cmark_node_get_end_line(pointer)) }

    /// The node's text with markup removed; a line break inside a paragraph joins the lines with
    /// nothing between CJK characters and with one space elsewhere, as a reader would join them.
    public var plainText: String {
        var pieces: [String?] = []  // nil marks a line break
        collectText(into: &pieces)
        var out = ""
        for (i, piece) in pieces.enumerated() {
            if let piece { out += piece; continue }
            let next = pieces[(i + 1)...].lazy.compactMap { $0?.first }.first
            if let b = out.last, let a = next, !b.isWideCharacter, !a.isWideCharacter, b != " " {
                out += " "
            }
        }
        return out
    }

    private func collectText(into pieces: inout [String?]) {
        switch kind {
        case .text, .code: pieces.append(literal ?? "")
        case .softBreak, .lineBreak: pieces.append(nil)
        case .image, .htmlInline, .htmlBlock: return
        default: for c in children { c.collectText(into: &pieces) }
        }
    }

    /// Replaces a text node's literal (used to strip a printed label off an item).
    public func setLiteral(_ text: String) { _ = cmark_node_set_literal(pointer, text) }

    public func setURL(_ url: String) { _ = cmark_node_set_url(pointer, url) }

    /// Every node below this one, depth first.
    public var descendants: [MarkdownNode] {
        // Walked with libcmark's own links, depth first (no array per level).
        var out: [MarkdownNode] = []
        var node = cmark_node_first_child(pointer)
        while let n = node {
            out.append(MarkdownNode(n, tree: tree))
            if let down = cmark_node_first_child(n) {
                node = down
                continue
            }
            var up: OpaquePointer? = n
            while let u = up, u != pointer {
                if let next = cmark_node_next(u) { node = next; break }
                up = cmark_node_parent(u)
                node = nil
            }
            if up == pointer { node = nil }
        }
        return out
    }

    /// Wraps character ranges of the text (Unicode-scalar offsets into `plainText`) in links.
    /// A range that crosses markup (half inside emphasis) is left alone rather than broken.
    public func addLinks(_ links: [(offset: Int, length: Int, url: String, title: String)]) {
        guard !links.isEmpty else { return }
        var position = 0
        var pending = links.sorted { $0.offset < $1.offset }[...]
        for node in descendants {
            switch node.kind {
            case .softBreak, .lineBreak:
                position += node.breakWidth
            case .text:
                let literal = node.literal ?? ""
                let count = literal.unicodeScalars.count
                let start = position
                position += count
                var inside: [(Int, Int, String, String)] = []
                while let l = pending.first, l.offset < position {
                    pending = pending.dropFirst()
                    if l.offset >= start, l.offset + l.length <= position {
                        inside.append((l.offset - start, l.length, l.url, l.title))
                    }
                }
                if !inside.isEmpty { node.split(literal, scalarCount: count, links: inside) }
            case .code:
                position += (node.literal ?? "").unicodeScalars.count
            default:
                break
            }
        }
    }

    /// The width a soft break has in `plainText`: a space between two non-wide characters.
    private var breakWidth: Int {
        guard let prev = cmark_node_previous(pointer), let next = cmark_node_next(pointer) else { return 0 }
        let before = MarkdownNode(prev, tree: tree).plainText.last
        let after = MarkdownNode(next, tree: tree).plainText.first
        if let b = before, let a = after, !b.isWideCharacter, !a.isWideCharacter, b != " " { return 1 }
        return 0
    }

    /// Replaces this text node with text and link nodes. Offsets count Unicode scalars; the
    /// pieces are cut from the literal's UTF-8 (appending scalar by scalar cost more than the
    /// rest of a page's rendering).
    private func split(_ literal: String, scalarCount: Int, links: [(Int, Int, String, String)]) {
        let bytes = Array(literal.utf8)
        // Scalar offset → byte offset, walking forward only: pieces come in order.
        var scalar = 0, byte = 0
        func byteOffset(_ target: Int) -> Int {
            while scalar < target, byte < bytes.count {
                byte += 1
                while byte < bytes.count, bytes[byte] & 0xC0 == 0x80 { byte += 1 }
                scalar += 1
            }
            return byte
        }
        func text(_ range: Range<Int>) -> OpaquePointer? {
            guard !range.isEmpty, let n = cmark_node_new(CMARK_NODE_TEXT) else { return nil }
            let from = byteOffset(range.lowerBound), to = byteOffset(range.upperBound)
            cmark_node_set_literal(n, String(decoding: bytes[from..<to], as: UTF8.self))
            return n
        }
        var cursor = 0
        for (offset, length, url, title) in links where offset >= cursor {
            if let t = text(cursor..<offset) { cmark_node_insert_before(pointer, t) }
            if let link = cmark_node_new(CMARK_NODE_LINK), let t = text(offset..<(offset + length)) {
                cmark_node_set_url(link, url)
                cmark_node_set_title(link, title)
                cmark_node_append_child(link, t)
                cmark_node_insert_before(pointer, link)
            }
            cursor = offset + length
        }
        if let t = text(cursor..<scalarCount) { cmark_node_insert_before(pointer, t) }
        remove()
    }

    /// Removes the node from its tree and frees it.
    public func remove() {
        cmark_node_unlink(pointer)
        cmark_node_free(pointer)
    }

    /// The node (and its subtree) as normalised CommonMark, without line wrapping.
    public var commonMark: String { render { cmark_render_commonmark($0, CMARK_OPT_DEFAULT, 0) } }

    /// The node as HTML in libcmark's safe mode (raw HTML and unsafe URLs are dropped).
    public var html: String { render { cmark_render_html($0, CMARK_OPT_SAFE) } }

    private func render(_ f: (OpaquePointer) -> UnsafeMutablePointer<CChar>?) -> String {
        guard let c = f(pointer) else { return "" }
        defer { free(c) }
        return String(cString: c)
    }
}

extension Character {
    /// CJK ideographs, kana, hangul and full-width punctuation: no space is put between them.
    public var isWideCharacter: Bool {
        guard let v = unicodeScalars.first?.value else { return false }
        return (0x2E80...0x9FFF).contains(v) || (0xAC00...0xD7AF).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFFEF).contains(v) || (0x20000...0x2FFFF).contains(v)
            || v == 0x201C || v == 0x201D || v == 0x2018 || v == 0x2019 || v == 0x2014 || v == 0x2026
    }
}
