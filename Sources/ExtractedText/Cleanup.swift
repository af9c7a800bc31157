import SiteModel
/// Line classification: what each non-blank line is, before any outline decision.
/// Everything here looks at one line and its immediate neighbours only.
enum HeadingKind: Hashable, Sendable {
    case preface, outlook, appendixMarker, chronicle, acknowledgements, contributors
    /// `一、标题` — a part, or a list item inside a sidebar (the router decides).
    case part(Int, String)
    /// `（一）标题`.
    case section(Int, String)
}

enum NoiseKind: String, Hashable, Sendable {
    case verticalText, glyph, runningHeader, pageNumber, tableOfContents, duplicateCaption, photoSource
}

enum LineKind: Hashable, Sendable {
    case text
    case noise(NoiseKind)
    /// `（转下页）` / `（接上页）`.
    case continuesOnNextPage, continuedFromPreviousPage
    case sidebarLabel(part: Int, number: Int)
    /// Index into `Cleaned.figures`.
    case figureCaption(Int)
    case figureMaterial(Int)
    case photoCaption(caption: String, source: String)
    case footnote(String)
    case heading(HeadingKind)
    case chronicleEntry(seq: Int, month: Int, day: Int, rest: String)
}

struct CLine: Sendable {
    var line: SourceLine
    var kind: LineKind
    /// Estimated width of the main text column around this line.
    var mainWidth: Double = 40
}

struct TOCEntry: Sendable {
    var line: Int
    var partTitle: String?
    var section: (Int, String)?
    var page: Int?
}

struct Cleaned: Sendable {
    var lines: [CLine]
    var figures: [FigureRaw]
    /// Part number → title, read from running footers `第 3 部分  标题 43`.
    var footerPartTitles: [Int: String]
    var toc: [TOCEntry]
    var noiseCounts: [NoiseKind: Int]
    /// Running-header texts without their page numbers (`repeatedHeaderPrefixes`).
    var headerPrefixes: Set<String> = []
}

