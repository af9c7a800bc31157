import SiteModel
import Foundation

/// The publisher's corrections file: what the text alone cannot decide, anchored on text.
///
/// Format, one directive a line, `#` starts a comment, anchors in double quotes:
///
///     move "FIRST" [through "LAST"] before "TARGET"
///         Lines from the one containing FIRST through the one containing LAST (default: just
///         that line) are moved before the line containing TARGET. For columns the extractor
///         emitted out of order. Source line numbers travel with the lines.
///     sidebar-ends "INSIDE" before "NEXT"
///         The sidebar that contains INSIDE ends before the line containing NEXT.
///     not-sidebar-title "TEXT"
///         The line containing TEXT is not the title of an unlabelled sidebar.
///     replace "OLD" with "NEW"
///         A misprint in the source (a swapped character): OLD, found in exactly one line,
///         becomes NEW in that line.
///
/// Every anchor must occur in exactly one line of the seed, else it is an error naming the
/// corrections file and line. Directives are resolved to source line numbers once.
struct Corrections: Sendable {
    enum Directive: Sendable {
        case move(first: String, last: String?, target: String)
        case sidebarEnds(inside: String, next: String)
        case notSidebarTitle(String)
        case replace(String, with: String)
    }

    struct Entry: Sendable {
        var line: Int
        var directive: Directive
    }

    var path: String
    var entries: [Entry] = []

    /// Resolved effects, keyed by source line number.
    struct Resolved: Sendable {
        var sidebarEndsBefore: Set<Int> = []
        var notSidebarTitle: Set<Int> = []
        var applied = 0
    }

    static func parse(path: String, text: String) -> (Corrections, [Diagnostic]) {
        var c = Corrections(path: path)
        var diags: [Diagnostic] = []
        var lineNo = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNo += 1
            let line = raw.trimmingSpaces()
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let tokens = tokenize(String(line)) else {
                diags.append(.error(path, line: lineNo, "unterminated quoted anchor"))
                continue
            }
            let words = tokens.map { $0.quoted ? "\"" : $0.text }
            let q = tokens.filter(\.quoted).map(\.text)
            switch words {
            case ["move", "\"", "before", "\""]:
                c.entries.append(Entry(line: lineNo, directive: .move(first: q[0], last: nil, target: q[1])))
            case ["move", "\"", "through", "\"", "before", "\""]:
                c.entries.append(Entry(line: lineNo, directive: .move(first: q[0], last: q[1], target: q[2])))
            case ["sidebar-ends", "\"", "before", "\""]:
                c.entries.append(Entry(line: lineNo, directive: .sidebarEnds(inside: q[0], next: q[1])))
            case ["replace", "\"", "with", "\""]:
                c.entries.append(Entry(line: lineNo, directive: .replace(q[0], with: q[1])))
            case ["not-sidebar-title", "\""]:
                c.entries.append(Entry(line: lineNo, directive: .notSidebarTitle(q[0])))
            default:
                diags.append(.error(path, line: lineNo, "unknown correction '\(line)'",
                                    hint: "expected move / sidebar-ends / not-sidebar-title / replace with quoted anchors"))
            }
        }
        return (c, diags)
    }

    private struct Token { var text: String; var quoted: Bool }

    private static func tokenize(_ s: String) -> [Token]? {
        var out: [Token] = []
        var i = s.startIndex
        while i < s.endIndex {
            let ch = s[i]
            if ch.isWhitespace { i = s.index(after: i); continue }
            if ch == "\"" {
                let start = s.index(after: i)
                guard let end = s[start...].firstIndex(of: "\"") else { return nil }
                out.append(Token(text: String(s[start..<end]), quoted: true))
                i = s.index(after: end)
            } else {
                let end = s[i...].firstIndex(where: { $0.isWhitespace || $0 == "\"" }) ?? s.endIndex
                out.append(Token(text: String(s[i..<end]), quoted: false))
                i = end
            }
        }
        return out
    }

    /// Applies moves to `lines` and resolves the other directives.
    func apply(to lines: inout [SourceLine]) -> (Resolved, [Diagnostic]) {
        var resolved = Resolved()
        var diags: [Diagnostic] = []

        // Every anchor is searched once over all lines joined, rebuilt after each edit.
        var joined = JoinedLines(lines)
        func find(_ anchor: String, _ entry: Entry) -> Int? {
            let hits = joined.lines(containing: Array(anchor.utf8))
            if hits.count == 1 { return hits[0] }
            let what = hits.isEmpty ? "not found in the seed"
                : "found \(hits.count) times in the seed (lines \(hits.prefix(4).map { String(lines[$0].number) }.joined(separator: ", ")))"
            diags.append(.error(path, line: entry.line, "anchor \"\(anchor)\" \(what)",
                                hint: "anchors must match exactly one line; quote more of the line"))
            return nil
        }

        for entry in entries {
            switch entry.directive {
            case let .move(first, last, target):
                guard let a = find(first, entry) else { continue }
                let b = last.map { find($0, entry) } ?? a
                guard let b, let t = find(target, entry) else { continue }
                guard a <= b else {
                    diags.append(.error(path, line: entry.line, "\"\(last ?? first)\" comes before \"\(first)\""))
                    continue
                }
                guard t < a || t > b else {
                    diags.append(.error(path, line: entry.line, "move target lies inside the moved block"))
                    continue
                }
                let block = Array(lines[a...b])
                lines.removeSubrange(a...b)
                let insertAt = t > b ? t - block.count : t
                lines.insert(contentsOf: block, at: insertAt)
                joined = JoinedLines(lines)
                resolved.applied += 1
            case let .sidebarEnds(inside, next):
                guard find(inside, entry) != nil, let n = find(next, entry) else { continue }
                resolved.sidebarEndsBefore.insert(lines[n].number)
                resolved.applied += 1
            case let .replace(old, new):
                guard let n = find(old, entry) else { continue }
                lines[n].text = lines[n].text.replacingOccurrences(of: old, with: new)
                lines[n].width = TextRules.width(lines[n].text)
                joined = JoinedLines(lines)
                resolved.applied += 1
            case let .notSidebarTitle(text):
                guard let n = find(text, entry) else { continue }
                resolved.notSidebarTitle.insert(lines[n].number)
                resolved.applied += 1
            }
        }
        return (resolved, diags)
    }
}

