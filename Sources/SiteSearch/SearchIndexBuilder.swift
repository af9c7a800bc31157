/// Builds `search-index.js`: one `window.SILKPRESS_SEARCH = {…};` statement, loadable by a
/// <script> element from file:// (where fetch/XHR of JSON is blocked). Format in NOTES.md.
///
/// Size choices: each record is stored once (url split into a shared prefix + suffix, title as an
/// index into a de-duplicated table, text once); postings are record ids only (no positions —
/// snippets re-find the hit in the stored text), delta-encoded and written as base-32 varints
/// (`GapCode`), so most gaps take one character. Tokens and postings are two space-separated
/// strings rather than an object literal: ~40% smaller and parsed several times faster.
/// Output depends only on the input order of records: tokens are sorted by UTF-16 code units.
public enum SearchIndexBuilder {
    public static let globalName = "SILKPRESS_SEARCH"
    public static let formatVersion = 2

    public static func build(_ records: [SearchRecord]) -> (js: String, stats: SearchIndexStats) {
        let (bytes, stats) = script(records)
        return (String(decoding: bytes, as: UTF8.self), stats)
    }

    /// `build` as the file's UTF-8 bytes (what the site writes: no String in between).
    public static func script(_ records: [SearchRecord]) -> (bytes: [UInt8], stats: SearchIndexStats) {
        var prefixes = ValueTable()
        var titles = ValueTable()
        let textBytes = records.reduce(0) { $0 + $1.text.utf8.count + $1.title.utf8.count }
        var docs: [UInt8] = []
        docs.reserveCapacity(textBytes + 64 * records.count)
        var postings = Postings(textBytes: textBytes)
        for (i, r) in records.enumerated() {
            docs += i == 0 ? "\n[".utf8 : ",\n[".utf8
            appendDecimal(kindNumber(r.kind), to: &docs)
            docs.append(UInt8(ascii: ","))
            var url = r.url
            let cut = splitPoint(url)
            url.withUTF8 { u in
                let prefix = UnsafeBufferPointer(rebasing: u[..<cut])
                appendDecimal(prefixes.id(prefix) { String(decoding: prefix, as: UTF8.self) }, to: &docs)
                docs.append(UInt8(ascii: ","))
                JSLiteral.string(utf8: UnsafeBufferPointer(rebasing: u[cut...]), into: &docs)
            }
            docs.append(UInt8(ascii: ","))
            var title = r.title
            appendDecimal(title.withUTF8 { titles.id($0) { r.title } }, to: &docs)
            docs.append(UInt8(ascii: ","))
            JSLiteral.string(r.text, into: &docs)
            if !r.names.isEmpty {
                docs += ",[".utf8
                for (k, n) in r.names.enumerated() {
                    if k > 0 { docs.append(UInt8(ascii: ",")) }
                    JSLiteral.string(n, into: &docs)
                }
                docs += "]".utf8
            }
            docs += "]".utf8

            // What `SearchRecord.indexedText` lists, without building the array.
            postings.begin(record: i)
            if r.kind != .paragraph {
                postings.add(r.title)
                for n in r.names { postings.add(n) }
            }
            postings.add(r.text)
        }

        // Tokens never contain a space (they are runs of letters/digits or CJK characters) nor
        // anything JSLiteral escapes, and gap codes are plain ASCII: both go out as they are.
        let (sorted, start, end, ids) = postings.sorted()
        var postingCount = 0
        // Each token is copied as 8 bytes (its head) when it is that short, so 8 bytes of slack.
        let tokenList = [UInt8](unsafeUninitializedCapacity: postings.table.bytes.count + sorted.count + 8) { out, n in
            let p = out.baseAddress!
            for (k, t) in sorted.enumerated() {
                if k > 0 {
                    p[n] = UInt8(ascii: " ")
                    n &+= 1
                }
                postings.table.withToken(Int(t)) { token in
                    if token.count <= 8 {
                        UnsafeMutableRawPointer(p + n).storeBytes(of: postings.table.heads[Int(t)].littleEndian, as: UInt64.self)
                    } else {
                        (p + n).initialize(from: token.baseAddress!, count: token.count)
                    }
                    n &+= token.count
                }
            }
        }
        let post = [UInt8](unsafeUninitializedCapacity: ids.count * GapCode.maxDigits + sorted.count) { out, n in
            let p = out.baseAddress!
            ids.withUnsafeBufferPointer { ids in
                for (k, t) in sorted.enumerated() {
                    if k > 0 {
                        p[n] = UInt8(ascii: " ")
                        n &+= 1
                    }
                    var last: Int32 = 0
                    for j in Int(start[Int(t)]) ..< Int(end[Int(t)]) {
                        let id = ids[j]
                        n &+= GapCode.write(Int(id &- last), to: p + n)
                        last = id
                    }
                    postingCount &+= Int(end[Int(t)] &- start[Int(t)])
                }
            }
        }

        var js: [UInt8] = []
        js.reserveCapacity(docs.count + tokenList.count + post.count + 4096)
        js += "// Silkpress search index (generated by SiteSearch; format in search.js). Do not edit.\n".utf8
        js += "window.\(globalName)={\"version\":\(formatVersion),\n".utf8
        js += "\"kinds\":[".utf8
        list(SearchRecord.Kind.allCases.map(\.rawValue), separator: ",", into: &js)
        js += "],\n\"prefixes\":[".utf8
        list(prefixes.values, separator: ",\n", into: &js)
        js += "],\n\"titles\":[".utf8
        list(titles.values, separator: ",\n", into: &js)
        js += "],\n\"docs\":[".utf8
        js += docs
        js += "],\n\"tokens\":\"".utf8
        js += tokenList
        js += "\",\n\"postings\":\"".utf8
        js += post
        js += "\"};\n".utf8

        let stats = SearchIndexStats(
            records: records.count, tokens: sorted.count, postings: postingCount,
            bytes: js.count, docBytes: docs.count, tokenBytes: tokenList.count,
            postingBytes: post.count)
        return (js, stats)
    }

