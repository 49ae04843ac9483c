import Foundation
import GRDB
import XCTest
@testable import Gouji

/// `gouji batch` over a workbook: one stored document per report sheet, skipped together on a
/// rerun, replaced together when the file changes.
final class BatchWorkbookTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("gouji-batch-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("archive"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func runBatch() throws -> RunCounts {
        let provider = PipelineProvider(lexicons: .builtIn, lexiconFiles: RulesVersion.lexiconFiles(overridingWith: nil),
                                        limits: ReadLimits(), configuration: Gouji.Configuration())
        let store = try AuditStore(path: dir.appendingPathComponent("a.sqlite").path)
        let runID = try store.beginRun(rulesVersion: provider.defaultRulesVersion, arguments: [])
        let counts = try BatchRunner(jobs: 2, lang: .en, batchSize: 1).run(roots: [dir.appendingPathComponent("archive").path],
                                                                          store: store, runID: runID, provider: provider)
        try store.finishRun(runID, counts: counts)
        return counts
    }

    func stored() throws -> [String] {
        let store = try AuditStore(path: dir.appendingPathComponent("a.sqlite").path)
        return try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT d.path, d.source, COUNT(f.seq) AS n FROM documents d LEFT JOIN findings f ON f.document_id = d.id GROUP BY d.id ORDER BY d.path")
                .map { "\(($0["path"] as String).components(separatedBy: "/").last!) \(($0["source"] as String).components(separatedBy: "/").last!) \($0["n"] as Int)" }
        }
    }

    func testEachReportSheetIsOneDocumentAndResumeSkipsTheWorkbook() throws {
        let book = dir.appendingPathComponent("archive/book.xlsx")
        try FileManager.default.copyItem(atPath: Fixtures.corpus("reports/xlsx/workbook-three-forms.xlsx"), toPath: book.path)
        try FileManager.default.copyItem(atPath: Fixtures.corpus("reports/national-guangde-2022-gonglu.txt"),
                                         toPath: dir.appendingPathComponent("archive/plain.txt").path)
        let first = try runBatch()
        XCTAssertEqual(first.checked, 4)
        XCTAssertEqual(first.errorDocuments, 1, "商水学前 has error findings")
        let rows = try stored()
        XCTAssertEqual(rows.map { $0.components(separatedBy: " ").dropLast().joined(separator: " ") },
                       ["book.xlsx#丹棱垃圾 book.xlsx", "book.xlsx#商水学前 book.xlsx", "book.xlsx#广德公路 book.xlsx", "plain.txt plain.txt"])
        XCTAssertNotEqual(rows[1].components(separatedBy: " ").last, "0")

        let second = try runBatch()
        XCTAssertEqual(second.checked, 0)
        XCTAssertEqual(second.skipped, 4)
        XCTAssertEqual(second.errorDocuments, 1, "skipped sheets still count for the exit code")
        XCTAssertEqual(try stored(), rows)

        // The workbook becomes a single form: its three sheets are replaced by one document.
        try FileManager.default.removeItem(at: book)
        try FileManager.default.copyItem(atPath: Fixtures.corpus("reports/xlsx/national-shangshui-2021-xueqian.xlsx"), toPath: book.path)
        let third = try runBatch()
        XCTAssertEqual(third.checked, 1)
        XCTAssertEqual(third.skipped, 1)
        XCTAssertEqual(try stored().map { $0.components(separatedBy: " ")[0] }, ["book.xlsx#自评表", "plain.txt"])
    }
}
