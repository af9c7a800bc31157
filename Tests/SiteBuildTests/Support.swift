import Foundation
import SiteBuild
import XCTest

/// Paths of the repository and its fixtures, and a scratch folder per test.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../..").standardized.path
    static let templates = root + "/Templates"
    static let seeds = root + "/seeds"
    static func fixture(_ name: String) -> String { root + "/Tests/Fixtures/" + name }
}

extension XCTestCase {
    /// A fresh temporary folder, removed after the test.
    func scratch() throws -> String {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("silkpress-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        return dir
    }

    func build(seeds: String, templates: [String] = [Repo.templates], output: String, write: Bool = true) -> BuildReport {
        SiteBuilder.build(BuildOptions(seeds: seeds, templateFolders: templates, output: output, write: write))
    }

    /// Every file under `dir` (hidden ones too) with its bytes, by relative path.
    func tree(_ dir: String) -> [String: Data] {
        var out: [String: Data] = [:]
        for path in FileManager.default.subpaths(atPath: dir) ?? [] {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: dir + "/" + path, isDirectory: &isDir), !isDir.boolValue {
                out[path] = FileManager.default.contents(atPath: dir + "/" + path)
            }
        }
        return out
    }

    func text(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }
}

/// What a run of the `silkpress` executable printed, and its exit status.
struct SilkpressRun {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the built `silkpress` executable as a user would, with extra environment variables.
func runSilkpress(_ args: [String], environment: [String: String] = [:], in dir: String = NSTemporaryDirectory()) throws -> SilkpressRun {
    let binary = Repo.root + "/.build/debug/silkpress"
    guard FileManager.default.isExecutableFile(atPath: binary) else {
        throw XCTSkip("build the executable first (swift build --build-tests)")
    }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: binary)
    p.arguments = args
    p.currentDirectoryURL = URL(fileURLWithPath: dir)
    p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return SilkpressRun(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                        stderr: String(decoding: e, as: UTF8.self))
}

/// Debian's headless Chromium (installed by `make test`), with console messages on stderr.
func runChromium(_ args: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    guard let binary = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
        XCTFail("chromium is not installed: run `make test`, which installs it (apt-get install chromium)")
        return (1, "", "")
    }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: binary)
    p.arguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                   "--no-first-run", "--enable-logging=stderr", "--v=0"] + args
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    nonisolated(unsafe) var errData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    let o = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}
