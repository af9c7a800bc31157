import Foundation
import XCTest

/// Paths inside this package, found from this file's location (tests run from any cwd).
enum PackagePaths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let templates = root.appendingPathComponent("Templates")
    static let vectors = root.appendingPathComponent("Tests/SiteSearchTests/Fixtures/tokenizer-vectors.json")
    static let searchJS = templates.appendingPathComponent("assets/search.js")
}

struct TokenizerVector: Decodable {
    var text: String
    var tokens: [String]

    static func load() throws -> [TokenizerVector] {
        try JSONDecoder().decode([TokenizerVector].self, from: Data(contentsOf: PackagePaths.vectors))
    }
}

func makeTempDir(_ name: String) throws -> URL {
    let dir = FileManager.default.temporaryDirectory
        .appendingPathComponent("silkpress-search-\(name)-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

/// Headless Chromium driven by --dump-dom; stderr carries CONSOLE lines thanks to
/// --enable-logging=stderr --v=0, which is how tests see script errors.
enum Chromium {
    static let path = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    struct Dump {
        var dom: String
        var stderr: String
        /// Console messages the page produced (errors, warnings and logs alike).
        var consoleLines: [String] { stderr.split(separator: "\n").map(String.init).filter { $0.contains("CONSOLE") } }
    }

    static func dumpDOM(_ url: String) throws -> Dump {
        guard let path else {
            throw NSError(domain: "silkpress", code: 1, userInfo: [NSLocalizedDescriptionKey:
                "chromium is not installed: run `make test`, which installs it (apt-get install chromium)"])
        }
        let profile = try makeTempDir("chromium-profile")
        defer { try? FileManager.default.removeItem(at: profile) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                       "--user-data-dir=\(profile.path)", "--enable-logging=stderr", "--v=0",
                       "--dump-dom", url]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        // Read both pipes concurrently so neither fills up and blocks chromium.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return Dump(dom: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    /// file:// URL with a percent-encoded ?q=.
    static func url(_ file: URL, query: String? = nil) -> String {
        var c = URLComponents(url: file, resolvingAgainstBaseURL: false)!
        if let query { c.queryItems = [URLQueryItem(name: "q", value: query)] }
        return c.url!.absoluteString
    }
}

/// Pulls attribute values / element text out of a --dump-dom serialization (good enough for
/// the few fixed ids and classes our own page writes).
enum DOM {
    static func matches(_ pattern: String, in s: String) -> [String] {
        let re = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        return re.matches(in: s, range: NSRange(s.startIndex..., in: s)).compactMap {
            Range($0.range(at: 1), in: s).map { String(s[$0]) }
        }
    }

    static func resultHrefs(_ dom: String) -> [String] {
        matches(#"<a href="([^"]*)" class="search-title">"#, in: dom)
    }

    static func statusAttribute(_ name: String, _ dom: String) -> String? {
        matches(#"<p id="search-status"[^>]*\#(name)="([^"]*)""#, in: dom).first
    }
}
