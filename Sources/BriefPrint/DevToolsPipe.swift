#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import Foundation
import SiteModel

/// One headless Chromium, driven through the DevTools protocol over `--remote-debugging-pipe`
/// (it reads NUL-terminated JSON commands on fd 3 and answers on fd 4). One browser serves
/// many pages: starting Chromium per PDF costs ~2 s, a page in a running browser far less.
final class DevToolsPipe: @unchecked Sendable {
    private let pid: pid_t
    private let toBrowser: Int32
    private let fromBrowser: Int32
    private let lock = NSLock()
    private var nextID = 1
    private var waiting: [Int: (DispatchSemaphore, [String: Any]?)] = [:]
    private var loaded: Set<String> = []  // sessions whose page fired its load event
    private var loadWaiters: [String: DispatchSemaphore] = [:]
    private var reader: Thread?
    private var closed = false
    private let profile: String
    private static let spawning = NSLock()

    init(chromium: String) throws {
        // Browsers start one at a time, and our ends of each pipe close on exec: a browser that
        // inherited another's pipe would hold it open, so that one would not exit when we close it
        // (shutdown then waits 5 s and kills it).
        Self.spawning.lock()
        defer { Self.spawning.unlock() }
        var toFDs: [Int32] = [0, 0], fromFDs: [Int32] = [0, 0]
        guard pipe(&toFDs) == 0, pipe(&fromFDs) == 0 else { throw BriefError.launch("cannot create pipes") }
        _ = fcntl(toFDs[1], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fromFDs[0], F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toFDs[0], 3)
        posix_spawn_file_actions_adddup2(&actions, fromFDs[1], 4)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // A profile folder per browser (several may run at once), removed on shutdown.
        let profile = FileManager.default.temporaryDirectory
            .appendingPathComponent("silkpress-chromium-\(getpid())-\(UUID().uuidString)").path
        self.profile = profile
        let args = [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--no-default-browser-check", "--disable-extensions", "--remote-debugging-pipe",
                    // The printing tab is never throttled, whatever the headless window's state.
                    "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                    "--disable-backgrounding-occluded-windows",
                    "--user-data-dir=" + profile, "about:blank"]
        var cArgs = args.map { strdup($0) } + [nil]
        defer { for a in cArgs { free(a) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, chromium, &actions, nil, &cArgs, environ)
        close(toFDs[0])
        close(fromFDs[1])
        guard status == 0 else {
            close(toFDs[1]); close(fromFDs[0])
            throw BriefError.launch("cannot start \(chromium): \(String(cString: strerror(status)))")
        }
        pid = child
        toBrowser = toFDs[1]
        fromBrowser = fromFDs[0]
        let thread = Thread { [weak self] in self?.readLoop() }
        reader = thread
        thread.start()
    }

    deinit { shutdown() }

    /// Sends a command and waits for its answer (`result`), or throws its `error`.
    func send(_ method: String, _ params: [String: Any] = [:], session: String? = nil,
              timeout: Double = 60) throws -> [String: Any] {
        let semaphore = DispatchSemaphore(value: 0)
        lock.lock()
        let id = nextID
        nextID += 1
        waiting[id] = (semaphore, nil)
        lock.unlock()
        var message: [String: Any] = ["id": id, "method": method, "params": params]
        if let session { message["sessionId"] = session }
        var bytes = [UInt8](try JSONSerialization.data(withJSONObject: message))
        bytes.append(0)
        try writeAll(bytes)
        guard semaphore.wait(timeout: .now() + timeout) == .success else {
            throw BriefError.protocolError("\(method) did not answer in \(Int(timeout)) s")
        }
        lock.lock()
        let reply = waiting.removeValue(forKey: id)?.1 ?? [:]
        lock.unlock()
        if let error = reply["error"] as? [String: Any] {
            throw BriefError.protocolError("\(method): \(error["message"] ?? error)")
        }
        return reply["result"] as? [String: Any] ?? [:]
    }

    /// Loads `url` in the tab of `session` (its Page domain enabled) and waits for its load event.
    func navigate(_ url: String, session: String, timeout: Double = 60) throws {
        lock.lock()
        loaded.remove(session)
        lock.unlock()
        let result = try send("Page.navigate", ["url": url], session: session)
        if let error = result["errorText"] as? String, !error.isEmpty {
            throw BriefError.protocolError("cannot open \(url): \(error)")
        }
        lock.lock()
        if loaded.contains(session) { lock.unlock(); return }
        let semaphore = DispatchSemaphore(value: 0)
        loadWaiters[session] = semaphore
        lock.unlock()
        guard semaphore.wait(timeout: .now() + timeout) == .success else {
            throw BriefError.protocolError("the page did not finish loading in \(Int(timeout)) s")
        }
    }

    func shutdown() {
        lock.lock()
        guard !closed else { lock.unlock(); return }
        closed = true
        lock.unlock()
        close(toBrowser)  // Chromium exits when its pipe closes
        var status: Int32 = 0
        for _ in 0..<50 {
            if waitpid(pid, &status, WNOHANG) != 0 { break }
            usleep(100_000)
        }
        if waitpid(pid, &status, WNOHANG) == 0 { kill(pid, SIGKILL); waitpid(pid, &status, 0) }
        close(fromBrowser)
        try? FileManager.default.removeItem(atPath: profile)
    }

    private func writeAll(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(toBrowser, $0.baseAddress, $0.count) }
            guard n > 0 else { throw BriefError.protocolError("the browser closed its pipe") }
            offset += n
        }
    }

    private func readLoop() {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fromBrowser, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            buffer += chunk[0..<n]
            while let end = buffer.firstIndex(of: 0) {
                let message = Array(buffer[..<end])
                buffer.removeSubrange(...end)
                handle(message)
            }
        }
        // The browser is gone: wake everyone still waiting.
        lock.lock()
        for (id, entry) in waiting { waiting[id] = (entry.0, ["error": ["message": "the browser exited"]]); entry.0.signal() }
        for (_, s) in loadWaiters { s.signal() }
        lock.unlock()
    }

    private func handle(_ message: [UInt8]) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(message)) as? [String: Any] else { return }
        lock.lock()
        defer { lock.unlock() }
        if let id = object["id"] as? Int, let entry = waiting[id] {
            waiting[id] = (entry.0, object)
            entry.0.signal()
        } else if object["method"] as? String == "Page.loadEventFired", let session = object["sessionId"] as? String {
            loaded.insert(session)
            loadWaiters.removeValue(forKey: session)?.signal()
        }
    }
}

public enum BriefError: Error, CustomStringConvertible {
    case launch(String)
    case protocolError(String)

    public var description: String {
        switch self {
        case .launch(let s), .protocolError(let s): s
        }
    }
}
