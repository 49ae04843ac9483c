import Foundation
@testable import Gouji

/// Paths of the repository's test material.
enum Fixtures {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("package root not found")
    }()

    static func corpus(_ relative: String) -> String { root.appendingPathComponent("Corpus/" + relative).path }
    static let seed = corpus("seed/yueyang-2021-keji.txt")

    static func readSeed() throws -> Document { try DocumentReader().read(path: seed) }
}
