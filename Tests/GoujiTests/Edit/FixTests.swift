import XCTest
@testable import Gouji

final class FixTests: XCTestCase {
    func suggestion(_ doc: Document, _ original: String, _ replacement: String, occurrence: Int = 0) -> Suggestion {
        let fig = OutputSample.figure(doc, original, value: 0)
        return Suggestion(location: fig.location, original: original, replacement: replacement,
                          reason: Localized(zh: "格式", en: "format"), safe: true)
    }

    func testOnlySafeSuggestionsAndGoldenDiff() {
        let result = OutputSample.result()
        let safe = FixApplier.safeSuggestions(result.findings)
        XCTAssertEqual(safe.map(\.replacement), ["100%"], "the arithmetic correction is not safe")
        let outcome = FixApplier.apply(safe, to: result.document!.text)
        XCTAssertEqual(outcome.applied.count, 1)
        XCTAssertTrue(outcome.text.contains("完成率100%，见"))
        XCTAssertEqual(FixApplier.unifiedDiff(outcome, oldName: "a/report.txt", newName: "b/report.txt"), """
        --- a/report.txt
        +++ b/report.txt
        @@ -4,4 +4,4 @@
         \t支出合计
         \t58000.00元
         
        -完成率１００％，见<script>alert(1)</script>。
        +完成率100%，见<script>alert(1)</script>。

        """)
    }

    func testOverlappingSuggestionsAreAllSkipped() {
        let doc = OutputSample.document()
        let a = suggestion(doc, "１００％", "100%")
        let b = suggestion(doc, "１００", "100")
        let c = suggestion(doc, "9783.6万元", "9783.6万元整")
        let outcome = FixApplier.apply([a, b, c], to: doc.text)
        XCTAssertEqual(outcome.applied.map(\.replacement), ["9783.6万元整"])
        XCTAssertEqual(outcome.skipped.map(\.reason), [.overlapping, .overlapping])
        XCTAssertTrue(outcome.text.contains("完成率１００％"))
    }

    func testMismatchIsSkipped() {
        let doc = OutputSample.document()
        var s = suggestion(doc, "１００％", "100%")
        s.original = "99%"
        let outcome = FixApplier.apply([s], to: doc.text)
        XCTAssertEqual(outcome.skipped.first?.reason, .mismatch(found: "１００％"))
        XCTAssertEqual(outcome.text, doc.text)
    }

    func testHunksAreSeparatedAndLineNumbersShift() {
        let lines = (1...20).map { "第\($0)行 ５" }.joined(separator: "\n") + "\n"
        let doc = OutputSample.document(lines)
        let scalars = Array(lines.unicodeScalars)
        func at(_ line: Int) -> Suggestion {
            let start = doc.lines.lineStarts[line - 1] + scalars[doc.lines.lineStarts[line - 1]...].firstIndex(of: "５")! - doc.lines.lineStarts[line - 1]
            return Suggestion(location: doc.lines.location(start: start, end: start + 1), original: "５", replacement: "5\n新行", reason: Localized(zh: "", en: ""), safe: true)
        }
        let outcome = FixApplier.apply([at(2), at(15)], to: lines)
        XCTAssertEqual(FixApplier.unifiedDiff(outcome, oldName: "a", newName: "b"), """
        --- a
        +++ b
        @@ -1,5 +1,6 @@
         第1行 ５
        -第2行 ５
        +第2行 5
        +新行
         第3行 ５
         第4行 ５
         第5行 ５
        @@ -12,7 +13,8 @@
         第12行 ５
         第13行 ５
         第14行 ５
        -第15行 ５
        +第15行 5
        +新行
         第16行 ５
         第17行 ５
         第18行 ５

        """)
    }

    func testNoNewlineAtEnd() {
        let doc = OutputSample.document("甲 ５")
        let s = Suggestion(location: doc.lines.location(start: 2, end: 3), original: "５", replacement: "5",
                           reason: Localized(zh: "", en: ""), safe: true)
        let outcome = FixApplier.apply([s], to: doc.text)
        XCTAssertEqual(FixApplier.unifiedDiff(outcome, oldName: "a", newName: "b"),
                       "--- a\n+++ b\n@@ -1,1 +1,1 @@\n-甲 ５\n\\ No newline at end of file\n+甲 5\n\\ No newline at end of file\n")
    }

    func testWritesBackInTheInputEncoding() throws {
        let gb = FixApplier.TextFormat(encoding: "GB18030", byteOrderMark: false, newline: "\r\n")
        let data = try gb.encode("资金5万元\n")
        XCTAssertEqual([UInt8](data), [0xD7, 0xCA, 0xBD, 0xF0, 0x35, 0xCD, 0xF2, 0xD4, 0xAA, 0x0D, 0x0A])

        let utf16 = FixApplier.TextFormat(data: Data([0xFF, 0xFE, 0x61, 0x00, 0x0D, 0x00, 0x0A, 0x00]), encoding: "UTF-16LE")
        XCTAssertTrue(utf16.byteOrderMark)
        XCTAssertEqual(utf16.newline, "\r\n")
        XCTAssertEqual([UInt8](try utf16.encode("b\n")), [0xFF, 0xFE, 0x62, 0x00, 0x0D, 0x00, 0x0A, 0x00])

        let bom = FixApplier.TextFormat(data: Data([0xEF, 0xBB, 0xBF, 0x61, 0x0A]), encoding: "UTF-8")
        XCTAssertEqual([UInt8](try bom.encode("x\n")), [0xEF, 0xBB, 0xBF, 0x78, 0x0A])
    }

    func testSafeFlagNeverLetsDigitsChange() {
        let doc = OutputSample.document()
        let arithmetic = suggestion(doc, "9783.6万元", "9883.6万元")
        let unit = suggestion(doc, "660万元", "660万元整")
        let outcome = FixApplier.apply([arithmetic, unit], to: doc.text)
        XCTAssertEqual(outcome.applied.map(\.replacement), ["660万元整"])
        XCTAssertEqual(outcome.skipped.map(\.reason), [.changesDigits])
        XCTAssertEqual(FixApplier.digits("１００％ 5.8."), "10058")
    }
}
