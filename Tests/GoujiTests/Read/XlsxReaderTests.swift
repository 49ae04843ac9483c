import XCTest
@testable import Gouji

final class XlsxReaderTests: XCTestCase {
    static let forms = ["national-guangde-2022-gonglu", "national-sichuan-danling-2021-laji",
                        "national-county20-hukou-2020-jinbu", "national-shangshui-2021-xueqian"]

    /// A finding as compared across formats: rule, severity and the texts of its figures.
    static func summary(_ result: CheckResult) -> [String] {
        result.findings.map { "\($0.rule) \($0.severity.rawValue) \($0.figures.map(\.text).joined(separator: " | "))" }.sorted()
    }

    static func findings(_ path: String) -> [[String]] {
        Pipeline().checkAll(path: path).map { result in
            if let error = result.error { return ["unreadable: \(error)"] }
            return summary(result)
        }
    }

    /// Differences between a workbook and its .docx that cannot be removed, by file, with why.
    /// None today: every form gives exactly the findings of its .docx.
    static let expectedDifferences: [String: [String]] = [:]

    func assertSameFindings(docx: String, other: String, file: StaticString = #filePath, line: UInt = #line) {
        let expected = Self.findings(docx)
        let got = Self.findings(other)
        XCTAssertEqual(got.count, 1, other, file: file, line: line)
        let name = (other as NSString).lastPathComponent
        let allowed = Set(Self.expectedDifferences[name] ?? [])
        let a = Set(expected.first ?? []), b = Set(got.first ?? [])
        XCTAssertEqual(a.symmetricDifference(b), allowed, "\(other) vs \(docx)", file: file, line: line)
        if allowed.isEmpty { XCTAssertEqual(got.first, expected.first, other, file: file, line: line) }
    }

    func testEachFormGivesTheFindingsOfItsDocx() throws {
        var flawed = 0
        for name in Self.forms {
            let docx = Fixtures.corpus("reports/docx/\(name).docx")
            assertSameFindings(docx: docx, other: Fixtures.corpus("reports/xlsx/\(name).xlsx"))
            if !(Self.findings(docx).first ?? []).isEmpty { flawed += 1 }
        }
        XCTAssertGreaterThan(flawed, 0, "at least one form has findings to compare")
        assertSameFindings(docx: Fixtures.corpus("seed/yueyang-2021-keji.docx"), other: Fixtures.corpus("seed/xlsx/yueyang-2021-keji.xlsx"))
    }

    func testAFormReadsWithTheFiguresOfItsDocx() throws {
        let pipeline = Pipeline()
        for name in ["national-shangshui-2021-xueqian", "national-sichuan-danling-2021-laji"] {
            let docx = try DocumentReader().read(path: Fixtures.corpus("reports/docx/\(name).docx"))
            let xlsx = try DocumentReader().read(path: Fixtures.corpus("reports/xlsx/\(name).xlsx"))
            XCTAssertEqual(xlsx.format, .xlsx)
            XCTAssertEqual(pipeline.extract(document: xlsx).map(\.text), pipeline.extract(document: docx).map(\.text), name)
            XCTAssertEqual(xlsx.tables.map { $0.rows.map(\.count) }, docx.tables.map { $0.rows.map(\.count) }, name)
        }
    }

    func testAWorkbookGivesOneDocumentPerReportSheet() throws {
        let path = Fixtures.corpus("reports/xlsx/workbook-three-forms.xlsx")
        let documents = try DocumentReader().readAll(path: path)
        // 填表说明 (text only) and the hidden 数据源 sheet are no reports.
        XCTAssertEqual(documents.map(\.path), ["广德公路", "丹棱垃圾", "商水学前"].map { "\(path)#\($0)" })
        let results = Pipeline().checkAll(path: path)
        let sources = ["national-guangde-2022-gonglu", "national-sichuan-danling-2021-laji", "national-shangshui-2021-xueqian"]
        for (result, source) in zip(results, sources) {
            XCTAssertNil(result.error)
            XCTAssertEqual(Self.summary(result), Self.findings(Fixtures.corpus("reports/docx/\(source).docx")).first, result.path)
            XCTAssertTrue(result.findings.allSatisfy { $0.figures.allSatisfy { $0.location.part?.hasPrefix(result.path.components(separatedBy: "#")[1] + "!") ?? true } })
        }
        XCTAssertTrue(Self.summary(results[0]).isEmpty)
        XCTAssertFalse(Self.summary(results[2]).isEmpty, "商水学前 has its own planted errors")
    }

