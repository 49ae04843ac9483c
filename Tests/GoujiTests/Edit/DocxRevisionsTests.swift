import XCTest
import ZIPFoundation
@testable import Gouji

/// `gouji fix` on a .docx: the safe fixes become Word revisions the writer accepts or rejects.
final class DocxRevisionsTests: XCTestCase {
    static let seedDocx = Fixtures.corpus("seed/yueyang-2021-keji.docx")

    func documentXML(_ data: Data) throws -> String {
        let archive = try Archive(data: data, accessMode: .read)
        var xml = Data()
        _ = try archive.extract(archive["word/document.xml"]!) { xml.append($0) }
        return String(decoding: xml, as: UTF8.self)
    }

    func revise(_ data: Data, path: String) throws -> (DocxRevisions.Report, FixApplier.Outcome) {
        let result = Pipeline().check(path: path)
        let outcome = FixApplier.apply(FixApplier.safeSuggestions(result.findings), to: result.document!.text)
        let report = try DocxRevisions.revise(docx: data, result: result, suggestions: outcome.applied,
                                              date: Date(timeIntervalSince1970: 1_796_000_000))
        return (report, outcome)
    }

    func testSafeFixesOfTheSeedAreTrackedChangesAndTheAcceptedTextIsTheFixedText() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.seedDocx))
        let (report, outcome) = try revise(data, path: Self.seedDocx)
        XCTAssertEqual(report.revised.map(\.original), ["5.8.", "3600万", "[bookmark: _GoBack]", "3600万"])
        XCTAssertEqual(report.revised.map(\.replacement), ["5.8", "3600万元", "", "3600万元"])
        XCTAssertTrue(report.unplaced.isEmpty)
        let xml = try documentXML(report.data)
        let stamp = "w:author=\"勾稽\" w:date=\"2026-11-30T00:53:20Z\""
        XCTAssertNotNil(xml.range(of: "<w:del w:id=\"[0-9]+\" \(stamp)><w:r><w:delText xml:space=\"preserve\">5.8.</w:delText></w:r></w:del>"
                                    + "<w:ins w:id=\"[0-9]+\" \(stamp)><w:r><w:t xml:space=\"preserve\">5.8</w:t></w:r></w:ins>",
                                  options: .regularExpression), "the malformed number as a deletion and an insertion")
        XCTAssertEqual(xml.components(separatedBy: "<w:del ").count - 1, 4)
        XCTAssertEqual(xml.components(separatedBy: "<w:ins ").count - 1, 3, "removing the artefact inserts nothing")

        // Word's view with every revision accepted is the fixed text; checked again, F01 is gone
        // and no safe fix is left (fixing twice changes nothing).
        let revised = FileManager.default.temporaryDirectory.appendingPathComponent("gouji-revised-\(UUID().uuidString).docx")
        try report.data.write(to: revised)
        defer { try? FileManager.default.removeItem(at: revised) }
        let again = Pipeline().check(path: revised.path)
        XCTAssertEqual(again.document?.text, outcome.text)
        XCTAssertFalse(again.findings.contains { $0.rule == "F01" })
        XCTAssertTrue(FixApplier.safeSuggestions(again.findings).isEmpty)
        let (second, _) = try revise(report.data, path: revised.path)
        XCTAssertEqual(second.revised.count, 0)
    }
}
