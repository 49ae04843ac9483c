import XCTest
@testable import Gouji

final class RegexTests: XCTestCase {
    func testNamedGroups() throws {
        let r = try Regex("(?<a>x)|(?<b>y\\d+)")
        XCTAssertEqual(r.groups, ["a": 1, "b": 2])
        let ms = r.matches(in: Array("ay12x".utf8))
        XCTAssertEqual(ms.count, 2)
        XCTAssertNil(ms[0].range("a"))
        XCTAssertEqual(ms[0].range("b"), 1..<4)
        XCTAssertEqual(ms[1].range("a"), 4..<5)
    }
}
