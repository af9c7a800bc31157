/// Token → ascending record ids, fed one record at a time.
struct Postings {
    private(set) var table: TokenTable
    /// Every posting in the order made, so by ascending record: its token and record.
    private var postToken: [Int32] = []
    private var postRecord: [Int32] = []
    /// Per token id: postings so far, and the last record (a token repeated within a record
    /// is posted once).
    private var perToken: [Int32] = []
    private var lastRecord: [Int32] = []
    private var current: Int32 = -1
    /// Some token holds a character whose Swift String equality is not byte equality.
    private var sensitive = false

    /// `textBytes`: roughly how much text will be added, to size the tables once.
    init(textBytes: Int) {
        // The site's index: ~1 token per 25 bytes of (mostly CJK) text, ~1 posting per 5;
        // sized for a little more so the token table need not grow.
        let tokens = max(1024, textBytes / 16)
        table = TokenTable(capacity: tokens)
        perToken.reserveCapacity(tokens)
        lastRecord.reserveCapacity(tokens)
        postToken.reserveCapacity(textBytes / 5)
        postRecord.reserveCapacity(textBytes / 5)
    }

    /// Starts the next record; ids must ascend.
    mutating func begin(record r: Int) {
        precondition(Int32(r) > current)
        current = Int32(r)
    }

    mutating func add(_ text: String) {
        if IndexTokenScanner.scan(text, { post(table.id($0)) }) { sensitive = true }
    }

    private mutating func post(_ t: Int) {
        if t == perToken.count {
            perToken.append(1)
            lastRecord.append(current)
        } else {
            if lastRecord[t] == current { return }
            lastRecord[t] = current
            perToken[t] += 1
        }
        postToken.append(Int32(t))
        postRecord.append(current)
    }

    /// Tokens in UTF-16 order (what JavaScript's `<` compares; search.js binary-searches), each
    /// with its record ids, ascending: `ids[range]`.
    func sorted() -> (tokens: [(token: Int, range: Range<Int>)], ids: [Int32]) {
        let rep = sensitive ? canonicalRepresentatives() : Array(0 ..< Int32(perToken.count))
        var count = perToken
        for (t, r) in rep.enumerated() where Int(r) != t { count[Int(r)] += count[t] }
        let order = TokenOrder.sorted(rep.indices.filter { Int(rep[$0]) == $0 }, table)
        // Lay each token's ids out contiguously, in token order: one pass over all postings.
        var start = [Int](repeating: 0, count: perToken.count)
        var n = 0
        for t in order {
            start[t] = n
            n += Int(count[t])
        }
        var end = start
        var ids = [Int32](repeating: 0, count: n)
        for (t0, r) in zip(postToken, postRecord) {
            let t = Int(rep[Int(t0)])
            // Merged tokens can meet in one record; postings come in record order.
            if end[t] > start[t] && ids[end[t] - 1] == r { continue }
            ids[end[t]] = r
            end[t] += 1
        }
        return (order.map { ($0, start[$0] ..< end[$0]) }, ids)
    }

    /// Swift's `String` (which the index used to be keyed by) treats canonically equivalent
    /// tokens as one, e.g. U+F900 and U+8C48; so do we, under the form seen first. Only needed
    /// when such characters occur. Maps each token id to the id it counts as.
    private func canonicalRepresentatives() -> [Int32] {
        var first: [String: Int32] = [:]
        return (0 ..< Int32(perToken.count)).map { t in
            let s = table.withToken(Int(t)) { String(decoding: $0, as: UTF8.self) }
            if let k = first[s] { return k }
            first[s] = t
            return t
        }
    }
}
