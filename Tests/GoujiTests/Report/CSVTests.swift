import XCTest
@testable import Gouji

final class CSVTests: XCTestCase {
    func testGoldenRowsWithQuotingAndBOM() {
        let results = [OutputSample.result(), CheckResult(path: "坏,文件.txt", error: "not valid UTF-8 or GB18030")]
        let out = CSVRenderer.render(results, lang: .zh)
        XCTAssertTrue(out.hasPrefix("\u{FEFF}"), "UTF-8 BOM for Excel")
        let expected = "\u{FEFF}文件,规则,名称,级别,行,列,说明,计算,数字,建议\r\n"
            + "report.txt,N01,total-vs-parts,error,2,6,分项之和与合计不符,660 + 5623.6 + 3600 = 9883.6 ≠ 9783.6，差 100,9783.6万元@2:6; 660万元@2:19; 5623.6万元@2:27; 3600万元@2:38,“9783.6万元” → “9883.6万元”（按分项之和更正合计）\r\n"
            + "report.txt,T02,table-total,warning,5,2,\"支出合计与明细不符，含\"\"引号\"\",逗号\",,58000.00元@5:2,\r\n"
            + "report.txt,F01,full-width-digits,info,7,4,数字使用了全角字符,,１００％@7:4,“１００％” → “100%”（改为半角）\r\n"
            + "\"坏,文件.txt\",,,unreadable,,,not valid UTF-8 or GB18030,,,\r\n"
        XCTAssertEqual(out, expected)
    }

    func testEnglishHeader() {
        let out = CSVRenderer.render([], lang: .en)
        XCTAssertEqual(out, "\u{FEFF}path,rule,name,severity,line,column,message,arithmetic,figures,suggestion\r\n")
    }

    func testFieldQuoting() {
        XCTAssertEqual(CSVRenderer.field("plain"), "plain")
        XCTAssertEqual(CSVRenderer.field("a,b"), "\"a,b\"")
        XCTAssertEqual(CSVRenderer.field("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(CSVRenderer.field("two\nlines"), "\"two\nlines\"")
        XCTAssertEqual(CSVRenderer.field("cr\rx"), "\"cr\rx\"")
        XCTAssertEqual(CSVRenderer.field("=SUM(A1)"), "'=SUM(A1)", "no formula injection")
        XCTAssertEqual(CSVRenderer.field("-5"), "-5")
    }
}
