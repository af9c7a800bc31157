import SiteModel
/// Paragraph reconstruction inside one flow (a section's main text, a sidebar…).
///
/// Blank lines mean nothing here (the extractor writes one after every line). A paragraph
/// ends where a line ends a sentence and is visibly short, or where the next line is
/// visibly indented (first lines of paragraphs are set about 2 em in, so they come out
/// narrower than the column). Floats (sidebars, figures, captions) met inside an unfinished
/// sentence wait until the paragraph ends, so the sentence is rejoined around them.
struct Paragraph {
    var lines: [SourceLine]
    var text: String { Reflow.join(lines) }
}

/// Where a later source line starts inside a joined paragraph (the upstream model's
/// `Block.lineStarts`: offset in Unicode scalars, 1-based seed line).
public struct JoinedLineStart: Hashable, Sendable {
    public var offset: Int
    public var line: Int
}

enum FlowPiece {
    case paragraph(Paragraph)
    case float(Float)
}

enum Reflow {
    /// Joins line texts: CJK without spaces; a space between two ASCII words; between a
    /// number/Latin word and CJK only when this paragraph spaces them elsewhere (`2020 年`).
    static func join(_ lines: [SourceLine]) -> String { joinWithStarts(lines).text }

    /// The joined text and, for each line after the first, the scalar offset where it starts.
    static func joinWithStarts(_ lines: [SourceLine]) -> (text: String, starts: [JoinedLineStart]) {
        guard var out = lines.first?.text else { return ("", []) }
        if lines.count == 1 { return (out, []) }
        var starts: [JoinedLineStart] = []
        var scalars = ScalarText.scalarCount(out)
        let spaced = prefersSpacedLatin(lines)
        for l in lines.dropFirst() {
            let b = l.text
            defer { scalars += ScalarText.scalarCount(b) }
            guard let a = out.last, let f = b.first else {
                starts.append(JoinedLineStart(offset: scalars, line: l.number))
                out += b
                continue
            }
            let aw = TextRules.isASCIIWordChar(a) || a.asciiValue == UInt8(ascii: "%")
            let bw = TextRules.isASCIIWordChar(f)
            if aw && bw {
                out += " "
                scalars += 1
            } else if spaced && ((aw && TextRules.isCJK(f)) || (TextRules.isCJK(a) && bw)) {
                out += " "
                scalars += 1
            }
            starts.append(JoinedLineStart(offset: scalars, line: l.number))
            out += b
        }
        return (out, starts)
    }

    /// Does the text write `2020 年` rather than `2020年`?
    static func prefersSpacedLatin(_ lines: [SourceLine]) -> Bool {
        var spaced = 0, tight = 0
        // Scalar classes read off the UTF-8 lead bytes (ASCII letters and digits, `TextRules.isCJK`
        // ideographs: U+3400–9FFF, U+F900–FAFF), without decoding.
        let other: UInt8 = 0, word: UInt8 = 1, cjk: UInt8 = 2, space: UInt8 = 3
        func mixed(_ a: UInt8, _ b: UInt8) -> Bool { (a == word && b == cjk) || (a == cjk && b == word) }
        for l in lines {
            var text = l.text
            text.withUTF8 { bytes in
                // Each pair of neighbouring scalars `a` `b`, with the class of the scalar after them.
                var a: UInt8?, b: UInt8?
                func pair(_ a: UInt8, _ b: UInt8, _ c: UInt8?) {
                    if mixed(a, b) {
                        tight += 1
                    } else if b == space, let c, mixed(a, c) {
                        spaced += 1
                    }
                }
                var i = 0
                while i < bytes.count {
                    let b0 = bytes[i]
                    let c: UInt8
                    switch b0 {
                    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: c = word
                    case 0x20: c = space
                    case 0xE4...0xE9: c = cjk
                    case 0xE3: c = bytes[i + 1] >= 0x90 ? cjk : other
                    case 0xEF: c = (0xA4...0xAB).contains(bytes[i + 1]) ? cjk : other
                    default: c = other
                    }
                    if let a, let b { pair(a, b, c) }
                    a = b
                    b = c
                    i += b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4
                }
                if let a, let b { pair(a, b, nil) }
            }
        }
        return spaced > tight
    }

    /// Markers that always start a new paragraph when the previous line ended one.
    static func startsListItem(_ t: String) -> Bool {
        if t.utf8HasPrefix("——") || t.utf8HasPrefix("*") || t.utf8HasPrefix("■") || t.utf8HasPrefix("●")
            || t.utf8HasPrefix("▲") { return true }
        if TextRules.partNumbering(t) != nil { return true }
        if TextRules.sectionNumbering(t) != nil { return true }
        if let (_, rest) = TextRules.leadingInt(t), rest.utf8HasPrefix(".") || rest.utf8HasPrefix("、") || rest.utf8HasPrefix("．") {
            return true
        }
        return false
    }

