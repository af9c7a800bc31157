import CommonMark
import Foundation
import SiteModel

/// Reads a Markdown seed with YAML front matter — an outcome list such as the 2017 forum's —
/// by walking libcmark's tree: a bold title, an introduction, categories printed as bold
/// `一、…` paragraphs (or headings) and numbered items `（一）…` under each.
public struct MarkdownSeedReader {
    /// Checks whether an image named by the seed exists (path relative to the seeds folder).
    public var assetExists: (String) -> Bool

    public init(assetExists: @escaping (String) -> Bool) {
        self.assetExists = assetExists
    }

    public func read(_ seed: SeedText, id: String) -> (Document?, [Diagnostic]) {
        var state = ReadState(seed: seed, id: id)
        let frontMatter: FrontMatter
        switch FrontMatter.parse(seed) {
        case .failure(let d): return (nil, [d])
        case .success(let fm): frontMatter = fm
        }
        // Blank lines in place of the front matter keep libcmark's line numbers equal to the seed's.
        let body = String(repeating: "\n", count: frontMatter.bodyStartLine - 1) + frontMatter.body
        let tree = MarkdownTree(body)
        for node in tree.document.children { state.visit(node, assetExists: assetExists) }
        state.finish()

        var document = Document(id: id, source: seed.citedPath,
                                title: frontMatter.title ?? state.heading?.text ?? id,
                                date: frontMatter.date.flatMap(Self.isoDate),
                                dateAsPrinted: frontMatter.date, author: frontMatter.author,
                                tags: frontMatter.tags, metadata: state.metadata,
                                sections: state.sections, assets: state.assets,
                                sourceText: seed.text)
        if frontMatter.title == nil {
            state.diagnostics.append(.warning(seed.path, line: 1, column: 1,
                "no 'title' in the front matter; using \"\(document.title)\""))
        }
        if let d = frontMatter.date, Self.isoDate(d) == nil {
            state.diagnostics.append(.warning(seed.path, line: 1, column: 1,
                "front matter date '\(d)' is not YYYY-MM-DD[ hh:mm:ss]; the document gets no date"))
        }
        document.sections = state.sections
        state.checkStatedCounts()
        return (document, state.diagnostics)
    }

    /// `2017-05-16 18:42:31` → `2017-05-16`.
    static func isoDate(_ s: String) -> String? {
        let d = s.prefix(10)
        let ok = d.count == 10 && d.enumerated().allSatisfy { i, c in
            (i == 4 || i == 7) ? c == "-" : c.isASCII && c.isNumber
        }
        return ok ? String(d) : nil
    }
}

/// The walk's running state: which section is open and what has been collected.
private struct ReadState {
    let seed: SeedText
    let id: String
    var diagnostics: [Diagnostic] = []
    var metadata: [MetadataField] = []
    var assets: [String] = []
    var anchors = AnchorAllocator()

    var heading: (text: String, line: Int)?
    var preface: Section?
    var dropped: [(text: String, line: Int)] = []  // paragraphs before the heading
    var categories: [Section] = []
    var items: [Section] = []  // of the open category

    init(seed: SeedText, id: String) {
        self.seed = seed
        self.id = id
    }

    var sections: [Section] = []

    mutating func visit(_ node: MarkdownNode, assetExists: (String) -> Bool) {
        switch node.kind {
        case .thematicBreak:
            return  // `****` rules are decoration in the scraped page
        case .htmlBlock:
            warn(node, "raw HTML is not published (safe mode); left out")
            return
        case .paragraph, .heading, .blockQuote, .list, .codeBlock:
            break
        default:
            return
        }
        dropMissingImages(in: node, exists: assetExists)
        dropRawHTML(in: node)
        // ScalarText.trimmed: Foundation's trimming, without bridging every paragraph to NSString.
        let text = ScalarText.trimmed(node.plainText)
        if text.isEmpty {
            if !ScalarText.trimmed(node.commonMark, newlines: true).isEmpty {
                add(block(node, kind: .image, text: ""))
            }
            return
        }
        if isTitleLike(node) {
            if let (label, n, rest) = OutlineLabel.enumerated(text) {
                openCategory(label: label, number: n, title: String(rest), line: node.startLine, node: node)
                return
            }
            if heading == nil, categories.isEmpty {
                heading = (text, node.startLine)
                return
            }
            add(block(node, kind: .heading, text: text))
            return
        }
        if node.kind == .paragraph, let field = metadataField(text, line: node.startLine) {
            metadata.append(field)
            return
        }
        if node.kind == .paragraph, !categories.isEmpty || !items.isEmpty,
           let (label, n, rest) = OutlineLabel.parenthesised(text) {
            openItem(label: label, number: n, text: String(rest), node: node)
            return
        }
        add(block(node, kind: node.kind == .paragraph ? .paragraph : .quote, text: text))
    }

