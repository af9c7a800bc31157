import SiteModel

/// A seed's bytes decoded as UTF-8, with its lines for turning byte offsets into columns.
public struct SeedText: Sendable {
    /// The path as the user gave it, for diagnostics (an editor can open it).
    public let path: String
    /// `seeds/<file>`: the seeds folder's name and the file name — what pages and data files
    /// cite, the same wherever the folder sits, so builds stay byte-identical across machines.
    public var citedPath: String {
        let parts = path.split(separator: "/")
        return parts.suffix(2).joined(separator: "/")
    }
    public let text: String
    public let lines: [Substring]

    /// Decodes strictly: invalid UTF-8 is an error at the line and column of the first bad byte
    /// (a lenient decode would silently put U+FFFD into the published text).
    public static func decode(_ bytes: [UInt8], path: String) -> Result<SeedText, Diagnostic> {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }  // BOM
        // Fast path: the standard library validates in bulk; the slow scan only finds the position.
        if let text = String(validating: body, as: UTF8.self) {
            return .success(SeedText(path: path, text: text))
        }
        if let bad = firstInvalidUTF8Offset(body) {
            let prefix = body[body.startIndex..<bad]
            let line = prefix.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            let lineStart = prefix.lastIndex(of: 0x0A).map { $0 + 1 } ?? body.startIndex
            let column = String(decoding: body[lineStart..<bad], as: UTF8.self).unicodeScalars.count + 1
            let byte = String(body[bad], radix: 16, uppercase: true)
            return .failure(.error(path, line: line, column: column,
                                   "invalid UTF-8 (byte 0x\(byte)); seeds must be UTF-8 text",
                                   hint: "re-save the file as UTF-8, e.g. iconv -f GB18030 -t UTF-8"))
        }
        let text = String(decoding: body, as: UTF8.self)
        return .success(SeedText(path: path, text: text))
    }

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        // Newlines found in the raw UTF-8 (splitting Characters costs ~5 ms on a 200 KB report,
        // the generic split of the UTF-8 view still ~1 ms); lines are slices of `text`.
        var copy = text
        let breaks = copy.withUTF8 { bytes in bytes.indices.filter { bytes[$0] == 0x0A } }
        let utf8 = text.utf8
        var lines: [Substring] = []
        lines.reserveCapacity(breaks.count + 1)
        var start = utf8.startIndex
        for b in breaks {
            let end = utf8.index(utf8.startIndex, offsetBy: b)
            lines.append(Substring(utf8[start..<end]))
            start = utf8.index(after: end)
        }
        lines.append(Substring(utf8[start...]))
        self.lines = lines
    }

    /// Converts libcmark's 1-based byte column on a 1-based line into a Unicode-scalar column.
    public func scalarColumn(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lines.count else { return byteColumn }
        let utf8 = lines[line - 1].utf8
        let end = utf8.index(utf8.startIndex, offsetBy: max(0, byteColumn - 1), limitedBy: utf8.endIndex) ?? utf8.endIndex
        return String(decoding: utf8[utf8.startIndex..<end], as: UTF8.self).unicodeScalars.count + 1
    }

    private static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = bytes.startIndex
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): offset += UTF8.width(s)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
