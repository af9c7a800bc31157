import SiteModel
/// Signed instruments in the items of an outcome list. Items are written
/// `<Chinese party>与<foreign parties>签署<instrument>，与<parties>签署<instrument>…。`
/// so each depth-0 clause holding a signing verb yields one instrument; a clause starting with
/// 包括 lists the parties of the clause before it (有关国家政府签署…，包括A、B、C).
enum Instruments {
    /// Verbs that make an instrument (signing, or issuing one jointly with the parties).
    static let verbs = ["签署", "签订", "共同发布", "共同发起"]
    /// Words standing between the parties and the verb (…银联体同意签署, …正式签署).
    static let adverbs = ["同意", "共同", "正式", "分别", "将", "已", "并"]
    /// Predicates that end a subject with no 与 party after it (the verbs above, and a few more).
    static let predicates = verbs + ["发布", "设立", "成立", "启动", "举办", "投入", "提供", "开展", "联合", "将"]
    /// Instrument types by the head noun the phrase ends with, longest first; a few compound
    /// heads are reported as their general type (规划纲要 → 规划, 联合倡议 → 倡议).
    static let types: [(suffix: String, type: String)] = [
        ("谅解备忘录", "谅解备忘录"), ("贷款协议", "贷款协议"), ("合作文件", "合作文件"),
        ("行动计划", "行动计划"), ("执行计划", "执行计划"), ("联合声明", "联合声明"),
        ("联合倡议", "倡议"), ("规划纲要", "规划"), ("实施方案", "实施方案"), ("议定书", "议定书"),
        ("路线图", "路线图"), ("意向书", "意向书"), ("备忘录", "备忘录"), ("协定", "协定"),
        ("协议", "协议"), ("规划", "规划"), ("倡议", "倡议"), ("宣言", "宣言"), ("声明", "声明"),
        ("计划", "计划"), ("纲要", "纲要"), ("原则", "原则"),
    ]

    /// Instruments of one paragraph of a list item, numbered from `firstNumber`.
    static func extract(from b: ScannedBlock, firstNumber: Int) -> [(key: [Int], agreement: Agreement)] {
        let spans = TextSpans(b)
        var out: [(key: [Int], agreement: Agreement)] = []
        var number = firstNumber
        var chineseParty: String?
        let idBase = "\(b.document.id)-item-" + b.path.map(String.init).joined(separator: "-")

        for sentence in spans.split(0..<spans.text.count, at: "。！？") {
            var parties: [Range<Int>] = []        // party phrases in force (inherited by 并签署)
            var previous: [Int] = []              // indexes in `out` of the last clause's instruments
            var subjectSeen = false
            for clause in spans.split(sentence, at: "，；") {
                let clause = spans.trimmed(clause)
                if spans.hasPrefix("包括", at: clause.lowerBound), !previous.isEmpty {
                    let list = (clause.lowerBound + 2)..<clause.upperBound
                    for i in previous { add(list, to: &out[i].agreement, spans: spans, block: b) }
                    previous = []
                    continue
                }
                let verb = verbs.compactMap { v in spans.find(v, in: clause).map { ($0, v.unicodeScalars.count) } }
                    .min { $0.0 < $1.0 }
                let partyEnd = verb?.0 ?? clause.upperBound
                if let marker = partyMarker(spans, in: clause.lowerBound..<partyEnd) {
                    if !subjectSeen, marker > clause.lowerBound {
                        chineseParty = spans.slice(spans.trimmed(clause.lowerBound..<marker))
                    }
                    var end = partyEnd
                    if verb == nil, let cut = adverbs.compactMap({ spans.find($0, in: (marker + 1)..<end) }).min() {
                        end = cut
                    }
                    parties = [stripAdverbs(spans, (marker + 1)..<end)]
                }
                if !subjectSeen, partyMarker(spans, in: clause.lowerBound..<partyEnd) == nil,
                   let end = predicates.compactMap({ spans.find($0, in: clause) }).filter({ $0 > clause.lowerBound }).min() {
                    // No 与 in the sentence's first clause: its subject stands before the predicate
                    // (中国环境保护部发布…，与…共同发布…).
                    chineseParty = spans.slice(spans.trimmed(clause.lowerBound..<end))
                }
                subjectSeen = true
                guard let (verbAt, verbLength) = verb else { previous = []; continue }
                let object = spans.trimmed((verbAt + verbLength)..<clause.upperBound)
                guard !object.isEmpty else { continue }
                previous = []
                for piece in splitObject(spans, object) {
                    var a = Agreement(id: "\(idBase)-\(number)", kind: .instrument, title: "", type: nil,
                                      parties: chineseParty.map { [$0] } ?? [], countries: [],
                                      mentions: [b.mention(at: piece.lowerBound, length: piece.count)])
                    let title = instrumentTitle(spans, piece)
                    a.title = title
                    a.type = type(of: title)
                    for p in parties { add(p, to: &a, spans: spans, block: b) }
                    addCountries(in: piece, to: &a, block: b)
                    number += 1
                    previous.append(out.count)
                    out.append((b.order(piece.lowerBound), a))
                }
            }
        }
        return out
    }