enum Cleanup {
    static func classify(_ lines: [SourceLine]) -> Cleaned {
        var out: [CLine] = []
        var figures: [FigureRaw] = []
        var footers: [Int: String] = [:]
        var toc: [TOCEntry] = []
        var glued: Set<Int> = []   // indexes in `out` of photo captions split off a text line

        // Pure per-line rules that are also asked about the next line: computed once each.
        let stripped = lines.map { stripPageNumber($0.text) }
        let tocEntries = lines.map { tocEntry($0.text, line: $0.number) }
        let headerPrefixes = repeatedHeaderPrefixes(stripped)
        let vertical = verticalRuns(lines)
        let n = lines.count
        var i = 0
        var figureOpen: Int? = nil      // figure whose material we are collecting
        var noteOpen = false

        func next(_ k: Int) -> SourceLine? { k + 1 < n ? lines[k + 1] : nil }

        while i < n {
            let l = lines[i]
            let t = l.text
            defer { i += 1 }

            if vertical.contains(i) { out.append(CLine(line: l, kind: .noise(.verticalText))); continue }
            if let (part, title) = footerPart(t) {
                footers[part] = footers[part] ?? title
                out.append(CLine(line: l, kind: .noise(.runningHeader)))
                continue
            }
            if isRunningHeader(stripped: stripped[i], prefixes: headerPrefixes, next: next(i)) {
                out.append(CLine(line: l, kind: .noise(.runningHeader)))
                continue
            }

            // Figure material: source, note, then chart debris until prose or structure resumes.
            if let f = figureOpen {
                if let s = FigureRules.sourceText(t), figures[f].source == nil {
                    figures[f].source = RawLine(line: l.number, text: s)
                    out.append(CLine(line: l, kind: .figureMaterial(f)))
                    noteOpen = false
                    continue
                }
                if let s = FigureRules.noteText(t) {
                    figures[f].note = RawLine(line: l.number, text: s)
                    out.append(CLine(line: l, kind: .figureMaterial(f)))
                    noteOpen = true
                    continue
                }
                if noteOpen, !l.frameStart, TextRules.endsSentence(t), TextRules.containsCJK(t),
                   var note = figures[f].note {
                    // A note wrapped onto a second line.
                    note.text += t
                    figures[f].note = note
                    out.append(CLine(line: l, kind: .figureMaterial(f)))
                    continue
                }
                noteOpen = false
                if !endsFigureMaterial(l, next: next(i)) {
                    figures[f].debris.append(RawLine(line: l.number, text: t))
                    out.append(CLine(line: l, kind: .figureMaterial(f)))
                    continue
                }
                figureOpen = nil
            }

            if t.utf8.count <= 4, t.count == 1 { out.append(CLine(line: l, kind: .noise(.glyph))); continue }
            if TextRules.isNumericDebris(t) { out.append(CLine(line: l, kind: .noise(.pageNumber))); continue }

            if let entry = tocEntries[i] {
                toc.append(entry)
                out.append(CLine(line: l, kind: .noise(.tableOfContents)))
                continue
            }
            if i + 1 < n, tocEntries[i + 1] != nil, isTitleShaped(t) {
                toc.append(TOCEntry(line: l.number, partTitle: TextRules.collapse(t)))
                out.append(CLine(line: l, kind: .noise(.tableOfContents)))
                continue
            }
            if let m = pageMarker(t) { out.append(CLine(line: l, kind: m)); continue }
            if let (p, m) = sidebarLabel(t) { out.append(CLine(line: l, kind: .sidebarLabel(part: p, number: m))); continue }
            if let (p, m, cap) = FigureRules.caption(t) {
                figures.append(FigureRaw(id: "", label: "图 \(p)-\(m)", part: p, number: m, caption: cap,
                                         line: l.number, source: nil, note: nil, debris: []))
                figureOpen = figures.count - 1
                noteOpen = false
                out.append(CLine(line: l, kind: .figureCaption(figures.count - 1)))
                continue
            }
            if FigureRules.isPhotoSource(t) {
                out.append(CLine(line: l, kind: .noise(.photoSource)))
                continue
            }
            if let nx = next(i), FigureRules.isPhotoSource(nx.text) {
                let source = TextRules.collapse(nx.text)
                if let (before, caption) = splitGluedCaption(t) {
                    var textPart = l
                    textPart.text = before
                    textPart.width = TextRules.width(before)
                    out.append(CLine(line: textPart, kind: .text))
                    glued.insert(out.count)
                    out.append(CLine(line: l, kind: .photoCaption(caption: caption, source: source)))
                } else {
                    out.append(CLine(line: l, kind: .photoCaption(caption: TextRules.collapse(t), source: source)))
                }
                continue
            }
            if l.indent >= 3, let first = t.first, first.isASCII, first.isNumber, l.width >= 24 {
                out.append(CLine(line: l, kind: .footnote(t)))
                continue
            }
            if let h = heading(t, next: next(i)) { out.append(CLine(line: l, kind: .heading(h))); continue }
            if let e = chronicleEntry(t) {
                out.append(CLine(line: l, kind: .chronicleEntry(seq: e.0, month: e.1, day: e.2, rest: e.3)))
                continue
            }
            out.append(CLine(line: l, kind: .text))
        }

        // A footnote wrapped onto the next line: a short line ending a sentence right after it.
        for k in out.indices where k > 0 {
            if case .footnote(let ft) = out[k - 1].kind, case .text = out[k].kind,
               !TextRules.endsSentence(ft), TextRules.endsSentence(out[k].line.text), !out[k].line.frameStart {
                out[k - 1].kind = .footnote(ft + out[k].line.text)
                out[k].kind = .noise(.glyph)
            }
        }

        dropDuplicateCaptions(&out, glued: glued)
        estimateMainWidth(&out)

        var counts: [NoiseKind: Int] = [:]
        for c in out { if case .noise(let k) = c.kind { counts[k, default: 0] += 1 } }
        return Cleaned(lines: out, figures: figures, footerPartTitles: footers, toc: toc, noiseCounts: counts,
                       headerPrefixes: headerPrefixes)
    }

    // MARK: - Single-line rules

    /// `第 3 部分  携手同行的复苏之路 43` → (3, "携手同行的复苏之路").
    static func footerPart(_ t: String) -> (Int, String)? {
        guard t.utf8HasPrefix("第") else { return nil }
        let rest = t.dropFirst().drop { $0 == " " }
        guard let (n, afterN) = TextRules.leadingInt(rest) else { return nil }
        let afterSpace = afterN.drop { $0 == " " }
        guard afterSpace.utf8HasPrefix("部分") else { return nil }
        var title = afterSpace.dropFirst(2).trimmingSpaces()
        // Drop the trailing page number.
        while let last = title.last, last.isASCII, last.isNumber { title = title.dropLast() }
        let clean = TextRules.collapse(title)
        return clean.isEmpty ? nil : (n, clean)
    }

