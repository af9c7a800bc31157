import Foundation
@testable import ExtractedText
import SiteModel

/// Builds text shaped like the PDF extraction: a blank line after every line. A line written
/// with a leading `^` follows the previous one without the blank (a new text frame), the
/// way the extractor emits captions, labels and resumed columns.
func extracted(_ lines: [String]) -> String {
    var out = ""
    for (i, l) in lines.enumerated() {
        if l.hasPrefix("^") {
            if out.hasSuffix("\n\n") { out.removeLast() }
            out += String(l.dropFirst()) + "\n\n"
        } else {
            out += l + "\n\n"
            _ = i
        }
    }
    return out
}

/// Wraps a paragraph into lines of `width` characters, the first line 2 shorter (the
/// paragraph indent the extraction keeps only as a narrower line).
func wrap(_ text: String, width: Int) -> [String] {
    var chars = Array(text)
    var out: [String] = []
    var w = width - 2
    while !chars.isEmpty {
        let n = min(w, chars.count)
        out.append(String(chars[..<n]))
        chars.removeFirst(n)
        w = width
    }
    return out
}

/// Filler prose of `n` characters with punctuation, ending in `。`.
func prose(_ n: Int, seed: String = "合作") -> String {
    let unit = "各方在\(seed)领域持续推进务实项目，取得积极进展"
    var s = ""
    while s.count < n - 1 { s += unit + (s.count % 3 == 0 ? "，" : "、") }
    return String(s.prefix(n - 1)) + "。"
}

func read(_ text: String, corrections: String? = nil) -> ExtractedTextResult {
    ExtractedTextReader().readDetailed(id: "t", path: "seeds/t.txt", text: text,
                                       corrections: corrections.map { ("seeds/t.corrections", $0) })
}

extension Section {
    var paragraphs: [Block] { blocks.filter { $0.kind == .paragraph } }
}

extension Document {
    func section(_ id: String) -> Section? { allSections.first { $0.id == id } }
    var allParagraphs: [Block] { allSections.flatMap(\.paragraphs) }
}

/// The package root, for the seeds and the corrections file beside the report.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let seedPath = packageRoot.appendingPathComponent("seeds/bri-trade-report-2021.txt").path
let outcomeListPath = packageRoot.appendingPathComponent("seeds/brf-2017-outcomes.md").path
