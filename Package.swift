// swift-tools-version:6.1
import Foundation
import PackageDescription

// scripts/fuzz.sh sets GOUJI_FUZZ=1 to build the fuzz targets instrumented. Only Gouji and the
// fuzz targets get the flags (host tools such as Embedder must not link libFuzzer);
// plain `swift build` / `swift test` never see them.
let fuzzing = ProcessInfo.processInfo.environment["GOUJI_FUZZ"] == "1"
let fuzzSanitizers = ["-sanitize=fuzzer,address"]
let instrumented: [SwiftSetting] = fuzzing ? [.unsafeFlags(fuzzSanitizers)] : []
let fuzzSwift: [SwiftSetting] = fuzzing ? [.unsafeFlags(fuzzSanitizers), .define("FUZZING")] : []
let fuzzLink: [LinkerSetting] = fuzzing ? [.unsafeFlags(fuzzSanitizers)] : []

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
        .executable(name: "fuzz-pdf", targets: ["fuzz-pdf"]),
        .executable(name: "fuzz-xlsx", targets: ["fuzz-xlsx"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // Carries ICU's link flags only; never imported from Swift (see notes on the ICU clash).
        .systemLibrary(name: "CICU", pkgConfig: "icu-uc icu-i18n", providers: [.apt(["libicu-dev"])]),
        // C wrapper whose public header has no ICU types.
        .target(name: "CICUShim", dependencies: ["CICU"]),
        .systemLibrary(name: "CPCRE2", pkgConfig: "libpcre2-8", providers: [.apt(["libpcre2-dev"])]),
        // libxml2's SAX2 push parser for word/document.xml (FoundationXML's XMLParser wraps the
        // same library but builds a dictionary and strings per event).
        .systemLibrary(name: "CXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // poppler's GLib interface (and cairo, for rendering pages to OCR): headers and link flags
        // only, never imported from Swift.
        .systemLibrary(name: "CPoppler", pkgConfig: "poppler-glib", providers: [.apt(["libpoppler-glib-dev"])]),
        // C wrapper whose public header has no GLib or cairo types.
        .target(name: "CPDFShim", dependencies: ["CPoppler"]),
        // One embedder tool for both plugins: it writes the files a plugin names as string literals.
        .executableTarget(name: "Embedder"),
        .plugin(name: "EmbedLexicons", capability: .buildTool(), dependencies: ["Embedder"]),
        .executableTarget(name: "RuleRegistryWriter"),
        .plugin(name: "RegisterRules", capability: .buildTool(), dependencies: ["RuleRegistryWriter"]),
        .target(
            name: "Gouji",
            dependencies: [
                "CICUShim", "CPCRE2", "CXML2", "CPDFShim",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: instrumented,
            plugins: ["EmbedLexicons", "RegisterRules"]
        ),
        .plugin(name: "EmbedAssets", capability: .buildTool(), dependencies: ["Embedder"]),
        // `gouji serve`: the workbench page and the HTTP API.
        .target(
            name: "GoujiServer",
            dependencies: [
                "Gouji",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            exclude: ["Assets"],
            plugins: ["EmbedAssets"]
        ),
        .executableTarget(
            name: "gouji",
            dependencies: ["Gouji", "GoujiServer", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Test support: the mutation harness (and the rule-example runner); never shipped in the library.
        .target(name: "GoujiTesting", dependencies: ["Gouji"]),
        .testTarget(name: "GoujiTests", dependencies: ["Gouji", "GoujiTesting", "FuzzSupport", .product(name: "Yams", package: "Yams")]),
        .testTarget(
            name: "GoujiServerTests",
            dependencies: [
                "Gouji", "GoujiServer",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(
            name: "FuzzSupport",
            dependencies: ["Gouji", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Fuzz/Support", swiftSettings: fuzzSwift
        ),
        .executableTarget(name: "fuzz-flattext", dependencies: ["FuzzSupport"], path: "Fuzz/FlatText",
                          swiftSettings: fuzzSwift, linkerSettings: fuzzLink),
        .executableTarget(name: "fuzz-docx", dependencies: ["FuzzSupport"], path: "Fuzz/Docx",
                          swiftSettings: fuzzSwift, linkerSettings: fuzzLink),
        .executableTarget(name: "fuzz-check", dependencies: ["FuzzSupport"], path: "Fuzz/Check",
                          swiftSettings: fuzzSwift, linkerSettings: fuzzLink),
        .executableTarget(name: "fuzz-pdf", dependencies: ["FuzzSupport"], path: "Fuzz/PDF",
                          swiftSettings: fuzzSwift, linkerSettings: fuzzLink),
        .executableTarget(name: "fuzz-xlsx", dependencies: ["FuzzSupport"], path: "Fuzz/Xlsx",
                          swiftSettings: fuzzSwift, linkerSettings: fuzzLink),
    ]
)
