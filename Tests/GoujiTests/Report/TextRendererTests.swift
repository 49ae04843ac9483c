import XCTest
@testable import Gouji

/// A small report with constructed findings, shared by the output tests.
enum OutputSample {
    static let text = """
    项目资金情况
    共争取资金9783.6万元，其中A 660万元、B 5623.6万元、C 3600万元。

    \t支出合计
    \t58000.00元

    完成率１００％，见<script>alert(1)</script>。

    """

    static func document(_ text: String = text, path: String = "report.txt") -> Document {
        try! FlatTextReader(layout: Lexicons.builtIn.layout).read(text: text, path: path, encoding: "UTF-8")
    }

    /// The `occurrence`-th figure written `surface` in the document.
    static func figure(_ doc: Document, _ surface: String, value: Decimal, unit: String = "元",
                       kind: FigureKind = .money, inTable: Bool = false, subject: String? = nil) -> Figure {
        let scalars = Array(doc.text.unicodeScalars), needle = Array(surface.unicodeScalars)
        var start = 0
        while Array(scalars[start..<(start + needle.count)]) != needle { start += 1 }
        return Figure(text: surface, value: value, unit: unit, writtenUnit: unit, kind: kind,
                      location: doc.lines.location(start: start, end: start + needle.count), decimals: 0,
                      factor: 1, number: value, subject: subject, inTable: inTable)
    }

    static func result(path: String = "report.txt") -> CheckResult {
        let doc = document(path: path)
        let total = figure(doc, "9783.6万元", value: 97836000, subject: "争取资金")
        let a = figure(doc, "660万元", value: 6600000)
        let b = figure(doc, "5623.6万元", value: 56236000)
        let c = figure(doc, "3600万元", value: 36000000)
        let cell = figure(doc, "58000.00元", value: 58000, inTable: true, subject: "支出合计")
        let percent = figure(doc, "１００％", value: 100, unit: "%", kind: .percent)
        let n01 = Finding(rule: "N01", name: "total-vs-parts", severity: .error,
                          message: Localized(zh: "分项之和与合计不符", en: "The parts do not add up to the total"),
                          arithmetic: Localized(zh: "660 + 5623.6 + 3600 = 9883.6 ≠ 9783.6，差 100", en: "660 + 5623.6 + 3600 = 9883.6 ≠ 9783.6, off by 100"),
                          figures: [total, a, b, c],
                          suggestions: [Suggestion(location: total.location, original: "9783.6万元", replacement: "9883.6万元",
                                                   reason: Localized(zh: "按分项之和更正合计", en: "correct the total to the sum of the parts"))])
        let t02 = Finding(rule: "T02", name: "table-total", severity: .warning,
                          message: Localized(zh: "支出合计与明细不符，含\"引号\",逗号", en: "Expense total differs, with \"quotes\",comma"),
                          figures: [cell])
        let f01 = Finding(rule: "F01", name: "full-width-digits", severity: .info,
                          message: Localized(zh: "数字使用了全角字符", en: "Full-width digits"),
                          figures: [percent],
                          suggestions: [Suggestion(location: percent.location, original: "１００％", replacement: "100%",
                                                   reason: Localized(zh: "改为半角", en: "use half-width"), safe: true)])
        return CheckResult(path: path, template: "hunan-project", document: doc,
                           figures: [total, a, b, c, cell, percent], findings: [n01, t02, f01])
    }
}

final class TextRendererTests: XCTestCase {
    func testGoldenChinese() {
        let out = TextRenderer(lang: .zh, color: false).render([OutputSample.result()])
        let expected = """
        错误[N01]: 分项之和与合计不符
          --> report.txt:2:6
           |
         2 | 共争取资金9783.6万元，其中A 660万元、B 5623.6万元、C 3600万元。
           |           ^^^^^^^^^^        -------    ----------    -------- 金额
           |           |                 |          |
           |           |                 |          金额
           |           |                 |
           |           |                 金额
           |           |
           |           争取资金
           = 计算: 660 + 5623.6 + 3600 = 9883.6 ≠ 9783.6，差 100
           = 建议: “9783.6万元” → “9883.6万元”（按分项之和更正合计）

        警告[T02]: 支出合计与明细不符，含"引号",逗号
          --> report.txt:5:2（表格单元格）
           |
         5 |  58000.00元
           |  ^^^^^^^^^^ 支出合计

        提示[F01]: 数字使用了全角字符
          --> report.txt:7:4
           |
         7 | 完成率１００％，见<script>alert(1)</script>。
           |       ^^^^^^^^ 比例
           = 建议: “１００％” → “100%”（改为半角） [可自动修复]

        共检查 1 份文档：1 个错误，1 个警告，1 个提示。

        """
        XCTAssertEqual(out, expected)
    }

