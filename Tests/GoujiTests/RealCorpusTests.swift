import XCTest
import Yams
@testable import Gouji

/// Corpus/real: real published reports nobody here wrote, each with its hand-checked
/// NAME.expected.yaml (Corpus/real/README.md). Both halves, tune/ and holdout/, are held to the
/// same promises: no finding at warning level or above away from a listed inconsistency (or a
/// relation listed as doubtful), so no false error and no false warning on a clean report; and
/// recall of the definite inconsistencies no lower than measured (scripts/corpus/real_eval.py).
final class RealCorpusTests: XCTestCase {
    struct Listed: Decodable, Sendable { var line: Int?; var figure: String?; var rule: String? }
    struct Expected: Decodable, Sendable {
        var source: String
        var province: String
        var kind: String
        var clean: Bool
        var inconsistencies: [Listed]?
        var doubtful: [Listed]?
    }

    /// Recall of the definite inconsistencies at warning level or above, per half, as measured when
    /// this was last changed (README, "Reports nobody here wrote"): a regression below it fails.
    static let recallFloor = ["tune": 0.30, "holdout": 0.0]

    static func reports(_ half: String) throws -> [(name: String, path: String, expected: Expected)] {
        let dir = Fixtures.corpus("real/" + half)
        return try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".txt") }.sorted().map { file in
            let name = String(file.dropLast(4))
            let yaml = try String(contentsOfFile: dir + "/" + name + ".expected.yaml", encoding: .utf8)
            return (name, dir + "/" + file, try YAMLDecoder().decode(Expected.self, from: yaml))
        }
    }

    static func lines(_ f: Finding) -> Set<Int> {
        Set(f.figures.map(\.location.line) + f.locations.map(\.line))
    }

    func testCollection() throws {
        let all = try Self.reports("tune") + Self.reports("holdout")
        XCTAssertGreaterThanOrEqual(all.count, 40, "real reports")
        XCTAssertGreaterThanOrEqual(Set(all.map(\.expected.province)).count, 12, "provinces")
        let kinds = Set(all.map(\.expected.kind))
        for kind in ["project-form", "project-report", "department", "rural-revitalization", "transfer", "special-bond", "three-public", "final-accounts"] {
            XCTAssertTrue(kinds.contains(kind), "kind \(kind)")
        }
        let holdout = try Self.reports("holdout").count
        XCTAssertGreaterThanOrEqual(Double(holdout) / Double(all.count), 0.24, "a quarter held out")
        for r in all {
            XCTAssertTrue(r.expected.source.hasPrefix("http"), "\(r.name): source address")
            XCTAssertEqual(r.expected.clean, (r.expected.inconsistencies ?? []).isEmpty, "\(r.name): clean iff no inconsistency")
        }
    }

    func check(half: String) throws {
        var definite = 0, caught = 0
        for r in try Self.reports(half) {
            let result = Pipeline().check(path: r.path)
            XCTAssertNil(result.error, r.name)
            let listed = Set((r.expected.inconsistencies ?? []).compactMap(\.line))
            let doubtful = Set((r.expected.doubtful ?? []).compactMap(\.line))
            let loud = result.findings.filter { $0.severity >= .warning }
            for f in loud {
                let ls = Self.lines(f)
                XCTAssertFalse(ls.isDisjoint(with: listed) && ls.isDisjoint(with: doubtful),
                               "\(half)/\(r.name): \(f.severity.rawValue) \(f.rule) on line \(ls.sorted()) is no listed inconsistency: \(f.message.zh)")
            }
            for line in listed {
                definite += 1
                if loud.contains(where: { Self.lines($0).contains(line) }) { caught += 1 }
            }
        }
        let recall = definite == 0 ? 1 : Double(caught) / Double(definite)
        print("Corpus/real/\(half): recall \(caught)/\(definite) = \(recall)")
        XCTAssertGreaterThanOrEqual(recall, Self.recallFloor[half] ?? 0, "\(half): recall \(caught)/\(definite)")
    }

    func testTuneHalf() throws { try check(half: "tune") }
    func testHoldoutHalf() throws { try check(half: "holdout") }
}
