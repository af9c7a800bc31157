import Foundation
import SiteModel
import Yams

/// YAML front matter between `---` lines at the top of a Markdown seed.
struct FrontMatter {
    var title: String?
    var date: String?
    var author: String?
    var tags: [String] = []
    /// Line (1-based) of the first body line after the closing `---`.
    var bodyStartLine = 1
    var body: Substring

    /// Splits and parses the front matter; a seed without one has an empty front matter.
    static func parse(_ seed: SeedText) -> Result<FrontMatter, Diagnostic> {
        let lines = seed.lines
        guard let first = lines.first, first.trimmingTrailingSpace == "---" else {
            return .success(FrontMatter(body: seed.text[...]))
        }
        guard let close = lines.indices.dropFirst().first(where: { lines[$0].trimmingTrailingSpace == "---" }) else {
            return .failure(.error(seed.path, line: 1, column: 1, "front matter opened with '---' is never closed",
                                   hint: "end the front matter with a line '---'"))
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, path: seed.path, lineOffset: 1))
        } catch {
            return .failure(.error(seed.path, line: 2, column: 1, "bad YAML front matter: \(error)"))
        }
        let bodyStart = lines[..<(close + 1)].reduce(0) { $0 + $1.utf8.count + 1 }
        let utf8 = seed.text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: min(bodyStart, utf8.count))
        var fm = FrontMatter(bodyStartLine: close + 2, body: seed.text[start...])
        guard let node else { return .success(fm) }
        guard let mapping = node.mapping else {
            return .failure(.error(seed.path, line: 2, column: 1, "front matter must be a YAML mapping (key: value lines)"))
        }
        fm.title = mapping["title"]?.scalarText
        fm.date = mapping["date"]?.scalarText
        fm.author = mapping["author"]?.scalarText
        if let tags = mapping["tags"] {
            if let seq = tags.sequence {
                fm.tags = seq.compactMap(\.scalarText)
            } else if let s = tags.scalarText {
                fm.tags = s.split(whereSeparator: { $0 == "," || $0 == "，" })
                    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
        }
        return .success(fm)
    }

    /// Maps a Yams error (lines relative to the YAML text) onto the seed's lines.
    private static func diagnostic(for error: YamlError, path: String, lineOffset: Int) -> Diagnostic {
        func make(_ problem: String, _ context: YamlError.Context?, _ mark: Mark) -> Diagnostic {
            var message = "bad YAML front matter: \(problem)"
            if let context { message += " (\(context.text))" }
            return .error(path, line: mark.line + lineOffset, column: mark.column, message)
        }
        switch error {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            return make(problem, context, mark)
        case let .duplicatedKeysInMapping(duplicates, context):
            return make("duplicated key \(duplicates.joined(separator: ", "))", nil, context.mark)
        default:
            return .error(path, line: 1 + lineOffset, column: 1, "bad YAML front matter: \(error)")
        }
    }
}

extension Node {
    /// A scalar's text as written, or nil for a null or empty value. (Yams would turn
    /// `2017-05-16 18:42:31` into a Date; we keep what the source prints.)
    fileprivate var scalarText: String? {
        guard let s = scalar?.string.trimmingCharacters(in: .whitespaces), !s.isEmpty else { return nil }
        return s
    }
}

extension Substring {
    var trimmingTrailingSpace: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
        return s
    }
}
