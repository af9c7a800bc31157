import SiteLink
import SiteModel

/// `sitemap.xml`: every page a reader would land on (not the 404 page). With `--base-url` the
/// locations are absolute, as crawlers need; without it they are relative to the site's root.
enum Sitemap {
    /// Written as bytes: joining and escaping a `String` per page cost more than the rest.
    static func xml(_ graph: SiteGraph, baseURL: String?) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 * graph.pages.count + 128)
        put("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", &out)
        put("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n", &out)
        var base: [UInt8] = []
        appendEscaped(baseURL ?? "", to: &base)
        for page in graph.pages where page.kind != .notFound {
            put("  <url><loc>", &out)
            out.append(contentsOf: base)  // escaping base + path is escaping each (byte by byte)
            appendEscaped(page.path, to: &out)
            put("</loc></url>\n", &out)
        }
        put("</urlset>\n", &out)
        return out
    }

    private static func put(_ s: StaticString, _ out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// `HTMLText.escape`, copied whole when there is nothing to escape (page paths never have).
    private static func appendEscaped(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { u in
            if u.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) {
                HTMLText.appendEscaped(u, to: &out)
            } else {
                out.append(contentsOf: u)
            }
        }
    }
}