    func testAWorkbookNamedDocxIsReadAsAWorkbook() throws {
        let path = Fixtures.corpus("xlsx-cases/workbook-named.docx")
        let document = try DocumentReader().read(path: path)
        XCTAssertEqual(document.format, .xlsx)
        XCTAssertEqual(document.path, path + "#自评表")
        XCTAssertEqual(Self.findings(path), Self.findings(Fixtures.corpus("reports/docx/national-guangde-2022-gonglu.docx")))
    }

    // MARK: Cells (Corpus/xlsx-cases/cells.xlsx, written by openpyxl)

    func cells() throws -> Document {
        try DocumentReader().read(path: Fixtures.corpus("xlsx-cases/cells.xlsx"))
    }

    func testNumbersAreShownAsTheirFormatShowsThem() throws {
        let d = try cells()
        let expected = ["格式!F7": "99.97%", "格式!A2": "100%", "格式!B2": "1,234.50", "格式!C2": "0.3",
                        "格式!D2": "0.3", "格式!E2": "2023-01-12", "格式!F2": "2024年3月5日", "格式!C11": "8.50"]
        for (part, text) in expected { XCTAssertEqual(d.cell(at: part)?.text, text, part) }
        let figure = try XCTUnwrap(Pipeline().extract(document: d).first { $0.location.part == "格式!F7" })
        XCTAssertEqual(figure.text, "99.97%")
        XCTAssertEqual(figure.value.plain, "99.97")
    }

    func testCellLocationsNameTheirCell() throws {
        let d = try cells()
        let cell = try XCTUnwrap(d.cell(at: "格式!F7"))
        XCTAssertEqual(d.lines.lineText(cell.location.line).trimmingCharacters(in: .whitespaces), "99.97%")
        XCTAssertEqual(d.cell(at: "格式!A7")?.text, "预算执行率")
        // The table starts at A1; F7 is row 3 of the table (rows 3 to 6 of the sheet are empty), column 6.
        XCTAssertEqual(d.tables.first?.rows[2][5].location.part, "格式!F7")
    }

    func testFormulaCellsShowTheirCachedValue() throws {
        let d = try cells()
        XCTAssertEqual(d.cell(at: "格式!G7")?.text, "99.97")
        XCTAssertEqual(d.cell(at: "格式!H7")?.text, "达标")
    }

    func testMergedCellsSpanAndMergeDown() throws {
        let d = try cells()
        let table = try XCTUnwrap(d.tables.first)
        let rows = table.rows
        let top = try XCTUnwrap(rows.firstIndex { $0.first?.location.part == "格式!A10" && $0.first?.text == "产出指标" })
        XCTAssertEqual(rows[top][0].verticalMerge, .restart)
        XCTAssertEqual(rows[top + 1][0].verticalMerge, .continuation)
        XCTAssertEqual(rows[top + 2][0].verticalMerge, .continuation)
        XCTAssertEqual(rows[top + 2][0].location.part, "格式!A10")
        XCTAssertEqual(table.grid[top + 2][0].text, "产出指标")
        XCTAssertEqual(table.grid[top + 2][0].origin, GridPosition(row: top, column: 0))
        let total = rows[top + 3]
        XCTAssertEqual(total.count, 2)
        XCTAssertEqual(total[1].text, "合计")
        XCTAssertEqual(total[1].span, 7)
    }

    // MARK: Parts built in memory

