import XCTest
@testable import Gouji

/// Runs every rule's own examples (SwiftLint-style), strictly: a triggering example raises the
/// rule exactly once per ↓ marker, each finding at its marker (its primary location or one of
/// its figures starts there), and nowhere else; a non-triggering example does not raise it.
final class RuleExamplesTests: XCTestCase {
    /// The example's text without markers, and the offset (in Unicode scalars) of each marker.
    static func markers(_ example: String) -> (text: String, offsets: [Int]) {
        var text = String.UnicodeScalarView(), offsets: [Int] = []
        for u in example.unicodeScalars {
            if u == "↓" { offsets.append(text.count) } else { text.append(u) }
        }
        return (String(text), offsets)
    }

    func run(_ text: String) throws -> CheckResult {
        let doc = try FlatTextReader(layout: Lexicons.builtIn.layout).read(text: text, path: "example", encoding: "UTF-8")
        return Pipeline().check(document: doc)
    }

    static func starts(_ f: Finding) -> Set<Int> {
        var s = Set(f.figures.map(\.location.start))
        if let p = f.primaryLocation?.start { s.insert(p) }
        return s
    }

    /// Rules that do not have three examples of each kind yet (issue 21). The list may only
    /// shrink: a rule in it that reaches three of each fails the test until it is taken out.
    static let belowThree: Set<String> = [
        "D01", "D03", "D05", "D06", "DT01", "F01", "G01", "G02", "G03", "G04", "G05", "G06", "G07", "G08",
        "N02", "S03", "S04", "T01", "T02", "T03", "T04", "T06", "T07", "T08", "T09", "T10", "T11",
        "T12", "T14", "X04",
    ]

    func testEveryRuleHasThreeExamplesOfEachKind() {
        for d in RuleRegistry.descriptions {
            let enough = d.triggering.count >= 3 && d.nonTriggering.count >= 3
            if Self.belowThree.contains(d.id) {
                XCTAssertFalse(enough, "\(d.id) has three examples of each kind now: take it out of belowThree")
                XCTAssertFalse(d.triggering.isEmpty || d.nonTriggering.isEmpty, "\(d.id) needs examples of both kinds")
            } else {
                XCTAssertGreaterThanOrEqual(d.triggering.count, 3, "\(d.id) has \(d.triggering.count) triggering example(s)")
                XCTAssertGreaterThanOrEqual(d.nonTriggering.count, 3, "\(d.id) has \(d.nonTriggering.count) non-triggering example(s)")
            }
            XCTAssertFalse(d.summary.zh.isEmpty || d.summary.en.isEmpty, "\(d.id) lacks a description")
            for example in d.triggering {
                XCTAssertFalse(Self.markers(example).offsets.isEmpty, "\(d.id): a triggering example without ↓: \(example)")
            }
            for example in d.nonTriggering {
                XCTAssertTrue(Self.markers(example).offsets.isEmpty, "\(d.id): a non-triggering example with ↓: \(example)")
            }
        }
        let ids = RuleRegistry.descriptions.map(\.id)
        XCTAssertEqual(ids.count, Set(ids).count, "rule ids are unique")
    }

    func testMarkersAreCountedAndPlaced() {
        let (text, offsets) = Self.markers("共↓12个，其中↓5个")
        XCTAssertEqual(text, "共12个，其中5个")
        XCTAssertEqual(offsets, [1, 7])
    }

    func testTriggeringExamples() throws {
        for d in RuleRegistry.descriptions {
            for example in d.triggering {
                let (text, offsets) = Self.markers(example)
                let hits = try run(text).findings.filter { $0.rule == d.id }
                let found = hits.map { Self.starts($0).sorted() }
                XCTAssertEqual(hits.count, offsets.count,
                               "\(d.id): \(hits.count) finding(s) for \(offsets.count) ↓ in:\n\(example)\nat: \(found)")
                // Each marker has its own finding there.
                var unused = hits
                for m in offsets {
                    if let i = unused.firstIndex(where: { Self.starts($0).contains(m) }) {
                        unused.remove(at: i)
                    } else {
                        XCTFail("\(d.id): no finding at the ↓ at offset \(m) in:\n\(example)\nfindings at: \(found)")
                    }
                }
            }
        }
    }

    func testNonTriggeringExamples() throws {
        for d in RuleRegistry.descriptions {
            for example in d.nonTriggering {
                let hits = try run(example).findings.filter { $0.rule == d.id }
                XCTAssertTrue(hits.isEmpty, "\(d.id) triggered on a clean example:\n\(example)\n\(hits.map(\.message.zh))")
            }
        }
    }
}
