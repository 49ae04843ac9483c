import XCTest
@testable import Gouji

/// Traditional characters are read as simplified ones, scalar for scalar.
final class TraditionalChineseTests: XCTestCase {
    func testMappingKeepsEveryOffset() {
        let text = "本項目年初預算數100萬元，全年執行數90萬元，執行率95%。"
        let simplified = TraditionalChinese.simplified(text)
        XCTAssertEqual(simplified, "本项目年初预算数100万元，全年执行数90万元，执行率95%。")
        XCTAssertEqual(simplified.unicodeScalars.count, text.unicodeScalars.count)
        XCTAssertTrue(TraditionalChinese.isTraditional(text))
        // A simplified report that also uses 著 and 於 stays as it is.
        XCTAssertFalse(TraditionalChinese.isTraditional(String(repeating: "项目成效显著，位于全市前列，预算执行率为百分之百。", count: 20)))
    }

    func testATraditionalReportIsChecked() throws {
        let data = Data("本項目年初預算數100萬元，全年執行數90萬元，執行率95%。\n".utf8)
        let result = Pipeline().check(document: try DocumentReader().read(data: data, path: "trad.txt"))
        let rate = result.findings.filter { $0.rule == "T05" }
        XCTAssertEqual(rate.count, 1)
        XCTAssertEqual(rate.first?.figures.map(\.text), ["95%", "90萬元", "100萬元"].map(TraditionalChinese.simplified))
        XCTAssertEqual(rate.first?.figures.first?.location.column, 28)
    }
}