    /// Lines that end in a page number and whose text without it recurs (report-title headers),
    /// or that repeat the next line plus a page number (`编写单位 95` over `编写单位`).
    static func isRunningHeader(stripped: String?, prefixes: Set<String>, next: SourceLine?) -> Bool {
        guard let p = stripped else { return false }
        if prefixes.contains(p) { return true }
        if let next, TextRules.collapse(next.text) == p { return true }
        return false
    }

    static func stripPageNumber(_ t: String) -> String? {
        var u = t.unicodeScalars[...]
        var digits = 0
        while let last = u.last, ("0"..."9").contains(last) {
            u.removeLast()
            digits += 1
        }
        // A mark before the digits belongs to the character it follows, a prepended mark takes
        // the first digit: decide by Characters then.
        if digits > 0, let before = u.last, ScalarText.mayJoinPrevious(before) || ScalarText.mayJoinNext(before) {
            return stripPageNumberByCharacters(t)
        }
        let s = Substring(u)
        guard (1...3).contains(digits), TextRules.containsCJK(s), !TextRules.hasProsePunctuation(s),
              let before = u.last, TextRules.isCJK(before) || before == " " || TextRules.isCloser(before)
        else { return nil }
        if sidebarLabel(t) != nil || FigureRules.caption(t) != nil { return nil }
        let p = TextRules.collapse(s)
        return p.isEmpty ? nil : p
    }

    private static func stripPageNumberByCharacters(_ t: String) -> String? {
        var s = Substring(t)
        var digits = 0
        while let last = s.last, last.isASCII, last.isNumber { s = s.dropLast(); digits += 1 }
        guard (1...3).contains(digits), TextRules.containsCJK(s), !TextRules.hasProsePunctuation(s),
              let before = s.last, TextRules.isCJK(before) || before == " " || TextRules.isCloser(before)
        else { return nil }
        if sidebarLabel(t) != nil || FigureRules.caption(t) != nil { return nil }
        let p = TextRules.collapse(s)
        return p.isEmpty ? nil : p
    }

    /// `stripped`: `stripPageNumber` of every line.
    static func repeatedHeaderPrefixes(_ stripped: [String?]) -> Set<String> {
        var counts: [String: Int] = [:]
        for p in stripped { if let p { counts[p, default: 0] += 1 } }
        return Set(counts.filter { $0.value >= 2 }.keys)
    }

    /// Runs of two or more one-character lines with no blank between: vertical banner text.
    static func verticalRuns(_ lines: [SourceLine]) -> Set<Int> {
        var out: Set<Int> = []
        var k = 0
        while k < lines.count {
            guard isGlyph(lines[k].text) else { k += 1; continue }
            var j = k
            while j + 1 < lines.count, isGlyph(lines[j + 1].text), lines[j + 1].frameStart { j += 1 }
            if j > k { for x in k...j { out.insert(x) } }
            k = j + 1
        }
        return out
    }

    static func isGlyph(_ t: String) -> Bool { t.utf8.count <= 4 && t.count == 1 }

    /// `（一）双边合作不断迈上新台阶 / 2`.
    static func tocEntry(_ t: String, line: Int) -> TOCEntry? {
        guard ScalarText.contains(t, byte: UInt8(ascii: "/")), let slash = t.lastIndex(of: "/") else { return nil }
        let page = t[t.index(after: slash)...].trimmingSpaces()
        guard !page.isEmpty, page.allSatisfy({ $0.isASCII && $0.isNumber }), page.count <= 3 else { return nil }
        let title = TextRules.collapse(t[..<slash])
        guard TextRules.containsCJK(title) else { return nil }
        var e = TOCEntry(line: line, page: Int(page))
        if let s = TextRules.sectionNumbering(title) { e.section = s } else { e.partTitle = title }
        return e
    }

