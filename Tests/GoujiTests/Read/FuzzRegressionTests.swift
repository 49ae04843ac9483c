import Foundation
import FuzzSupport
import XCTest
@testable import Gouji

/// Replays every input the fuzzers found (`Corpus/fuzz-crashers/<target>-<name>`) through the
/// same `FuzzHarness` function as the fuzz target, and the inputs that made a reader or the
/// extractor quadratic (generated here: they are large). Passing means no crash and no hang;
/// a thrown `ReadError` or an error result is fine.
final class FuzzRegressionTests: XCTestCase {
    static let crashers = Fixtures.root.appendingPathComponent("Corpus/fuzz-crashers")

    func testEveryFuzzCrasherIsHandled() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.crashers.path).sorted()
        var replayed = 0
        for name in names where !name.hasPrefix(".") && name != "README.md" {
            let data = try Data(contentsOf: Self.crashers.appendingPathComponent(name))
            let started = Date()
            switch name.split(separator: "-").first {
            case "flattext": FuzzHarness.flatText(data)
            case "docx": FuzzHarness.docx(data)
            case "check": FuzzHarness.check(data)
            case "xlsx": FuzzHarness.xlsx(data)
            default: XCTFail("\(name): the name must start with flattext-, docx-, check- or xlsx-"); continue
            }
            XCTAssertLessThan(Date().timeIntervalSince(started), 10, name)
            replayed += 1
        }
        print("FuzzRegressionTests: replayed \(replayed) crashers from \(Self.crashers.path)")
    }

    /// Thousands of nested tables with the limits raised: the recursive renderer overflowed the
    /// stack (about 2,200 levels in a debug build). The table depth now stops at the ceiling.
    func testThousandsOfNestedTablesStopAtTheCeiling() throws {
        let depth = 5_000
        let body = String(repeating: "<w:tbl><w:tr><w:tc>", count: depth) + "<w:p/>"
            + String(repeating: "</w:tc></w:tr></w:tbl>", count: depth)
        var limits = ReadLimits()
        limits.maxTableDepth = 100_000
        limits.maxXMLDepth = 100_000
        XCTAssertThrowsError(try DocxBuilder.read(try DocxBuilder.docx(body: body), limits: limits)) { error in
            XCTAssertEqual(error as? ReadError, .limitExceeded("tables nested deeper than \(ReadLimits.tableDepthCeiling)"))
        }
        let html = String(repeating: "<table><tr><td>", count: depth) + "x"
        XCTAssertThrowsError(try DocumentReader(limits: limits).read(data: Data(("<html><body>" + html).utf8), path: "t.html")) { error in
            XCTAssertEqual(error as? ReadError, .limitExceeded("tables nested deeper than \(ReadLimits.tableDepthCeiling)"))
        }
    }

    /// Times `body`, failing if it takes longer than `seconds` (generous: debug builds, shared cores).
    func assertFast(_ what: String, within seconds: Double, _ body: () throws -> Void,
                    file: StaticString = #filePath, line: UInt = #line) rethrows {
        let started = Date()
        try body()
        XCTAssertLessThan(Date().timeIntervalSince(started), seconds, what, file: file, line: line)
    }

    /// A .docx table of many one-cell rows: the cell count was summed over all rows per cell.
    func testDocxTableOfManyRowsIsLinear() throws {
        let rows = String(repeating: "<w:tr><w:tc><w:p/></w:tc></w:tr>", count: 40_000)
        let docx = try DocxBuilder.docx(body: "<w:tbl>\(rows)</w:tbl>")
        var limits = ReadLimits()
        limits.maxCellsPerTable = 30_000
        try assertFast("40,000 one-cell rows", within: 20) {
            XCTAssertThrowsError(try DocxBuilder.read(docx, limits: limits)) { error in
                XCTAssertEqual(error as? ReadError, .limitExceeded("a table has more than 30000 cells"))
            }
        }
    }

    /// A flattened-text cell continued over many short lines: the whole cell was counted again
    /// for each line.
    func testFlatTextCellOfManyLinesIsLinear() throws {
        let text = "\t" + String(repeating: "格\n", count: 300_000)
        var limits = ReadLimits()
        limits.maxCellCharacters = 500_000
        try assertFast("a cell of 300,000 lines", within: 20) {
            XCTAssertThrowsError(try FlatTextReader(layout: Lexicons.builtIn.layout, limits: limits)
                .read(text: text, path: "t.txt", encoding: "UTF-8")) { error in
                XCTAssertEqual(error as? ReadError,
                               .limitExceeded("a cell ending on line 250001 has more than 500000 characters"))
            }
        }
    }

    /// An HTML row under thousands of rowspans: continuations were taken from the front of an array.
    func testHTMLRowUnderManyRowspansIsLinear() throws {
        let html = "<html><body><table><tr>" + String(repeating: "<td rowspan=3>x</td>", count: 30_000)
            + "</tr><tr><td>y</td></tr><tr></tr></table></body></html>"
        try assertFast("30,000 rowspans", within: 20) {
            let document = try DocumentReader().read(data: Data(html.utf8), path: "t.html")
            XCTAssertEqual(document.tables.first?.rows.count, 3)
        }
    }

    /// One long line with many figures: every figure's column was counted from the line start,
    /// and its sentence and segment searched from the text start.
    func testLongLineWithManyFiguresIsLinear() throws {
        let line = String(repeating: "经费12万元，", count: 4_000)
        let document = try FlatTextReader(layout: Lexicons.builtIn.layout).read(text: line, path: "t.txt", encoding: "UTF-8")
        try assertFast("4,000 figures on one line", within: 60) {
            let figures = Pipeline().extract(document: document)
            XCTAssertEqual(figures.count, 4_000)
            XCTAssertEqual(figures.last?.location.column, 7 * 3_999 + 3)
        }
    }

    /// The figure limit stops extraction and turns the result into an error.
    func testFigureLimit() throws {
        var pipeline = Pipeline()
        pipeline.limits.maxFiguresPerDocument = 10
        let result = pipeline.check(document: try Fixtures.readSeed())
        XCTAssertEqual(result.error, "limit exceeded: more than 10 figures")
        XCTAssertTrue(result.findings.isEmpty)
        XCTAssertThrowsError(try pipeline.extractWithinLimit(document: try Fixtures.readSeed()))
        pipeline.limits.maxFiguresPerDocument = ReadLimits().maxFiguresPerDocument
        XCTAssertNil(pipeline.check(document: try Fixtures.readSeed()).error)
    }

    /// Column checkpoints on long lines give the same columns as counting from the line start,
    /// also with multi-scalar characters before and across a checkpoint.
    func testColumnsOnLongLinesMatchCountingFromTheStart() {
        let piece = "e\u{301}中🇨🇳a"  // é and the flag are Characters of two scalars
        let text = String(repeating: piece, count: 3_000) + "\n" + String(repeating: "x", count: 5_000)
        let index = LineIndex(text)
        let scalars = Array(text.unicodeScalars)
        for start in stride(from: 0, to: scalars.count, by: 997) {
            let line = index.line(of: start)
            let lineStart = index.lineStarts[line - 1]
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[lineStart..<start])
            XCTAssertEqual(index.location(start: start, end: start).column, String(view).count + 1, "offset \(start)")
        }
    }
}
