import SiteModel
/// The router: walks classified lines once and decides, for every text line, which flow it
/// belongs to (main text of the current part/section, a sidebar, a part introduction, chart
/// debris) and where sidebars, figures and captions stand. Paragraphs are built afterwards
/// (Reflow), so an interrupted sentence simply continues in its own flow.
struct Router {
    let lines: [CLine]
    let figures: [FigureRaw]
    let footerTitles: [Int: String]
    let toc: [TOCEntry]
    let resolved: Corrections.Resolved
    let path: String

    private(set) var top: [Node] = []
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var debris: [RawLine] = []
    private(set) var figureNodes: [Int: Node] = [:]

    private var container: Node?
    private var part: Node?
    private var section: Node?
    private var entry: Node?
    private var entryTitleOpen = false
    private var entryTitleWidth = 0.0
    private var chronicleYear: Int?

    private var sidebar: Node?
    private var awaitingTitle: Node?
    private var pending: Node?
    /// Set while a line is routed into a reopened continued sidebar.
    private var reopening = false
    private var lastSidebar: Node?
    private var continuationStart = false
    private var sidebarCount = 0
    private var partIntroOpen = false
    private var lastMainLine: SourceLine?

    init(cleaned: Cleaned, resolved: Corrections.Resolved, path: String) {
        lines = cleaned.lines
        figures = cleaned.figures
        footerTitles = cleaned.footerPartTitles
        toc = cleaned.toc
        self.resolved = resolved
        self.path = path
    }

    private var mainTarget: Node? { entry ?? section ?? container }
    private var mainOpen: Bool {
        guard let l = lastMainLine else { return false }
        return !TextRules.endsParagraphish(l.text)
    }
    private var inPartArea: Bool {
        guard let c = container else { return false }
        return c.kind == .part
    }

    /// Handles line `k`; returns the index of the next line to handle.
    private mutating func step(_ k: Int) -> Int {
        let c = lines[k]
        switch c.kind {
        case .noise, .figureMaterial:
            return k + 1
        case .footnote(let t):
            mainTarget?.items.append(.float(.footnote(t, line: c.line.number)))
        case .continuesOnNextPage:
            if let s = sidebar { pending = s; endSidebar() } else { pending = lastSidebar }
        case .continuedFromPreviousPage:
            if let s = sidebar, s === pending { endSidebar() }
            pending = nil
        case let .sidebarLabel(p, m):
            label(p, m, c)
        case .figureCaption(let f):
            endSidebar()
            partIntroOpen = false
            let raw = figures[f]
            let node = Node(kind: .figure, idBase: "figure-\(raw.part)-\(raw.number)", label: raw.label,
                            title: raw.caption, line: raw.line, number: raw.number, part: raw.part)
            node.figure = f
            figureNodes[f] = node
            (mainTarget ?? ensureContainer(c.line)).items.append(.float(.child(node)))
        case let .photoCaption(caption, source):
            let target = sidebar ?? awaitingTitle ?? mainTarget ?? ensureContainer(c.line)
            target.items.append(.float(.caption(caption: caption, source: source, line: c.line.number)))
        case .heading(let h):
            return heading(h, k)
        case let .chronicleEntry(seq, month, day, rest):
            if let chron = container, chron.idBase == "chronicle" {
                let year = chronicleYear.map { pad($0, 4) } ?? "0000"
                let id = "entry-\(year)-\(pad(month))-\(pad(day))"
                let e = Node(kind: .entry, idBase: id, label: "\(seq).", title: rest, line: c.line.number, number: seq)
                chron.items.append(.float(.child(e)))
                entry = e
                entryTitleOpen = true
                entryTitleWidth = c.line.width
                lastMainLine = nil
            } else {
                text(k)
            }
        case .text:
            text(k)
        }
        return k + 1
    }

    private func pad(_ n: Int, _ width: Int = 2) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    // MARK: - Containers and headings