    /// `营商环境持续优化。中国将…`: a run-in heading, the way main-text paragraphs open here.
    static func startsWithRunInHeading(_ t: String) -> Bool {
        var count = 0
        var it = t.unicodeScalars.makeIterator()
        while let u = it.next() {
            if u == "。" { return (2...16).contains(count) && it.next() != nil }
            if count >= 16 || ScalarText.isWhitespace(u) { return false }
            switch u {
            case "，", "；", "：", "、", "“", "”", "《", "》", "（", "）": return false
            default: count += 1
            }
        }
        return false
    }

    /// Decides whether `b` starts a new paragraph after `a` in a column `col` em wide.
    static func breaks(_ a: SourceLine, _ b: SourceLine, col: Double, first: SourceLine? = nil) -> Bool {
        let ends = TextRules.endsParagraphish(a.text)
        if startsListItem(b.text) {
            if ends { return true }
            // Sibling items of a list without punctuation (`二、…` after `一、…`).
            if let first, startsListItem(first.text), TextRules.partNumbering(first.text) != nil || first.text.utf8HasPrefix("——") {
                return true
            }
        }
        guard ends else { return false }
        // Strict comparisons: Latin text makes widths jitter by about ±1 em, and a tie is
        // more often a full line than a paragraph end (measured on the seed).
        if a.width < col - 2 { return true }
        if b.width < col - 1.5 { return true }
        return false
    }

    /// Column width at each line: the upper quartile of widths within ±6 lines of the same
    /// flow (most lines are full; short paragraph ends and a few tightly set lines are not).
    static func columnWidths(_ lines: [SourceLine]) -> [Double] {
        let widths = lines.map(\.width)
        var window: [Double] = []
        window.reserveCapacity(13)
        return widths.indices.map { i in
            window.removeAll(keepingCapacity: true)
            for w in widths[max(0, i - 6)...min(widths.count - 1, i + 6)] {   // insertion sort: 13 values
                var j = window.count
                window.append(w)
                while j > 0, window[j - 1] > w {
                    window[j] = window[j - 1]
                    j -= 1
                }
                window[j] = w
            }
            return window[(window.count - 1) * 3 / 4]
        }
    }

    /// Builds the paragraphs and floats of one flow in reading order.
    static func flow(_ items: [Item]) -> [FlowPiece] {
        let flowLines = items.compactMap { if case .line(let l) = $0 { l } else { nil } }
        let cols = columnWidths(flowLines)
        // Paragraphs grow line by line, so `out` refers to them by index until the end
        // (storing copies would copy each paragraph's lines once per line).
        enum Slot { case paragraph(Int), float(Float) }
        var out: [Slot] = []
        var paras: [Paragraph] = []
        var open: Int? = nil
        var suspended: Int? = nil
        var deferred: [Float] = []
        var lineNo = 0
        var interrupted = false   // a float came between the open paragraph's last line and this one

        func place(_ p: Paragraph) -> Int {
            paras.append(p)
            out.append(.paragraph(paras.count - 1))
            return paras.count - 1
        }
        func append(_ i: Int, _ l: SourceLine) {
            paras[i].lines.append(l)
        }
        // A new paragraph after an interrupted one: the waiting floats go between them.
        func startAfterInterruption(_ l: SourceLine) -> Int {
            let idx = place(Paragraph(lines: [l]))
            if !deferred.isEmpty {
                let p = out.removeLast()
                for f in deferred { out.append(.float(f)) }
                out.append(p)
                deferred.removeAll()
            }
            return idx
        }
        func flush() {
            for f in deferred { out.append(.float(f)) }
            deferred.removeAll()
        }

        for item in items {
            switch item {
            case .float(let f):
                if let o = open, let last = paras[o].lines.last, !TextRules.endsParagraphish(last.text) {
                    deferred.append(f)
                    interrupted = true
                } else {
                    open = nil
                    flush()
                    out.append(.float(f))
                }
            case .line(let l):
                let col = cols[lineNo]
                lineNo += 1
                defer { interrupted = false }
                if let o = open, let a = paras[o].lines.last {
                    if breaks(a, l, col: col, first: paras[o].lines.first) {
                        open = startAfterInterruption(l)
                    } else if !TextRules.endsParagraphish(a.text), l.frameStart || interrupted,
                              l.width < col - 1, startsWithRunInHeading(l.text) {
                        // The unfinished paragraph goes on after this one (columns out of order).
                        suspended = o
                        open = startAfterInterruption(l)
                    } else {
                        append(o, l)
                    }
                } else if let s = suspended, l.width >= col - 1.5, !startsWithRunInHeading(l.text) {
                    suspended = nil
                    append(s, l)
                    open = s
                } else {
                    flush()
                    open = place(Paragraph(lines: [l]))
                }
            }
        }
        flush()
        return out.map {
            switch $0 {
            case .paragraph(let i): .paragraph(paras[i])
            case .float(let f): .float(f)
            }
        }
    }
}