    /// 与 (or 同 when it means "with") at depth 0 and outside names.
    static func partyMarker(_ spans: TextSpans, in range: Range<Int>) -> Int? {
        if let i = spans.find("与", in: range) { return i }
        var lo = range.lowerBound
        while let i = spans.find("同", in: lo..<range.upperBound) {
            let before = i > 0 ? spans.text[i - 1] : " "
            let after = i + 1 < spans.text.count ? spans.text[i + 1] : " "
            if !"共相如等".unicodeScalars.contains(before), !"意业时步样等".unicodeScalars.contains(after) { return i }
            lo = i + 1
        }
        return nil
    }

    static func stripAdverbs(_ spans: TextSpans, _ range: Range<Int>) -> Range<Int> {
        var r = spans.trimmed(range)
        var changed = true
        while changed {
            changed = false
            for a in adverbs {
                let n = a.unicodeScalars.count
                if r.count > n, spans.hasPrefix(a, at: r.upperBound - n) {
                    r = spans.trimmed(r.lowerBound..<(r.upperBound - n))
                    changed = true
                }
            }
        }
        return r
    }

    /// "…的谅解备忘录和关于…的协议": two instruments in one clause.
    static func splitObject(_ spans: TextSpans, _ object: Range<Int>) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var start = object.lowerBound
        var i = start
        while i < object.upperBound {
            if i > start, spans.depth[i] == 0, spans.hasPrefix("和关于", at: i) || spans.hasPrefix("及关于", at: i) {
                pieces.append(start..<i)
                start = i + 1
            }
            i += 1
        }
        pieces.append(start..<object.upperBound)
        return pieces.map { spans.trimmed($0) }.filter { !$0.isEmpty }
    }

    /// The object as written; when it is exactly one 《title》, the title.
    static func instrumentTitle(_ spans: TextSpans, _ piece: Range<Int>) -> String {
        let titles = NamedDocuments.titles(in: spans.text, range: piece)
        if titles.count == 1, let t = titles.first, t.outer == piece {
            return NamedDocuments.normalise(spans.text[t.inner]).title
        }
        return NamedDocuments.normalise(spans.text[piece.clamped(to: 0..<spans.text.count)]).title
    }

    /// Head noun of an instrument phrase; trailing （…） periods are ignored, and a trailing 文件
    /// defers to a more specific head (自贸协定文件 → 协定).
    static func type(of title: String) -> String? {
        var t = title
        while t.utf8HasSuffix("）"), let open = t.lastIndex(of: "（") { t = String(t[..<open]) }
        func head(_ s: String) -> String? { types.first { ScalarText.hasSuffix(s, $0.suffix) }?.type }
        if let h = head(t) { return h }
        if t.utf8HasSuffix("文件") { return head(String(t.dropLast(2))) ?? "文件" }
        return nil
    }

    /// Adds a party phrase: split at 、 (and at 和/及 right before a name) into parties as named,
    /// keeping together pieces that do not start a new name (瑞士环境、交通、能源和电信部).
    static func add(_ phrase: Range<Int>, to a: inout Agreement, spans: TextSpans, block: ScannedBlock) {
        let starts = Set(block.matches.map(\.start))
        var pieces: [Range<Int>] = []
        for frag in spans.split(phrase, at: "、") {
            var lo = frag.lowerBound
            for i in frag where i > lo && (spans.text[i] == "和" || spans.text[i] == "及") && starts.contains(i + 1) {
                pieces.append(lo..<i)
                lo = i + 1
            }
            pieces.append(lo..<frag.upperBound)
        }
        var merged: [Range<Int>] = []
        for p in pieces.map({ spans.trimmed($0) }) where !p.isEmpty {
            let startsName = starts.contains(p.lowerBound) || spans.hasPrefix("有关", at: p.lowerBound)
                || spans.hasPrefix("相关", at: p.lowerBound) || spans.hasPrefix("沿线", at: p.lowerBound)
                || spans.text[p.lowerBound].properties.numericType != nil
            if let last = merged.last, !startsName {
                merged[merged.count - 1] = last.lowerBound..<p.upperBound
            } else {
                merged.append(p)
            }
        }
        for p in merged {
            var s = spans.slice(p)
            if s.utf8HasSuffix("等") { s.removeLast() }
            if !s.isEmpty, !a.parties.contains(s) { a.parties.append(s) }
        }
        addCountries(in: phrase, to: &a, block: block)
    }

    static func addCountries(in range: Range<Int>, to a: inout Agreement, block: ScannedBlock) {
        for m in block.matches where range.contains(m.start) {
            if case .country(let code) = m.target, !a.countries.contains(code) { a.countries.append(code) }
        }
    }
}
