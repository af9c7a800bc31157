/// libcmark's HTML for a paragraph with no markup, written without libcmark.
///
/// Most paragraphs of a reflowed report are one line of CJK text with no character CommonMark
/// gives a meaning to; parsing, splicing links into and rendering each one through libcmark
/// cost ~70 K instructions a paragraph. For such a line libcmark's output is known exactly:
/// `<p>`, the text, `</p>` and a newline, with each link as `<a href="url" title="title">`.
/// Anything else — markup, characters HTML escapes, line breaks, edge whitespace, a line that
/// could open a list, a URL or title with characters libcmark would escape — returns nil, and
/// the caller goes through libcmark. Tests compare the two on the seeds and on random text.
public enum PlainParagraph {
    /// The paragraph's content as HTML (UTF-8 of what goes between `<p>` and `</p>\n`), or nil when the
    /// text needs libcmark. `links` are as for
    /// `MarkdownNode.addLinks`: Unicode-scalar offsets into the text, applied in offset order,
    /// a link overlapping an earlier one or running past the end left out.
    public static func inlineHTML(_ text: String, links: [(offset: Int, length: Int, url: String, title: String)] = []) -> [UInt8]? {
        var text = text
        return text.withUTF8 { bytes -> [UInt8]? in
            guard let scalarCount = plainScalarCount(bytes) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + links.count * 64)
            var cursor = 0  // in bytes
            var scalar = 0, byte = 0
            // Scalar offset → byte offset, walking forward only (links come sorted).
            func byteOffset(_ target: Int) -> Int? {
                while scalar < target, byte < bytes.count {
                    byte += 1
                    while byte < bytes.count, bytes[byte] & 0xC0 == 0x80 { byte += 1 }
                    scalar += 1
                }
                return scalar == target ? byte : nil
            }
            var scalarCursor = 0
            for link in links.sorted(by: { $0.offset < $1.offset }) where link.offset >= scalarCursor {
                // As `addLinks`: links from the end of the text on are never reached; one that
                // runs past the end is left out.
                if link.offset >= scalarCount { break }
                if link.offset + link.length > scalarCount { continue }
                guard safeURL(link.url), safeTitle(link.title),
                      let from = byteOffset(link.offset), let to = byteOffset(link.offset + link.length) else { return nil }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cursor..<from]))
                if link.length > 0 {
                    out.append(contentsOf: "<a href=\"".utf8)
                    out.append(contentsOf: link.url.utf8)
                    if !link.title.isEmpty {
                        out.append(contentsOf: "\" title=\"".utf8)
                        out.append(contentsOf: link.title.utf8)
                    }
                    out.append(contentsOf: "\">".utf8)
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[from..<to]))
                    out.append(contentsOf: "</a>".utf8)
                }
                cursor = to
                scalarCursor = link.offset + link.length
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cursor...]))
            return out
        }
    }

    /// The text's length in Unicode scalars if it is one line, with no edge whitespace, no byte
    /// that CommonMark or HTML escaping acts on, and no opening that makes a block other than a
    /// paragraph; nil otherwise.
    static func plainScalarCount(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = b.first, let last = b.last, !isEdgeSpace(first), !isEdgeSpace(last) else { return nil }
        var scalars = 0
        for c in b {
            if c < 0x80 {
                let bit = UInt64(1) << (c & 63)
                guard (c < 64 ? plainLow : plainHigh) & bit != 0 else { return nil }
            }
            if c & 0xC0 != 0x80 { scalars += 1 }
        }
        // Digits then "." or ")" may open an ordered list; "+", "-", "=" a list, a rule or a
        // heading underline; "~" a code fence; "|" and ":" are plain but kept out of openings.
        if first >= 0x30 && first <= 0x39 {
            var i = 0
            while i < b.count, b[i] >= 0x30 && b[i] <= 0x39 { i += 1 }
            if i < b.count, b[i] == 0x2E || b[i] == 0x29 { return nil }
        }
        let opensParagraph = first >= 0x80 || (first >= 0x30 && first <= 0x39) || isLetter(first) || first == 0x28  // "("
        return opensParagraph ? scalars : nil
    }

    private static func isEdgeSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }
    private static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }

    /// ASCII that stays itself in libcmark's HTML whatever surrounds it: letters, digits, space
    /// and punctuation with no CommonMark meaning inside a line (not \ ` * _ [ ] < > ! & " ' #),
    /// as bit masks of the byte values 0–63 and 64–127.
    private static let plainLow: UInt64 = mask(" 0123456789,.;:?%()/-+=$", offset: 0)
    private static let plainHigh: UInt64 = mask("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz~@^{}|", offset: 64)

    private static func mask(_ chars: String, offset: UInt8) -> UInt64 {
        chars.utf8.reduce(0) { $0 | UInt64(1) << ($1 - offset) }
    }

    /// Characters libcmark's href escaping leaves as they are, and no scheme (so nothing safe
    /// mode would drop): site-relative paths and fragments.
    private static func safeURL(_ url: String) -> Bool {
        url.utf8.allSatisfy { c in c >= 0x30 && c <= 0x39 || isLetter(c) || c == 0x2D || c == 0x5F || c == 0x2E || c == 0x2F || c == 0x23 }
    }

    /// A title with nothing HTML escaping changes.
    private static func safeTitle(_ title: String) -> Bool {
        title.utf8.allSatisfy { c in c >= 0x80 || (c >= 0x20 && c != 0x26 && c != 0x3C && c != 0x3E && c != 0x22 && c != 0x27 && c != 0x7F) }
    }
}