    func testSharedStringsRichTextPhoneticRunsAndCellTypes() throws {
        let strings = """
            <si><t>项目</t></si>\
            <si><r><rPr><b/></rPr><t>预算</t></r><r><t xml:space="preserve">执行率</t></r><rPh sb="0" eb="2"><t>よさん</t></rPh></si>\
            <si><t>A_x000D_B</t></si>
            """
        let rows = """
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>\
            <row r="2"><c r="A2" t="inlineStr"><is><r><t>内</t></r><r><t>联</t></r><rPh><t>x</t></rPh></is></c>\
            <c r="B2" t="b"><v>1</v></c><c r="C2" t="e"><v>#DIV/0!</v></c><c r="D2"><v>1.5E-3</v></c>\
            <c r="E2" t="str"><f>A1&amp;"x"</f><v>项目x</v></c><c r="F2"><f>1/0</f></c></row>
            """
        let d = try XCTUnwrap(try XlsxBuilder.read(try XlsxBuilder.book(rows: rows, sharedStrings: strings)).first)
        XCTAssertEqual(d.cell(at: "Sheet1!A1")?.text, "项目")
        XCTAssertEqual(d.cell(at: "Sheet1!B1")?.text, "预算执行率")
        XCTAssertEqual(d.cell(at: "Sheet1!C1")?.text, "AB")
        XCTAssertEqual(d.cell(at: "Sheet1!A2")?.text, "内联")
        XCTAssertEqual(d.cell(at: "Sheet1!B2")?.text, "TRUE")
        XCTAssertEqual(d.cell(at: "Sheet1!C2")?.text, "#DIV/0!")
        XCTAssertEqual(d.cell(at: "Sheet1!D2")?.text, "0.0015")
        XCTAssertEqual(d.cell(at: "Sheet1!E2")?.text, "项目x")
        XCTAssertNil(d.cell(at: "Sheet1!F2"), "a formula without a cached value shows nothing (and ends the used range)")
    }

    func testCustomAndBuiltInFormatsFromStyles() throws {
        let styles = """
            <numFmts count="2"><numFmt numFmtId="164" formatCode="0.00&quot;万元&quot;"/><numFmt numFmtId="165" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>\
            <cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="10"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="4"/></cellXfs>
            """
        let rows = """
            <row r="1"><c r="A1" t="inlineStr"><is><t>执行率</t></is></c><c r="B1" s="1"><v>0.9997</v></c></row>\
            <row r="2"><c r="A2" t="inlineStr"><is><t>预算</t></is></c><c r="B2" s="2"><v>702.8</v></c></row>\
            <row r="3"><c r="A3" t="inlineStr"><is><t>日期</t></is></c><c r="B3" s="3"><v>44938</v></c></row>\
            <row r="4"><c r="A4" t="inlineStr"><is><t>金额</t></is></c><c r="B4" s="4"><v>1234.5</v></c></row>
            """
        let d = try XCTUnwrap(try XlsxBuilder.read(try XlsxBuilder.book(rows: rows, styles: styles)).first)
        XCTAssertEqual(d.cell(at: "Sheet1!B1")?.text, "99.97%")
        XCTAssertEqual(d.cell(at: "Sheet1!B2")?.text, "702.80万元")
        XCTAssertEqual(d.cell(at: "Sheet1!B3")?.text, "2023年1月12日")
        XCTAssertEqual(d.cell(at: "Sheet1!B4")?.text, "1,234.50")
    }