    /// A paragraph that is all bold, or a heading: the shapes a title takes in these seeds.
    private func isTitleLike(_ node: MarkdownNode) -> Bool {
        if node.kind == .heading { return true }
        guard node.kind == .paragraph else { return false }
        let parts = node.children.filter { !($0.kind == .softBreak || $0.kind == .lineBreak
            || ($0.kind == .text && ($0.literal ?? "").allSatisfy(\.isWhitespace))) }
        return parts.count == 1 && parts[0].kind == .strong
    }

    /// `来源：外交部网站`, `编辑：维君`: short `name：value` lines with a publishing field name.
    private func metadataField(_ text: String, line: Int) -> MetadataField? {
        let names = ["来源", "编辑", "责任编辑", "作者", "原标题", "发布时间", "供稿"]
        guard text.prefix(61).count <= 60, let colon = text.firstIndex(where: { $0 == "：" || $0 == ":" }) else { return nil }
        let name = ScalarText.trimmed(String(text[..<colon]))
        guard names.contains(name) else { return nil }
        let value = ScalarText.trimmed(String(text[text.index(after: colon)...]))
        return MetadataField(name: name, value: value, line: line)
    }

    /// Images whose files are not in the seeds folder are warned about and taken out of the tree.
    private mutating func dropMissingImages(in node: MarkdownNode, exists: (String) -> Bool) {
        for child in node.children {
            guard child.kind == .image else {
                dropMissingImages(in: child, exists: exists)
                continue
            }
            let url = child.url ?? ""
            let relative = url.hasPrefix("/") ? String(url.dropFirst()) : url
            let isRemote = url.contains("://") || url.hasPrefix("//")
            if !isRemote, !relative.isEmpty, !relative.contains(".."), exists(relative) {
                if !assets.contains(relative) { assets.append(relative) }
                continue
            }
            warn(child, isRemote
                 ? "image '\(url)' is not in the seeds folder (remote images are not fetched); left out of the page"
                 : "image '\(url)' not found in the seeds folder; left out of the page")
            child.remove()
        }
    }

    /// Raw HTML is never published (libcmark's safe mode would drop it from the pages; dropping
    /// it here keeps the edition, the data files and the pages in agreement).
    private mutating func dropRawHTML(in node: MarkdownNode) {
        for child in node.descendants where child.kind == .htmlInline {
            warn(child, "raw HTML \(child.literal ?? "") is not published")
            child.remove()
        }
    }

    private mutating func openCategory(label: String, number: Int, title: String, line: Int, node: MarkdownNode) {
        closeCategory()
        let expected = categories.count + 1
        if number != expected {
            warn(node, "category \(label) is out of sequence: expected \(ChineseNumerals.string(expected))、")
        }
        categories.append(Section(id: "category-\(categories.count + 1)", kind: .category, label: label,
                                  title: collapse(title), line: line))
    }

    private mutating func openItem(label: String, number: Int, text: String, node: MarkdownNode) {
        let expected = items.count + 1
        if number != expected {
            warn(node, "item \(label) is out of sequence: expected （\(ChineseNumerals.string(expected))）")
        }
        // The printed label is kept apart (Section.label); the block holds the item's own text.
        stripLeadingLabel(label, from: node)
        let body = collapse(ScalarText.trimmed(text))
        let categoryNumber = max(categories.count, 1)
        var item = Section(id: "item-\(categoryNumber)-\(items.count + 1)", kind: .item, label: label,
                           title: body, text: body, line: node.startLine)
        item.content = [.block(block(node, kind: .paragraph, text: body))]
        items.append(item)
    }

    private func stripLeadingLabel(_ label: String, from node: MarkdownNode) {
        guard let first = node.children.first, first.kind == .text, let literal = first.literal,
              literal.hasPrefix(label) else { return }
        first.setLiteral(String(literal.dropFirst(label.count)).trimmingLeadingSpace)
    }

    /// Adds a block to whatever is open: the last item, the category, or the introduction.
    private mutating func add(_ b: Block) {
        if !items.isEmpty {
            items[items.count - 1].content.append(.block(b))
        } else if !categories.isEmpty {
            categories[categories.count - 1].content.append(.block(b))
        } else if heading == nil, b.kind != .image {
            dropped.append((b.text, b.line))  // may be page furniture; decided in finish()
            prefaceBlocks.append(b)
        } else {
            prefaceBlocks.append(b)
        }
    }

    var prefaceBlocks: [Block] = []

