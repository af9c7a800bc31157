import SiteLink
import SiteModel

/// `sitemap.xml`: every page a reader would land on (not the 404 page). With `--base-url` the
/// locations are absolute, as crawlers need; without it they are relative to the site's root.
enum Sitemap {
    static func xml(_ graph: SiteGraph, baseURL: String?) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in graph.pages where page.kind != .notFound {
            out += "  <url><loc>" + HTMLText.escape((baseURL ?? "") + page.path) + "</loc></url>\n"
        }
        return out + "</urlset>\n"
    }
}
