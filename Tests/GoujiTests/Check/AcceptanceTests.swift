import XCTest
@testable import Gouji

/// Accepting findings: a baseline by fingerprint (rule, subject, figures as written — not
/// offsets) and `accept:` entries in the configuration.
final class AcceptanceTests: XCTestCase {
    func temporary(_ name: String, _ text: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gouji-accept-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    func seedText() throws -> String { try String(contentsOfFile: Fixtures.seed, encoding: .utf8) }

    func testABaselineHoldsWhenTextIsInsertedAboveAndCatchesAChangedFigure() throws {
        let path = try temporary("report.txt", try seedText())
        let before = Pipeline().check(path: path)
        XCTAssertEqual(before.findings.count, 27)
        let baseline = Baseline(results: [before])
        XCTAssertEqual(baseline.findings.count, 27)
        XCTAssertEqual(Set(baseline.findings.map(\.fingerprint)).count, 27, "each finding has its own fingerprint")

        // Two paragraphs inserted at the top move every offset and line.
        try ("新增说明一：本报告按财政部门要求编制。\n新增说明二：数据截至2021年12月31日。\n" + (try seedText()))
            .write(toFile: path, atomically: true, encoding: .utf8)
        let (shifted, baselined) = try Baseline.load(path: write(baseline)).filter(Pipeline().check(path: path))
        XCTAssertEqual(baselined, 27)
        XCTAssertEqual(shifted.findings.map(\.rule), [])

        // The N01 total changed: a new finding (its figures differ), the others stay baselined.
        try (try seedText()).replacingOccurrences(of: "9783.6万元", with: "9783.9万元")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let changed = Pipeline().check(path: path)
        let (kept, left) = baseline.filter(changed)
        XCTAssertEqual(kept.findings.filter { $0.severity == .error }.map(\.rule), ["N01"])
        XCTAssertEqual(kept.findings.first { $0.rule == "N01" }?.figures.first?.text, "9783.9万元")
        XCTAssertEqual(left, changed.findings.count - kept.findings.count)
        XCTAssertGreaterThanOrEqual(left, 25)
    }

    func write(_ baseline: Baseline) throws -> String { try temporary("baseline.json", baseline.encoded()) }

    func testSARIFFingerprintsStayEqualWhenLinesAreInsertedAbove() throws {
        let original = try temporary("r.txt", try seedText())
        let shifted = try temporary("r.txt", "前言。\n\n" + (try seedText()))
        func prints(_ path: String) throws -> [String] {
            let sarif = SARIFRenderer.render([Pipeline().check(path: path)], baseDirectory: "/")
            let json = try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as! [String: Any]
            let results = (json["runs"] as! [[String: Any]])[0]["results"] as! [[String: Any]]
            return results.map { ($0["partialFingerprints"] as! [String: String])["goujiFinding/v2"]! }
        }
        let a = try prints(original), b = try prints(shifted)
        XCTAssertEqual(a.count, 27)
        XCTAssertEqual(a, b)
    }

    func testAnAcceptedFindingIsLeftOutAndCounted() throws {
        var c = Configuration()
        c.accept = [AcceptedFinding(rule: "N01", figure: "9783.6万元", reason: "另有分项在附表中列出")]
        let result = Pipeline(configuration: c).check(path: Fixtures.seed)
        XCTAssertEqual(result.accepted, 1)
        XCTAssertFalse(result.findings.contains { $0.rule == "N01" })
        XCTAssertEqual(result.findings.count, 26)
        // By subject: N02's two counts of 高新技术企业.
        c.accept = [AcceptedFinding(rule: "N02", subject: "高新技术企业", reason: "口径不同")]
        XCTAssertEqual(Pipeline(configuration: c).check(path: Fixtures.seed).accepted, 1)
        // Another file: nothing accepted.
        c.accept = [AcceptedFinding(rule: "N01", file: "other.txt", reason: "x")]
        XCTAssertEqual(Pipeline(configuration: c).check(path: Fixtures.seed).accepted, 0)
        let text = TextRenderer(lang: .zh).summary([Pipeline(configuration: Configuration(accept: [AcceptedFinding(rule: "N01", reason: "r")])).check(path: Fixtures.seed)])
        XCTAssertEqual(text, "共检查 1 份文档：5 个错误，3 个警告，18 个提示；另有 1 条已在配置中接受。")
    }
}
