import SiteModel
/// Sidebar (专栏) recognition helpers: title lines and the narrow-column test.
enum SidebarRules {
    /// Sidebars run at roughly half the main column (20 against 44 em); anything clearly
    /// below this share of the main width is not main text.
    static let narrowShare = 0.8

    static func isNarrow(_ l: CLine) -> Bool { l.line.width < narrowShare * l.mainWidth }

    /// A title: CJK, no sentence punctuation, not a numbered heading, between 6 and 36 em.
    static func isTitleShaped(_ l: SourceLine) -> Bool {
        let t = l.text
        guard Cleanup.isTitleShaped(t), l.width >= 6 else { return false }
        if t.utf8HasPrefix("——") || t.utf8HasPrefix("*") || t.utf8HasPrefix("■") || t.utf8HasPrefix("▲") { return false }
        return true
    }

    /// Subtitle under a sidebar title (`——第二届中国国际进口博览会成果落地`).
    static func isSubtitle(_ l: SourceLine) -> Bool {
        l.text.utf8HasPrefix("——") && !TextRules.hasProsePunctuation(l.text)
    }
}