    @discardableResult
    private mutating func ensureContainer(_ l: SourceLine) -> Node {
        if let c = container { return c }
        let n = Node(kind: .other, idBase: "front", inferred: true, title: "", line: nil)
        top.append(n)
        container = n
        return n
    }

    private mutating func openTop(_ n: Node) {
        endSidebar()
        top.append(n)
        container = n
        part = nil
        section = nil
        entry = nil
        partIntroOpen = false
        lastMainLine = nil
        pending = nil
    }

    private mutating func heading(_ h: HeadingKind, _ k: Int) -> Int {
        let l = lines[k].line
        switch h {
        case .preface:
            openTop(Node(kind: .preface, idBase: "preface", title: l.text, line: l.number))
        case .outlook:
            openTop(Node(kind: .outlook, idBase: "outlook", title: l.text, line: l.number))
        case .appendixMarker:
            break
        case .chronicle:
            openTop(Node(kind: .appendix, idBase: "chronicle", title: TextRules.collapse(l.text), line: l.number))
            if let (y, _) = TextRules.leadingInt(l.text), y > 1900 { chronicleYear = y }
        case .acknowledgements:
            openTop(Node(kind: .other, idBase: "acknowledgements", title: l.text, line: l.number))
        case .contributors:
            openTop(Node(kind: .other, idBase: "contributors", title: l.text, line: l.number))
        case let .part(n, title):
            if !partHeading(n, title, l) { text(k) }
        case let .section(n, title):
            if !sectionHeading(n, title, l) { text(k) }
        }
        return k + 1
    }

    /// `一、标题`: a part only outside sidebars and in sequence; otherwise a list item.
    private mutating func partHeading(_ n: Int, _ title: String, _ l: SourceLine) -> Bool {
        // Inside a sidebar only the next part's number on a new text frame ends the sidebar
        // (lists `一、…五、` inside sidebars stay there).
        if sidebar != nil || awaitingTitle != nil {
            guard n == (part?.number ?? 0) + 1, l.frameStart else { return false }
            endSidebar()
        }
        if let c = container, c.kind == .outlook || c.idBase == "chronicle" { return false }
        let current = part?.number ?? 0
        if let p = part, n == current, p.inferred, p.line == nil {
            // The part's title page came after its first section: attach the heading.
            p.label = l.text.prefix { $0 != "、" } + "、"
            p.title = title
            p.line = l.number
            p.inferred = false
            partIntroOpen = true
            lastMainLine = nil
            return true
        }
        guard n == current + 1 else { return false }
        newPart(n, title: title, line: l.number, label: String(l.text.prefix { $0 != "、" }) + "、", inferred: false)
        partIntroOpen = true
        return true
    }

    private mutating func newPart(_ n: Int, title: String, line: Int?, label: String, inferred: Bool) {
        let p = Node(kind: .part, idBase: "part-\(n)", label: label, inferred: inferred, title: title,
                     line: line, number: n, part: n)
        openTop(p)
        part = p
        sidebarCount = 0
    }

    private func inferredPartTitle(_ n: Int) -> String {
        if let t = footerTitles[n] { return t }
        // The TOC lists part titles in order, each followed by its sections.
        let titles = toc.compactMap(\.partTitle)
        if n - 1 < titles.count { return titles[n - 1] }
        return ""
    }

    private mutating func sectionHeading(_ n: Int, _ title: String, _ l: SourceLine) -> Bool {
        endSidebar()
        awaitingTitle = nil
        if let c = container, c.kind == .outlook {
            let s = Node(kind: .section, idBase: "outlook-sec-\(n)", label: sectionLabel(l.text), title: title,
                         line: l.number, number: n)
            c.items.append(.float(.child(s)))
            section = s
            lastMainLine = nil
            return true
        }
        if let c = container, c.idBase == "chronicle" || c.kind == .other && c.idBase != "overview" && c.idBase != "front" {
            return false
        }
        if n == 1, part.map({ !$0.sectionChildren.isEmpty }) ?? true {
            let next = (part?.number ?? 0) + 1
            newPart(next, title: inferredPartTitle(next), line: nil, label: TextRules.chineseNumeral(next) + "、", inferred: true)
        }
        guard let p = part else { return false }
        if let last = p.sectionChildren.last, n != last.number + 1 {
            diagnostics.append(.warning(path, line: l.number, "section \(l.text) follows section \(last.number) of part \(p.number)"))
        }
        let s = Node(kind: .section, idBase: "part-\(p.number)-sec-\(n)", label: sectionLabel(l.text), title: title,
                     line: l.number, number: n, part: p.number)
        p.items.append(.float(.child(s)))
        section = s
        partIntroOpen = false
        lastMainLine = nil
        return true
    }