    static func pageMarker(_ t: String) -> LineKind? {
        guard t.utf8.count <= 24 else { return nil }
        // The line without surrounding spaces and brackets.
        var u = t.unicodeScalars[...]
        func trim(_ drop: (Unicode.Scalar) -> Bool) {
            while let f = u.first, drop(f) { u.removeFirst() }
            while let l = u.last, drop(l) { u.removeLast() }
        }
        trim(ScalarText.isWhitespace)
        trim { $0 == "（" || $0 == "(" || $0 == ")" || $0 == "）" }
        trim(ScalarText.isWhitespace)
        let inner = Substring(u)
        if inner.utf8Equals("转下页") || inner.utf8Equals("下转") || inner.utf8Equals("续下页") { return .continuesOnNextPage }
        if inner.utf8Equals("接上页") || inner.utf8Equals("上接") || inner.utf8Equals("续上页") { return .continuedFromPreviousPage }
        return nil
    }

    /// `专栏 3-12` alone on its line.
    static func sidebarLabel(_ t: String) -> (Int, Int)? {
        guard t.utf8HasPrefix("专栏") else { return nil }
        var rest = t.dropFirst(2).drop { $0 == " " }
        guard let (p, a) = TextRules.leadingInt(rest) else { return nil }
        rest = a.drop { $0 == " " }
        guard let d = rest.first, "-－—–".contains(d) else { return nil }
        rest = rest.dropFirst().drop { $0 == " " }
        guard let (m, tail) = TextRules.leadingInt(rest), tail.trimmingSpaces().isEmpty else { return nil }
        return (p, m)
    }

    /// A line that could be a heading or title: some CJK, no sentence punctuation, not too long.
    static func isTitleShaped(_ t: String) -> Bool {
        TextRules.containsCJK(t) && !TextRules.hasProsePunctuation(t) && TextRules.width(t) <= 36
    }

    static func heading(_ t: String, next: SourceLine?) -> HeadingKind? {
        let scalars = t.unicodeScalars
        guard let first = scalars.first, t.utf8.count <= 150 else { return nil }
        if t.utf8.count <= 72, let h = namedHeading(t) { return h }
        // Numbered headings start with `（` or a Chinese numeral.
        guard first == "（" || first == "(" || TextRules.isCJKDigit(first) || first == "十" else { return nil }
        guard isTitleShaped(t), TextRules.width(t) <= 30 else { return nil }
        if let (n, title) = TextRules.sectionNumbering(t), !title.isEmpty {
            return .section(n, TextRules.collapse(title))
        }
        if let (n, title) = TextRules.partNumbering(t), !title.isEmpty, TextRules.width(t) <= 24 {
            return .part(n, TextRules.collapse(title))
        }
        return nil
    }

    /// `前言`, `附件：`, `…年大事记`: unnumbered headings, spaces inside ignored.
    private static func namedHeading(_ t: String) -> HeadingKind? {
        func isSpace(_ u: Unicode.Scalar) -> Bool { u == " " || u == "\u{3000}" || u == "\t" }
        guard t.unicodeScalars.contains(where: isSpace) else { return namedHeading(utf8: t.utf8) }
        var c: [UInt8] = []
        for u in t.unicodeScalars where !isSpace(u) { UTF8.encode(u) { c.append($0) } }
        return namedHeading(utf8: c)
    }

