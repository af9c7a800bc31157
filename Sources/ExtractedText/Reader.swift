import SiteModel
import Foundation

/// Counts and loose ends of one read, for the build's report and for tuning the heuristics.
public struct QualityReport: Hashable, Sendable {
    public var parts = 0
    public var partsInferred = 0
    public var sections = 0
    public var sidebarsLabelled = 0
    public var sidebarsInferred = 0
    public var figures = 0
    public var photoCaptions = 0
    public var chronicleEntries = 0
    public var paragraphs = 0
    public var correctionsApplied = 0
    /// Lines dropped as noise, by reason (`runningHeader`, `verticalText`, …).
    public var droppedLines: [String: Int] = [:]
    /// Chart/diagram labels outside figures, dropped from the text.
    public var debrisLines = 0
    /// Paragraphs whose text does not end in terminal punctuation (`。！？；…` or `：`).
    public var unterminated: [RawLine] = []

    public init() {}

    /// `unterminated` as (line, text) pairs.
    public var unterminatedParagraphs: [(line: Int, text: String)] { unterminated.map { ($0.line, $0.text) } }

    public var summary: String {
        var s = "parts \(parts) (\(partsInferred) inferred), sections \(sections), "
        s += "sidebars \(sidebarsLabelled + sidebarsInferred) (\(sidebarsLabelled) labelled, \(sidebarsInferred) inferred), "
        s += "figures \(figures), photo captions \(photoCaptions), chronicle entries \(chronicleEntries), "
        s += "paragraphs \(paragraphs), corrections applied \(correctionsApplied), debris lines \(debrisLines), "
        s += "unterminated paragraphs \(unterminated.count)"
        return s
    }
}

/// Everything one read produces.
public struct ExtractedTextResult: Sendable {
    public var document: Document?
    public var diagnostics: [Diagnostic]
    public var report: QualityReport
    /// Raw figure material keyed by figure section id (`figure-3-7`).
    public var figures: [FigureRaw]
    /// Diagram labels found outside figures and dropped from the text.
    public var debris: [RawLine]
    /// Milliseconds per stage of this read (for `--timings`-style reports).
    public var timings: [(stage: String, ms: Double)] = []
}

public struct ExtractedTextReader: Sendable {
    public init() {}

    /// `path` is used in diagnostics (e.g. "seeds/bri-trade-report-2021.txt"); `id` is the file stem.
    /// `corrections` is (path, contents) of the corrections file if one exists.
    public func read(id: String, path: String, text: String, corrections: (path: String, text: String)?)
        -> (document: Document?, diagnostics: [Diagnostic], report: QualityReport) {
        let r = readDetailed(id: id, path: path, text: text, corrections: corrections)
        return (r.document, r.diagnostics, r.report)
    }

