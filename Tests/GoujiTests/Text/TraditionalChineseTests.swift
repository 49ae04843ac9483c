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

    func testRubyPinyinIsDropped() throws {
        let text = "項(xiàng)目說(shuō)明\n本項(xiàng)目年初預(yù)算數(shù)100萬(wàn)元，全年執(zhí)行數(shù)90萬(wàn)元，執(zhí)行率95%。(a)\n"
        XCTAssertEqual(RubyPinyin.stripped(text), "項目說明\n本項目年初預算數100萬元，全年執行數90萬元，執行率95%。(a)\n")
        // Two readings, or brackets holding words rather than syllables, are left alone.
        XCTAssertNil(RubyPinyin.stripped("面積(miàn)100平方米(m)，長(zhǎng)度"))
        XCTAssertNil(RubyPinyin.stripped("單位(kg)、(pcs)與(ok)"))
        let result = Pipeline().check(document: try DocumentReader().read(data: Data(text.utf8), path: "ruby.txt"))
        let rate = result.findings.filter { $0.rule == "T05" }
        XCTAssertEqual(rate.first?.figures.map(\.text), ["95%", "90万元", "100万元"])
        XCTAssertEqual(rate.first?.figures.first?.location.line, 2)
    }
}
