import Foundation
import XCTest
@testable import Gouji

/// `Pipeline` is documented as shareable across threads (batch runs check several reports at
/// once). Run under `swift test --sanitize=thread` this is what gives the thread sanitizer
/// something to look at: one pipeline, readers of every format, several threads at once.
final class ConcurrencyTests: XCTestCase {
    func testOnePipelineCheckingOnSeveralThreadsAgreesWithOneThread() {
        let pipeline = Pipeline()
        let inputs = [
            Fixtures.seed,
            Fixtures.corpus("seed/yueyang-2021-keji.docx"),
            Fixtures.corpus("seed/html/yueyang-2021-keji.gbk.html"),
            Fixtures.corpus("reports/department-heshan-2019-shichang.txt"),
        ]
        @Sendable func summary(_ result: CheckResult) -> String {
            "\(result.error ?? "") \(result.template) \(result.figures.count) "
                + result.findings.map { "\($0.rule)@\($0.locations.first?.line ?? 0)" }.joined(separator: ",")
        }
        let expected = inputs.map { summary(pipeline.check(path: $0)) }
        final class Results: @unchecked Sendable {
            let lock = NSLock()
            var values: [String]
            init(count: Int) { values = Array(repeating: "", count: count) }
            func set(_ i: Int, _ s: String) { lock.lock(); values[i] = s; lock.unlock() }
        }
        let results = Results(count: inputs.count * 2)
        DispatchQueue.concurrentPerform(iterations: inputs.count * 2) { i in
            results.set(i, summary(pipeline.check(path: inputs[i % inputs.count])))
        }
        XCTAssertEqual(results.values, expected + expected)
    }
}
