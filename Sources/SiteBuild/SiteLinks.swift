import Foundation
import LinkCheck
import SiteModel

/// `silkpress check --links`: the link checker over a site folder on disk.
public enum SiteLinks {
    public static func check(folder: String) -> [Diagnostic] {
        guard let paths = FileManager.default.subpaths(atPath: folder) else {
            return [.error(folder, "cannot read the site folder", hint: "build it first, or pass it with --site DIR")]
        }
        var files: [String: [UInt8]] = [:]
        for path in paths {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDir), !isDir.boolValue else { continue }
            // Only HTML is scanned; other files need only to exist.
            files[path] = path.hasSuffix(".html") ? [UInt8](FileManager.default.contents(atPath: folder + "/" + path) ?? Data()) : []
        }
        return LinkChecker(files: files, displayRoot: folder).check()
    }
}
