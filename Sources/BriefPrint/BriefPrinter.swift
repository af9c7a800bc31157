import Foundation
import SiteModel

/// Prints briefs to PDF with headless Chromium: one browser per worker, one tab per browser.
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
            var tab: Tab?
            while let i = next.take(below: jobs.count) {
                do {
                    if tab == nil { tab = try Tab(browser) }
                    try tab!.print(jobs[i])
                } catch {
                    failures.add(.error(jobs[i].html, "cannot print \(jobs[i].name) to PDF: \(error)"))
                    tab?.close()  // the next brief starts in a fresh tab
                    tab = nil
                }
            }
        }
        return failures.sorted
    }

    /// The one tab a worker prints all its briefs in. A tab per brief cost ~0.2 CPU-s (a renderer
    /// process) and each page load ~0.07 more; the next brief swapped into the loaded page costs
    /// almost nothing and prints the same PDF byte for byte (a test checks this).
    private final class Tab {
        let browser: DevToolsPipe
        let target: String
        let session: String
        var hasPage = false

        init(_ browser: DevToolsPipe) throws {
            self.browser = browser
            target = try browser.send("Target.createTarget", ["url": "about:blank"])["targetId"] as? String ?? ""
            session = try browser.send("Target.attachToTarget", ["targetId": target, "flatten": true])["sessionId"] as? String ?? ""
            _ = try browser.send("Page.enable", session: session)  // for its load events
        }

        func close() { _ = try? browser.send("Target.closeTarget", ["targetId": target]) }

        func print(_ job: Job) throws {
            let url = URL(fileURLWithPath: job.html).absoluteString
            var shown = false
            if hasPage {
                let html = try String(contentsOfFile: job.html, encoding: .utf8)
                let args = String(decoding: try JSONSerialization.data(withJSONObject: [html, url]), as: UTF8.self)
                shown = try evaluate("(\(Tab.swap)).apply(null, \(args))") == "swapped"
            }
            if !shown {
                try browser.navigate(url, session: session)
                hasPage = true
                _ = try evaluate("document.fonts.ready.then(() => 'ready')")
            }
            // Untagged: a tagged PDF carries DOM node ids, which differ once a page has been swapped,
            // so a brief would print differently depending on the briefs before it.
            let pdf = try browser.send("Page.printToPDF", ["printBackground": true, "preferCSSPageSize": true,
                                                           "generateTaggedPDF": false], session: session, timeout: 120)
            guard let base64 = pdf["data"] as? String, let data = Data(base64Encoded: base64), data.starts(with: Array("%PDF".utf8)) else {
                throw BriefError.protocolError("the browser returned no PDF")
            }
            // Written beside and renamed: a reader never sees half a PDF.
            let partial = job.pdf + ".partial"
            try data.write(to: URL(fileURLWithPath: partial))
            guard rename(partial, job.pdf) == 0 else { throw BriefError.protocolError("cannot move \(job.pdf) into place") }
        }

        private func evaluate(_ expression: String) throws -> String? {
            let r = try browser.send("Runtime.evaluate", ["expression": expression, "awaitPromise": true, "returnByValue": true],
                                     session: session)
            if let e = r["exceptionDetails"] as? [String: Any] {
                throw BriefError.protocolError("script failed: \((e["exception"] as? [String: Any])?["description"] ?? e["text"] ?? "")")
            }
            return (r["result"] as? [String: Any])?["value"] as? String
        }

        /// Puts the brief page `html` (at `url`) in place of the loaded one: its title, inline styles
        /// (the running head) and body; the base URL makes its relative links resolve as on its
        /// own page. Answers "navigate" when it links other stylesheets than those loaded.
        static let swap = """
            (html, url) => {
              const next = new DOMParser().parseFromString(html, "text/html");
              const wanted = [...next.querySelectorAll("link[rel=stylesheet]")].map(l => new URL(l.getAttribute("href"), url).href);
              const loaded = [...document.styleSheets].map(s => s.href).filter(Boolean);
              if (wanted.join(" ") !== loaded.join(" ")) return "navigate";
              const base = document.querySelector("base") || document.head.insertBefore(document.createElement("base"), document.head.firstChild);
              base.href = url;
              document.title = next.title;
              for (const s of document.head.querySelectorAll("style")) s.remove();
              for (const s of next.head.querySelectorAll("style")) document.head.append(document.adoptNode(s));
              document.body.replaceWith(document.adoptNode(next.body));
              return Promise.all([...document.images].map(i => i.decode().catch(() => {})))
                .then(() => document.fonts.ready).then(() => "swapped");
            }
            """
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
