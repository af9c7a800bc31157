import Foundation
import XCTest

enum TestSupport {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let snapshotDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    static func findExecutable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") + ["/usr/bin", "/usr/local/bin"] {
            let p = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }

    /// Runs a process with a timeout; returns (status, stderr).
    @discardableResult
    static func run(_ exe: String, _ args: [String], timeout: TimeInterval = 60) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if p.isRunning { p.terminate(); p.waitUntilExit(); return (-1, "timeout") }
        p.waitUntilExit()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Fails the test (does not skip) when xmllint is absent: validity is a
    /// requirement, not a nicety.
    static func assertValidXML(_ xml: String, name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        guard let xmllint = findExecutable("xmllint") else {
            XCTFail("xmllint not found on PATH — install libxml2-utils to run validity tests", file: file, line: line)
            return
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("svgcharts-\(name)-\(UUID().uuidString).svg")
        try Data(xml.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let (status, err) = try run(xmllint, ["--noout", url.path])
        XCTAssertEqual(status, 0, "xmllint rejected \(name): \(err)", file: file, line: line)
    }
}
