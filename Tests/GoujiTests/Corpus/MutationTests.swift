import Foundation
import XCTest
@testable import Gouji
import GoujiTesting

/// Recall of the checker on errors injected into the clean corpus reports (see Sources/GoujiTesting).
///
/// `testRecall` prints the markdown table; with `GOUJI_MUTATION_REPORT=<path>` it also writes it
/// there (scripts/mutation-report.sh does this for Corpus/mutation-report.md).
final class MutationTests: XCTestCase {
    /// Overall recall measured on the corpus, rounded down: a regression below it fails the test.
    static let recallThreshold = 0.97

    /// Clean reports of Corpus/reports (`clean: true` in their expected.yaml), sorted by name.
    static func cleanReports() throws -> [(name: String, path: String)] {
        let dir = Fixtures.corpus("reports")
        return try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".txt") }.sorted().compactMap { file in
            let name = String(file.dropLast(4))
            let yaml = try String(contentsOfFile: dir + "/" + name + ".expected.yaml", encoding: .utf8)
            let clean = yaml.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == "clean: true" }
            return clean ? (name, dir + "/" + file) : nil
        }
    }

    static func measure() throws -> MutationSummary {
        let reports = try cleanReports()
        let runner = MutationRunner()
        let results = Results(count: reports.count)
        let documents = try reports.map { try DocumentReader().read(path: $0.path) }
        DispatchQueue.concurrentPerform(iterations: reports.count) { i in
            results.set(i, runner.run(document: documents[i], report: reports[i].name))
        }
        let all = results.all
        return MutationSummary(outcomes: all.flatMap(\.mutants), clean: all.map(\.clean))
    }

    final class Results: @unchecked Sendable {
        private var items: [(clean: CleanOutcome, mutants: [MutationOutcome])?]
        private let lock = NSLock()
        init(count: Int) { items = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ value: (clean: CleanOutcome, mutants: [MutationOutcome])) { lock.lock(); items[i] = value; lock.unlock() }
        var all: [(clean: CleanOutcome, mutants: [MutationOutcome])] { lock.lock(); defer { lock.unlock() }; return items.compactMap { $0 } }
    }

    func testRecall() throws {
        let summary = try Self.measure()
        let table = summary.markdown()
        print("<!-- mutation-report:begin -->\n" + table + "<!-- mutation-report:end -->")
        if let path = ProcessInfo.processInfo.environment["GOUJI_MUTATION_REPORT"], !path.isEmpty {
            try table.write(toFile: path, atomically: true, encoding: .utf8)
        }
        XCTAssertEqual(summary.clean.count, 7, "clean reports in Corpus/reports")
        XCTAssertGreaterThanOrEqual(summary.outcomes.count, 70, "mutants built")
        for c in summary.clean {
            XCTAssertTrue(c.errors.isEmpty, "false alarm(s) on clean \(c.report): \(c.errors.map(MutationSummary.brief))")
        }
        XCTAssertGreaterThanOrEqual(summary.overallRecall, Self.recallThreshold,
                                    "overall recall \(summary.overallRecall) fell below \(Self.recallThreshold)")
    }

    // MARK: - The mutator itself

    func testMutantsAreDeterministicAndLocal() throws {
        let (name, path) = try XCTUnwrap(Self.cleanReports().first { $0.name == "hunan-yueyang-2022-sifa" })
        let doc = try DocumentReader().read(path: path)
        let a = Mutator().mutants(of: doc, report: name)
        let b = Mutator().mutants(of: doc, report: name)
        XCTAssertEqual(a.map(\.text), b.map(\.text))
        XCTAssertEqual(a.map(\.targets), b.map(\.targets))
        XCTAssertEqual(Set(a.map(\.mutationClass)).count, a.count, "one mutant per class")
        for m in a {
            XCTAssertNotEqual(m.text, doc.text, "\(m.mutationClass) changed nothing")
            XCTAssertFalse(m.targets.isEmpty, "\(m.mutationClass) has no target")
            // Outside the edits, the text is unchanged.
            let orig = Array(doc.text.unicodeScalars), mut = Array(m.text.unicodeScalars)
            let first = try XCTUnwrap(m.edits.first), last = try XCTUnwrap(m.edits.last)
            XCTAssertEqual(orig[..<first.start], mut[..<first.start])
            XCTAssertEqual(orig[last.end...], mut[(mut.count - (orig.count - last.end))...])
        }
    }

    func testClassesApplyByTemplate() throws {
        let reports = try Self.cleanReports()
        func classes(_ n: String) throws -> Set<MutationClass> {
            let p = try XCTUnwrap(reports.first { $0.name == n }).path
            return Set(Mutator().mutants(of: try DocumentReader().read(path: p), report: n).map(\.mutationClass))
        }
        let hunan = try classes("hunan-yunxi-2020-yinshui")
        XCTAssertTrue(hunan.isSuperset(of: [.tableTotal, .balance, .voucherDate, .gradeVsScore, .digitTypo, .transposition]))
        XCTAssertFalse(hunan.contains(.rateOrScore))
        let national = try classes("national-guangde-2022-gonglu")
        XCTAssertTrue(national.isSuperset(of: [.tableTotal, .rateOrScore, .metStatus, .deviationReason, .malformedNumber]))
        XCTAssertFalse(national.contains(.balance))
    }

    func testSpecificEdits() throws {
        let (name, path) = try XCTUnwrap(Self.cleanReports().first { $0.name == "hunan-yueyang-2022-sifa" })
        let doc = try DocumentReader().read(path: path)
        let m = try XCTUnwrap(Mutator().mutant(.balance, of: doc, report: name))
        // Total 结余 and 市财政 结余 both 0.68 → 0.78, so the sources still add up.
        XCTAssertEqual(m.targets.count, 2)
        let lines = m.text.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines[49], "\t0.78")
        XCTAssertEqual(lines[76], "\t0.78")
        let v = try XCTUnwrap(Mutator().mutant(.voucherDate, of: doc, report: name))
        XCTAssertTrue(v.text.contains("2023年"), v.after)
        XCTAssertEqual(MutationRunner.touches(SourceLocation(line: 1, column: 1, start: 5, end: 9), 8..<10), true)
        XCTAssertEqual(MutationRunner.touches(SourceLocation(line: 1, column: 1, start: 5, end: 9), 9..<10), false)
        XCTAssertEqual(MutationRunner.touches(SourceLocation(line: 1, column: 1, start: 5, end: 5), 5..<5), true)
    }
}

