import XCTest
@testable import Gouji

final class FlatTextReaderTests: XCTestCase {
    func texts(_ table: Table) -> [[String]] { table.rows.map { $0.map(\.text) } }

    func testSeedHasItsTablesCellByCell() throws {
        let doc = try Fixtures.readSeed()
        let tables = doc.tables
        XCTAssertEqual(tables.count, 10)

        // Basic-info table with the 计划/到位/支出/结余 grid over the five sources.
        let info = tables[0]
        XCTAssertEqual(info.caption?.trimmed, "一、项 目 基 本 概 况")
        XCTAssertEqual(texts(info)[0], ["项目负责人", "徐杰峰", "联系电话", "18173006912"])
        XCTAssertEqual(texts(info)[1], ["项目地址", "市科技局", "邮  编", "414000"])
        XCTAssertEqual(texts(info)[2], ["项目起止时间", "2021.01-2021.12"])
        XCTAssertEqual(texts(info)[3], ["计划安排资金\n（万元）", "5.8.", "实际到位资金\n（万元）", "5.8",
                                        "实际支出\n（万元）", "5.8", "结余\n（万元）", "0"])
        XCTAssertEqual(texts(info)[4], Array(repeating: ["其中：中央财政", "0"], count: 4).flatMap { $0 })
        XCTAssertEqual(texts(info)[5], Array(repeating: ["省财政", "0"], count: 4).flatMap { $0 })
        XCTAssertEqual(texts(info)[6], ["市财政", "5.8", "市财政", "5.8", "市财政", "5.8", "市财政", "0"])
        XCTAssertEqual(texts(info)[7], Array(repeating: ["县市区财政", "0"], count: 4).flatMap { $0 })
        XCTAssertEqual(texts(info)[8], Array(repeating: ["其它", "0"], count: 4).flatMap { $0 })
        XCTAssertEqual(info.rows.count, 9)
        XCTAssertEqual(info.rows[3][1].location.line, 43)
        XCTAssertEqual(info.rows[3][1].location.start, 371)

        // Expense table: header, seven lines, 支出合计.
        let expenses = tables[1]
        XCTAssertEqual(expenses.caption?.trimmed, "二、项目支出明细情况")
        XCTAssertEqual(texts(expenses)[0], ["支出内容", "实际支出数", "会计凭证号", "备注"])
        XCTAssertEqual(expenses.rows.count, 9)
        XCTAssertEqual(texts(expenses).dropFirst().prefix(7).map { $0[1] },
                       ["1165", "26458", "4521.6", "11564.8", "8614", "1305", "4371.6"])
        XCTAssertEqual(texts(expenses)[2], ["科技交流与合作办公经费", "26458", "2021.4.15#", ""])
        XCTAssertEqual(texts(expenses)[8], ["支出合计", "58000.00元", "", ""])

        // Qualitative targets: header row and one row of target and actual.
        let goals = tables[2]
        XCTAssertEqual(texts(goals)[0], ["项目绩效定性目标及实施计划完成情况", "预 期 目 标", "实际完成"])
        XCTAssertEqual(goals.rows[1][1].text,
                       "目标1：申报省级孵化器1个、省级工程技术研究中心2家、省级众创空间2家、省级星创天地2家。\n目标2：新增高新技术企业80个。")
        XCTAssertTrue(goals.rows[1][2].text.hasSuffix("总数达359家，增幅33.95%。"))

        // Quantitative indicators: header of six cells and the indicator rows.
        let indicators = tables[3]
        XCTAssertEqual(texts(indicators)[0], ["项目绩效定量目标（指标）及完成情况", "一级指标", "二级指标", "指标内容", "指标（目标）值", "实际完成值"])
        XCTAssertEqual(texts(indicators)[1], ["", "项目产出指标", "数量指标", "向上争取科技项目200个。", "向上争取科技项目200个。", "科技立项争资方面，累计向上争取科技项目共271个。"])
        XCTAssertEqual(texts(indicators)[3], Array(repeating: "", count: 6), "the spurious all-empty row is kept")
        XCTAssertEqual(texts(indicators)[6][2], "经济效益\n指标")
        XCTAssertEqual(texts(indicators)[7], ["", "", "社会效益\n指标", "无", "无", ""])
        XCTAssertEqual(texts(indicators).last, ["", "", "服务对象满意度指标", "群众满意度", "≥98%", "98%"])
        XCTAssertEqual(indicators.rows.count, 10)

        // Score and grade rows.
        XCTAssertEqual(texts(tables[4]), [["绩效自评综合得分", "98"], ["评价等次", "优秀"]])

        // Signature table.
        let people = tables[5]
        XCTAssertEqual(people.caption?.trimmed, "四、评价人员")
        XCTAssertEqual(texts(people)[0], ["姓名", "职称/职务", "单  位", "签字"])
        XCTAssertEqual(texts(people)[1], ["徐杰峰", "党组书记、局长", "岳阳市科技局", ""])
        XCTAssertEqual(texts(people)[3], ["易春", "办公室主任", "岳阳市科技局", ""])
        XCTAssertEqual(texts(people)[4], ["评价组组长（签字）：         "])
    }

    func testParagraphsKeepTheirLines() throws {
        let doc = try Fixtures.readSeed()
        let p = doc.paragraphs.first { $0.text.hasPrefix("报告日期") }
        XCTAssertEqual(p?.location.line, 21)
        let last = doc.paragraphs.first { $0.text.hasPrefix("2.科技项目建设") }
        XCTAssertEqual(last?.location.line, 303)
        XCTAssertEqual(last?.location.column, 1)
    }

    func testContinuationAndEmptyCells() throws {
        let text = "前言\n\t甲\n（万元）\n\t\n\n\t乙\t内\n\n正文\n"
        let doc = try FlatTextReader(layout: Lexicons.builtIn.layout).read(text: text, path: "t", encoding: "UTF-8")
        XCTAssertEqual(doc.tables.count, 1)
        XCTAssertEqual(doc.tables[0].rows.map { $0.map(\.text) }, [["甲\n（万元）", ""], ["乙\t内"]])
        XCTAssertEqual(doc.paragraphs.map(\.text), ["前言", "正文"])
    }

    func testCellsAreValuesThoughTheyShareTheirFields() throws {
        let doc = try FlatTextReader(layout: Lexicons.builtIn.layout).read(text: "\t甲\n\t1.5\n\n", path: "t.txt", encoding: "UTF-8")
        let original = doc.tables[0].rows[0][1]
        var edited = original
        edited.text = "2.5"
        edited.location.part = "t0/r0/c1"
        edited.origin = GridPosition(row: 0, column: 0)
        XCTAssertEqual(edited.text, "2.5")
        XCTAssertEqual(edited.location.part, "t0/r0/c1")
        XCTAssertEqual(original.text, "1.5")
        XCTAssertNil(original.location.part)
        XCTAssertNil(original.origin)
        XCTAssertEqual(doc.tables[0].rows[0][1].text, "1.5")
        XCTAssertEqual(doc.tables[0].grid[0][1].text, "1.5")
    }
}