    /// JS string literals joined by `separator`.
    private static func list(_ values: [String], separator: String, into out: inout [UInt8]) {
        for (k, v) in values.enumerated() {
            if k > 0 { out += separator.utf8 }
            JSLiteral.string(v, into: &out)
        }
    }

    /// `v` (≥ 0) in decimal, as `"\(v)"` writes it.
    static func appendDecimal(_ v: Int, to out: inout [UInt8]) {
        precondition(v >= 0)
        var d = 1
        while d <= v / 10 { d *= 10 }
        var v = v
        while d > 0 {
            out.append(UInt8(ascii: "0") + UInt8(v / d))
            v %= d
            d /= 10
        }
    }

    /// "documents/x/index.html#p-1" → ("documents/x/index.html#", "p-1"); "countries/pk/index.html"
    /// → ("countries/pk/", "index.html"). The prefix table then holds each page path once.
    static func splitURL(_ url: String) -> (String, String) {
        let cut = url.utf8.index(url.utf8.startIndex, offsetBy: splitPoint(url))
        return (String(url[..<cut]), String(url[cut...]))
    }

    /// Where `splitURL` cuts, in UTF-8 bytes: after the last "#", else after the last "/", else 0.
    static func splitPoint(_ url: String) -> Int {
        var url = url
        // Site paths are ASCII, where every byte is a Character: search bytes, not graphemes.
        if let cut = url.withUTF8(asciiSplitPoint) { return cut }
        guard let cut = url.lastIndex(of: "#") ?? url.lastIndex(of: "/") else { return 0 }
        return url.utf8.distance(from: url.utf8.startIndex, to: url.index(after: cut))
    }

    /// `splitPoint` of ASCII text; nil for any other.
    private static func asciiSplitPoint(_ u: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let p = u.baseAddress else { return 0 }
        var high: UInt64 = 0
        var i = 0
        while i &+ 8 <= u.count {
            high |= UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
            i &+= 8
        }
        while i < u.count {
            high |= UInt64(p[i])
            i &+= 1
        }
        if high & 0x8080_8080_8080_8080 != 0 { return nil }
        if let hash = u.lastIndex(of: UInt8(ascii: "#")) { return hash + 1 }
        if let slash = u.lastIndex(of: UInt8(ascii: "/")) { return slash + 1 }
        return 0
    }

    static func kindNumber(_ k: SearchRecord.Kind) -> Int {
        SearchRecord.Kind.allCases.firstIndex(of: k)!
    }
}

public struct SearchIndexStats: Sendable, Equatable, CustomStringConvertible {
    public var records: Int
    public var tokens: Int
    public var postings: Int
    public var bytes: Int
    public var docBytes: Int
    public var tokenBytes: Int
    public var postingBytes: Int

    public var description: String {
        "\(records) records, \(tokens) tokens, \(postings) postings; \(bytes) bytes (docs \(docBytes), tokens \(tokenBytes), postings \(postingBytes))"
    }
}
