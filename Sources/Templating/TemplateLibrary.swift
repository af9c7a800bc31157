/// Named templates (pages, layouts, partials) rendered straight into UTF-8 bytes.
public struct TemplateLibrary: Sendable {
    public let templates: [String: Template]

    public init(templates: [String: Template]) { self.templates = templates }

    /// The named template rendered with `context`, or nil when there is no such template.
    public func render(_ name: String, _ context: TemplateObject) -> [UInt8]? {
        guard let template = templates[name] else { return nil }
        var renderer = Renderer(library: templates)
        renderer.out.reserveCapacity(16 * 1024)
        renderer.stack.append(.object(context))
        renderer.render(template, indentation: [], inherited: nil)
        return renderer.out
    }
}

private struct Renderer {
    let library: [String: Template]
    var out: [UInt8] = []
    var stack: [TemplateValue] = []

    mutating func render(_ template: Template, indentation: [UInt8], inherited: [String: Template]?) {
        let start = out.count
        for node in template.nodes {
            guard !indentation.isEmpty else {
                render(node, indentation: indentation, inherited: inherited)
                continue
            }
            // An indented partial: each of its lines starts with the partial tag's indentation.
            let atLineStart = out.count > start && out.last == 0x0A
            let before = out.count
            render(node, indentation: indentation, inherited: inherited)
            if atLineStart, out.count > before { out.insert(contentsOf: indentation, at: before) }
        }
    }

    private mutating func render(_ node: Node, indentation: [UInt8], inherited: [String: Template]?) {
        switch node {
        case .text(let bytes):
            out.append(contentsOf: bytes)
        case .variable(let name, let escaped):
            switch lookup(name) {
            case .text(let s)?:
                if escaped { HTMLEscape.append(s, to: &out) } else { out.append(contentsOf: s.utf8) }
            case .utf8(let bytes)?:
                if escaped { HTMLEscape.append(bytes, to: &out) } else { out.append(contentsOf: bytes) }
            case .int(let n)?: out.append(contentsOf: String(n).utf8)
            case .bool(let b)?: out.append(contentsOf: (b ? "true" : "false").utf8)
            case .list?, .object?, nil: break
            }
        case .section(let name, let content, let inverted):
            let value = lookup(name)
            if inverted {
                if value?.isFalsey ?? true { render(content, indentation: indentation, inherited: inherited) }
                return
            }
            switch value {
            case .list(let items)?:
                for item in items {
                    stack.append(item)
                    render(content, indentation: indentation, inherited: inherited)
                    stack.removeLast()
                }
            case .bool(let b)?:
                if b { render(content, indentation: indentation, inherited: inherited) }
            case let value?:
                stack.append(value)
                render(content, indentation: indentation, inherited: inherited)
                stack.removeLast()
            case nil:
                break
            }
        case .partial(let name, let indent, let overrides):
            guard let template = library[name] else { return }
            var merged = inherited
            if let overrides {
                // Blocks overridden further out win over the ones this tag sets.
                merged = (inherited ?? [:]).merging(overrides) { outer, _ in outer }
            }
            render(template, indentation: indentation + (indent ?? []), inherited: merged)
        case .block(let name, let fallback, let indent):
            render(inherited?[name] ?? fallback, indentation: indentation + indent, inherited: inherited)
        case .blockDefinition:
            break
        }
    }

    /// The first value up the stack that has the name's first part, then its children.
    private func lookup(_ name: TagName) -> TemplateValue? {
        guard let first = name.parts.first else { return stack.last }
        let firstPrint = name.fingerprints[0]
        var found: TemplateValue?
        if name.anchored {
            if case .object(let o)? = stack.last { found = o[firstPrint, first] }
        } else {
            for value in stack.reversed() {
                if case .object(let o) = value, let child = o[firstPrint, first] { found = child; break }
            }
        }
        for (part, print) in zip(name.parts.dropFirst(), name.fingerprints.dropFirst()) {
            guard case .object(let o)? = found else { return nil }
            found = o[print, part]
        }
        return found
    }
}

/// `{{…}}` escaping: the five characters that matter in HTML text and attribute values.
enum HTMLEscape {
    static func append(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { append($0, to: &out) }
    }

    static func append(_ bytes: [UInt8], to out: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0, to: &out) }
    }

    private static func append(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var from = 0
        for (i, b) in bytes.enumerated() {
            let replacement: StaticString
            switch b {
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'"): replacement = "&#39;"
            default: continue
            }
            out.append(contentsOf: bytes[from..<i])
            replacement.withUTF8Buffer { out.append(contentsOf: $0) }
            from = i + 1
        }
        out.append(contentsOf: bytes[from...])
    }
}
