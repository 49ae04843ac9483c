import XCTest
@testable import Gouji

/// A configuration is validated at load: every mistake is one line naming the file and line.
final class ConfigurationTests: XCTestCase {
    func load(_ yaml: String) throws -> Configuration {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gouji-config-\(UUID().uuidString).yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        do { return try Configuration.load(path: file.path) } catch let error as ConfigurationError {
            throw ConfigurationError(path: ".gouji.yaml", line: error.line, message: error.message)
        }
    }

    func message(_ yaml: String) -> String {
        do { _ = try load(yaml); return "accepted" } catch { return "\(error)" }
    }

    func testMistakesAreOneLineWithTheirLine() {
        XCTAssertEqual(message("N99: off\n"), ".gouji.yaml:1: unknown key N99: a rule's level goes under rules: (rules: {N99: off})")
        XCTAssertEqual(message("presett: strict\n"), ".gouji.yaml:1: unknown key presett (did you mean preset?)")
        XCTAssertEqual(message("preset: strict\nrules:\n  N09: of\n"), ".gouji.yaml:3: level for N09 must be off, info, warning, error (got of) (did you mean off?)")
        XCTAssertEqual(message("rules:\n  N99: off\n"), ".gouji.yaml:2: unknown rule N99 (did you mean N09?)")
        XCTAssertEqual(message("preset: strictest\n"), ".gouji.yaml:1: preset must be recommended, strict (got strictest) (did you mean strict?)")
        XCTAssertEqual(message("fail_on: warn\n"), ".gouji.yaml:1: fail_on level must be info, warning, error (got warn) (did you mean warning?)")
        XCTAssertEqual(message("settings:\n  over_achievement_ratio: abc\n"), ".gouji.yaml:2: setting over_achievement_ratio must be a number (got abc)")
        XCTAssertEqual(message("settings:\n  over_achievment_ratio: 1.5\n"), ".gouji.yaml:2: unknown setting over_achievment_ratio (did you mean over_achievement_ratio?)")
        XCTAssertTrue(message("rules: [N01\n").hasPrefix(".gouji.yaml:2: not valid YAML"), message("rules: [N01\n"))
    }

    func testAValidConfigurationLoads() throws {
        let c = try load("preset: strict\nfail_on: warning\nrules:\n  N09: off\n  T13: error\nsettings:\n  over_achievement_ratio: \"1.5\"\naliases:\n  孵化器: [孵化载体]\n")
        XCTAssertEqual(c.preset, "strict")
        XCTAssertEqual(c.rules?["T13"], "error")
        XCTAssertEqual(c.aliases?["孵化器"], ["孵化载体"])
        XCTAssertNil(c.severity(for: "N09", default: .warning, lexicons: .builtIn))
        XCTAssertEqual(c.severity(for: "T13", default: .warning, lexicons: .builtIn), .error)
    }
}