    private mutating func closeCategory() {
        guard !categories.isEmpty else { return }
        categories[categories.count - 1].content += items.map { .section($0) }
        items = []
    }

    mutating func finish() {
        closeCategory()
        // Text above a bold title is the scraped page's furniture (e.g. a "collection" link),
        // not the document: it is left out, and said so.
        if let heading {
            for d in dropped {
                diagnostics.append(.warning(seed.path, line: d.line, column: 1,
                    "text above the document's title \"\(heading.text)\" is left out: \(d.text)"))
            }
            let droppedLines = Set(dropped.map(\.line))
            prefaceBlocks.removeAll { droppedLines.contains($0.line) }
        }
        if heading != nil || !prefaceBlocks.isEmpty {
            let line = heading?.line ?? prefaceBlocks.first?.line
            sections.append(Section(id: "preface", kind: .preface, title: collapse(heading?.text ?? "引言"),
                                    line: line, content: prefaceBlocks.map { .block($0) }))
        }
        sections += categories.map { $0 }
        if categories.isEmpty {
            diagnostics.append(.warning(seed.path, line: 1, column: 1,
                "no categories found (bold paragraphs or headings numbered 一、二、…)"))
        }
    }

    /// The introduction says how many categories and items there are ("5大类，共76大项");
    /// the parse must agree. "270多项" (more than 270) is approximate and not checked.
    mutating func checkStatedCounts() {
        let itemCount = sections.reduce(0) { $0 + $1.children.filter { $0.kind == .item }.count }
        let categoryCount = sections.filter { $0.kind == .category }.count
        guard let intro = sections.first(where: { $0.kind == .preface }) else { return }
        for b in intro.blocks {
            for stated in StatedCount.find(in: b.text) {
                let (actual, what) = stated.unit == .category ? (categoryCount, "categories") : (itemCount, "items")
                guard stated.value != actual else { continue }
                let column = columnOf(stated.text, onLine: b.line)
                diagnostics.append(.warning(seed.path, line: b.line, column: column,
                    "the introduction states \(stated.value) \(what) (\"\(stated.text)\") but \(actual) were found",
                    hint: "check the numbering of the \(what) in the document"))
            }
        }
    }

    private func columnOf(_ needle: String, onLine line: Int) -> Int {
        guard line >= 1, line <= seed.lines.count, let r = seed.lines[line - 1].range(of: needle) else { return 1 }
        return seed.lines[line - 1][..<r.lowerBound].unicodeScalars.count + 1
    }

    private mutating func block(_ node: MarkdownNode, kind: Block.Kind, text: String) -> Block {
        let markdown = ScalarText.trimmed(node.commonMark, newlines: true)
        let id = anchors.paragraphID(for: text.isEmpty ? markdown : text)
        return Block(id: id, kind: kind, markdown: markdown, text: text, line: node.startLine)
    }

    private mutating func warn(_ node: MarkdownNode, _ message: String) {
        let column = seed.scalarColumn(line: node.startLine, byteColumn: node.startColumn)
        diagnostics.append(.warning(seed.path, line: node.startLine, column: column, message))
    }

    private func collapse(_ s: String) -> String {
        ScalarText.collapsingWhitespace(s)
    }
}

/// "5大类", "共76大项", "五大类": a count the text states about its own structure.
struct StatedCount {
    enum Unit { case category, item }
    var value: Int
    var unit: Unit
    var text: String

    static func find(in text: String) -> [StatedCount] {
        var out: [StatedCount] = []
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            var j = i
            while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
            var value = j > i ? Int(String(chars[i..<j])) : nil
            if value == nil {
                while j < chars.count, ChineseNumerals.isNumeral(chars[j]) { j += 1 }
                value = j > i ? ChineseNumerals.value(String(chars[i..<j])) : nil
            }
            guard let v = value, j < chars.count else { i = max(j, i + 1); continue }
            // "5大类", "76大项", "共76项"; never "270多项" ("more than") or a stray "一类".
            let rest = String(chars[j..<min(j + 2, chars.count)])
            let totalled = i > 0 && chars[i - 1] == "共"
            if rest == "大类" {
                out.append(StatedCount(value: v, unit: .category, text: String(chars[i..<(j + 2)])))
            } else if rest == "大项" {
                out.append(StatedCount(value: v, unit: .item, text: String(chars[i..<(j + 2)])))
            } else if totalled, rest.hasPrefix("项") {
                out.append(StatedCount(value: v, unit: .item, text: String(chars[i..<(j + 1)])))
            }
            i = j
        }
        return out
    }
}

extension String {
    var trimmingLeadingSpace: String {
        String(drop { $0 == " " || $0 == "\u{3000}" })
    }
}
