import Foundation
import SiteModel

/// Prints briefs to PDF with one headless Chromium, several pages at a time.
public enum BriefPrinter {
    public struct Job: Sendable {
        public var name: String
        /// The brief's HTML file on disk.
        public var html: String
        public var pdf: String
        public init(name: String, html: String, pdf: String) {
            self.name = name
            self.html = html
            self.pdf = pdf
        }
    }

    /// `$CHROMIUM` when set (and only it), else Debian's `chromium`; nil when not installed.
    public static func findChromium() -> String? {
        if let env = ProcessInfo.processInfo.environment["CHROMIUM"], !env.isEmpty {
            return FileManager.default.isExecutableFile(atPath: env) ? env : nil
        }
        return ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    public static let missingChromium = Diagnostic.error(
        "chromium", "headless Chromium is needed to print PDFs and was not found",
        hint: "install it with: sudo apt-get install chromium fonts-droid-fallback fonts-dejavu-core (or set CHROMIUM=/path/to/chromium)")

    /// Prints every job; returns one diagnostic per job that failed (none when all printed).
    public static func print(_ jobs: [Job], chromium: String?, parallel: Int = ProcessInfo.processInfo.activeProcessorCount)
        -> [Diagnostic] {
        guard let chromium else { return [missingChromium] }
        // One browser per worker: Chromium prints one page at a time per browser process,
        // so tabs in one browser barely overlap; separate browsers do.
        let workers = max(1, min(parallel, jobs.count))
        let next = Counter()
        let failures = Collector()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let browser: DevToolsPipe
            do { browser = try DevToolsPipe(chromium: chromium) } catch {
                failures.add(.error("chromium", "\(error)", hint: missingChromium.hint))
                return
            }
            defer { browser.shutdown() }
            while let i = next.take(below: jobs.count) {
                do { try printOne(jobs[i], browser: browser) } catch {
                    failures.add(.error(jobs[i].html, "cannot print \(jobs[i].name) to PDF: \(error)"))
                }
            }
        }
        return failures.sorted
    }

    private static func printOne(_ job: Job, browser: DevToolsPipe) throws {
        let target = try browser.send("Target.createTarget", ["url": "about:blank"])["targetId"] as? String ?? ""
        defer { _ = try? browser.send("Target.closeTarget", ["targetId": target]) }
        let session = try browser.send("Target.attachToTarget", ["targetId": target, "flatten": true])["sessionId"] as? String ?? ""
        _ = try browser.send("Page.navigate", ["url": URL(fileURLWithPath: job.html).absoluteString], session: session)
        // Loaded, fonts included, before printing.
        for _ in 0..<600 {
            let r = try browser.send("Runtime.evaluate", ["expression": "document.fonts.ready.then(() => document.readyState)",
                                                         "awaitPromise": true, "returnByValue": true], session: session)
            if ((r["result"] as? [String: Any])?["value"] as? String) == "complete" { break }
            usleep(20_000)
        }
        let pdf = try browser.send("Page.printToPDF", ["printBackground": true, "preferCSSPageSize": true,
                                                       "displayHeaderFooter": false], session: session, timeout: 120)
        guard let base64 = pdf["data"] as? String, let data = Data(base64Encoded: base64), data.starts(with: Array("%PDF".utf8)) else {
            throw BriefError.protocolError("the browser returned no PDF")
        }
        // Written beside and renamed: a reader never sees half a PDF.
        let partial = job.pdf + ".partial"
        try data.write(to: URL(fileURLWithPath: partial))
        guard rename(partial, job.pdf) == 0 else { throw BriefError.protocolError("cannot move \(job.pdf) into place") }
    }
}

/// Hands out job indexes to the workers.
private final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}

private final class Collector: @unchecked Sendable {
    private var items: [Diagnostic] = []
    private let lock = NSLock()
    func add(_ d: Diagnostic) { lock.lock(); items.append(d); lock.unlock() }
    var sorted: [Diagnostic] { lock.lock(); defer { lock.unlock() }; return items.sorted { $0.file < $1.file } }
}
