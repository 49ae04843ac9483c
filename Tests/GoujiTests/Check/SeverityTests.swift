import XCTest
@testable import Gouji

/// One effective severity everywhere: what a finding carries is one of the levels `gouji rules`
/// and SARIF list for its rule, and a level set in the configuration applies to every finding.
final class SeverityTests: XCTestCase {
    static let files: [String] = {
        var out: [String] = []
        for folder in ["reports", "seed"] {
            let dir = Fixtures.corpus(folder)
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
            where name.hasSuffix(".txt") || name.hasSuffix(".docx") { out.append(dir + "/" + name) }
        }
        return out
    }()

    func findings(_ configuration: Configuration) -> [Finding] {
        let pipeline = Pipeline(configuration: configuration)
        return Self.files.flatMap { pipeline.check(path: $0).findings }
    }

    func testEveryFindingHasALevelItsRuleLists() {
        for preset in [nil, "strict"] {
            var c = Configuration(); c.preset = preset
            let levels = RuleLevels.merged([c], lexicons: .builtIn)
            let all = findings(c)
            XCTAssertGreaterThan(all.count, 60)
            for f in all {
                XCTAssertTrue(levels[f.rule]?.all.contains(f.severity) == true,
                              "\(f.rule) gave \(f.severity), its listed levels are \(levels[f.rule]?.all ?? []) (preset \(preset ?? "none"))")
            }
        }
    }

    func testAConfiguredLevelAppliesToEveryFindingOfTheRule() {
        let base = findings(Configuration())
        // N01 gives a warning where the list is not known to be complete and an error where it is;
        // F05 and G04 give a note in some cases (an artefact; no reason column).
        for (rule, level) in [("F05", Severity.warning), ("N01", .error), ("G04", .warning)] {
            let levels = Set(base.filter { $0.rule == rule }.map(\.severity))
            if rule == "N01" { XCTAssertGreaterThan(levels.count, 1, "the Corpus should show more than one \(rule) level") }
            var c = Configuration(); c.rules = [rule: level.rawValue]
            let configured = findings(c).filter { $0.rule == rule }
            XCTAssertEqual(Set(configured.map(\.severity)), [level], rule)
            XCTAssertEqual(configured.count, base.filter { $0.rule == rule }.count, rule)
            XCTAssertEqual(c.levels(of: RuleRegistry.rule(id: rule)!.description, lexicons: .builtIn), [level])
        }
    }

    func testRulesAndSARIFListEveryLevel() {
        let text = RulesRenderer.text(.builtIn, configuration: Configuration(), lang: .zh)
        XCTAssertTrue(text.contains("G04\tover-achievement\t警告/提示\ttarget\n"), text)
        XCTAssertTrue(text.contains("T15\trow-complete\t错误/提示\ttable\n"))
        XCTAssertTrue(text.contains("F05\tartefacts-placeholders\t警告/提示\tformat\n"))
        var off = Configuration(); off.rules = ["F05": "off"]
        XCTAssertTrue(RulesRenderer.text(.builtIn, configuration: off, lang: .en).contains("F05\tartefacts-placeholders\toff\tformat\n"))

        let result = Pipeline().check(path: Fixtures.seed)
        let sarif = SARIFRenderer.render([result], lang: .en, levels: RuleLevels.merged([Configuration()], lexicons: .builtIn))
        let json = try! JSONSerialization.jsonObject(with: Data(sarif.utf8)) as! [String: Any]
        let run = (json["runs"] as! [[String: Any]])[0]
        let rules = ((run["tool"] as! [String: Any])["driver"] as! [String: Any])["rules"] as! [[String: Any]]
        for rule in rules {
            let id = rule["id"] as! String
            let d = RuleRegistry.rule(id: id)!.description
            XCTAssertEqual((rule["defaultConfiguration"] as! [String: Any])["level"] as? String, SARIFRenderer.level(d.severity), id)
            let listed = (rule["properties"] as? [String: Any])?["levels"] as? [String]
            XCTAssertEqual(listed ?? [SARIFRenderer.level(d.severity)], d.levels.map(SARIFRenderer.level), id)
        }
    }
}
