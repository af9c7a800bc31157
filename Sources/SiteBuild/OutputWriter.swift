#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import Foundation
import SiteModel
import SiteRender

/// Updates the output folder to exactly the new site, in two steps, so a failed build never
/// leaves a half-written site:
/// 1. `stage`: every file whose bytes differ from the output's is written beside its target
///    under a hidden temporary name (missing folders are created); nothing visible changes.
///    Any write error removes what was written and leaves the output as it was.
/// 2. `commit` (only when the build succeeded): each temporary file is renamed over its
///    target — renames need no space, so this step does not fail on a full disk — and files
///    the new site no longer has are removed.
/// Unchanged files are not touched: they keep their modification time (so `rsync` uploads
/// only what changed), and a rebuild writes only what changed. Files are written with POSIX
/// open/write (FileManager is 2–3× slower here).
public struct OutputWriter: Sendable {
    public let output: String
    /// Every output folder gets this file; a folder without it is not replaced.
    public static let marker = ".silkpress-build"
    /// Prefix of a staged file's temporary name (hidden; removed by the next build if left over).
    static let stagedPrefix = ".silkpress-new-"

    public init(output: String) {
        self.output = output.count > 1 && output.hasSuffix("/") ? String(output.dropLast()) : output
    }

    /// Stages and commits in one go.
    public func write(_ files: [OutputFile]) throws {
        try stage(files).commit()
    }

    /// The changed files written under temporary names, not yet in place.
    public struct Staged: Sendable {
        let writer: OutputWriter
        /// (temporary file, target), both absolute.
        let pending: [(temp: String, target: String)]
        /// What the output holds that the new site does not (absolute paths; folders whole),
        /// found while staging so the commit only removes them.
        let stale: [(path: String, isFolder: Bool)]
        /// Folders `stage` created, parents first.
        let created: [String]

        /// Puts the staged files in place and removes what the new site no longer has.
        public func commit() throws {
            for (temp, target) in pending {
                var st = stat()
                if lstat(target, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR { try? FileManager.default.removeItem(atPath: target) }
                if rename(temp, target) != 0 {
                    throw BuildFailure([.error(writer.output, "cannot move \(target) into place: \(String(cString: strerror(errno)))")])
                }
            }
            for (path, isFolder) in stale {
                guard isFolder else { unlink(path); continue }
                // A folder that stood where a new file goes was replaced by it just above.
                var st = stat()
                if lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR { try? FileManager.default.removeItem(atPath: path) }
            }
        }

        /// Throws the staged files away; the output stays as it was.
        public func discard() {
            for (temp, _) in pending { unlink(temp) }
            for dir in created.reversed() { rmdir(dir) }
        }
    }

    /// Compares every file with the output and writes the changed ones under temporary names.
    public func stage(_ files: [OutputFile]) throws -> Staged {
        try checkReplaceable()
        var pending: [(temp: String, target: String)] = []
        var created: [String] = []
        var paths = Set<String>()
        var folders = Set<String>()
        func undo() {
            for (temp, _) in pending { unlink(temp) }
            for dir in created.reversed() { rmdir(dir) }
        }
        let all = files + [OutputFile(path: Self.marker, text: "written by silkpress build\n")]
        for file in all {
            paths.insert(file.path)
            var folder = file.path
            while let slash = folder.lastIndex(of: "/") {
                folder = String(folder[..<slash])
                guard folders.insert(folder).inserted else { break }
            }
        }
        // What the output holds beyond the new site, found beside the comparing (it must be
        // found before anything is written, so the staged files are not among it).
        let walk = Background { [paths, folders, self] in staleEntries(keeping: paths, folders: folders) }
        // Which files changed, compared on all cores in batches (each with its own read
        // buffer): a rebuild mostly reads files back and writes none.
        let batches = stride(from: 0, to: all.count, by: 64).map { $0..<min($0 + 64, all.count) }
        let compared = batches.parallelMap { range -> [Result<[UInt8]?, BuildFailure>] in
            var scratch: [UInt8] = []
            return range.map { changedBytes(all[$0], scratch: &scratch) }
        }.flatMap { $0 }
        let stale = walk.wait()
        do {
            var isDir: ObjCBool = false
            if !FileManager.default.fileExists(atPath: output, isDirectory: &isDir) {
                if mkdir(output, 0o755) != 0 {
                    throw BuildFailure([.error(output, "cannot create \(output): \(String(cString: strerror(errno)))",
                                               hint: "check that the folder holding the output exists and is writable")])
                }
                created.append(output)
            }
            var made: Set<String> = [output]
            for (file, result) in zip(all, compared) {
                guard let bytes = try result.get() else { continue }
                let target = output + "/" + file.path
                let slash = target.lastIndex(of: "/") ?? target.endIndex
                // Folders only for files that are written: an unchanged site makes none.
                try makeDirectories(String(target[..<slash]), made: &made, created: &created)
                let temp = String(target[...slash]) + Self.stagedPrefix + "\(getpid())-" + String(target[target.index(after: slash)...])
                try writeFile(temp, bytes)
                pending.append((temp, target))
            }
        } catch {
            undo()
            if let failure = error as? BuildFailure { throw failure }
            throw BuildFailure([.error(output, "cannot write the output: \(Self.reason(error))")])
        }
        return Staged(writer: self, pending: pending, stale: stale, created: created)
    }

