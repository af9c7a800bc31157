/// HTML escaping for the few fragments built in Swift instead of a template (hot loops, where
/// Mustache costs ~15 µs a value). Everything else is escaped by Mustache's `{{…}}`.
enum HTMLText {
    static func escape(_ s: some StringProtocol) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