    private func sectionLabel(_ t: String) -> String {
        guard let close = t.firstIndex(where: { $0 == "）" || $0 == ")" }) else { return t }
        return String(t[...close])
    }

    // MARK: - Sidebars

    private mutating func endSidebar() {
        if let s = sidebar { lastSidebar = s }
        sidebar = nil
        if let a = awaitingTitle { lastSidebar = a }
        awaitingTitle = nil
        continuationStart = false
    }

    private mutating func newSidebar(label printed: Int?, title: String, line: Int?) -> Node {
        let p = part?.number ?? 0
        let seq: Int
        if let m = printed {
            if m != sidebarCount + 1, let line {
                diagnostics.append(.warning(path, line: line,
                    "专栏 \(p)-\(m) follows 专栏 \(p)-\(sidebarCount): a sidebar before it was missed or mis-detected"))
            }
            seq = m
        } else {
            seq = sidebarCount + 1
        }
        sidebarCount = seq
        let s = Node(kind: .sidebar, idBase: "sidebar-\(p)-\(seq)", label: "专栏 \(p)-\(seq)",
                     inferred: printed == nil, title: title, line: line, number: seq, part: p)
        s.filtersDebris = true
        let host = mainTarget ?? ensureContainer(lines[0].line)
        host.items.append(.float(.child(s)))
        return s
    }

    private mutating func label(_ p: Int, _ m: Int, _ c: CLine) {
        partIntroOpen = false
        // The label printed below the title or after the first block of an open sidebar.
        if let s = sidebar ?? awaitingTitle, s.inferred, s.number == m || !s.hasText {
            // Trust the printed number over the running count.
            if s.number != m {
                diagnostics.append(.warning(path, line: c.line.number,
                    "专栏 \(p)-\(m) is labelled after a title counted as 专栏 \(s.part)-\(s.number)"))
                s.number = m
                s.idBase = "sidebar-\(p)-\(m)"
                sidebarCount = m
            }
            s.inferred = false
            s.label = "专栏 \(p)-\(m)"
            if s.line == nil { s.line = c.line.number }
            return
        }
        endSidebar()
        if let current = part?.number, current != p {
            diagnostics.append(.warning(path, line: c.line.number, "专栏 \(p)-\(m) stands in part \(current)"))
        }
        let s = newSidebar(label: m, title: "", line: c.line.number)
        awaitingTitle = s
    }

    /// An unlabelled sidebar's title: title-shaped, narrower than the main column, followed
    /// by narrow prose (or by the sidebar's label).
    private func isSidebarTitle(_ k: Int) -> Bool {
        let c = lines[k]
        guard SidebarRules.isTitleShaped(c.line), SidebarRules.isNarrow(c) else { return false }
        if resolved.notSidebarTitle.contains(c.line.number) { return false }
        var body: [SourceLine] = []
        var j = k + 1
        while j < lines.count, body.count < 5 {
            let n = lines[j]
            switch n.kind {
            case .noise, .figureMaterial: break
            case .sidebarLabel: if body.isEmpty { return true }
            case .text:
                if body.isEmpty, SidebarRules.isSubtitle(n.line) { break }
                body.append(n.line)
            default:
                j = lines.count
                continue
            }
            j += 1
        }
        guard let first = body.first else { return false }
        // The body is a column of narrow prose set as a new block (a blank line after the
        // title); diagram labels come as short lines packed without blanks.
        guard first.width < 0.7 * c.mainWidth, !first.frameStart,
              first.width >= 10 || TextRules.hasProsePunctuation(first.text),
              !Reflow.startsListItem(first.text) else { return false }
        // A column: the first body lines are about as wide as the widest of the next few.
        let widest = body.prefix(4).map(\.width).max() ?? 0
        if body.prefix(2).contains(where: { $0.width < 0.6 * widest }) { return false }
        // The first body line is prose or a (nearly) full line of the column, not a label.
        if !TextRules.hasProsePunctuation(first.text), first.width < 0.8 * widest { return false }
        return body.prefix(4).contains { TextRules.hasProsePunctuation($0.text) }
    }