    func testNumberFormatRendering() {
        func show(_ v: String, _ code: String, date1904: Bool = false) -> String {
            XlsxNumberFormat(code).display(XlsxDecimal(v)!, date1904: date1904)
        }
        XCTAssertEqual(show("0.9997", "0.00%"), "99.97%")
        XCTAssertEqual(show("0.9997", "0%"), "100%")
        XCTAssertEqual(show("1234.5", "#,##0.00"), "1,234.50")
        XCTAssertEqual(show("1234567.891", "#,##0"), "1,234,568")
        XCTAssertEqual(show("0.25", "0.0"), "0.3")
        XCTAssertEqual(show("-0.25", "0.0"), "-0.3")
        XCTAssertEqual(show("0.30000000000000004", "General"), "0.3")
        XCTAssertEqual(show("1.0049999999999999", "0.00"), "1.01", "15 significant digits first, as Excel")
        XCTAssertEqual(show("123456789", "General"), "123456789")
        XCTAssertEqual(show("1E+20", "General"), "1E+20")
        XCTAssertEqual(show("0.5", "#.00"), ".50")
        XCTAssertEqual(show("12345.6", "0.0,\"千\""), "12.3千")
        XCTAssertEqual(show("-5", "#,##0.00;[Red](#,##0.00)"), "(5.00)")
        XCTAssertEqual(show("0", "0.00;-0.00;\"-\""), "-")
        XCTAssertEqual(show("5", "[$¥-804]#,##0.00"), "¥5.00")
        XCTAssertEqual(show("150", "[>=100]\"高\";\"低\""), "高")
        XCTAssertEqual(show("12345", "0.00E+00"), "1.23E+04")
        XCTAssertEqual(show("1.5", "# ?/?"), "1 1/2")
        XCTAssertEqual(show("0.75", "0.0#"), "0.75")
        XCTAssertEqual(show("0.7", "0.0#"), "0.7")
        XCTAssertEqual(show("44938", "yyyy-mm-dd"), "2023-01-12")
        XCTAssertEqual(show("44938.75", "yyyy/m/d h:mm"), "2023/1/12 18:00")
        XCTAssertEqual(show("44938", "aaaa"), "星期四")
        XCTAssertEqual(show("60", "yyyy-mm-dd"), "1900-02-29")
        XCTAssertEqual(show("61", "yyyy-mm-dd"), "1900-03-01")
        XCTAssertEqual(show("1", "yyyy-mm-dd"), "1900-01-01")
        XCTAssertEqual(show("0", "yyyy-mm-dd", date1904: true), "1904-01-01")
        XCTAssertEqual(show("0.5", "h:mm AM/PM"), "12:00 PM")
        XCTAssertEqual(show("1.25", "[h]:mm:ss"), "30:00:00")
        XCTAssertEqual(XlsxNumberFormat.builtIn(14), "yyyy-mm-dd")
        XCTAssertEqual(XlsxNumberFormat.builtIn(31), "yyyy\"年\"m\"月\"d\"日\"")
    }

    func testDecimalsAreExact() {
        XCTAssertEqual(XlsxDecimal("0.30000000000000004")?.rounded(significant: 15).plain, "0.3")
        XCTAssertEqual(XlsxDecimal("9.995")?.rounded(places: 2).plain, "10")
        XCTAssertEqual(XlsxDecimal("-1.5E-3")?.plain, "-0.0015")
        XCTAssertEqual(XlsxDecimal("1.2E+3")?.plain, "1200")
        XCTAssertNil(XlsxDecimal("NaN"))
        XCTAssertNil(XlsxDecimal("1e9999"))
    }

