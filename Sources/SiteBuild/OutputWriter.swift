#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import Foundation
import SiteModel
import SiteRender

/// Writes a site into a temporary folder beside the output and swaps it in only when every
/// file is written: a failed build never leaves a half-written site, and the previous output
/// stays as it was. Files are written with POSIX open/write (FileManager is 2–3× slower here).
///
/// A file whose bytes equal the previous output's is hard-linked from it instead of written:
/// no new inode (creating inodes right after deleting the last build's is slow on ext4), and
/// unchanged files keep their modification time, so `rsync` uploads only what changed.
public struct OutputWriter: Sendable {
    public let output: String
    /// Every output folder gets this file; a folder without it is not replaced.
    public static let marker = ".silkpress-build"

    public init(output: String) {
        self.output = output.count > 1 && output.hasSuffix("/") ? String(output.dropLast()) : output
    }

    /// Stages and commits in one go.
    public func write(_ files: [OutputFile]) throws {
        try stage(files).commit()
    }

    /// A complete new site in the staging folder, not yet in place.
    public struct Staged: Sendable {
        let writer: OutputWriter
        let staging: String
        let retired: String

        /// Puts the staged site in place of the output.
        public func commit() throws { try writer.swap(staging: staging, retired: retired) }

        /// Throws the staged site away; the output stays as it was.
        public func discard() { try? FileManager.default.removeItem(atPath: staging) }
    }

    /// Writes every file into a staging folder beside the output.
    public func stage(_ files: [OutputFile]) throws -> Staged {
        try checkReplaceable()
        let url = URL(fileURLWithPath: output)
        let parent = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        let pid = getpid()
        let staging = parent + "/.\(name).building-\(pid)"
        let retired = parent + "/.\(name).previous-\(pid)"
        try? FileManager.default.removeItem(atPath: staging)
        let previous = checkPrevious()
        do {
            try makeDirectory(staging)
            var made: Set<String> = [staging]
            for file in files + [OutputFile(path: Self.marker, text: "written by silkpress build\n")] {
                let path = staging + "/" + file.path
                let dir = String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)])
                try makeDirectories(dir, made: &made)
                let bytes: [UInt8]
                switch file.contents {
                case .bytes(let b): bytes = b
                case .copy(let source):
                    guard let data = FileManager.default.contents(atPath: source) else {
                        throw BuildFailure([.error(source, "cannot read \(source) to copy it into the output")])
                    }
                    bytes = [UInt8](data)
                }
                if previous, Self.sameBytes(output + "/" + file.path, bytes), link(output + "/" + file.path, path) == 0 {
                    continue
                }
                try writeFile(path, bytes)
            }
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            if let failure = error as? BuildFailure { throw failure }
            throw BuildFailure([.error(output, "cannot write the output: \(Self.reason(error))")])
        }
        return Staged(writer: self, staging: staging, retired: retired)
    }

    /// Old output aside, new one in, old one removed. If the second step fails the old output
    /// is put back.
    func swap(staging: String, retired: String) throws {
        let exists = FileManager.default.fileExists(atPath: output)
        if exists, rename(output, retired) != 0 {
            let why = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: staging)
            throw BuildFailure([.error(output, "cannot replace the output folder: \(why)")])
        }
        if rename(staging, output) != 0 {
            let why = String(cString: strerror(errno))
            if exists { _ = rename(retired, output) }
            try? FileManager.default.removeItem(atPath: staging)
            throw BuildFailure([.error(output, "cannot move the new output into place: \(why)")])
        }
        if exists { try? FileManager.default.removeItem(atPath: retired) }
    }

    /// Whether the output folder holds a previous build whose files may be reused.
    private func checkPrevious() -> Bool {
        FileManager.default.fileExists(atPath: output + "/" + Self.marker)
    }

    /// Does the file at `path` hold exactly `bytes`? (Size first, then content.)
    static func sameBytes(_ path: String, _ bytes: [UInt8]) -> Bool {
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, Int(st.st_size) == bytes.count else { return false }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: bytes.count)
        var offset = 0
        while offset < bytes.count {
            let n = buffer[offset...].withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { return false }
            offset += n
        }
        return buffer == bytes
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

    /// Creates `dir` and any missing parents below the staging folder (already in `made`).
    private func makeDirectories(_ dir: String, made: inout Set<String>) throws {
        guard !made.contains(dir) else { return }
        if let slash = dir.lastIndex(of: "/") { try makeDirectories(String(dir[..<slash]), made: &made) }
        if mkdir(dir, 0o755) != 0, errno != EEXIST { throw posixError(dir) }
        made.insert(dir)
    }

    private func makeDirectory(_ path: String) throws {
        if mkdir(path, 0o755) != 0 {
            throw BuildFailure([.error(output, "cannot create \(path): \(String(cString: strerror(errno)))",
                                       hint: "check that the folder holding the output exists and is writable")])
        }
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
