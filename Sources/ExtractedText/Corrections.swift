import SiteModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

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

        // Every anchor is searched once over all lines joined; moves and replacements are
        // mirrored in `joined` rather than joining the lines again.
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
                Self.move(&lines, a...b, before: t)
                Self.move(&joined.order, a...b, before: t)
                resolved.applied += 1
            case let .sidebarEnds(inside, next):
                guard find(inside, entry) != nil, let n = find(next, entry) else { continue }
                resolved.sidebarEndsBefore.insert(lines[n].number)
                resolved.applied += 1
            case let .replace(old, new):
                guard let n = find(old, entry) else { continue }
                lines[n].text = lines[n].text.replacingOccurrences(of: old, with: new)
                lines[n].width = TextRules.width(lines[n].text)
                joined.replaceLine(at: n, with: lines[n].text)
                resolved.applied += 1
            case let .notSidebarTitle(text):
                guard let n = find(text, entry) else { continue }
                resolved.notSidebarTitle.insert(lines[n].number)
                resolved.applied += 1
            }
        }
        return (resolved, diags)
    }

    /// Moves `block` to stand before index `target` (outside the block).
    private static func move<T>(_ items: inout [T], _ block: ClosedRange<Int>, before target: Int) {
        let moved = Array(items[block])
        items.removeSubrange(block)
        items.insert(contentsOf: moved, at: target > block.upperBound ? target - moved.count : target)
    }
}

/// The lines' UTF-8 joined by newlines, and where each line starts: an anchor is searched in
/// one pass over the text rather than line by line.
private struct JoinedLines {
    private var bytes: [UInt8] = []
    /// Byte offset of each line as first joined.
    private var starts: [Int] = []
    /// For each line as it stands now, its index as first joined (moves reorder only this).
    var order: [Int]
    /// Byte counts of the text as first joined: an anchor is looked for by its rarest byte.
    private var frequency = [Int](repeating: 0, count: 256)

    init(_ lines: [SourceLine]) {
        order = Array(lines.indices)
        bytes.reserveCapacity(lines.reduce(0) { $0 + $1.text.utf8.count + 1 })
        starts.reserveCapacity(lines.count)
        for l in lines {
            starts.append(bytes.count)
            var text = l.text
            text.withUTF8 { bytes.append(contentsOf: $0) }
            bytes.append(0x0A)
        }
        for b in bytes { frequency[Int(b)] += 1 }
    }

    /// Indexes (as the lines stand now) of the lines holding `needle`, ascending; every line
    /// for an empty needle.
    func lines(containing needle: [UInt8]) -> [Int] {
        guard !needle.isEmpty else { return Array(order.indices) }
        let hits = joinedLines(containing: needle)
        guard !hits.isEmpty else { return [] }
        var now = [Int](repeating: 0, count: order.count)
        for (i, o) in order.enumerated() { now[o] = i }
        return hits.map { now[$0] }.sorted()
    }

    /// The text of the line now at `index` becomes `text`.
    mutating func replaceLine(at index: Int, with text: String) {
        let o = order[index]
        let start = starts[o], end = (o + 1 < starts.count ? starts[o + 1] : bytes.count) - 1
        var text = text
        let new = text.withUTF8 { Array($0) }
        bytes.replaceSubrange(start..<end, with: new)
        let shift = new.count - (end - start)
        for k in (o + 1)..<starts.count { starts[k] += shift }
    }

    /// Joined indexes of the lines holding `needle`, ascending. memchr finds the needle's
    /// rarest byte (UTF-8 of CJK text repeats a few lead bytes everywhere), memcmp checks the
    /// rest. A needle never holds a newline, so a match never spans two lines.
    private func joinedLines(containing needle: [UInt8]) -> [Int] {
        let m = needle.count
        let k = needle.indices.min { frequency[Int(needle[$0])] < frequency[Int(needle[$1])] }!
        var hits: [Int] = []
        bytes.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { nd in
                guard let base = hay.baseAddress, let pattern = nd.baseAddress else { return }
                var from = k   // the rare byte at offset p means a match starting at p - k
                while from < hay.count, let found = memchr(base + from, Int32(needle[k]), hay.count - from) {
                    let p = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    let start = p - k
                    guard start + m <= hay.count, memcmp(base + start, pattern, m) == 0 else {
                        from = p + 1
                        continue
                    }
                    let line = lineIndex(at: start)
                    hits.append(line)
                    from = (line + 1 < starts.count ? starts[line + 1] : hay.count) + k   // one hit per line
                }
            }
        }
        return hits
    }

    /// The joined line holding byte offset `pos`: the last start at or before it.
    private func lineIndex(at pos: Int) -> Int {
        var lo = 0, hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= pos { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }
}
