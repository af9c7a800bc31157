/// Reads template bytes into nodes. The structure (and every whitespace rule) mirrors
/// swift-mustache's parser, which the site's templates were written against.
struct TemplateParser {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    private struct State {
        var sectionName: String?
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var start: [UInt8] = Array("{{".utf8)
        var end: [UInt8] = Array("}}".utf8)
        var partialDefinitionIndent: Int?

        func inSection(_ name: String, newLine: Bool) -> State {
            var s = self
            s.sectionName = name
            s.isPartialDefinitionTopLevel = false
            if !newLine { s.newLine = false }
            return s
        }

        func inParent(_ name: String) -> State {
            var s = self
            s.sectionName = name
            s.newLine = true
            s.isPartialDefinition = true
            s.isPartialDefinitionTopLevel = true
            return s
        }
    }

    mutating func parseAll() throws(TemplateSyntaxError) -> [Node] {
        try parse(State()).nodes
    }

    private mutating func parse(_ initial: State) throws(TemplateSyntaxError) -> Template {
        var nodes: [Node] = []
        var state = initial
        var whitespace: [UInt8] = []
        while !atEnd {
            if state.newLine {
                let ws = readSpaces()
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    if let indent = state.partialDefinitionIndent {
                        whitespace = Array(ws.dropFirst(indent))
                    } else {
                        state.partialDefinitionIndent = ws.count
                    }
                } else {
                    whitespace = Array(ws)
                }
            }
            let (text, foundTag) = readText(state)
            if let newline = newlineLength, !foundTag {
                nodes.append(.text(whitespace + text + bytes[position..<position + newline]))
                state.newLine = true
                position += newline
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(whitespace + text))
                whitespace = []
                state.newLine = false
            }
            guard foundTag else { break }
            guard !atEnd else { throw error(.unfinishedTag) }
            var setNewLine = false
            func flushWhitespace() {
                if !whitespace.isEmpty { nodes.append(.text(whitespace)); whitespace = [] }
            }
            switch bytes[position] {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                let inverted = bytes[position] == UInt8(ascii: "^")
                position += 1
                let name = try readName(state)
                if isStandalone(state) { setNewLine = true } else { flushWhitespace() }
                let content = try parse(state.inSection(name, newLine: setNewLine))
                nodes.append(.section(TagName(name), content, inverted: inverted))
            case UInt8(ascii: "/"):
                position += 1
                let nameStart = position
                let name = try readName(state)
                guard name == state.sectionName else {
                    position = nameStart
                    throw error(.sectionClosedWithWrongName)
                }
                if !isStandalone(state) { flushWhitespace() }
                return Template(nodes: nodes)
            case UInt8(ascii: "!"):
                position += 1
                guard let close = find(state.end) else { throw error(.unfinishedTag) }
                position = close + state.end.count
                setNewLine = isStandalone(state)
            case UInt8(ascii: "{"), UInt8(ascii: "&"):
                let triple = bytes[position] == UInt8(ascii: "{")
                flushWhitespace()
                position += 1
                let name = try readName(state)
                if triple {
                    guard !atEnd, bytes[position] == UInt8(ascii: "}") else { throw error(.unfinishedTag) }
                    position += 1
                }
                nodes.append(.variable(TagName(name), escaped: false))
            case UInt8(ascii: ">"):
                position += 1
                let name = try readPartialName(state)
                if !whitespace.isEmpty { nodes.append(.text(whitespace)) }
                if isStandalone(state) {
                    setNewLine = true
                    nodes.append(.partial(name, indentation: whitespace, overrides: nil))
                } else {
                    nodes.append(.partial(name, indentation: nil, overrides: nil))
                }
                whitespace = []
            case UInt8(ascii: "<"):
                position += 1
                let name = try readPartialName(state)
                if !whitespace.isEmpty { nodes.append(.text(whitespace)) }
                if isStandalone(state) { setNewLine = true }
                let content = try parse(state.inParent(name))
                var overrides: [String: Template] = [:]
                for node in content.nodes {
                    switch node {
                    case .blockDefinition(let block, let template): overrides[block] = template
                    case .text: break
                    default: throw error(.illegalTokenInsideParent)
                    }
                }
                nodes.append(.partial(name, indentation: whitespace, overrides: overrides))
                whitespace = []
            case UInt8(ascii: "$"):
                position += 1
                let name = try readName(state)
                if state.isPartialDefinitionTopLevel {
                    if isStandalone(state) { setNewLine = true }
                    let content = try parse(state.inSection(name, newLine: setNewLine))
                    nodes.append(.blockDefinition(name, content))
                } else {
                    if !whitespace.isEmpty { nodes.append(.text(whitespace)) }
                    if isStandalone(state) { setNewLine = true }
                    let content = try parse(state.inSection(name, newLine: setNewLine))
                    nodes.append(.block(name, default: content, indentation: whitespace))
                    whitespace = []
                }
            case UInt8(ascii: "="):
                position += 1
                try setDelimiters(&state)
                setNewLine = isStandalone(state)
            case UInt8(ascii: "%"):
                throw error(.unsupportedTag("{{%…}} configuration"))
            default:
                flushWhitespace()
                let name = try readName(state)
                nodes.append(.variable(TagName(name), escaped: true))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw error(.sectionNotClosed) }
        return Template(nodes: nodes)
    }

    // MARK: - Reading

    private var atEnd: Bool { position >= bytes.count }

    /// 1 for `\n`, 2 for `\r\n`, nil when not at a line break.
    private var newlineLength: Int? {
        guard !atEnd else { return nil }
        if bytes[position] == 0x0A { return 1 }
        if bytes[position] == 0x0D { return position + 1 < bytes.count && bytes[position + 1] == 0x0A ? 2 : 1 }
        return nil
    }

    private mutating func readSpaces() -> ArraySlice<UInt8> {
        let start = position
        while !atEnd, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
        return bytes[start..<position]
    }

    private mutating func skipWhitespace() {
        while !atEnd, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
    }

    /// Text up to a line break (left unread) or an opening delimiter (read).
    private mutating func readText(_ state: State) -> (text: [UInt8], foundTag: Bool) {
        let start = position
        while !atEnd {
            if newlineLength != nil { return (Array(bytes[start..<position]), false) }
            if matches(state.start) {
                let text = Array(bytes[start..<position])
                position += state.start.count
                return (text, true)
            }
            position += 1
        }
        return (Array(bytes[start..<position]), false)
    }

    private func matches(_ delimiter: [UInt8], at index: Int? = nil) -> Bool {
        let at = index ?? position
        guard at + delimiter.count <= bytes.count else { return false }
        for (k, b) in delimiter.enumerated() where bytes[at + k] != b { return false }
        return true
    }

    private func find(_ delimiter: [UInt8]) -> Int? {
        var i = position
        while i + delimiter.count <= bytes.count {
            if matches(delimiter, at: i) { return i }
            i += 1
        }
        return nil
    }

    private static func isNameByte(_ b: UInt8, partial: Bool) -> Bool {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"),
             UInt8(ascii: "?"):
            true
        case UInt8(ascii: "/"): partial
        default: false
        }
    }

    private mutating func readName(_ state: State, partial: Bool = false) throws(TemplateSyntaxError) -> String {
        skipWhitespace()
        let start = position
        while !atEnd, Self.isNameByte(bytes[position], partial: partial) { position += 1 }
        let name = String(decoding: bytes[start..<position], as: UTF8.self)
        skipWhitespace()
        if !atEnd, bytes[position] == UInt8(ascii: "(") { throw error(.unsupportedTag("transform")) }
        if !atEnd, !partial, bytes[position] == UInt8(ascii: "*") { throw error(.unsupportedTag("dynamic")) }
        guard matches(state.end) else { throw error(.unfinishedTag) }
        position += state.end.count
        return name
    }

    private mutating func readPartialName(_ state: State) throws(TemplateSyntaxError) -> String {
        skipWhitespace()
        if !atEnd, bytes[position] == UInt8(ascii: "*") { throw error(.unsupportedTag("dynamic partial")) }
        return try readName(state, partial: true)
    }

    /// A tag alone on its line (apart from spaces): its line break is consumed with it.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        var i = position
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        let saved = position
        position = i
        if let n = newlineLength {
            position += n
            return true
        }
        position = saved
        return false
    }

    private mutating func setDelimiters(_ state: inout State) throws(TemplateSyntaxError) {
        func isSpace(_ b: UInt8) -> Bool { [0x20, 0x09, 0x0A, 0x0D].contains(b) }
        skipWhitespace()
        let openStart = position
        while !atEnd, !isSpace(bytes[position]) { position += 1 }
        let open = Array(bytes[openStart..<position])
        skipWhitespace()
        let closeStart = position
        while !atEnd, !isSpace(bytes[position]), bytes[position] != UInt8(ascii: "=") { position += 1 }
        let close = Array(bytes[closeStart..<position])
        skipWhitespace()
        guard !open.isEmpty, !close.isEmpty, !atEnd, bytes[position] == UInt8(ascii: "=") else {
            throw error(.invalidSetDelimiter)
        }
        position += 1
        guard matches(state.end) else { throw error(.invalidSetDelimiter) }
        position += state.end.count
        state.start = open
        state.end = close
        state.isPartialDefinitionTopLevel = false
    }

    private func error(_ kind: TemplateSyntaxError.Kind) -> TemplateSyntaxError {
        let upTo = bytes[..<min(position, bytes.count)]
        let lineStart = (upTo.lastIndex(of: 0x0A).map { $0 + 1 }) ?? 0
        let line = upTo.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        // Columns count characters (UTF-8 lead bytes), as an editor shows them.
        let column = bytes[lineStart..<upTo.endIndex].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        return TemplateSyntaxError(kind: kind, line: line, column: column)
    }
}