    /// After a label or a title: further title lines (a long title wrapped, a `——` subtitle).
    private mutating func takeTitle(_ s: Node, _ k: Int) -> Int {
        let first = lines[k].line
        s.title = TextRules.collapse(first.text)
        if s.line == nil || s.inferred { s.line = s.line ?? first.number }
        if s.inferred { s.line = first.number }
        var j = k + 1
        while j < lines.count {
            let n = lines[j]
            if case .noise = n.kind { j += 1; continue }
            guard case .text = n.kind else { break }
            if SidebarRules.isSubtitle(n.line) {
                s.title += TextRules.collapse(n.line.text)
                j += 1
                continue
            }
            // A wrapped title: a short unpunctuated line, much shorter than the body column.
            guard SidebarRules.isTitleShaped(n.line) || (Cleanup.isTitleShaped(n.line.text) && n.line.width >= 3) else { break }
            let body = bodyWidth(after: j)
            guard n.line.width < 0.6 * body else { break }
            s.title += TextRules.collapse(n.line.text)
            j += 1
        }
        return j
    }

    private func bodyWidth(after k: Int) -> Double {
        var m = 0.0
        var seen = 0
        var j = k + 1
        while j < lines.count, seen < 3 {
            if case .text = lines[j].kind { m = max(m, lines[j].line.width); seen += 1 }
            j += 1
        }
        return m
    }

    // MARK: - Text lines

    private mutating func text(_ k: Int) {
        let c = lines[k]
        let l = c.line
        let narrow = SidebarRules.isNarrow(c)

        if let s = awaitingTitle {
            awaitingTitle = nil
            sidebar = s
            if SidebarRules.isTitleShaped(l) || Cleanup.isTitleShaped(l.text) {
                skipTo = takeTitle(s, k)
                return
            }
        }

        if entryTitleOpen, let e = entry {
            entryTitleOpen = false
            // A long title wraps onto a short line; an entry's text starts with a full line.
            if entryTitleWidth >= 0.55 * c.mainWidth, l.width < 0.8 * bodyWidth(after: k), !TextRules.endsSentence(l.text) {
                e.title += TextRules.collapse(l.text)
                entryTitleWidth = l.width
                entryTitleOpen = true
                return
            }
        }

        let forcedEnd = resolved.sidebarEndsBefore.contains(l.number)
        if forcedEnd { endSidebar(); pending = nil }

        if let s = sidebar {
            if !narrow || resumesMainText(l, in: s) {
                endSidebar()
            } else if l.frameStart, !continuationStart, s.hasText, partIntroFollows(k) {
                endSidebar()
            } else if l.frameStart, !continuationStart, s.hasText, sidebarParagraphClosed(s), isSidebarTitle(k) {
                endSidebar()
                openUnlabelled(k)
                return
            } else {
                if continuationStart {
                    continuationStart = false
                    if TextRules.collapse(l.text) == s.title { return }   // title repeated on the new page
                }
                s.items.append(.line(l))
                return
            }
        }

        guard let container else {
            ensureContainer(l).items.append(.line(l))
            lastMainLine = l
            return
        }

        let structured = container.kind == .part || container.idBase == "front"

        // Reopen the sidebar continued from the previous page — once: if the reopened sidebar
        // closes again at this very line, the line is main text (no endless reopening).
        if structured, !reopening, let p = pending, narrow, !mainOpen || Cleanup.isTitleShaped(l.text) {
            sidebar = p
            continuationStart = true
            reopening = true
            defer { reopening = false }
            return text(k)
        }

        if container.kind == .preface && l.frameStart && isSidebarTitle(k) {
            openTop(Node(kind: .other, idBase: "overview", title: TextRules.collapse(l.text), line: l.number))
            self.container?.filtersDebris = true
            return
        }

        if structured, let p = part, narrow, partIntroOpen, !l.frameStart {
            p.intro.append(.line(l))
            return
        }

        if structured, !(mainOpen && !l.frameStart), isSidebarTitle(k) {
            openUnlabelled(k)
            return
        }

        if structured, let p = part, narrow, partIntroOpen {
            p.intro.append(.line(l))
            return
        }

        if container.kind == .part || container.idBase == "front", narrow, !mainOpen {
            if partIntroFollows(k) {
                let next = (part?.number ?? 0) + 1
                newPart(next, title: inferredPartTitle(next), line: nil, label: TextRules.chineseNumeral(next) + "、", inferred: true)
                part?.intro.append(.line(l))
                partIntroOpen = true
                return
            }
            // Labels of a diagram; real prose is never dropped here.
            if (!TextRules.hasProsePunctuation(l.text) && l.width < 0.6 * c.mainWidth) || l.width < 0.5 * c.mainWidth {
                debris.append(RawLine(line: l.number, text: l.text))
                return
            }
        }

        partIntroOpen = false
        (mainTarget ?? container).items.append(.line(l))
        lastMainLine = l
    }