    public func readDetailed(id: String, path: String, text: String, corrections: (path: String, text: String)?)
        -> ExtractedTextResult {
        var diagnostics: [Diagnostic] = []
        var report = QualityReport()
        let t0 = Date()
        var lines = Lines.split(text)
        let t1 = Date()
        guard !lines.isEmpty else {
            diagnostics.append(.error(path, "the file has no text"))
            return ExtractedTextResult(document: nil, diagnostics: diagnostics, report: report, figures: [], debris: [], timings: [])
        }

        var resolved = Corrections.Resolved()
        if let corrections {
            let (parsed, parseDiags) = Corrections.parse(path: corrections.path, text: corrections.text)
            diagnostics += parseDiags
            let (res, applyDiags) = parsed.apply(to: &lines)
            diagnostics += applyDiags
            resolved = res
        }
        report.correctionsApplied = resolved.applied

        let t2 = Date()
        let cleaned = Cleanup.classify(lines)
        let t3 = Date()
        for (k, v) in cleaned.noiseCounts { report.droppedLines[k.rawValue] = v }

        var router = Router(cleaned: cleaned, resolved: resolved, path: path)
        let top = router.runAll()
        diagnostics += router.diagnostics
        var debris = router.debris

        let t4 = Date()
        var builder = SectionBuilder(figures: cleaned.figures, figureNodes: router.figureNodes)
        builder.footnoteMarkers = Set(cleaned.lines.compactMap { c -> Int? in
            if case .footnote(let t) = c.kind, let (n, _) = TextRules.leadingInt(t) { return n }
            return nil
        })
        let sections = top.map { builder.build($0, report: &report, debris: &debris) }
        report.debrisLines = debris.count
        report.figures = builder.figuresOut.count
        crossCheckTOC(cleaned.toc, sections: sections, path: path, diagnostics: &diagnostics)

        let t5 = Date()
        let ms = { (a: Date, b: Date) in b.timeIntervalSince(a) * 1000 }
        let timings = [("split", ms(t0, t1)), ("corrections", ms(t1, t2)), ("cleanup", ms(t2, t3)),
                       ("route", ms(t3, t4)), ("reflow+build", ms(t4, t5))]
        // The report title as its running headers repeat it.
        let title = cleaned.headerPrefixes.sorted().first ?? id
        let doc = Document(id: id, source: path, title: title, date: nil, sections: sections, sourceText: text)
        debris.sort { $0.line < $1.line }
        return ExtractedTextResult(document: doc, diagnostics: diagnostics, report: report,
                                   figures: builder.figuresOut, debris: debris, timings: timings)
    }

    /// The table of contents is kept only as a check of the outline.
    private func crossCheckTOC(_ toc: [TOCEntry], sections: [Section], path: String, diagnostics: inout [Diagnostic]) {
        let parts = sections.filter { $0.kind == .part }
        var partIndex = 0
        for e in toc {
            if let t = e.partTitle {
                partIndex += 1
                if partIndex <= parts.count, parts[partIndex - 1].title != t {
                    diagnostics.append(.warning(path, line: e.line, "table of contents names part \(partIndex) \"\(t)\", the body \"\(parts[partIndex - 1].title)\""))
                }
            } else if let (n, t) = e.section, partIndex >= 1, partIndex <= parts.count {
                let secs = parts[partIndex - 1].children.filter { $0.kind == .section }
                if !secs.contains(where: { $0.title == TextRules.collapse(t) && $0.label?.contains(TextRules.chineseNumeral(n)) == true }) {
                    diagnostics.append(.warning(path, line: e.line, "table of contents entry \"\(t)\" has no matching section in part \(partIndex)"))
                }
            }
        }
    }
}

extension Section {
    /// One line per outline node: `kind id label[*] | title @line` (`*` = inferred). Used by
    /// `dump-outline --outline` and by the tests that pin the seed's outline.
    public var outlineLine: String {
        "\(kind.rawValue) \(id) \(label ?? "-")\(inferred ? "*" : "") | \(title) @\(line.map(String.init) ?? "-")"
    }
}

/// Turns routed nodes into `Section` values: paragraphs, anchors, ids, report counts.
struct SectionBuilder {
    let figures: [FigureRaw]
    let figureNodes: [Int: Node]
    var anchors = AnchorAllocator()
    var figuresOut: [FigureRaw] = []
    /// Numbers of the footnotes found; their markers glued to words (`（COVAX）1，`) are removed.
    var footnoteMarkers: Set<Int> = []

    init(figures: [FigureRaw], figureNodes: [Int: Node]) {
        self.figures = figures
        self.figureNodes = figureNodes
    }

