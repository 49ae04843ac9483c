import XCTest
@testable import Gouji

final class SARIFTests: XCTestCase {
    func json(_ s: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(s.utf8)) as? [String: Any])
    }

    func testStructure() throws {
        let results = [OutputSample.result(path: "/work/x/报告 1.txt"), CheckResult(path: "gone.txt", error: "file not found")]
        let log = try json(SARIFRenderer.render(results, lang: .zh,
                                                 rules: ["N01": (name: "total-vs-parts", description: "合计应等于分项之和")],
                                                 baseDirectory: "/work/x"))
        XCTAssertEqual(log["version"] as? String, "2.1.0")
        XCTAssertEqual(log["$schema"] as? String, "https://json.schemastore.org/sarif-2.1.0.json")
        let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        XCTAssertEqual(run["columnKind"] as? String, "unicodeCodePoints")
        let driver = try XCTUnwrap((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        XCTAssertEqual(driver["name"] as? String, "gouji")
        XCTAssertEqual(driver["version"] as? String, JSONOutput.version)
        XCTAssertNil(driver["informationUri"], "no invented home page")
        let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]])
        XCTAssertEqual(rules.map { $0["id"] as? String }, ["N01", "T02", "F01"])
        XCTAssertEqual((rules[0]["shortDescription"] as? [String: Any])?["text"] as? String, "合计应等于分项之和")
        XCTAssertEqual((rules[0]["defaultConfiguration"] as? [String: Any])?["level"] as? String, "error")
        XCTAssertEqual((rules[1]["defaultConfiguration"] as? [String: Any])?["level"] as? String, "warning")
        XCTAssertEqual((rules[2]["defaultConfiguration"] as? [String: Any])?["level"] as? String, "note")
        XCTAssertNotNil((rules[1]["help"] as? [String: Any])?["text"])
        XCTAssertNotNil((rules[1]["fullDescription"] as? [String: Any])?["text"])

        let out = try XCTUnwrap(run["results"] as? [[String: Any]])
        XCTAssertEqual(out.count, 3)
        let first = out[0]
        XCTAssertEqual(first["ruleId"] as? String, "N01")
        XCTAssertEqual(first["ruleIndex"] as? Int, 0)
        XCTAssertEqual(first["level"] as? String, "error")
        XCTAssertEqual((first["message"] as? [String: Any])?["text"] as? String,
                       "分项之和与合计不符（计算：660 + 5623.6 + 3600 = 9883.6 ≠ 9783.6，差 100）")
        let location = try XCTUnwrap((first["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        XCTAssertEqual((location["artifactLocation"] as? [String: Any])?["uri"] as? String, "%E6%8A%A5%E5%91%8A%201.txt")
        let region = try XCTUnwrap(location["region"] as? [String: Any])
        // "9783.6万元" on line 2 at scalar offset 7+5 = 12, 8 scalars long.
        XCTAssertEqual(region["startLine"] as? Int, 2)
        XCTAssertEqual(region["startColumn"] as? Int, 6)
        XCTAssertEqual(region["endColumn"] as? Int, 14)
        XCTAssertEqual(region["charOffset"] as? Int, 12)
        XCTAssertEqual(region["charLength"] as? Int, 8)
        let related = try XCTUnwrap(first["relatedLocations"] as? [[String: Any]])
        XCTAssertEqual(related.count, 3)
        XCTAssertEqual((related[0]["message"] as? [String: Any])?["text"] as? String, "660万元")
        XCTAssertEqual(related.map { $0["id"] as? Int }, [1, 2, 3])
        let fix = try XCTUnwrap((first["fixes"] as? [[String: Any]])?.first)
        XCTAssertEqual((fix["description"] as? [String: Any])?["text"] as? String, "按分项之和更正合计")
        let replacement = try XCTUnwrap(((fix["artifactChanges"] as? [[String: Any]])?.first?["replacements"] as? [[String: Any]])?.first)
        XCTAssertEqual((replacement["insertedContent"] as? [String: Any])?["text"] as? String, "9883.6万元")
        XCTAssertEqual((replacement["deletedRegion"] as? [String: Any])?["charOffset"] as? Int, 12)
        XCTAssertEqual((replacement["deletedRegion"] as? [String: Any])?["charLength"] as? Int, 8)
        XCTAssertNil(out[1]["fixes"], "no suggestion, no fixes")
        XCTAssertNil(out[1]["relatedLocations"])
        // Table cell: column counted in scalars from the line start (after the tab).
        let cellRegion = ((out[1]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Any]
        XCTAssertEqual(cellRegion?["startLine"] as? Int, 5)
        XCTAssertEqual(cellRegion?["startColumn"] as? Int, 2)

        let invocation = try XCTUnwrap((run["invocations"] as? [[String: Any]])?.first)
        XCTAssertEqual(invocation["executionSuccessful"] as? Bool, false)
        let notes = try XCTUnwrap(invocation["toolExecutionNotifications"] as? [[String: Any]])
        XCTAssertEqual((notes.first?["message"] as? [String: Any])?["text"] as? String, "无法读取：file not found")
        XCTAssertEqual((run["artifacts"] as? [[String: Any]])?.count, 2)
    }

    func testEmptyRunIsValidShape() throws {
        let log = try json(SARIFRenderer.render([CheckResult(path: "a.txt", document: OutputSample.document())]))
        let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        XCTAssertEqual((run["results"] as? [Any])?.count, 0)
        XCTAssertEqual(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [String], [])
    }

    func testURIs() {
        XCTAssertEqual(SARIFRenderer.artifactURI("./Corpus/seed/a.txt", base: "/w"), "Corpus/seed/a.txt")
        XCTAssertEqual(SARIFRenderer.artifactURI("/w/Corpus/a.txt", base: "/w"), "Corpus/a.txt")
        XCTAssertEqual(SARIFRenderer.artifactURI("/elsewhere/a b.txt", base: "/w"), "file:///elsewhere/a%20b.txt")
    }

    /// Validates the constructed findings' log against the SARIF 2.1.0 schema with the same
    /// Python helper as scripts/checks/sarif-validate.sh (python3 with jsonschema is a test
    /// requirement that .ci/run installs; without it this test fails).
    func testConstructedLogValidatesAgainstSchema() throws {
        let results = [OutputSample.result(), CheckResult(path: "gone.txt", error: "file not found")]
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gouji-sarif-\(UUID().uuidString).sarif")
        try SARIFRenderer.render(results, rules: ["N01": (name: "total-vs-parts", description: "合计应等于分项之和")])
            .write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let validate = Process()
        validate.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        validate.arguments = ["python3", Fixtures.root.appendingPathComponent("scripts/checks/sarif_validate.py").path,
                              Fixtures.root.appendingPathComponent("Tests/Schemas/sarif-schema-2.1.0.json").path, file.path]
        let pipe = Pipe()
        validate.standardOutput = pipe
        try validate.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        validate.waitUntilExit()
        XCTAssertEqual(validate.terminationStatus, 0, output)
        XCTAssertTrue(output.contains("1 file(s), 3 result(s), 0 invalid"), output)
    }
}