    /// A main-text paragraph opening (`加强科技创新交流。…`) clearly wider than the sidebar's
    /// column: the page's main column is narrower than usual, the sidebar has ended.
    private func resumesMainText(_ l: SourceLine, in s: Node) -> Bool {
        guard Reflow.startsWithRunInHeading(l.text) else { return false }
        let recent = s.items.reversed().compactMap { if case .line(let x) = $0 { x.width } else { nil } }.prefix(6)
        guard let col = recent.max() else { return false }
        return l.width > col + 4
    }

    /// A new title cannot interrupt a sentence of the sidebar being read.
    /// (A short unpunctuated last line is a diagram label, not an unfinished sentence.)
    private func sidebarParagraphClosed(_ s: Node) -> Bool {
        let recent = s.items.reversed().compactMap { if case .line(let l) = $0 { l } else { nil } }.prefix(6)
        guard let last = recent.first else { return true }
        if TextRules.endsParagraphish(last.text) { return true }
        let col = recent.map(\.width).max() ?? 0
        return !TextRules.hasProsePunctuation(last.text) && last.width < 0.7 * col
    }

    /// Lines after `takeTitle` are skipped by the main loop.
    private var skipTo: Int? = nil

    private mutating func openUnlabelled(_ k: Int) {
        let s = newSidebar(label: nil, title: "", line: lines[k].line.number)
        skipTo = takeTitle(s, k)
        sidebar = s
    }

    /// A narrow prose block standing just before a `（一）` heading is the next part's
    /// introduction (its title page lost its heading).
    private func partIntroFollows(_ k: Int) -> Bool {
        var j = k
        var sawProse = false
        while j < lines.count {
            let c = lines[j]
            switch c.kind {
            case .noise: break
            case .text:
                if !SidebarRules.isNarrow(c) { return false }
                if TextRules.endsSentence(c.line.text) { sawProse = true }
            case .heading(.section(1, _)):
                return sawProse
            default:
                return false
            }
            j += 1
        }
        return false
    }

    mutating func runAll() -> [Node] {
        var k = 0
        while k < lines.count {
            skipTo = nil
            let next = step(k)
            k = max(next, skipTo ?? next)
        }
        return top
    }
}
