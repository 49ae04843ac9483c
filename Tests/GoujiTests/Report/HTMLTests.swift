import XCTest
@testable import Gouji

final class HTMLTests: XCTestCase {
    func testEscaping() {
        XCTAssertEqual(HTMLRenderer.escape("<script>alert('x') & \"y\"</script>"),
                       "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;")
    }

    func testDocumentTextIsEscapedAndFiguresAreMarked() {
        let html = HTMLRenderer(lang: .zh).render([OutputSample.result()])
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        // The injected script is shown as text, never as markup.
        XCTAssertTrue(html.contains("见&lt;script&gt;alert(1)&lt;/script&gt;。"))
        XCTAssertEqual(html.components(separatedBy: "<script>").count, 2, "only the page's own script")
        // No network: no external URLs in src/href, and a CSP forbidding them.
        XCTAssertFalse(html.contains("src=\"http"))
        XCTAssertFalse(html.contains("href=\"http"))
        XCTAssertTrue(html.contains("default-src 'none'"))
        // The flagged figure: severity class, finding ids and data attributes.
        XCTAssertTrue(html.contains(#"共争取资金<span class="fig flag flag-error" id="d0-f0" data-kind="money" data-value="97836000" data-unit="元" data-findings="d0-k0" data-subject="争取资金" title="money: 97836000 元 · 争取资金">9783.6万元</span>"#))
        XCTAssertTrue(html.contains(#"<span class="fig flag flag-warning" id="d0-f4" data-kind="money" data-value="58000" data-unit="元" data-findings="d0-k1" data-in-table="1""#))
        // The table is a real table, with the cell holding the figure.
        XCTAssertTrue(html.contains("<table data-table=\"0\">\n<tr><td data-line=\"4\">支出合计</td><td data-line=\"5\"><span"))
        // The panel lists the finding with its targets, arithmetic and suggestion.
        XCTAssertTrue(html.contains(#"<li class="finding sev-error" id="d0-k0" tabindex="0" data-doc="0" data-rule="N01" data-sev="error" data-targets="d0-f0 d0-f1 d0-f2 d0-f3">"#))
        XCTAssertTrue(html.contains("<div class=\"arith\">计算: 660 + 5623.6 + 3600 = 9883.6 ≠ 9783.6，差 100</div>"))
        XCTAssertTrue(html.contains("<del>9783.6万元</del> → <ins>9883.6万元</ins>"))
        XCTAssertTrue(html.contains("支出合计与明细不符，含&quot;引号&quot;,逗号"))
        // Filters for each severity and each rule.
        for rule in ["N01", "T02", "F01"] { XCTAssertTrue(html.contains("class=\"f-rule\" value=\"\(rule)\" checked")) }
        for sev in ["error", "warning", "info"] { XCTAssertTrue(html.contains("class=\"f-sev\" value=\"\(sev)\" checked")) }
    }

    func testSeveralDocumentsAndUnreadable() {
        let html = HTMLRenderer(lang: .en).render([OutputSample.result(path: "a.txt"), OutputSample.result(path: "b<.txt"),
                                                   CheckResult(path: "c.txt", error: "file <not> found")])
        XCTAssertTrue(html.contains("<section class=\"doc\" id=\"doc-0\">"))
        XCTAssertTrue(html.contains("<section class=\"doc\" id=\"doc-1\">\n<h2>b&lt;.txt"))
        XCTAssertTrue(html.contains("id=\"d1-f0\""))
        XCTAssertTrue(html.contains("<p class=\"unreadable\">Unreadable: file &lt;not&gt; found</p>"))
    }

    func testMergedCellsBecomeSpans() {
        let loc = SourceLocation(line: 1, column: 1, start: 0, end: 0)
        let table = Table(index: 0, rows: [
            [Cell(text: "A", location: loc, span: 2), Cell(text: "B", location: loc, verticalMerge: .restart)],
            [Cell(text: "x", location: loc), Cell(text: "y", location: loc), Cell(text: "", location: loc, verticalMerge: .continuation)],
        ], location: loc)
        let doc = Document(path: "m.docx", format: .docx, encoding: "UTF-8", text: "", blocks: [.table(table)])
        let html = HTMLRenderer().render([CheckResult(path: "m.docx", document: doc)])
        XCTAssertTrue(html.contains("<tr><td colspan=\"2\" data-line=\"1\">A</td><td rowspan=\"2\" data-line=\"1\">B</td></tr>\n<tr><td data-line=\"1\">x</td><td data-line=\"1\">y</td></tr>"))
    }

    func testLocationsThatAreNotFiguresAreTargets() {
        var result = OutputSample.result()
        let label = result.document!.tables[0].rows[0][0].location
        result.findings[1].locations = [label]
        let html = HTMLRenderer().render([result])
        XCTAssertTrue(html.contains("data-targets=\"d0-f4 at:\(label.start)\""))
        XCTAssertTrue(html.contains("<td data-at=\"at:\(label.start)\" data-line=\"4\">支出合计</td>"))
    }
}