/// The lines' UTF-8 joined by newlines, and where each line starts: an anchor is searched in
/// one pass over the text rather than line by line.
private struct JoinedLines {
    var bytes: [UInt8] = []
    var starts: [Int] = []

    init(_ lines: [SourceLine]) {
        bytes.reserveCapacity(lines.reduce(0) { $0 + $1.text.utf8.count + 1 })
        starts.reserveCapacity(lines.count)
        for l in lines {
            starts.append(bytes.count)
            var text = l.text
            text.withUTF8 { bytes.append(contentsOf: $0) }
            bytes.append(0x0A)
        }
    }

    /// Indexes of the lines holding `needle`, ascending (every line for an empty needle).
    /// Horspool search; a needle never holds a newline, so a match never spans two lines.
    func lines(containing needle: [UInt8]) -> [Int] {
        let m = needle.count
        guard m > 0 else { return Array(starts.indices) }
        var shift = [Int](repeating: m, count: 256)
        for i in 0..<(m - 1) { shift[Int(needle[i])] = m - 1 - i }
        var hits: [Int] = []
        var pos = 0
        while pos + m <= bytes.count {
            let c = bytes[pos + m - 1]
            if c == needle[m - 1], bytes[pos..<(pos + m - 1)].elementsEqual(needle[..<(m - 1)]) {
                let line = lineIndex(at: pos)
                hits.append(line)
                pos = line + 1 < starts.count ? starts[line + 1] : bytes.count   // one hit per line
                continue
            }
            pos += shift[Int(c)]
        }
        return hits
    }

    /// The line holding byte offset `pos`: the last start at or before it.
    private func lineIndex(at pos: Int) -> Int {
        var lo = 0, hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= pos { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }
}
