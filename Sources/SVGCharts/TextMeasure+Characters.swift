// TextMeasure's rules on Characters (grapheme clusters), as they were written: the general
// case, and the definition `SimpleText` must agree with (see TextMeasure for what each does).

enum ByCharacter {
    static func width(_ text: String, fontSize: Double) -> Double {
        var em = 0.0
        for c in text { em += TextMeasure.charWidth(c) }
        return em * fontSize
    }

    static func tokens(_ text: String) -> [String] {
        var toks: [String] = []
        var word = ""
        var glueNext = false
        func push(_ t: String) {
            if glueNext, !toks.isEmpty { toks[toks.count - 1] += t } else { toks.append(t) }
            glueNext = false
        }
        func flushWord() { if !word.isEmpty { push(word); word = "" } }
        for c in text {
            if c == " " { flushWord(); toks.append(" "); glueNext = false; continue }
            if TextMeasure.noLineStart.contains(c) {
                if !word.isEmpty { word.append(c); continue }
                if let last = toks.last, last != " " { toks[toks.count - 1] = last + String(c); continue }
                push(String(c)); continue
            }
            let wide = c.unicodeScalars.first.map { TextMeasure.isWide($0.value) } ?? false
            if wide {
                flushWord()
                push(String(c))
                if TextMeasure.noLineEnd.contains(c) { glueNext = true }
            } else {
                if TextMeasure.noLineEnd.contains(c) { flushWord(); push(String(c)); glueNext = true; continue }
                word.append(c)
            }
        }
        flushWord()
        return toks
    }

    static func wrap(_ text: String, maxWidth: Double, fontSize: Double, maxLines: Int) -> [String]? {
        let lines = wrapAll(text, maxWidth: maxWidth, fontSize: fontSize)
        return lines.count <= max(1, maxLines) ? lines : nil
    }

    static func balancedWrap(_ text: String, maxWidth: Double, fontSize: Double, maxLines: Int) -> [String]? {
        guard let greedy = wrap(text, maxWidth: maxWidth, fontSize: fontSize, maxLines: maxLines) else { return nil }
        guard greedy.count > 1 else { return greedy }
        var lo = maxWidth / Double(greedy.count) * 0.9, hi = maxWidth
        var best = greedy
        for _ in 0..<12 {   // binary search on width; 12 halvings is sub-pixel
            let mid = (lo + hi) / 2
            let l = wrapAll(text, maxWidth: mid, fontSize: fontSize)
            if l.count <= greedy.count && l.allSatisfy({ width($0, fontSize: fontSize) <= mid + 1e-9 }) { best = l; hi = mid } else { lo = mid }
        }
        return best
    }

    static func wrapTruncating(_ text: String, maxWidth: Double, fontSize: Double, maxLines: Int) -> [String] {
        var lines = wrapAll(text, maxWidth: maxWidth, fontSize: fontSize)
        let n = max(1, maxLines)
        guard lines.count > n else { return lines }
        lines = Array(lines.prefix(n))
        var last = lines[n - 1]
        while !last.isEmpty && width(last + "…", fontSize: fontSize) > maxWidth { last.removeLast() }
        lines[n - 1] = last.trimmingTrailingSpaces() + "…"
        return lines
    }

    static func wrapAll(_ text: String, maxWidth: Double, fontSize: Double) -> [String] {
        var lines: [String] = []
        var cur = ""
        for tok in tokens(text) {
            if tok == " " {
                if !cur.isEmpty { cur += " " }
                continue
            }
            let candidate = cur + tok
            if width(candidate.trimmingTrailingSpaces(), fontSize: fontSize) <= maxWidth || cur.isEmpty {
                cur = candidate
            } else {
                lines.append(cur.trimmingTrailingSpaces())
                cur = tok
            }
            // A single token wider than the line (a long Latin word): break it
            // by character as a last resort.
            while width(cur, fontSize: fontSize) > maxWidth && cur.count > 1 {
                var head = ""
                for c in cur {
                    if width(head + String(c), fontSize: fontSize) > maxWidth && !head.isEmpty { break }
                    head.append(c)
                }
                lines.append(head)
                cur = String(cur.dropFirst(head.count))
            }
        }
        let tail = cur.trimmingTrailingSpaces()
        if !tail.isEmpty || lines.isEmpty { lines.append(tail) }
        return lines
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
