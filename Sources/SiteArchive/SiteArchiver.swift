import Foundation
import SiteModel
import ZIPFoundation

/// Packs a built site into a ZIP that browses offline: everything under one top-level folder
/// whose `index.html` is the start page. Deterministic: entries sorted, one fixed timestamp and
/// fixed permissions, so two archives of the same build are byte-identical.
public enum SiteArchiver {
    public struct Summary: Sendable {
        public var files: Int
        public var bytes: Int
    }

    /// 2000-01-01 00:00 in the local calendar: ZIP stores local DOS time, so this is the same
    /// stored value on any machine.
    static var fixedDate: Date {
        Calendar(identifier: .gregorian).date(from: DateComponents(year: 2000, month: 1, day: 1)) ?? Date(timeIntervalSince1970: 946_684_800)
    }

    public static func archive(site: String, to zipPath: String, folder: String) throws -> Summary {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: site, isDirectory: &isDir), isDir.boolValue,
              FileManager.default.fileExists(atPath: site + "/index.html") else {
            throw BuildFailure([.error(site, "no built site here (no index.html)", hint: "run `silkpress build` first, or pass --site DIR")])
        }
        let paths = (FileManager.default.subpaths(atPath: site) ?? []).filter { path in
            !path.split(separator: "/").contains { $0.hasPrefix(".") }  // the build marker, editor files
        }.sorted()
        // Written beside the target and renamed into place: a failure never leaves half a zip.
        let partial = zipPath + ".partial-\(getpid())"
        try? FileManager.default.removeItem(atPath: partial)
        var summary = Summary(files: 0, bytes: 0)
        do {
            let archive = try Archive(url: URL(fileURLWithPath: partial), accessMode: .create)
            try addDirectory(folder + "/", to: archive)
            for path in paths {
                let full = site + "/" + path
                if FileManager.default.fileExists(atPath: full, isDirectory: &isDir), isDir.boolValue {
                    try addDirectory(folder + "/" + path + "/", to: archive)
                    continue
                }
                let data = try Data(contentsOf: URL(fileURLWithPath: full))
                try archive.addEntry(with: folder + "/" + path, type: .file, uncompressedSize: Int64(data.count),
                                     modificationDate: fixedDate, permissions: 0o644, compressionMethod: .deflate) { (position: Int64, size: Int) in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
                summary.files += 1
                summary.bytes += data.count
            }
        } catch let failure as BuildFailure {
            try? FileManager.default.removeItem(atPath: partial)
            throw failure
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw BuildFailure([.error(zipPath, "cannot write the archive: \(error)")])
        }
        try? FileManager.default.removeItem(atPath: zipPath)
        guard rename(partial, zipPath) == 0 else {
            throw BuildFailure([.error(zipPath, "cannot move the archive into place: \(String(cString: strerror(errno)))")])
        }
        return summary
    }

    private static func addDirectory(_ path: String, to archive: Archive) throws {
        try archive.addEntry(with: path, type: .directory, uncompressedSize: Int64(0), modificationDate: fixedDate,
                             permissions: 0o755) { (_: Int64, _: Int) in Data() }
    }
}