    mutating func build(_ n: Node, report: inout QualityReport, debris: inout [RawLine]) -> Section {
        let id = anchors.reserve(n.idBase)
        var content: [SectionContent] = []
        switch n.kind {
        case .part:
            report.parts += 1
            if n.inferred { report.partsInferred += 1 }
        case .section: report.sections += 1
        case .sidebar: if n.inferred { report.sidebarsInferred += 1 } else { report.sidebarsLabelled += 1 }
        case .entry: report.chronicleEntries += 1
        default: break
        }

        if let f = n.figure {
            var raw = figures[f]
            raw.id = id
            figuresOut.append(raw)
            if let s = raw.source {
                content.append(.block(block("资料来源：" + s.text, kind: .note, line: s.line)))
            }
            if let note = raw.note {
                content.append(.block(block("注：" + note.text, kind: .note, line: note.line)))
            }
        }

        let pieces = Reflow.flow(n.intro) + Reflow.flow(n.items)
        for piece in pieces {
            switch piece {
            case .paragraph(let p):
                // Markers are removed line by line, so joined offsets stay true to the lines.
                let cleanLines = p.lines.map { l -> SourceLine in
                    var c = l
                    c.text = Self.removingFootnoteMarkers(l.text, footnoteMarkers)
                    return c
                }
                let (text, starts) = Reflow.joinWithStarts(cleanLines)
                if n.filtersDebris || n.kind == .part || n.kind == .section,
                   !TextRules.hasProsePunctuation(text), !TextRules.endsSentence(text),
                   TextRules.partNumbering(text) == nil {
                    // Chart or diagram labels: no sentence punctuation anywhere.
                    debris += p.lines.map { RawLine(line: $0.number, text: $0.text) }
                    continue
                }
                report.paragraphs += 1
                if !TextRules.endsTerminal(text) {
                    report.unterminated.append(RawLine(line: p.lines[0].number, text: text))
                }
                content.append(.block(block(text, kind: .paragraph, line: p.lines[0].number,
                                            lineStarts: starts.map { LineStart(offset: $0.offset, line: $0.line) })))
            case .float(let f):
                switch f {
                case .child(let c):
                    content.append(.section(build(c, report: &report, debris: &debris)))
                case let .caption(caption, source, line):
                    report.photoCaptions += 1
                    content.append(.block(block(caption, kind: .caption, line: line)))
                    content.append(.block(block(source, kind: .note, line: line + 1)))
                case let .footnote(t, line):
                    content.append(.block(block(t, kind: .note, line: line)))
                }
            }
        }
        return Section(id: id, kind: n.kind, label: n.label, inferred: n.inferred, title: n.title,
                       line: n.line, content: content)
    }

    /// `…计划”（COVAX）1，向…` → `…计划”（COVAX），向…` when footnote 1 exists: a marker
    /// is a known footnote number right after a closing bracket or quote and before punctuation.
    static func removingFootnoteMarkers(_ text: String, _ markers: Set<Int>) -> String {
        guard !markers.isEmpty else { return text }
        // Cheap scalar pre-check: most paragraphs have no digit after a closing mark.
        var prev: Unicode.Scalar = " "
        var candidate = false
        for u in text.unicodeScalars {
            if u.value >= 0x30 && u.value <= 0x39 && (prev == "）" || prev == "”" || prev == "》" || prev == ")") {
                candidate = true
                break
            }
            prev = u
        }
        guard candidate else { return text }
        var chars = Array(text)
        var i = 1
        while i < chars.count {
            guard chars[i].isASCII, chars[i].isNumber, "）”》)".contains(chars[i - 1]) else { i += 1; continue }
            var j = i
            while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
            let after = j < chars.count ? chars[j] : "。"
            if j - i <= 2, let n = Int(String(chars[i..<j])), markers.contains(n), "，。；、".contains(after) {
                chars.removeSubrange(i..<j)
            } else {
                i = j
            }
        }
        return String(chars)
    }

    private mutating func block(_ text: String, kind: Block.Kind, line: Int, lineStarts: [LineStart] = []) -> Block {
        Block(id: anchors.paragraphID(for: text), kind: kind, markdown: CommonMarkText.escaped(text),
              text: text, line: line, lineStarts: lineStarts)
    }
}