    func testHiddenEmptyAndTextOnlySheetsAreNoReports() throws {
        let report = XlsxBuilder.worksheet(#"<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>预算</t></is></c><c r="B1"><v>10</v></c></row></sheetData>"#)
        let text = XlsxBuilder.worksheet(#"<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>说明：第1条</t></is></c></row></sheetData>"#)
        let data = try XlsxBuilder.workbook([.init(name: "说明", xml: text), .init(name: "空", xml: XlsxBuilder.worksheet("<sheetData/>")),
                                             .init(name: "隐藏", xml: report, hidden: true), .init(name: "表", xml: report)])
        XCTAssertEqual(try XlsxBuilder.read(data).map(\.path), ["test.xlsx#表"])
        let none = try XlsxBuilder.workbook([.init(name: "说明", xml: text)])
        XCTAssertThrowsError(try XlsxBuilder.read(none)) { XCTAssertEqual($0 as? ReadError, .noReportSheet) }
    }

    func testTitleAndNoteRowsOfABorderlessSheetAreParagraphs() throws {
        let rows = """
            <row r="1"><c r="A1" t="inlineStr"><is><t>项目支出绩效自评表</t></is></c></row>\
            <row r="3"><c r="A3" t="inlineStr"><is><t>项目</t></is></c><c r="B3" t="inlineStr"><is><t>预算</t></is></c></row>\
            <row r="4"><c r="A4" t="inlineStr"><is><t>其中</t></is></c></row>\
            <row r="5"><c r="A5" t="inlineStr"><is><t>资金</t></is></c><c r="B5"><v>10</v></c></row>\
            <row r="7"><c r="A7" t="inlineStr"><is><t>填报日期：2023年1月12日</t></is></c></row>
            """
        let d = try XCTUnwrap(try XlsxBuilder.read(try XlsxBuilder.book(rows: rows, after: #"<mergeCells><mergeCell ref="A1:B1"/></mergeCells>"#)).first)
        XCTAssertEqual(d.paragraphs.map(\.text), ["项目支出绩效自评表", "填报日期：2023年1月12日"])
        XCTAssertEqual(d.paragraphs.map(\.location.part), ["Sheet1!A1", "Sheet1!A7"])
        XCTAssertEqual(d.tables.count, 1)
        XCTAssertEqual(d.tables[0].rows.map { $0.map(\.text) }, [["项目", "预算"], ["其中", ""], ["资金", "10"]])
    }

    // MARK: Hostile inputs

    func assertRefused(_ data: Data, _ expected: ReadError? = nil, kind: String, limits: ReadLimits = ReadLimits(),
                       file: StaticString = #filePath, line: UInt = #line) {
        let started = Date()
        XCTAssertThrowsError(try XlsxBuilder.read(data, limits: limits), file: file, line: line) { error in
            guard let e = error as? ReadError else { return XCTFail("\(error)", file: file, line: line) }
            XCTAssertEqual(BadInputTests.kind(of: e), kind, "\(e)", file: file, line: line)
            if let expected { XCTAssertEqual(e, expected, file: file, line: line) }
            XCTAssertFalse(e.description.contains("\n"), file: file, line: line)
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 20, file: file, line: line)
    }

    func testABombIsRefused() throws {
        var limits = ReadLimits()
        limits.maxUncompressedBytes = 1 << 20
        let padding = String(repeating: " ", count: 2 << 20)
        let data = try XlsxBuilder.book(rows: #"<row r="1"><c r="A1"><v>1</v></c></row>"# + padding)
        XCTAssertLessThan(data.count, 64 << 10, "the bomb is small on disk")
        assertRefused(data, .xlsxBomb(limit: 1 << 20), kind: "xlsxBomb", limits: limits)
        XCTAssertEqual(ReadError.xlsxBomb(limit: 1 << 20).description, "the .xlsx expands beyond 1048576 bytes (see --max-docx-size)")
    }

    func testAMillionRowsAndTooManyCellsAreRefused() throws {
        let million = String(repeating: "<row/>", count: 1_000_001)
        assertRefused(try XlsxBuilder.book(rows: million), kind: "limitExceeded")
        var limits = ReadLimits()
        limits.maxCellsPerTable = 1000
        let cells = (1...1200).map { #"<row r="\#($0)"><c r="A\#($0)"><v>\#($0)</v></c></row>"# }.joined()
        assertRefused(try XlsxBuilder.book(rows: cells), kind: "limitExceeded", limits: limits)
        // Few cells far apart make a grid of more cells than the limit.
        let wide = #"<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c><c r="XFD1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row><row r="9"><c r="B9"><v>2</v></c></row>"#
        limits.maxCellsPerTable = 10_000
        assertRefused(try XlsxBuilder.book(rows: wide), kind: "limitExceeded", limits: limits)
        assertRefused(try XlsxBuilder.book(rows: #"<row r="1048577"><c><v>1</v></c></row>"#), kind: "xlsxInvalid")
    }

    func testDTDsDeepXMLAndMalformedPartsAreRefused() throws {
        let dtd = #"<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]><worksheet><sheetData><row><c t="inlineStr"><is><t>&x;</t></is></c></row></sheetData></worksheet>"#
        assertRefused(try XlsxBuilder.workbook([.init(name: "S", xml: dtd)]), .xlsxForbiddenDTD, kind: "xlsxForbiddenDTD")
        let deep = XlsxBuilder.worksheet(String(repeating: "<x>", count: 300) + String(repeating: "</x>", count: 300))
        assertRefused(try XlsxBuilder.workbook([.init(name: "S", xml: deep)]), kind: "limitExceeded")
        assertRefused(try XlsxBuilder.workbook([.init(name: "S", xml: "<worksheet><sheetData>")]), kind: "xlsxMalformedXML")
        let missing = try DocxBuilder.zip(["xl/styles.xml": Data("<styleSheet/>".utf8)])
        assertRefused(missing, kind: "xlsxInvalid")
        let badIndex = try XlsxBuilder.book(rows: #"<row r="1"><c r="A1" t="s"><v>7</v></c></row>"#, sharedStrings: "<si><t>a</t></si>")
        assertRefused(badIndex, kind: "xlsxInvalid")
    }
}
