// swift-tools-version:6.0
import PackageDescription

// One target per pipeline stage (see README "How it works"):
// SeedIngest → SiteModel values → SiteRender → SiteBuild (pipeline + atomic writer) → silkpress CLI.
let package = Package(
    name: "Silkpress",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "silkpress", targets: ["silkpress"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // ZIP archives of the built site; on Linux it links Debian's zlib (zlib1g-dev).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // libcmark from Debian's libcmark-dev (pkg-config libcmark).
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark",
                       providers: [.apt(["libcmark-dev"])]),
        .target(name: "CommonMark", dependencies: ["CCmark"]),
        .target(name: "SiteModel"),
        .target(name: "ExtractedText", dependencies: ["SiteModel"]),
        .target(name: "EntityExtraction", dependencies: ["SiteModel"]),
        .target(name: "SeedIngest", dependencies: ["SiteModel", "CommonMark", "ExtractedText", "Yams"]),
        .target(name: "SiteLink", dependencies: ["SiteModel"]),
        .target(name: "SiteSearch"),
        .target(name: "SVGCharts"),
        // Mustache templates rendered from typed values straight into bytes.
        .target(name: "Templating"),
        .target(name: "FigureData", dependencies: ["SiteModel"]),
        .target(name: "SiteRender", dependencies: [
            "SiteModel", "SiteLink", "SiteSearch", "SVGCharts", "FigureData", "CommonMark", "Templating",
        ]),
        .target(name: "LinkCheck", dependencies: ["SiteModel"]),
        .target(name: "SiteArchive", dependencies: ["SiteModel", "ZIPFoundation"]),
        .target(name: "BriefPrint", dependencies: ["SiteModel"]),
        .target(name: "SiteBuild", dependencies: ["SiteModel", "SeedIngest", "ExtractedText", "EntityExtraction", "SiteLink", "SiteRender", "LinkCheck"]),
        .executableTarget(name: "silkpress", dependencies: [
            "SiteBuild", "SiteModel", "ExtractedText", "SiteArchive", "BriefPrint", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "CommonMarkTests", dependencies: ["CommonMark"]),
        .testTarget(name: "EntityExtractionTests", dependencies: ["EntityExtraction", "SeedIngest", "SiteModel"]),
        .testTarget(name: "ExtractedTextTests", dependencies: ["ExtractedText", "SiteModel"], exclude: ["Fixtures"]),
        .testTarget(name: "SeedIngestTests", dependencies: ["SeedIngest", "SiteModel"]),
        .testTarget(name: "SiteLinkTests", dependencies: ["SiteLink", "SiteModel"]),
        .testTarget(name: "SiteRenderTests", dependencies: ["SiteRender", "SiteLink", "SiteModel", "Templating"]),
        .testTarget(name: "TemplatingTests", dependencies: ["Templating"]),
        .testTarget(name: "LinkCheckTests", dependencies: ["LinkCheck", "SiteModel"]),
        .testTarget(name: "SVGChartsTests", dependencies: ["SVGCharts"], exclude: ["Snapshots"]),
        .testTarget(name: "FigureDataTests", dependencies: ["FigureData", "SiteModel"]),
        .testTarget(name: "SiteSearchTests", dependencies: ["SiteSearch", "SiteBuild", "SiteRender", "SiteLink"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "SiteArchiveTests", dependencies: ["SiteArchive", "SiteModel", "ZIPFoundation"]),
        .testTarget(name: "SiteBuildTests", dependencies: ["SiteBuild", "SiteModel", "BriefPrint"]),
    ]
)
