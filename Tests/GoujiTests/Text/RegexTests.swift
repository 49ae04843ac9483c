import Foundation
import XCTest
@testable import Gouji

final class RegexTests: XCTestCase {
    func testNamedGroups() throws {
        let r = try Regex("(?<a>x)|(?<b>y\\d+)")
        XCTAssertEqual(r.groups, ["a": 1, "b": 2])
        let ms = r.matches(in: Array("ay12x".utf8))
        XCTAssertEqual(ms.count, 2)
        XCTAssertNil(ms[0].range("a"))
        XCTAssertEqual(ms[0].range("b"), 1..<4)
        XCTAssertEqual(ms[1].range("a"), 4..<5)
    }

    /// The figure pattern tried only where a match can start finds, group by group, what the
    /// unanchored pattern finds: on the text, the lines and the cells of every Corpus report
    /// that reads, and on edge cases (list markers after each kind of line break, comparators,
    /// signs, uppercase and Chinese numerals, digits of other scripts, a match right after a match).
    func testFigurePatternTriedAtItsStartsFindsEveryMatch() throws {
        let patterns = Lexicons.builtIn.patterns
        var texts = [
            "1.项目\r2、资金\u{85}（一）目标\u{2028}一、概况\u{2029}(3) 指标\u{0B}4.x\u{0C}5、y\n\t 6. z",
            "≥95%，≤3天，>100万元，-5.2%，+3个百分点，约1,234.5万元",
            "壹拾贰万叁仟元整，三类五名，第三季度，目标2完成，岳市科发〔2013〕4号",
            "2021.01-2021.12，2016年1月起至2016年12月止，2022年6月22日，2021.2.6#，2021年度",
            "电话0730-8888888，13912345678，١٢٣ 和 ०९，１２３，𝟗𝟗", "12345", "无数字", "",
        ]
        let root = Fixtures.corpus("")
        let files = FileManager.default.enumerator(atPath: root)!.compactMap { $0 as? String }
            .filter { !$0.hasSuffix(".yaml") && !$0.hasSuffix(".md") && !$0.hasSuffix(".json") }.sorted()
        var documents = 0
        for file in files {
            guard let document = try? DocumentReader().read(path: root + "/" + file) else { continue }
            documents += 1
            texts.append(document.text)
            texts += document.text.components(separatedBy: "\n")
            for t in document.tables { for row in t.rows { for cell in row { texts.append(cell.text) } } }
        }
        XCTAssertGreaterThan(documents, 20)
        var matches = 0
        for text in texts {
            let bytes = Array(Normalizer.normalize(text).utf8)
            let expected = patterns.token.matches(in: bytes).map(\.ranges)
            XCTAssertEqual(patterns.anchoredToken.matches(in: bytes, at: patterns.tokenStarts).map(\.ranges), expected,
                           String(text.prefix(80)).debugDescription)
            matches += expected.count
        }
        XCTAssertGreaterThan(matches, 1000)
    }
}
