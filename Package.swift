// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Gouji",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Gouji", targets: ["Gouji"]),
        .executable(name: "gouji", targets: ["gouji"]),
        // libFuzzer targets: built instrumented only by scripts/fuzz.sh; a plain build makes
        // replayers that run the files given as arguments through the same callback.
        .executable(name: "fuzz-flattext", targets: ["fuzz-flattext"]),
        .executable(name: "fuzz-docx", targets: ["fuzz-docx"]),
        .executable(name: "fuzz-check", targets: ["fuzz-check"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // Carries ICU's link flags only; never imported from Swift (see notes on the ICU clash).
        .systemLibrary(name: "CICU", pkgConfig: "icu-uc icu-i18n", providers: [.apt(["libicu-dev"])]),
        // C wrapper whose public header has no ICU types.
        .target(name: "CICUShim", dependencies: ["CICU"]),
        .systemLibrary(name: "CPCRE2", pkgConfig: "libpcre2-8", providers: [.apt(["libpcre2-dev"])]),
        .executableTarget(name: "LexiconEmbedder"),
        .plugin(name: "EmbedLexicons", capability: .buildTool(), dependencies: ["LexiconEmbedder"]),
        .target(
            name: "Gouji",
            dependencies: [
                "CICUShim", "CPCRE2",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Yams", package: "Yams"),
            ],
            plugins: ["EmbedLexicons"]
        ),
        .executableTarget(
            name: "gouji",
            dependencies: ["Gouji", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "GoujiTests", dependencies: ["Gouji"]),
        .target(name: "FuzzSupport", path: "Fuzz/Support"),
        .executableTarget(name: "fuzz-flattext", dependencies: ["Gouji", "FuzzSupport"], path: "Fuzz/FlatText"),
        .executableTarget(
            name: "fuzz-docx",
            dependencies: ["Gouji", "FuzzSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Fuzz/Docx"
        ),
        .executableTarget(name: "fuzz-check", dependencies: ["Gouji", "FuzzSupport"], path: "Fuzz/Check"),
    ]
)
