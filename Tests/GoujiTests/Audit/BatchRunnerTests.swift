import Foundation
import GRDB
import XCTest
@testable import Gouji

final class BatchRunnerTests: XCTestCase {
    var dir: URL!
    var archive: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("gouji-batch-\(UUID().uuidString)")
        archive = dir.appendingPathComponent("archive")
        try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
        let seed = try String(contentsOfFile: Fixtures.seed, encoding: .utf8)
        // Eight reports in nested folders: the seed, and copies with one digit changed.
        for i in 0..<8 {
            let folder = archive.appendingPathComponent("20\(20 + i % 2)/unit\(i % 3)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var text = seed
            if i > 0, let r = text.range(of: "5623.6") ?? text.range(of: "861.46") ?? text.range(of: "5.8") {
                text.replaceSubrange(r, with: i % 2 == 0 ? "5632.6" : "9\(i).8")
            }
            try text.write(to: folder.appendingPathComponent("report-\(i).txt"), atomically: true, encoding: .utf8)
        }
        let bad = archive.appendingPathComponent("bad")
        try FileManager.default.createDirectory(at: bad, withIntermediateDirectories: true)
        try Data().write(to: bad.appendingPathComponent("empty.txt"))
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]).write(to: bad.appendingPathComponent("image.txt"))
        try Data("skipped".utf8).write(to: bad.appendingPathComponent(".hidden.txt"))
        try Data("skipped".utf8).write(to: bad.appendingPathComponent("notes.md"))
        // A symbolic link back to the archive root must not loop.
        try FileManager.default.createSymbolicLink(atPath: archive.appendingPathComponent("2020/loop").path, withDestinationPath: "..")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    var provider: PipelineProvider {
        PipelineProvider(lexicons: .builtIn, lexiconFiles: RulesVersion.lexiconFiles(overridingWith: nil), limits: ReadLimits(),
                         configuration: Gouji.Configuration())
    }

    func run(db: String, jobs: Int, batchSize: Int = 3) throws -> RunCounts {
        let store = try AuditStore(path: dir.appendingPathComponent(db).path)
        let runID = try store.beginRun(rulesVersion: provider.defaultRulesVersion, arguments: [])
        let counts = try BatchRunner(jobs: jobs, lang: .en, batchSize: batchSize).run(roots: [archive.path], store: store, runID: runID, provider: provider)
        try store.finishRun(runID, counts: counts)
        return counts
    }

    /// Everything stored except ids, timings and run ids, in a stable order.
    func contents(_ db: String) throws -> [String] {
        let store = try AuditStore(path: dir.appendingPathComponent(db).path)
        return try store.pool.read { db in
            var lines = try Row.fetchAll(db, sql: """
                SELECT path, content_hash, size, family, template_confidence, status, error, rules_version, errors, warnings, infos
                FROM documents ORDER BY path
                """).map { "D \($0)" }
            lines += try Row.fetchAll(db, sql: """
                SELECT d.path, f.seq, f.text, f.value, f.unit, f.kind, f.line, f."column", f."start", f."end", f.subject, f.in_table
                FROM figures f JOIN documents d ON d.id = f.document_id ORDER BY d.path, f.seq
                """).map { "F \($0)" }
            lines += try Row.fetchAll(db, sql: """
                SELECT d.path, f.seq, f.rule, f.name, f.severity, f.message, f.arithmetic, f.figures, f.locations, f.suggestions
                FROM findings f JOIN documents d ON d.id = f.document_id ORDER BY d.path, f.seq
                """).map { "R \($0)" }
            return lines
        }
    }

    func testWalkerSkipsHiddenAndUnsupportedFilesAndDoesNotLoop() {
        var seen: [String] = []
        FileWalker().walk([archive.path]) { seen.append($0); return true }
        XCTAssertEqual(seen.count, 10, "\(seen)")
        XCTAssertEqual(Set(seen).count, seen.count)
        XCTAssertFalse(seen.contains { $0.contains(".hidden") || $0.hasSuffix(".md") })
        XCTAssertEqual(FileWalker().count([archive.path]), 10)
        // A file named directly is taken whatever its extension.
        var named: [String] = []
        FileWalker().walk([archive.appendingPathComponent("bad/notes.md").path]) { named.append($0); return true }
        XCTAssertEqual(named.count, 1)
    }

    func testParallelRunStoresTheSameAsOneJob() throws {
        let one = try run(db: "one.sqlite", jobs: 1)
        let four = try run(db: "four.sqlite", jobs: 4, batchSize: 2)
        XCTAssertEqual(one, four)
        XCTAssertEqual(one.checked, 10)
        XCTAssertEqual(one.unreadable, 2)
        let a = try contents("one.sqlite"), b = try contents("four.sqlite")
        XCTAssertEqual(a.count, b.count)
        XCTAssertEqual(a, b)
        XCTAssertEqual(a.filter { $0.hasPrefix("D ") }.count, 10)
        XCTAssertGreaterThan(a.filter { $0.hasPrefix("F ") }.count, 0, "the seed has figures")
    }

    func testRerunSkipsUnchangedAndRechecksChangedDocuments() throws {
        let first = try run(db: "a.sqlite", jobs: 2)
        XCTAssertEqual(first.checked, 10)
        let before = try contents("a.sqlite")

        let second = try run(db: "a.sqlite", jobs: 2)
        XCTAssertEqual(second.checked, 0)
        XCTAssertEqual(second.skipped, 10)
        XCTAssertEqual(second.unreadable, 2, "unreadable documents still count for the exit code")
        XCTAssertEqual(try contents("a.sqlite"), before)

        // Change one report: only it is re-checked, and its rows are replaced.
        let file = archive.appendingPathComponent("2020/unit0/report-0.txt")
        let text = try String(contentsOf: file, encoding: .utf8)
        try String(text.prefix(text.count / 2)).write(to: file, atomically: true, encoding: .utf8)
        let third = try run(db: "a.sqlite", jobs: 2)
        XCTAssertEqual(third.checked, 1)
        XCTAssertEqual(third.skipped, 9)
        let after = try contents("a.sqlite")
        XCTAssertEqual(after.filter { $0.hasPrefix("D ") }.count, 10)
        let path = file.path
        let oldFigures = before.filter { $0.hasPrefix("F ") && $0.contains(path) }.count
        let newFigures = after.filter { $0.hasPrefix("F ") && $0.contains(path) }.count
        XCTAssertLessThan(newFigures, oldFigures)
        // The same as checking the changed archive from scratch.
        _ = try run(db: "fresh.sqlite", jobs: 1)
        XCTAssertEqual(try contents("fresh.sqlite"), after)
    }

    func testUnreadableFilesAreRecordedAndDoNotStopTheRun() throws {
        let counts = try run(db: "a.sqlite", jobs: 2)
        XCTAssertEqual(counts.checked, 10)
        let store = try AuditStore(path: dir.appendingPathComponent("a.sqlite").path)
        let empty = try XCTUnwrap(try store.stored(path: archive.appendingPathComponent("bad/empty.txt").path))
        XCTAssertEqual(empty.status, "unreadable")
        let rows = try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT path, error FROM documents WHERE status = 'unreadable' ORDER BY path")
        }
        XCTAssertEqual(rows.map { $0["error"] as String }, ["file is empty", "not a text report (a PNG image)"])
    }

    func testRulesVersionChangeRechecksEverything() throws {
        _ = try run(db: "a.sqlite", jobs: 2)
        let store = try AuditStore(path: dir.appendingPathComponent("a.sqlite").path)
        var configuration = Gouji.Configuration()
        configuration.preset = "strict"
        let strict = PipelineProvider(lexicons: .builtIn, lexiconFiles: RulesVersion.lexiconFiles(overridingWith: nil), limits: ReadLimits(),
                                      configuration: configuration)
        XCTAssertNotEqual(strict.defaultRulesVersion, provider.defaultRulesVersion)
        let counts = try BatchRunner(jobs: 2).run(roots: [archive.path], store: store, runID: 1, provider: strict)
        XCTAssertEqual(counts.checked, 10)
        XCTAssertEqual(counts.skipped, 0)
    }

    func testBoundedQueueBlocksAndDrains() {
        let queue = BoundedQueue<Int>(capacity: 2)
        let produced = Counter(0)
        let thread = Thread {
            for i in 0..<100 { queue.push(i); _ = produced.decrement() }
            queue.close()
        }
        thread.start()
        var received: [Int] = []
        while case .value(let v) = queue.pop() { received.append(v) }
        XCTAssertEqual(received, Array(0..<100))
        if case .closed = queue.pop(until: Date().addingTimeInterval(0.01)) {} else { XCTFail("expected closed") }
    }
}
