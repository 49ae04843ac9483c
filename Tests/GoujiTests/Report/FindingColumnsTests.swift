import XCTest
@testable import Gouji

/// The store's per-finding JSON columns, written as bytes, equal JSONEncoder's output for the
/// same values: on every finding of the seed and the Corpus reports, and on figures carrying
/// every optional field and strings with every ASCII control character, quotes and slashes.
final class FindingColumnsTests: XCTestCase {
    func testColumnsMatchJSONEncoderOnCorpusFindings() throws {
        let dir = Fixtures.corpus("reports")
        let paths = [Fixtures.seed, Fixtures.corpus("seed/yueyang-2021-keji.docx")]
            + (try FileManager.default.contentsOfDirectory(atPath: dir)).filter { $0.hasSuffix(".txt") }.sorted().map { dir + "/" + $0 }
        var findings = 0
        for path in paths {
            let result = Pipeline().check(path: path)
            for f in result.findings {
                findings += 1
                assertSame(f.figures.map(JSONRenderer.FigureOut.init), f.locations.map(JSONRenderer.LocationOut.init),
                           f.suggestions.map { JSONRenderer.SuggestionOut($0, .zh) } + f.suggestions.map { JSONRenderer.SuggestionOut($0, .en) },
                           "\(path) \(f.rule)")
            }
        }
        XCTAssertGreaterThan(findings, 50)
    }

    func testColumnsMatchJSONEncoderOnOddStrings() {
        let controls = String(String.UnicodeScalarView((0..<0x20).map { Unicode.Scalar(UInt8($0)) }))
        let odd = ["", controls, "a\"b\\c/d", "\u{7F}\u{80}\u{A0}\u{2028}\u{2029}😀", "5.8.", "岳阳/市\t科技"]
        for (i, text) in odd.enumerated() {
            let location = SourceLocation(line: i + 1, column: 3, start: -1, end: 1 << 40, part: i % 2 == 0 ? nil : "t1/r\(i)/c2")
            var figure = Figure(text: text, value: Decimal(string: "-12.50")!, unit: text, writtenUnit: "万元", kind: .money,
                                location: location, decimals: 2, factor: 10000, number: 0, inTable: i % 2 == 0)
            figure.subject = i % 3 == 0 ? nil : text
            figure.scopes = Array(odd.prefix(i))
            figure.comparator = i % 2 == 0 ? .atLeast : nil
            figure.approximate = i % 2 == 1
            figure.unitSource = i % 2 == 0 ? nil : "header"
            let suggestion = Suggestion(location: location, original: text, replacement: controls + text,
                                        reason: Localized(zh: text, en: text), safe: i % 2 == 0)
            assertSame([JSONRenderer.FigureOut(figure)], [JSONRenderer.LocationOut(location)], [JSONRenderer.SuggestionOut(suggestion, .zh)], text.debugDescription)
        }
        assertSame([], [], [], "empty")
    }

    private func assertSame(_ figures: [JSONRenderer.FigureOut], _ locations: [JSONRenderer.LocationOut],
                            _ suggestions: [JSONRenderer.SuggestionOut], _ what: String) {
        XCTAssertEqual(FindingColumns.figures(figures), JSONOutput.encode(figures, pretty: false), what)
        XCTAssertEqual(FindingColumns.locations(locations), JSONOutput.encode(locations, pretty: false), what)
        XCTAssertEqual(FindingColumns.suggestions(suggestions), JSONOutput.encode(suggestions, pretty: false), what)
    }
}