    func testEnglishAndUnreadable() {
        var results = [OutputSample.result()]
        results[0].findings = [results[0].findings[2]]
        results.append(CheckResult(path: "missing.txt", error: "file not found"))
        let out = TextRenderer(lang: .en, color: false).render(results)
        XCTAssertEqual(out, """
        info[F01]: Full-width digits
          --> report.txt:7:4
           |
         7 | 完成率１００％，见<script>alert(1)</script>。
           |       ^^^^^^^^ percent
           = help: "１００％" → "100%" (use half-width) [fixable]

        unreadable: missing.txt: file not found

        2 document(s) checked: 0 error(s), 0 warning(s), 1 info(s), 1 unreadable.

        """)
    }

    func testColourOnlyWhenAsked() {
        let plain = TextRenderer(color: false).render([OutputSample.result()])
        XCTAssertFalse(plain.contains("\u{1B}["))
        let coloured = TextRenderer(color: true).render([OutputSample.result()])
        XCTAssertTrue(coloured.contains("\u{1B}[1;31m错误[N01]\u{1B}[0m"))
    }

    func testDisplayWidth() {
        XCTAssertEqual(TextWidth.columns("abc"), 3)
        XCTAssertEqual(TextWidth.columns("共争取"), 6)
        XCTAssertEqual(TextWidth.columns("１００％"), 8)
        XCTAssertEqual(TextWidth.columns("e\u{301}"), 1)
    }

    func testLongLineIsWindowedAndCaretStaysOnFigure() {
        let long = String(repeating: "文", count: 80) + "合计12.5万元" + String(repeating: "字", count: 40) + "\n"
        let doc = OutputSample.document(long)
        let fig = OutputSample.figure(doc, "12.5万元", value: 125000)
        let f = Finding(rule: "X1", name: "x", severity: .error, message: Localized(zh: "m", en: "m"), figures: [fig])
        let out = TextRenderer().render(f, in: CheckResult(path: "a.txt", document: doc, findings: [f]))
        let lines = out.split(separator: "\n").map(String.init)
        let source = lines[3], marks = lines[4]
        // The caret starts at the display column of the figure in the shown window.
        let prefix = source.components(separatedBy: "12.5万元")[0]
        XCTAssertEqual(TextWidth.columns(String(marks.prefix { $0 != "^" })), TextWidth.columns(prefix))
        XCTAssertTrue(source.contains("…"))
        XCTAssertTrue(marks.hasSuffix("^^^^^^^^ 金额"))
    }

    func testSuggestionSummaries() {
        func s(_ o: String, _ r: String) -> Suggestion {
            Suggestion(location: SourceLocation(line: 1, column: 1, start: 0, end: 0), original: o, replacement: r,
                       reason: Localized(zh: "理由", en: "why"))
        }
        XCTAssertEqual(s("", "").summary(.zh), "理由")
        XCTAssertEqual(s("", "万元").summary(.zh), "插入“万元”（理由）")
        XCTAssertEqual(s("多余", "").summary(.zh), "删除“多余”（理由）")
        XCTAssertEqual(s("5.8.", "5.8").summary(.en), "\"5.8.\" → \"5.8\" (why)")
    }

    func testLocationsAndDocxPartsAreShown() {
        let doc = OutputSample.document()
        var cell = OutputSample.figure(doc, "58000.00元", value: 58000, inTable: true)
        cell.location.part = "t0/r0/c1"
        let label = doc.tables[0].rows[0][0].location
        let f = Finding(rule: "T09", name: "x", severity: .warning, message: Localized(zh: "m", en: "m"),
                        figures: [cell], locations: [label])
        let out = TextRenderer().render(f, in: CheckResult(path: "r.docx", document: doc, findings: [f]))
        XCTAssertEqual(out, """
        警告[T09]: m
          --> r.docx:5:2（表格单元格 t0/r0/c1）
           |
         4 |  支出合计
           |  -------- 相关位置
         5 |  58000.00元
           |  ^^^^^^^^^^ 金额

        """)
    }
}
