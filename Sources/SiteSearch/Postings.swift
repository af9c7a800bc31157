/// Token → ascending record ids, fed one record at a time.
struct Postings: ~Copyable, IndexTokenSink {
    private(set) var table: TokenTable
    /// Every posting's token in the order made, so by ascending record: record `runRecord[k]`
    /// has the postings from `runStart[k]` to the next run's start.
    private var postToken: FlatBuffer<Int32>
    private var runRecord: FlatBuffer<Int32>
    private var runStart: FlatBuffer<Int32>
    /// Per token id: the last record it was posted for (a token repeated within a record is
    /// posted once).
    private var lastRecord: FlatBuffer<Int32>
    private var current: Int32 = -1
    /// Some token holds a character whose Swift String equality is not byte equality.
    private var sensitive = false

    /// `textBytes`: roughly how much text will be added, to size the tables once.
    init(textBytes: Int) {
        // The site's index: ~1 token per 13 bytes of (mostly CJK) text, ~1 posting per 3;
        // sized for a little more so the tables need not grow.
        let tokens = max(1024, textBytes / 12)
        table = TokenTable(capacity: tokens)
        lastRecord = FlatBuffer(capacity: tokens)
        postToken = FlatBuffer(capacity: textBytes / 2 + 16)
        runRecord = FlatBuffer(capacity: 1024)
        runStart = FlatBuffer(capacity: 1024)
    }

    /// Starts the next record; ids must ascend.
    mutating func begin(record r: Int) {
        precondition(Int32(r) > current)
        current = Int32(r)
        runRecord.append(current)
        runStart.append(Int32(postToken.count))
    }

    mutating func add(_ text: String) {
        var text = text
        if text.withUTF8({ IndexTokenScanner.scan(utf8: $0, into: &self) }) { sensitive = true }
    }

    @inline(__always)
    mutating func token(_ bytes: UnsafeBufferPointer<UInt8>, head: UInt64) {
        let t = bytes.count <= 8 ? table.id(head: head, count: bytes.count) : table.id(bytes)
        if t == lastRecord.count {
            lastRecord.append(current)
        } else {
            if lastRecord[t] == current { return }
            lastRecord[t] = current
        }
        postToken.append(Int32(t))
    }

    /// Tokens in UTF-16 order (what JavaScript's `<` compares; search.js binary-searches), each
    /// with its record ids, ascending: `ids[start[t] ..< end[t]]` for token `t` (indexed by id).
    func sorted() -> (tokens: [Int32], start: [Int32], end: [Int32], ids: [Int32]) {
        let n = table.count
        let rep: [Int32]? = sensitive ? canonicalRepresentatives() : nil
        // Postings per token, under the token it counts as.
        var end = [Int32](repeating: 0, count: n)
        end.withUnsafeMutableBufferPointer { count in
            postToken.withBuffer { posts in
                if let rep {
                    for t in posts { count[Int(rep[Int(t)])] &+= 1 }
                } else {
                    for t in posts { count[Int(t)] &+= 1 }
                }
            }
        }
        let kept = rep.map { rep in rep.indices.compactMap { Int(rep[$0]) == $0 ? Int32($0) : nil } }
            ?? [Int32](unsafeUninitializedCapacity: n) { b, k in
                for t in 0 ..< n { b[t] = Int32(t) }
                k = n
            }
        let order = TokenOrder.sorted(kept, table)
        // Lay each token's ids out contiguously, in token order: one pass over all postings.
        var start = [Int32](repeating: 0, count: n)
        var total: Int32 = 0
        start.withUnsafeMutableBufferPointer { start in
            end.withUnsafeMutableBufferPointer { end in
                for t in order {
                    let c = end[Int(t)]
                    start[Int(t)] = total
                    end[Int(t)] = total
                    total &+= c
                }
            }
        }
        var ids = [Int32](unsafeUninitializedCapacity: Int(total)) { b, k in
            // Merged tokens leave gaps (ids counted twice); zero them as the old layout did.
            if rep != nil { b.initialize(repeating: 0) }
            k = Int(total)
        }
        start.withUnsafeBufferPointer { start in
            end.withUnsafeMutableBufferPointer { end in
                ids.withUnsafeMutableBufferPointer { ids in
                    postToken.withBuffer { posts in
                        for k in 0 ..< runRecord.count {
                            let r = runRecord[k]
                            let stop = k + 1 < runStart.count ? Int(runStart[k + 1]) : posts.count
                            if let rep {
                                for p in Int(runStart[k]) ..< stop {
                                    let t = Int(rep[Int(posts[p])])
                                    let e = Int(end[t])
                                    // Merged tokens can meet in one record; postings come in record order.
                                    if e > Int(start[t]) && ids[e - 1] == r { continue }
                                    ids[e] = r
                                    end[t] = Int32(e + 1)
                                }
                            } else {
                                for p in Int(runStart[k]) ..< stop {
                                    let t = Int(posts[p])
                                    let e = Int(end[t])
                                    ids[e] = r
                                    end[t] = Int32(truncatingIfNeeded: e &+ 1)
                                }
                            }
                        }
                    }
                }
            }
        }
        return (order, start, end, ids)
    }

    /// Swift's `String` (which the index used to be keyed by) treats canonically equivalent
    /// tokens as one, e.g. U+F900 and U+8C48; so do we, under the form seen first. Only needed
    /// when such characters occur. Maps each token id to the id it counts as.
    private func canonicalRepresentatives() -> [Int32] {
        var first: [String: Int32] = [:]
        return (0 ..< Int32(table.count)).map { t in
            let s = table.withToken(Int(t)) { String(decoding: $0, as: UTF8.self) }
            if let k = first[s] { return k }
            first[s] = t
            return t
        }
    }
}