    /// Every file and folder under the output that the new site does not have (pages of a
    /// seed that was removed, temporary files of an interrupted build).
    func staleEntries(keeping files: Set<String>, folders: Set<String>) -> [(path: String, isFolder: Bool)] {
        var stale: [(path: String, isFolder: Bool)] = []
        // A walk with readdir that enters only the folders the new site keeps (FileManager's
        // `subpaths` stats every entry and cost more than the rest of the commit).
        func walk(_ relative: String) {
            let path = relative.isEmpty ? output : output + "/" + relative
            guard let dir = opendir(path) else { return }
            var entries: [(name: String, isDir: Bool)] = []
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.baseAddress!.assumingMemoryBound(to: CChar.self)) }
                if name == "." || name == ".." { continue }
                var isDir = entry.pointee.d_type == UInt8(DT_DIR)
                if entry.pointee.d_type == UInt8(DT_UNKNOWN) {  // some file systems do not say
                    var st = stat()
                    isDir = lstat(path + "/" + name, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
                }
                entries.append((name, isDir))
            }
            closedir(dir)
            for (name, isDir) in entries {
                let child = relative.isEmpty ? name : relative + "/" + name
                if isDir {
                    if folders.contains(child) { walk(child) } else { stale.append((output + "/" + child, true)) }
                } else if !files.contains(child) {
                    stale.append((output + "/" + child, false))
                }
            }
        }
        walk("")
        return stale
    }

    /// The file's bytes when they differ from the output's copy, nil when it is unchanged.
    private func changedBytes(_ file: OutputFile, scratch: inout [UInt8]) -> Result<[UInt8]?, BuildFailure> {
        let bytes: [UInt8]
        switch file.contents {
        case .bytes(let b): bytes = b
        case .copy(let source):
            guard let data = FileManager.default.contents(atPath: source) else {
                return .failure(BuildFailure([.error(source, "cannot read \(source) to copy it into the output")]))
            }
            bytes = [UInt8](data)
        }
        return .success(Self.sameBytes(output + "/" + file.path, bytes, scratch: &scratch) ? nil : bytes)
    }

    /// Does the file at `path` hold exactly `bytes`? (Size first, then content, read in chunks
    /// into `scratch`, reused from file to file: a fresh buffer per file costs page faults.)
    static func sameBytes(_ path: String, _ bytes: [UInt8], scratch: inout [UInt8]) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, Int(st.st_size) == bytes.count else { return false }
        if scratch.count < 1 << 16 { scratch = [UInt8](repeating: 0, count: 1 << 16) }
        return bytes.withUnsafeBytes { expected in
            scratch.withUnsafeMutableBytes { chunk in
                // Each read asks for one byte more than is left: a file that grew since fstat
                // shows it, and a short read (the end of a regular file) needs no extra call.
                var offset = 0
                while true {
                    let want = min(chunk.count, expected.count - offset + 1)
                    let n = read(fd, chunk.baseAddress, want)
                    if n <= 0 { return n == 0 && offset == expected.count }
                    guard offset + n <= expected.count,
                          memcmp(chunk.baseAddress!, expected.baseAddress! + offset, n) == 0 else { return false }
                    offset += n
                    if n < want { return offset == expected.count }
                }
            }
        }
    }

    /// Refuses to replace a folder silkpress did not write (a mistyped `--output ~`), unless
    /// it is empty or holds only the README kept in the repository's `Output/`.
    private func checkReplaceable() throws {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output, isDirectory: &isDir) else { return }
        guard isDir.boolValue else {
            throw BuildFailure([.error(output, "the output path exists and is not a folder")])
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        if entries.isEmpty || entries.contains(Self.marker) || entries == ["README.md"] { return }
        throw BuildFailure([.error(output, "refusing to replace a folder that silkpress did not write (it has no \(Self.marker) file)",
                                   hint: "choose another --output, or empty the folder first")])
    }

    /// Creates `dir` and any missing parents below the output (already in `made`).
    private func makeDirectories(_ dir: String, made: inout Set<String>, created: inout [String]) throws {
        guard !made.contains(dir) else { return }
        if let slash = dir.lastIndex(of: "/") { try makeDirectories(String(dir[..<slash]), made: &made, created: &created) }
        if mkdir(dir, 0o755) == 0 {
            created.append(dir)
        } else if errno != EEXIST {
            throw posixError(dir)
        } else {
            var st = stat()
            if stat(dir, &st) != 0 || (st.st_mode & S_IFMT) != S_IFDIR {
                throw BuildFailure([.error(output, "cannot write into \(dir): a file of that name is in the way",
                                           hint: "remove it, or build into an empty --output folder")])
            }
        }
        made.insert(dir)
    }

    private func writeFile(_ path: String, _ bytes: [UInt8]) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw posixError(path) }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { throw posixError(path) }
            offset += n
        }
    }

    private func posixError(_ path: String) -> BuildFailure {
        BuildFailure([.error(output, "cannot write \(path): \(String(cString: strerror(errno)))")])
    }

    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return ns.localizedDescription
    }
}
