import XCTest
import Yams
@testable import Gouji

/// Corpus/real: real published reports nobody here wrote, each with its hand-checked
/// NAME.expected.yaml (Corpus/real/README.md). Both halves, tune/ and holdout/: no error away from
/// a listed inconsistency (or a relation listed as doubtful), warnings away from them and recall
/// of the definite inconsistencies held to what was measured (`limits`; the same figures come
/// from scripts/corpus/real_eval.py).
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

    /// What each half is held to, as measured when this was last changed (README, "Reports nobody
    /// here wrote"): no false error anywhere; at most `falseWarnings` warnings away from a listed
    /// inconsistency or doubtful relation; recall of the definite inconsistencies (caught at
    /// warning level or above) no lower than `recall`. Each held-out set was run once, at the end
    /// of the session that added it (holdout3: 2026-12-08, before its one fix: see README).
    static let limits: [String: (falseWarnings: Int, recall: Double)] =
        ["tune": (0, 0.79), "holdout": (0, 0.0), "holdout2": (7, 0.6), "holdout3": (6, 0.4)]

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
        let all = try Self.reports("tune") + Self.reports("holdout") + Self.reports("holdout2") + Self.reports("holdout3")
        XCTAssertGreaterThanOrEqual(all.count, 40, "real reports")
        XCTAssertGreaterThanOrEqual(Set(all.map(\.expected.province)).count, 12, "provinces")
        let kinds = Set(all.map(\.expected.kind))
        for kind in ["project-form", "project-report", "department", "rural-revitalization", "transfer", "special-bond", "three-public", "final-accounts"] {
            XCTAssertTrue(kinds.contains(kind), "kind \(kind)")
        }
        let holdout = try Self.reports("holdout").count + Self.reports("holdout2").count + Self.reports("holdout3").count
        XCTAssertGreaterThanOrEqual(Double(holdout) / Double(all.count), 0.24, "a quarter held out")
        for r in all {
            XCTAssertTrue(r.expected.source.hasPrefix("http"), "\(r.name): source address")
            XCTAssertEqual(r.expected.clean, (r.expected.inconsistencies ?? []).isEmpty, "\(r.name): clean iff no inconsistency")
        }
    }

    func check(half: String) throws {
        var definite = 0, caught = 0, falseWarnings: [String] = []
        for r in try Self.reports(half) {
            let result = Pipeline().check(path: r.path)
            XCTAssertNil(result.error, r.name)
            let listed = Set((r.expected.inconsistencies ?? []).compactMap(\.line))
            let doubtful = Set((r.expected.doubtful ?? []).compactMap(\.line))
            let loud = result.findings.filter { $0.severity >= .warning }
            for f in loud {
                let ls = Self.lines(f)
                guard ls.isDisjoint(with: listed) && ls.isDisjoint(with: doubtful) else { continue }
                let what = "\(half)/\(r.name): \(f.severity.rawValue) \(f.rule) on line \(ls.sorted()): \(f.message.zh)"
                if f.severity == .error { XCTFail("a false error: " + what) } else { falseWarnings.append(what) }
            }
            for line in listed {
                definite += 1
                if loud.contains(where: { Self.lines($0).contains(line) }) { caught += 1 }
            }
        }
        let recall = definite == 0 ? 1 : Double(caught) / Double(definite)
        let limit = Self.limits[half] ?? (0, 1)
        print("Corpus/real/\(half): recall \(caught)/\(definite) = \(recall); \(falseWarnings.count) false warnings")
        XCTAssertLessThanOrEqual(falseWarnings.count, limit.falseWarnings, "\(half): false warnings\n" + falseWarnings.joined(separator: "\n"))
        XCTAssertGreaterThanOrEqual(recall, limit.recall, "\(half): recall \(caught)/\(definite)")
    }

    func testTuneHalf() throws { try check(half: "tune") }
    func testHoldoutHalf() throws { try check(half: "holdout") }
    func testSecondHoldout() throws { try check(half: "holdout2") }
    func testThirdHoldout() throws { try check(half: "holdout3") }
}
