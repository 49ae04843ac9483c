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
        case .xlsxInvalid: return "xlsxInvalid"
        case .xlsxMalformedXML: return "xlsxMalformedXML"
        case .xlsxForbiddenDTD: return "xlsxForbiddenDTD"
        case .xlsxBomb: return "xlsxBomb"
        case .noReportSheet: return "noReportSheet"
        case .needsLibreOffice: return "needsLibreOffice"
        case .conversionFailed: return "conversionFailed"
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

    /// libxml2 reads EBCDIC and any declared encoding through iconv, where a DTD has other
    /// bytes than the check looks for: such parts are refused before parsing.
    func testDocxPartsOutsideUTF8AndUTF16AreRefused() throws {
        let xxe = #"<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/hostname">]>"#
            + DocxBuilder.documentXML(DocxBuilder.p("&x;")).replacingOccurrences(of: #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#, with: "")
        // "<?xml" in EBCDIC, then anything.
        let ebcdic = Data([0x4C, 0x6F, 0xA7, 0x94, 0x93, 0x40]) + Data(xxe.utf8)
        let utf7 = Data((#"<?xml version="1.0" encoding="UTF-7"?>"# + xxe).utf8)
        for (xml, why) in [(ebcdic, "it does not start with '<' in UTF-8 or UTF-16"), (utf7, "it declares the encoding UTF-7")] {
            let docx = try DocxBuilder.zip(["word/document.xml": xml])
            XCTAssertThrowsError(try DocxBuilder.read(docx)) { error in
                XCTAssertEqual(error as? ReadError, .malformedXML("word/document.xml is not UTF-8 or UTF-16: \(why)"))
            }
        }
        // UTF-16 (with or without a byte-order mark) and a declared UTF-8 still read.
        let body = DocxBuilder.documentXML(DocxBuilder.p("预算100万元"))
        for xml in [Data(body.utf8), body.data(using: .utf16)!, body.data(using: .utf16LittleEndian)!, body.data(using: .utf16BigEndian)!] {
            let document = try DocxBuilder.read(try DocxBuilder.zip(["word/document.xml": xml]))
            XCTAssertEqual(document.paragraphs.first?.text, "预算100万元")
        }
    }

    func testOversizedInputIsRefusedBeforeReading() throws {
        var limits = ReadLimits()
        limits.maxInputBytes = 1000
        try assertRefused(Fixtures.seed, "tooLarge", limits: limits)
    }
}