    private static func namedHeading<C: BidirectionalCollection>(utf8 c: C) -> HeadingKind? where C.Element == UInt8 {
        func bytes(_ s: StaticString) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount)
        }
        func equals(_ s: StaticString) -> Bool { c.elementsEqual(bytes(s)) }
        if equals("前言") || equals("序言") { return .preface }
        if equals("展望") { return .outlook }
        if equals("致谢") || equals("后记") { return .acknowledgements }
        if equals("编写单位") || equals("编写组") { return .contributors }
        if equals("附件：") || equals("附件:") || equals("附件") || equals("附录") { return .appendixMarker }
        if c.reversed().starts(with: bytes("大事记").reversed()), String(decoding: c, as: UTF8.self).hasSuffix("大事记") {
            return .chronicle
        }
        return nil
    }

    /// `12. 4 月 14 日 标题…` → (12, 4, 14, "标题…").
    static func chronicleEntry(_ t: String) -> (Int, Int, Int, String)? {
        guard let (seq, a) = TextRules.leadingInt(t), a.utf8HasPrefix(".") || a.utf8HasPrefix("．") else { return nil }
        let b = a.dropFirst().drop { $0 == " " }
        guard let (month, c) = TextRules.leadingInt(b), (1...12).contains(month) else { return nil }
        let d = c.drop { $0 == " " }
        guard d.utf8HasPrefix("月") else { return nil }
        let e = d.dropFirst().drop { $0 == " " }
        guard let (day, f) = TextRules.leadingInt(e), (1...31).contains(day) else { return nil }
        let g = f.drop { $0 == " " }
        guard g.utf8HasPrefix("日") else { return nil }
        return (seq, month, day, TextRules.collapse(g.dropFirst()))
    }

    /// Chart debris stops at prose or structure; noise lines never stop it.
    static func endsFigureMaterial(_ l: SourceLine, next: SourceLine?) -> Bool {
        let t = l.text
        if pageMarker(t) != nil || sidebarLabel(t) != nil || FigureRules.caption(t) != nil { return true }
        if let next, FigureRules.isPhotoSource(next.text) { return true }
        if heading(t, next: next) != nil { return true }
        if TextRules.isNumericDebris(t) || isGlyph(t) { return false }
        if TextRules.hasProsePunctuation(t) && l.width >= 14 { return true }
        if l.frameStart && TextRules.containsCJK(t) && l.width >= 8 { return true }
        return false
    }

    /// `得抗疫斗争的关键。 特多阿利玛总医院` → ("得抗疫斗争的关键。", "特多阿利玛总医院"):
    /// the extractor glued a photo caption onto the last line of a column.
    static func splitGluedCaption(_ t: String) -> (String, String)? {
        let chars = Array(t)
        var k = chars.count - 1
        while k > 0 {
            if chars[k].isWhitespace, TextRules.isSentenceEnder(chars[k - 1]) || TextRules.isCloser(chars[k - 1]) {
                let before = String(chars[..<k]).trimmingSpaces()
                let after = TextRules.collapse(String(chars[(k + 1)...]))
                if TextRules.endsSentence(before), !after.isEmpty, !TextRules.hasProsePunctuation(after) {
                    return (String(before), after)
                }
                return nil
            }
            k -= 1
        }
        return nil
    }

    /// The same photo caption and source printed twice: keep one, preferring a caption that
    /// stood on its own line over one glued to text.
    static func dropDuplicateCaptions(_ out: inout [CLine], glued: Set<Int>) {
        var groups: [String: [Int]] = [:]
        var order: [String] = []
        for (k, c) in out.enumerated() {
            if case let .photoCaption(caption, source) = c.kind {
                let key = caption + "\u{1}" + source
                if groups[key] == nil { order.append(key) }
                groups[key, default: []].append(k)
            }
        }
        for key in order {
            guard let idx = groups[key], idx.count > 1 else { continue }
            let keep = idx.first { !glued.contains($0) } ?? idx[0]
            for k in idx where k != keep { out[k].kind = .noise(.duplicateCaption) }
        }
    }

    /// Main column width near each line: the widest text line within ±60 text lines, capped
    /// at the document's 99th percentile so one overlong line cannot inflate it.
    static func estimateMainWidth(_ out: inout [CLine]) {
        let textIdx = out.indices.filter { if case .text = out[$0].kind { return true } else { return false } }
        guard !textIdx.isEmpty else { return }
        let widths = textIdx.map { out[$0].line.width }
        let sorted = widths.sorted()
        let cap = sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.99))]
        let window = 60
        // Sliding-window maximum: `maxima` holds indexes of decreasing widths in the window.
        var perText: [Double] = []
        perText.reserveCapacity(widths.count)
        var maxima: [Int] = []
        var head = 0
        var added = 0
        for k in widths.indices {
            let hi = min(widths.count - 1, k + window)
            while added <= hi {
                while maxima.count > head, widths[maxima[maxima.count - 1]] <= widths[added] { maxima.removeLast() }
                maxima.append(added)
                added += 1
            }
            while maxima[head] < k - window { head += 1 }
            let m = max(0, widths[maxima[head]])
            perText.append(max(20, min(m, cap)))
        }
        var t = 0
        var current = perText[0]
        for k in out.indices {
            if t < textIdx.count, textIdx[t] == k { current = perText[t]; t += 1 }
            out[k].mainWidth = current
        }
    }
}
