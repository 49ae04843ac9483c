import Foundation
import GRDB
import XCTest
@testable import Gouji

final class AuditStoreTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("gouji-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func testContentHashIsSHA256OfTheFIPSExamples() {
        XCTAssertEqual(ContentHash.hex(Data()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(ContentHash.hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(ContentHash.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(ContentHash.hex(Data(repeating: UInt8(ascii: "a"), count: 1_000_000)),
                       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        XCTAssertEqual(ContentHash.hex(Data(repeating: 0, count: 64)), "f5a5fd42d16a20302798ef6ed309979b43003d2320d9f0e8ea9831a92759fb4b")
        // A slice of a larger buffer hashes as its own bytes (Data slices keep their parent's indices).
        let whole = Data("xxabcyy".utf8)
        XCTAssertEqual(ContentHash.hex(whole[2..<5]), ContentHash.hex("abc"))
    }

    func testMigrationCreatesTheSchemaInWALMode() throws {
        let store = try AuditStore(path: dir.appendingPathComponent("a.sqlite").path)
        try store.pool.read { db in
            for table in ["runs", "documents", "figures", "findings"] {
                XCTAssertTrue(try db.tableExists(table), table)
            }
            let documentColumns = Set(try db.columns(in: "documents").map(\.name))
            XCTAssertTrue(["path", "content_hash", "size", "family", "template_confidence", "status", "error", "read_ms",
                           "check_ms", "rules_version", "run_id"].allSatisfy(documentColumns.contains), "\(documentColumns)")
            let figureColumns = Set(try db.columns(in: "figures").map(\.name))
            XCTAssertTrue(["document_id", "text", "value", "unit", "kind", "line", "column", "start", "end", "subject", "in_table"]
                .allSatisfy(figureColumns.contains), "\(figureColumns)")
            let findingColumns = Set(try db.columns(in: "findings").map(\.name))
            XCTAssertTrue(["document_id", "rule", "name", "severity", "message", "arithmetic", "figures", "suggestions"]
                .allSatisfy(findingColumns.contains), "\(findingColumns)")
            XCTAssertEqual(try String.fetchOne(db, sql: "PRAGMA journal_mode"), "wal")
            XCTAssertTrue(try AuditStore.migrator.hasCompletedMigrations(db))
        }
        // Opening again runs no migration twice.
        _ = try AuditStore(path: dir.appendingPathComponent("a.sqlite").path)
    }

    static func sampleResult(path: String, amount: String = "9783.6", withFinding: Bool = true) -> CheckResult {
        let location = SourceLocation(line: 3, column: 9, start: 40, end: 47)
        let figure = Figure(text: amount + "万元", value: Decimal(string: amount)! * 10000, unit: "元", writtenUnit: "万元",
                            kind: .money, location: location, decimals: 1, factor: 10000, number: Decimal(string: amount)!,
                            subject: "资金")
        let count = Figure(text: "3个", value: 3, unit: "个", writtenUnit: "个", kind: .count,
                           location: SourceLocation(line: 4, column: 1, start: 60, end: 62), decimals: 0, factor: 1, number: 3, inTable: true)
        var findings: [Finding] = []
        if withFinding {
            findings.append(Finding(rule: "N01", name: "total-vs-parts", severity: .error,
                                    message: Localized(zh: "合计与分项不符", en: "total differs from its parts"),
                                    arithmetic: Localized(zh: "660 + 5623.6 + 3600 = 9883.6 ≠ 9783.6，差 100", en: "660 + 5623.6 + 3600 = 9883.6 ≠ 9783.6, off by 100"),
                                    figures: [figure],
                                    suggestions: [Suggestion(location: location, original: figure.text, replacement: "9883.6万元",
                                                             reason: Localized(zh: "按分项之和", en: "sum of the parts"))]))
        }
        return CheckResult(path: path, template: "hunan-project", templateConfidence: 0.9, figures: [figure, count], findings: findings)
    }

    /// A store written by the first schema keeps its figures when opened by this version,
    /// which keys them by document and position; deleting a document still deletes them.
    func testFiguresSurviveTheMoveToDocumentKeys() throws {
        let path = dir.appendingPathComponent("v1.sqlite").path
        do {
            let pool = try DatabasePool(path: path)
            try AuditStore.migrator.migrate(pool, upTo: "v1")
            try pool.write { db in
                try db.execute(sql: "INSERT INTO runs (started, rules_version, tool_version, args) VALUES ('t', 'v', '0', '[]')")
                for (id, name) in [(1, "/x/a.txt"), (2, "/x/b.txt")] {
                    try db.execute(sql: """
                        INSERT INTO documents (id, path, size, family, template_confidence, status, read_ms, check_ms, rules_version,
                          run_id, errors, warnings, infos, checked_at) VALUES (?, ?, 1, 'f', 1, 'ok', 0, 0, 'v', 1, 0, 0, 0, 't')
                        """, arguments: [id, name])
                    for seq in 0..<3 {
                        try db.execute(sql: """
                            INSERT INTO figures (document_id, seq, text, value, unit, kind, line, "column", "start", "end", subject, in_table)
                            VALUES (?, ?, ?, ?, '元', 'money', 1, 2, ?, ?, NULL, 1)
                            """, arguments: [id, seq, "\(seq)万元", "\(seq)0000", seq * 10, seq * 10 + 3])
                    }
                }
            }
        }
        let store = try AuditStore(path: path)
        XCTAssertEqual(try counts(store), [2, 6, 0])
        try store.pool.write { db in
            let rows = try Row.fetchAll(db, sql: "SELECT document_id, seq, text, value, \"start\", subject FROM figures ORDER BY document_id, seq")
            XCTAssertEqual(rows.map { $0["text"] as String }, ["0万元", "1万元", "2万元", "0万元", "1万元", "2万元"])
            XCTAssertEqual(rows.map { $0["start"] as Int }, [0, 10, 20, 0, 10, 20])
            XCTAssertNil(rows[0]["subject"] as String?)
            try db.execute(sql: "DELETE FROM documents WHERE path = '/x/a.txt'")
        }
        XCTAssertEqual(try counts(store), [1, 3, 0])
    }

    func counts(_ store: AuditStore) throws -> [Int] {
        try store.pool.read { db in
            try ["documents", "figures", "findings"].map { try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? -1 }
        }
    }

    func testStoringADocumentAndReplacingIt() throws {
        let store = try AuditStore(path: dir.appendingPathComponent("a.sqlite").path)
        let run = try store.beginRun(rulesVersion: "v", arguments: ["batch"])
        let record = DocumentRecord(result: Self.sampleResult(path: "/x/a.txt"), contentHash: "h1", size: 10, rulesVersion: "v", lang: .zh)
        try store.write([record], runID: run)
        XCTAssertEqual(try counts(store), [1, 2, 1])
        let stored = try XCTUnwrap(try store.stored(path: "/x/a.txt"))
        XCTAssertEqual(stored.contentHash, "h1"); XCTAssertEqual(stored.rulesVersion, "v")
        XCTAssertEqual(stored.status, "ok"); XCTAssertEqual(stored.errors, 1)
        try store.pool.read { db in
            let f = try XCTUnwrap(try Row.fetchOne(db, sql: "SELECT * FROM figures ORDER BY seq LIMIT 1"))
            XCTAssertEqual(f["text"] as String, "9783.6万元"); XCTAssertEqual(f["value"] as String, "97836000")
            XCTAssertEqual(f["kind"] as String, "money"); XCTAssertEqual(f["column"] as Int, 9); XCTAssertEqual(f["end"] as Int, 47)
            let finding = try XCTUnwrap(try Row.fetchOne(db, sql: "SELECT * FROM findings"))
            XCTAssertEqual(finding["rule"] as String, "N01"); XCTAssertEqual(finding["message"] as String, "合计与分项不符")
            let suggestions = try JSONSerialization.jsonObject(with: Data((finding["suggestions"] as String).utf8)) as? [[String: Any]]
            XCTAssertEqual(suggestions?.first?["replacement"] as? String, "9883.6万元")
        }
        // The same path written again replaces its rows: no duplicates, no leftovers.
        let changed = DocumentRecord(result: Self.sampleResult(path: "/x/a.txt", amount: "9883.6", withFinding: false),
                                     contentHash: "h2", size: 11, rulesVersion: "v", lang: .zh)
        try store.write([changed], runID: run)
        XCTAssertEqual(try counts(store), [1, 2, 0])
        XCTAssertEqual(try store.stored(path: "/x/a.txt")?.contentHash, "h2")
        try store.finishRun(run, counts: RunCounts())
        // The per-document JSON is rebuilt from the rows.
        let json = try XCTUnwrap(try AuditReport.documentJSON(store: store, id: try XCTUnwrap(try store.stored(path: "/x/a.txt")).id))
        XCTAssertTrue(json.contains("\"content_hash\" : \"h2\""), json)
    }

    func testUnreadableDocumentsAreRecorded() throws {
        let store = try AuditStore(path: dir.appendingPathComponent("a.sqlite").path)
        let run = try store.beginRun(rulesVersion: "v", arguments: [])
        try store.write([DocumentRecord(result: CheckResult(path: "/x/b.txt", error: "file is empty"), contentHash: ContentHash.hex(Data()),
                                        size: 0, rulesVersion: "v", lang: .en)], runID: run)
        let stored = try XCTUnwrap(try store.stored(path: "/x/b.txt"))
        XCTAssertEqual(stored.status, "unreadable")
        let report = try AuditReport.load(store: store)
        XCTAssertEqual(report.totals.unreadable, 1)
        XCTAssertEqual(report.unreadable.first?.error, "file is empty")
    }

    func testReportEscapesTextAndDrawsAChart() throws {
        let store = try AuditStore(path: dir.appendingPathComponent("a.sqlite").path)
        let run = try store.beginRun(rulesVersion: "v", arguments: [])
        try store.write([DocumentRecord(result: Self.sampleResult(path: "/x/<script>alert(1)</script>.txt"), contentHash: "h",
                                        size: 1, rulesVersion: "v", lang: .zh)], runID: run)
        let report = try AuditReport.load(store: store)
        XCTAssertEqual(report.byRule.first?.rule, "N01")
        XCTAssertEqual(report.topDocuments.count, 1)
        let html = report.html(lang: .en)
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertTrue(html.contains("<svg") && html.contains("<rect"))
        XCTAssertFalse(html.contains("http://") && html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http://"))
        let csv = report.csv()
        XCTAssertTrue(csv.hasPrefix("\u{FEFF}section,family,status,rule,name,severity,path,errors,warnings,infos,count\r\n"))
        XCTAssertTrue(csv.contains("rule,,,N01,total-vs-parts,error,,,,,1"))
        XCTAssertEqual(AuditReport.csvField("=cmd()"), "'=cmd()")
        XCTAssertEqual(AuditReport.csvField("a,\"b\""), "\"a,\"\"b\"\"\"")
        let decoded = try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any]
        XCTAssertNotNil(decoded?["byRule"])
    }
}
