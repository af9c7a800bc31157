import Foundation
import SiteModel
import Templating

/// The templates, partials and static files of a site, loaded from folders in priority order:
/// a user's `--templates` folder first, the built-in `Templates/` below it, so a user folder
/// needs to hold only what it changes.
public struct TemplateSet: Sendable {
    /// A file taken from one of the folders: its name relative to the folder, and its path.
    public struct File: Hashable, Sendable {
        public var name: String
        public var path: String
    }

    public let library: TemplateLibrary
    /// Which file each template name came from (for diagnostics and tests).
    public let templates: [String: File]
    /// Files under `assets/` (CSS, scripts, fonts), copied to the same path in the output.
    public let assets: [File]
    /// Files under `data/` the site's design uses (the tile map's layout), by name.
    public let data: [String: File]

    /// The page templates a build needs.
    public static let required = ["layout", "home", "document", "part", "source", "countries", "country",
                                   "organisations", "organisation", "agreements", "agreement", "404", "brief", "search", "figures"]

    public static func load(folders: [String]) -> Result<TemplateSet, BuildFailure> {
        var chosen: [String: File] = [:]  // name with extension → file; first folder wins
        for folder in folders {
            guard let names = FileManager.default.subpaths(atPath: folder) else {
                return .failure(BuildFailure([.error(folder, "cannot read the templates folder",
                                                     hint: "pass an existing folder with --templates DIR")]))
            }
            for name in names.sorted() where !chosen.keys.contains(name) {
                let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
                var isDir: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue,
                      !name.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
                chosen[name] = File(name: name, path: path)
            }
        }
        var diagnostics: [Diagnostic] = []
        var parsed: [String: Template] = [:]
        var templates: [String: File] = [:]
        var texts: [String: String] = [:]
        var assets: [File] = []
        var data: [String: File] = [:]
        for (name, file) in chosen.sorted(by: { $0.key < $1.key }) {
            guard name.hasSuffix(".mustache") else {
                if name.hasPrefix("assets/") { assets.append(file) }  // other files (a README) stay out
                if name.hasPrefix("data/") { data[name] = file }
                continue
            }
            let templateName = String(name.dropLast(".mustache".count))
            guard let data = FileManager.default.contents(atPath: file.path),
                  let text = String(data: data, encoding: .utf8) else {
                diagnostics.append(.error(file.path, "cannot read the template as UTF-8 text"))
                continue
            }
            do {
                parsed[templateName] = try Template(parsing: text)
                templates[templateName] = file
                texts[templateName] = text
            } catch {
                diagnostics.append(.error(file.path, line: error.line, column: error.column, "template syntax: \(error.message)"))
            }
        }
        // A missing partial would render as nothing; a typo must fail the build instead.
        for (name, text) in texts.sorted(by: { $0.key < $1.key }) {
            for ref in PartialReference.scan(text) where parsed[ref.name] == nil && chosen[ref.name + ".mustache"] == nil {
                diagnostics.append(.error(templates[name]?.path ?? name, line: ref.line, column: ref.column,
                    "template names a missing partial '\(ref.name)'",
                    hint: "no \(ref.name).mustache in \(folders.joined(separator: " or "))"))
            }
        }
        for name in required where templates[name] == nil && !diagnostics.contains(where: { $0.file.hasSuffix("/\(name).mustache") }) {
            diagnostics.append(.error(folders.first ?? "Templates", "no '\(name).mustache' template in \(folders.joined(separator: " or "))"))
        }
        if !diagnostics.isEmpty { return .failure(BuildFailure(diagnostics)) }
        return .success(TemplateSet(library: TemplateLibrary(templates: parsed), templates: templates, assets: assets, data: data))
    }

    /// Renders a page template into UTF-8; the name must be one of `required`.
    public func render(_ template: String, _ context: TemplateObject) -> [UInt8] {
        library.render(template, context) ?? []
    }
}

/// `{{> name}}` and `{{< name}}` tags in a template's text, with their positions.
struct PartialReference: Equatable {
    var name: String
    var line: Int
    var column: Int

    static func scan(_ text: String) -> [PartialReference] {
        // Tags are found as bytes ("{{" and "}}" are ASCII); Foundation's `range(of:)` per line
        // cost more than loading the templates.
        var out: [PartialReference] = []
        let bytes = Array(text.utf8)
        var line = 1, lineStart = 0, i = 0
        while i + 1 < bytes.count {
            if bytes[i] == 0x0A { line += 1; lineStart = i + 1; i += 1; continue }
            guard bytes[i] == UInt8(ascii: "{"), bytes[i + 1] == UInt8(ascii: "{") else { i += 1; continue }
            var close = i + 2
            while close + 1 < bytes.count, bytes[close] != 0x0A, !(bytes[close] == UInt8(ascii: "}") && bytes[close + 1] == UInt8(ascii: "}")) {
                close += 1
            }
            guard close + 1 < bytes.count, bytes[close] == UInt8(ascii: "}") else { i = close; continue }  // unclosed on its line
            let tag = ScalarText.trimmed(String(decoding: bytes[(i + 2)..<close], as: UTF8.self))
            if let sigil = tag.first, sigil == ">" || sigil == "<" {
                let name = ScalarText.trimmed(tag.dropFirst())
                if !name.isEmpty, !name.hasPrefix("*") {
                    let column = String(decoding: bytes[lineStart..<i], as: UTF8.self).count + 1
                    out.append(PartialReference(name: name, line: line, column: column))
                }
            }
            i = close + 2
        }
        return out
    }
}
