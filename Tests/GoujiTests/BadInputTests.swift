import XCTest
@testable import Gouji

final class BadInputTests: XCTestCase {
    /// The error's case, without its payload.
    static func kind(of error: ReadError) -> String {
        switch error {
        case .notFound: return "notFound"
        case .isDirectory: return "isDirectory"
        case .unreadable: return "unreadable"
        case .empty: return "empty"
        case .tooLarge: return "tooLarge"
        case .binary: return "binary"
        case .undecodable: return "undecodable"
        case .notADocx: return "notADocx"
        case .docxMissingPart: return "docxMissingPart"
        case .malformedXML: return "malformedXML"
        case .forbiddenDTD: return "forbiddenDTD"
        case .zipBomb: return "zipBomb"
        case .limitExceeded: return "limitExceeded"
        }
    }

    static let cases: [(file: String, expected: String)] = [
        ("empty.txt", "empty"),
        ("empty.docx", "empty"),
        ("truncated.docx", "notADocx"),
        ("text-renamed.docx", "notADocx"),
        ("no-document-xml.docx", "docxMissingPart"),
        ("malformed-xml.docx", "malformedXML"),
        ("malformed-xml-ampersand.docx", "malformedXML"),
        ("xxe.docx", "forbiddenDTD"),
        ("billion-laughs.docx", "forbiddenDTD"),
        ("deep-xml.docx", "limitExceeded"),
        ("deep-tables.docx", "limitExceeded"),
        ("zip-bomb.docx", "zipBomb"),
        ("image.png.txt", "binary"),
        ("invalid-gb18030.txt", "undecodable"),
        ("invalid-utf8.txt", "undecodable"),
        ("nul-bytes.txt", "binary"),
    ]

    func assertRefused(_ path: String, _ expected: String, limits: ReadLimits = ReadLimits(),
                       file: StaticString = #filePath, line: UInt = #line) throws {
        let before = try? Data(contentsOf: URL(fileURLWithPath: path))
        let modified = try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        let started = Date()
        XCTAssertThrowsError(try DocumentReader(limits: limits).read(path: path), path, file: file, line: line) { error in
            guard let readError = error as? ReadError else { return XCTFail("\(path): \(error)", file: file, line: line) }
            XCTAssertEqual(Self.kind(of: readError), expected, "\(path): \(readError)", file: file, line: line)
            XCTAssertFalse(readError.description.contains("\n"), file: file, line: line)
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, path, file: file, line: line)
        XCTAssertEqual(try? Data(contentsOf: URL(fileURLWithPath: path)), before, "\(path) changed", file: file, line: line)
        XCTAssertEqual(try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date, modified,
                       file: file, line: line)
    }

    func testEachHostileFixtureIsRefusedWithItsError() throws {
        for (name, expected) in Self.cases {
            try assertRefused(Fixtures.corpus("hostile/" + name), expected)
        }
    }

    func testZipWithLyingSizesIsStoppedWhileInflating() throws {
        var limits = ReadLimits()
        limits.maxUncompressedBytes = 1 << 20
        try assertRefused(Fixtures.corpus("hostile/zip-bomb-lying.docx"), "zipBomb", limits: limits)
    }

    func testPathsThatAreNotReportFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gouji-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try assertRefused(dir.path, "isDirectory")
        try assertRefused(dir.appendingPathComponent("missing.txt").path, "notFound")
        let a = dir.appendingPathComponent("a.txt").path, b = dir.appendingPathComponent("b.txt").path
        try FileManager.default.createSymbolicLink(atPath: a, withDestinationPath: b)
        try FileManager.default.createSymbolicLink(atPath: b, withDestinationPath: a)
        try assertRefused(a, "unreadable")
    }

    func testOversizedInputIsRefusedBeforeReading() throws {
        var limits = ReadLimits()
        limits.maxInputBytes = 1000
        try assertRefused(Fixtures.seed, "tooLarge", limits: limits)
    }
}
