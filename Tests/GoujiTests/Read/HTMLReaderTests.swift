import XCTest
@testable import Gouji

final class HTMLReaderTests: XCTestCase {
    func read(_ html: String) throws -> Document {
        try DocumentReader().read(data: Data(html.utf8), path: "page.html")
    }

    func testRecognisesPagesButNotFlattenedText() throws {
        XCTAssertTrue(HTMLReader.looksLikeHTML("<!DOCTYPE html><html><body>x</body></html>"))
        XCTAssertTrue(HTMLReader.looksLikeHTML("\u{FEFF}  <HTML><head></head>"))
        XCTAssertTrue(HTMLReader.looksLikeHTML("<table><tr><td>项目</td></tr></table>"))
        XCTAssertTrue(HTMLReader.looksLikeHTML("<p>项目名称</p><p>科技</p>"))
        XCTAssertFalse(HTMLReader.looksLikeHTML("项目名称：<5%的增幅"))
        XCTAssertFalse(HTMLReader.looksLikeHTML("<5% 增幅\n\t单元格"))
        XCTAssertFalse(HTMLReader.looksLikeHTML(try String(contentsOfFile: Fixtures.seed, encoding: .utf8)))
        // The window starts after leading spaces, wherever they end: 4,000 ideographic spaces
        // (12,000 bytes) before the page, and the byte pre-scan must reach that far.
        let indented = String(repeating: "\u{3000}", count: 4000) + "<html><body><p>项目</p></body></html>"
        XCTAssertTrue(HTMLReader.looksLikeHTML(indented))
        XCTAssertTrue(HTMLReader.hasOpeningBracket(indented, within: 7 * 4096))
        XCTAssertFalse(HTMLReader.hasOpeningBracket(indented, within: 12_000))
    }

    func testParagraphsEntitiesAndDroppedContent() throws {
        let doc = try read("""
            <!DOCTYPE html><html><head><title>标题</title><style>p { color: red }</style></head>
            <body><script>document.write("<p>脚本</p>")</script>
            <h1>自评报告</h1><!-- <p>注释</p> -->
            <p>资金&nbsp;5.8&nbsp;万元 &amp; 其他 &lt;&gt; &quot;引&quot; &#20010;&#x4E2A; &unknown; &amp</p>
            <div>第一行<br>第二行</div>
            <p>  空白   折叠
            到一起 </p>
            </body></html>
            """)
        XCTAssertEqual(doc.format, .html)
        XCTAssertEqual(doc.paragraphs.map(\.text), [
            "自评报告", "资金\u{A0}5.8\u{A0}万元 & 其他 <> \"引\" 个个 &unknown; &", "第一行", "第二行", "空白 折叠 到一起",
        ])
        XCTAssertEqual(doc.paragraphs.map(\.location.part), ["p0", "p1", "p2", "p3", "p4"])
        for p in doc.paragraphs {
            XCTAssertEqual(doc.lines.text(from: p.location.start, to: p.location.end), p.text)
        }
    }

    func testTablesWithColspanRowspanAndNesting() throws {
        let doc = try read("""
            <html><body><p>前言</p>
            <table><caption>说明</caption>
            <tr><td colspan=3>一、项目基本概况</td></tr>
            <tr><th rowspan="3">资金</th><td>计划</td><td>5.8</td></tr>
            <tr><td>到位<br>（万元）</td><td>5.8
            <tr><td>支出</td><td>5.8</td></tr>
            <tr><td>备注<table><tr><td>甲<td>乙</table></td><td>—</td></tr>
            </table><p>结尾</p></body></html>
            """)
        XCTAssertEqual(doc.paragraphs.map(\.text), ["前言", "说明", "结尾"])
        XCTAssertEqual(doc.tables.count, 1)
        let table = doc.tables[0]
        XCTAssertEqual(table.caption?.text, "一、项目基本概况")
        XCTAssertEqual(table.caption?.span, 3)
        XCTAssertEqual(table.rows.map { $0.map(\.text) }, [
            ["资金", "计划", "5.8"], ["", "到位\n（万元）", "5.8"], ["", "支出", "5.8"], ["备注\n甲\n乙", "—"],
        ])
        XCTAssertEqual(table.rows[0][0].verticalMerge, .restart)
        XCTAssertEqual(table.rows[1][0].verticalMerge, .continuation)
        XCTAssertEqual(table.rows[2][0].verticalMerge, .continuation)
        XCTAssertEqual(table.rows[3][0].verticalMerge, .none)
        XCTAssertEqual(table.grid[2][0].text, "资金")
        XCTAssertEqual(table.rows[1][1].location.part, "t0/r2/c1")
        XCTAssertEqual(table.rows[3][0].nested.first?.rows.map { $0.map(\.text) }, [["甲", "乙"]])
        for cell in table.rows.flatMap({ $0 }) {
            XCTAssertEqual(doc.lines.text(from: cell.location.start, to: cell.location.end), cell.text)
        }
        // The synthesized text reads back as the same table.
        let flat = try FlatTextReader(layout: Lexicons.builtIn.layout).read(text: doc.text, path: "x", encoding: "UTF-8")
        XCTAssertEqual(flat.tables[0].rows.map { $0.map(\.text) }, table.rows.map { $0.map(\.text) })
    }

    func testRowspanUnderAWideCellAndMissingRowsDoNotInventCells() throws {
        let doc = try read("<table><tr><td>a</td><td rowspan=5>b</td></tr><tr><td>c</td></tr></table>")
        XCTAssertEqual(doc.tables[0].rows.map { $0.map(\.text) }, [["a", "b"], ["c", ""]])
    }

    func testSeedAsGBKPageReadsLikeTheSeedText() throws {
        let text = try Fixtures.readSeed()
        let page = try DocumentReader().read(path: Fixtures.corpus("seed/html/yueyang-2021-keji.gbk.html"))
        XCTAssertEqual(page.format, .html)
        XCTAssertEqual(page.encoding, "GB18030")
        // HTML collapses white space, so compare texts without it.
        XCTAssertEqual(page.paragraphs.map(\.text.compacted), text.paragraphs.map(\.text.compacted))
        XCTAssertEqual(page.tables.count, text.tables.count)
        for (p, t) in zip(page.tables, text.tables) {
            XCTAssertEqual(p.rows.map { $0.map(\.compact) }, t.rows.map { $0.map(\.compact) }, "table \(t.index)")
            XCTAssertEqual(p.caption?.compact, t.caption?.compact)
        }
        for cell in page.tables.flatMap({ $0.rows.flatMap { $0 } }) {
            XCTAssertEqual(page.lines.text(from: cell.location.start, to: cell.location.end), cell.text)
            XCTAssertNotNil(cell.location.part)
        }
    }

    func testTableDepthAndCellLimits() throws {
        var limits = ReadLimits()
        limits.maxTableDepth = 2
        let deep = String(repeating: "<table><tr><td>", count: 3) + "x"
        XCTAssertThrowsError(try HTMLReader(layout: Lexicons.builtIn.layout, limits: limits).read(html: deep, path: "p", encoding: "UTF-8")) {
            guard case ReadError.limitExceeded = $0 else { return XCTFail("\($0)") }
        }
        limits = ReadLimits()
        limits.maxCellsPerTable = 3
        XCTAssertThrowsError(try HTMLReader(layout: Lexicons.builtIn.layout, limits: limits)
            .read(html: "<table><tr><td>1<td>2<tr><td>3<td>4</table>", path: "p", encoding: "UTF-8")) {
            guard case ReadError.limitExceeded = $0 else { return XCTFail("\($0)") }
        }
    }
}
