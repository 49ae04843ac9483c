import XCTest
@testable import Gouji

/// The same report gives the same findings as plain text with pipe tables (`| a | b |`, as web
/// pages are copied; `scripts/fixtures/flat2pipe.py` writes them from the flattened reports).
final class PlainTextLayoutTests: XCTestCase {
    func testEveryReportAsPipeTablesGivesTheFindingsOfItsDocx() throws {
        let folder = Fixtures.corpus("reports/pipe")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted()
        XCTAssertEqual(names.count, 10, "every Corpus report")
        var errors = 0
        for name in names {
            let stem = String(name.dropLast(4))
            let pipe = Pipeline().check(path: folder + "/" + name)
            XCTAssertNil(pipe.error, name)
            XCTAssertEqual(pipe.document?.tables.isEmpty, false, "\(name): tables read")
            let expected = XlsxReaderTests.findings(Fixtures.corpus("reports/docx/\(stem).docx"))
            XCTAssertEqual([XlsxReaderTests.summary(pipe)], expected, name)
            errors += pipe.count(.error)
        }
        // The planted errors come through (not a comparison of nothing).
        XCTAssertGreaterThanOrEqual(errors, 8)
    }
}
