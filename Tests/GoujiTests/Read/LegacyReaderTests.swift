import XCTest
@testable import Gouji

/// .doc and .xls through LibreOffice (installed here and in CI).
final class LegacyReaderTests: XCTestCase {
    /// Every report's .doc (LibreOffice's, `scripts/fixtures/make_office_forms.sh`) and the seed's.
    static var docs: [(doc: String, docx: String)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.corpus("reports/doc"))) ?? []
        return names.filter { $0.hasSuffix(".doc") }.sorted().map { name in
            let stem = String(name.dropLast(4))
            return ("reports/doc/\(name)", "reports/docx/\(stem).docx")
        } + [("seed/doc/yueyang-2021-keji.doc", "seed/yueyang-2021-keji.docx")]
    }

    func testEveryReportsDocGivesTheFindingsOfItsDocx() throws {
        XCTAssertEqual(Self.docs.count, 11, "the ten Corpus reports and the seed")
        var planted = 0
        for (doc, docx) in Self.docs {
            let path = Fixtures.corpus(doc)
            let results = Pipeline().checkAll(path: path)
            XCTAssertEqual(results.map(\.path), [path])
            XCTAssertEqual(results.first?.document?.format, .doc)
            let expected = XlsxReaderTests.findings(Fixtures.corpus(docx))
            XCTAssertEqual(expected.count, 1, docx)
            XCTAssertFalse(expected.first?.first?.hasPrefix("unreadable") ?? false, docx)
            XCTAssertEqual(results.map(XlsxReaderTests.summary), expected, doc)
            planted += expected.first?.filter { $0.contains(" error ") }.count ?? 0
        }
        // Not a comparison of nothing: the planted errors and the seed's come through.
        XCTAssertGreaterThanOrEqual(planted, 8)
    }

    func testAnXlsGivesTheFindingsOfItsSheets() throws {
        let path = Fixtures.corpus("reports/xls/national-shangshui-2021-xueqian.xls")
        let results = Pipeline().checkAll(path: path)
        XCTAssertEqual(results.map(\.path), [path + "#自评表"])
        XCTAssertEqual(results.first?.document?.format, .xls)
        XCTAssertEqual(results.map(XlsxReaderTests.summary),
                       XlsxReaderTests.findings(Fixtures.corpus("reports/docx/national-shangshui-2021-xueqian.docx")))
        let book = Fixtures.corpus("reports/xls/workbook-three-forms.xls")
        XCTAssertEqual(try DocumentReader().readAll(path: book).map(\.path),
                       ["广德公路", "丹棱垃圾", "商水学前"].map { "\(book)#\($0)" })
    }

    func testWithoutSofficeTheMessageSaysWhatToInstall() throws {
        let reader = DocumentReader(converter: LibreOfficeConverter(searchPath: "/nonexistent:/also-not-here"))
        XCTAssertThrowsError(try reader.read(path: Fixtures.corpus("reports/doc/national-guangde-2022-gonglu.doc"))) {
            XCTAssertEqual("\($0)", "reading .doc needs LibreOffice (soffice on PATH; apt-get install libreoffice-writer-nogui)")
        }
        XCTAssertThrowsError(try reader.read(path: Fixtures.corpus("reports/xls/national-guangde-2022-gonglu.xls"))) {
            XCTAssertEqual("\($0)", "reading .xls needs LibreOffice (soffice on PATH; apt-get install libreoffice-calc-nogui)")
        }
        XCTAssertNotNil(LibreOfficeConverter().locate(), "soffice is on PATH here and in CI")
    }

    func testAConversionThatHangsIsKilledWithItsChildren() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gouji-fake-soffice-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pidFile = folder.appendingPathComponent("child.pid").path
        // A stand-in soffice that starts a child and never finishes.
        let script = "#!/bin/sh\nsleep 300 &\necho $! > \(pidFile)\nwait\n"
        let fake = folder.appendingPathComponent("soffice").path
        try script.write(toFile: fake, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake)
        let converter = LibreOfficeConverter(searchPath: folder.path, timeout: 1)
        let started = Date()
        XCTAssertThrowsError(try converter.convert(Data("x".utf8), from: "doc", to: "docx")) {
            guard case ReadError.conversionFailed(let why)? = $0 as? ReadError else { return XCTFail("\($0)") }
            XCTAssertTrue(why.contains("within 1 s"), why)
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 15)
        let child = try XCTUnwrap(Int32((try String(contentsOfFile: pidFile, encoding: .utf8)).trimmingCharacters(in: .whitespacesAndNewlines)))
        // The child was in the killed process group: gone (or a zombie about to be reaped by init).
        var alive = kill(child, 0) == 0
        for _ in 0..<20 where alive {
            let status = (try? String(contentsOfFile: "/proc/\(child)/stat", encoding: .utf8)) ?? ""
            if status.isEmpty || status.contains(") Z ") { alive = false } else { usleep(100_000); alive = kill(child, 0) == 0 }
        }
        XCTAssertFalse(alive, "the hanging conversion's child process survived")
    }

    func testAFailedConversionIsOneLineAndLeavesNoTemporaryFolder() throws {
        let before = Set((try? FileManager.default.contentsOfDirectory(atPath: "/tmp")) ?? []).filter { $0.hasPrefix("gouji-soffice-") }
        let reader = DocumentReader()
        let bogus = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 600))
        XCTAssertThrowsError(try reader.readAll(data: bogus, path: "broken.doc")) {
            XCTAssertFalse("\($0)".contains("\n"))
        }
        let after = Set((try? FileManager.default.contentsOfDirectory(atPath: "/tmp")) ?? []).filter { $0.hasPrefix("gouji-soffice-") }
        XCTAssertTrue(after.isSubset(of: before), "left behind: \(after.subtracting(before))")
    }
}