/// The same harness on the clean real reports of Corpus/real (both halves): mutants of text
/// nobody here wrote. `scripts/mutation-report.sh` prints the table.
final class RealMutationTests: XCTestCase {
    /// Recall on the real reports' mutants, as last measured (README; issue 18 asks for 0.95,
    /// not reached yet): a regression below it fails. 0.92 on 25 mutants until the 12 clean
    /// reports of last session's untouched set joined tune/; 38/46 = 0.826 with them.
    static let recallThreshold = 0.82

    static func cleanRealReports() throws -> [(name: String, path: String)] {
        try ["tune", "holdout"].flatMap { half in
            try RealCorpusTests.reports(half).filter(\.expected.clean).map { (half + "/" + $0.name, $0.path) }
        }
    }

    func testRecallOnRealReports() throws {
        let reports = try Self.cleanRealReports()
        let runner = MutationRunner()
        var outcomes: [MutationOutcome] = []
        var clean: [CleanOutcome] = []
        for r in reports {
            let (c, m) = runner.run(document: try DocumentReader().read(path: r.path), report: r.name)
            clean.append(c); outcomes += m
        }
        let summary = MutationSummary(outcomes: outcomes, clean: clean)
        let table = summary.markdown(corpus: "Corpus/real")
        print("<!-- real-mutation-report:begin -->\n" + table + "<!-- real-mutation-report:end -->")
        if let path = ProcessInfo.processInfo.environment["GOUJI_REAL_MUTATION_REPORT"], !path.isEmpty {
            try table.write(toFile: path, atomically: true, encoding: .utf8)
        }
        XCTAssertGreaterThanOrEqual(outcomes.count, 20, "mutants of real reports")
        for c in summary.clean {
            XCTAssertTrue(c.errors.isEmpty, "false alarm(s) on clean \(c.report): \(c.errors.map(MutationSummary.brief))")
        }
        for o in outcomes {
            let stray = o.newFindings.filter { f in f.severity == .error && !o.catching.contains { $0.rule == f.rule && $0.message == f.message } }
            XCTAssertTrue(stray.isEmpty, "\(o.mutant.report) \(o.mutant.mutationClass): an error away from the mutation: \(stray.map(MutationSummary.brief))")
        }
        XCTAssertGreaterThanOrEqual(summary.overallRecall, Self.recallThreshold, "recall \(summary.overallRecall) on real reports' mutants")
    }
}
