import EntityExtraction
import SiteModel

/// The built-in entity catalogues: CLDR's country names with the alias file, and the
/// organisations. They depend on no option or seed, so a process makes them once, and the
/// command line starts them with `prefetch()` before it parses its arguments: building the
/// names from CLDR (~13 M instructions) then overlaps the parsing instead of the seed readers.
public enum EntityCatalogues {
    private static let shared = Background {
        Result { try (Gazetteer.standard(), OrganisationCatalogue.standard()) }
    }

    /// Starts making the catalogues on a thread of their own; a later `get()` waits for them.
    public static func prefetch() { _ = shared }

    static func get() -> Result<(Gazetteer, OrganisationCatalogue), Error> { shared.wait() }
}
