import XCTest
@testable import Gouji

/// The funds table of a real 部门整体支出绩效自评表 copied as pipe rows (Guizhou), whose header
/// has a merged "部门（单位）总体资金（万元）" cell that the rows below lost: the values must stay
/// under their headings, and the 基本支出/项目支出 rows are the partition of the total.
final class FundsBindingTests: XCTestCase {
    static let guizhou = "Corpus/real/tune/guizhou-2021-suiyang-taibai-zhengti.txt"

    func value(_ v: BoundValue?) -> String? { v?.figure?.number.plain }

    func testRowsThatLostAMergedCellStayUnderTheirHeadings() throws {
        let facts = try XCTUnwrap(Pipeline().check(path: Self.guizhou).facts)
        let funds = try XCTUnwrap(facts.funds)
        XCTAssertEqual(value(funds.totals["initial"]), "1172.55")
        XCTAssertEqual(value(funds.totals["executed"]), "1268.72")
        XCTAssertEqual(funds.sources, ["basic_spending", "project_spending"])
        XCTAssertEqual(value(funds.cells["basic_spending"]?["initial"]), "985.19")
        XCTAssertEqual(value(funds.cells["basic_spending"]?["executed"]), "914.97")
        XCTAssertEqual(value(funds.cells["project_spending"]?["initial"]), "187.36")
        XCTAssertEqual(value(funds.cells["project_spending"]?["executed"]), "353.75")
        XCTAssertEqual(funds.weight?.figure?.number.plain, "10")
        XCTAssertEqual(funds.score?.figure?.number.plain, "10")
        XCTAssertEqual(funds.rateBase, "initial")
    }

    func testAChangedTotalAndScoreAreCaught() throws {
        let text = try String(contentsOfFile: Self.guizhou, encoding: .utf8)
        func findings(_ edited: String) throws -> [Finding] {
            let doc = try FlatTextReader(layout: Lexicons.builtIn.layout).read(text: edited, path: "guizhou.txt", encoding: "UTF-8")
            return Pipeline().check(document: doc).findings.filter { $0.severity >= .warning }
        }
        XCTAssertEqual(try findings(text).map(\.rule), [])
        let total = try findings(text.replacingOccurrences(of: "| 1268.72 |", with: "| 1628.72 |"))
        XCTAssertEqual(total.map(\.rule), ["T01"])
        XCTAssertEqual(total.first?.figures.first?.text, "1628.72")
        // 1268.72 ÷ 1172.55 > 1, so the score is the whole weight 10, not 9.
        let score = try findings(text.replacingOccurrences(of: "1268.72 | 10 | 10 |", with: "1268.72 | 10 | 9 |"))
        XCTAssertEqual(score.map(\.rule), ["T06"])
    }
}
