import XCTest
@testable import Gouji

/// rules.md §3: the hand-checked findings on the seed report.
final class SeedAcceptanceTests: XCTestCase {
    var result: CheckResult!

    override func setUpWithError() throws {
        result = Pipeline().check(path: Fixtures.seed)
        XCTAssertNil(result.error)
    }

    func findings(_ rules: Set<String>, line: Int? = nil) -> [Finding] {
        result.findings.filter { f in rules.contains(f.rule) && (line == nil || f.figures.contains { $0.location.line == line } || f.locations.contains { $0.line == line }) }
    }

    func testFinding1TotalVsParts() throws {
        let f = try XCTUnwrap(findings(["N01"]).first)
        XCTAssertEqual(f.severity, .error)
        XCTAssertEqual(findings(["N01"]).count, 1, "the same total in the table and the text is one finding")
        XCTAssertEqual(f.figures[0].text, "9783.6万元")
        XCTAssertEqual(f.figures[0].location.line, 303)
        XCTAssertTrue(f.figures.contains { $0.location.line == 206 && $0.text == "9783.6万元" })
        XCTAssertEqual(f.figures.filter { $0.location.line == 303 }.map(\.text), ["9783.6万元", "660万元", "5623.6万元", "3600万"])
        XCTAssertEqual(f.arithmetic?.zh, "660 + 5623.6 + 3600 = 9883.6（万元），所述 9783.6，差 -100（容差 ±0.1）")
        XCTAssertEqual(f.suggestions.first?.replacement, "9883.6万元")
        XCTAssertTrue(f.suggestions.contains { $0.replacement == "5523.6万元" })
    }

    func testFinding2HighTechEnterprisesTwoTotals() throws {
        let f = try XCTUnwrap(findings(["N02", "N03"], line: 305).first)
        XCTAssertEqual(f.severity, .error)
        XCTAssertEqual(Set(f.figures.map(\.text)), ["359家", "618家"])
        XCTAssertTrue(f.arithmetic?.zh.contains("上年约 268，增量 91") == true)
        XCTAssertTrue(f.arithmetic?.zh.contains("上年约 466，增量 152") == true)
    }

    func testFinding3IncubatorTargets() throws {
        let f = try XCTUnwrap(findings(["N02", "G06", "X04"], line: 153).first)
        XCTAssertEqual(f.severity, .error)
        XCTAssertTrue(f.figures.contains { $0.location.line == 153 && $0.text == "1个" })
        XCTAssertTrue(f.figures.contains { ($0.location.line == 174 || $0.location.line == 175) && $0.text == "3家" })
    }

    func testFinding4UnreportedTargets() {
        let g = findings(["G01", "G08"])
        XCTAssertEqual(g.count, 2)
        XCTAssertTrue(g.allSatisfy { $0.severity == .error })
        XCTAssertTrue(g.contains { $0.message.zh.contains("工程技术研究中心") })
        XCTAssertTrue(g.contains { $0.message.zh.contains("星创天地") && $0.figures.contains { $0.text == "7家" && $0.location.line == 176 } })
    }

    func testFinding5MalformedNumber() throws {
        let f = try XCTUnwrap(findings(["F01"]).first)
        XCTAssertEqual(f.severity, .error)
        XCTAssertEqual(f.figures[0].location.line, 43)
        XCTAssertEqual(f.suggestions.first?.original, "5.8.")
        XCTAssertEqual(f.suggestions.first?.replacement, "5.8")
        XCTAssertEqual(f.suggestions.first?.safe, true)
    }

    func testWarnings6To8() {
        XCTAssertEqual(findings(["S03"]).map(\.severity), [.warning])
        XCTAssertEqual(findings(["S03"]).first?.figures.first?.location.line, 233)
        XCTAssertEqual(findings(["N08"]).map(\.severity), [.warning])
        XCTAssertEqual(findings(["N08"]).first?.locations.first?.line, 311)
        let n09 = findings(["N09"])
        XCTAssertEqual(n09.map(\.severity), [.warning])
        XCTAssertEqual(n09.first?.locations.map(\.line), [293, 307])
    }

    /// §3.2: checks that must pass silently.
    func testPassingChecksStaySilent() {
        let loud = result.findings.filter { $0.severity >= .warning }
        let expected: Set<String> = ["N01", "N02", "X04", "G01", "F01", "S03", "N08", "N09"]
        XCTAssertEqual(Set(loud.map(\.rule)).subtracting(expected), [], "unexpected warnings or errors")
        XCTAssertEqual(loud.count, 9)
        for rule in ["T01", "T02", "T03", "T04", "T05", "T12", "N03", "N04", "DT01", "DT02", "DT03", "G02", "S01", "X02"] {
            XCTAssertTrue(findings([rule]).filter { $0.severity >= .warning }.isEmpty, "\(rule) must pass on the seed")
        }
    }

    func testSameFindingsFromDocxAndHTML() throws {
        let docx = Pipeline().check(path: Fixtures.corpus("seed/yueyang-2021-keji.docx"))
        XCTAssertNil(docx.error)
        XCTAssertEqual(docx.findings.map(\.rule), result.findings.map(\.rule))
        XCTAssertEqual(docx.findings.map { $0.primaryLocation?.line }, result.findings.map { $0.primaryLocation?.line })
        XCTAssertTrue(docx.findings.first { $0.rule == "F01" }?.figures.first?.location.part?.hasPrefix("t") == true)
    }
}
