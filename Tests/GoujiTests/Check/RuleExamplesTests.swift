import XCTest
@testable import Gouji

/// Runs every rule's own examples (SwiftLint-style): each triggering example raises the rule,
/// with its primary figure or location at the ↓ mark; no non-triggering example raises it.
final class RuleExamplesTests: XCTestCase {
    func run(_ example: String) throws -> (CheckResult, Int?) {
        var marker: Int? = nil
        if let r = example.range(of: "↓") { marker = example[..<r.lowerBound].unicodeScalars.count }
        let text = example.replacingOccurrences(of: "↓", with: "")
        let doc = try FlatTextReader(layout: Lexicons.builtIn.layout).read(text: text, path: "example", encoding: "UTF-8")
        return (Pipeline().check(document: doc), marker)
    }

    func testEveryRuleHasExamples() {
        for d in RuleRegistry.descriptions {
            XCTAssertFalse(d.triggering.isEmpty, "\(d.id) has no triggering example")
            XCTAssertFalse(d.nonTriggering.isEmpty, "\(d.id) has no non-triggering example")
            XCTAssertFalse(d.summary.zh.isEmpty || d.summary.en.isEmpty, "\(d.id) lacks a description")
        }
        let ids = RuleRegistry.descriptions.map(\.id)
        XCTAssertEqual(ids.count, Set(ids).count, "rule ids are unique")
    }

    func testTriggeringExamples() throws {
        for d in RuleRegistry.descriptions {
            for example in d.triggering {
                let (result, marker) = try run(example)
                let hits = result.findings.filter { $0.rule == d.id }
                XCTAssertFalse(hits.isEmpty, "\(d.id) did not trigger on: \(example)\nfound: \(result.findings.map(\.rule))")
                if let marker, !hits.isEmpty {
                    XCTAssertTrue(hits.contains { $0.primaryLocation?.start == marker || $0.figures.contains { $0.location.start == marker } || $0.locations.contains { $0.start == marker } },
                                  "\(d.id): no finding at the ↓ mark (offset \(marker)); got \(hits.map { $0.primaryLocation?.start ?? -1 })")
                }
            }
        }
    }

    func testNonTriggeringExamples() throws {
        for d in RuleRegistry.descriptions {
            for example in d.nonTriggering {
                let (result, _) = try run(example)
                let hits = result.findings.filter { $0.rule == d.id }
                XCTAssertTrue(hits.isEmpty, "\(d.id) triggered on a clean example: \(example)\n\(hits.map(\.message.zh))")
            }
        }
    }
}
