import XCTest
@testable import Gouji

/// The PDF reader on the real fixtures: the seed as PDF gives the hand-checked errors of
/// rules.md §3 (findings 1–5), every Corpus report as PDF gives the findings of its .docx, and
/// bad PDFs are refused with one reason.
final class PDFReaderTests: XCTestCase {
    static let reports = ["department-heshan-2019-shichang", "department-pingjiang-2023-dangan",
                          "department-yueyang-2021-jiaoyi", "hunan-yueyang-2022-sifa", "hunan-yueyang-2023-feiyi",
                          "hunan-yunxi-2020-yinshui", "national-county20-hukou-2020-jinbu", "national-guangde-2022-gonglu",
                          "national-shangshui-2021-xueqian", "national-sichuan-danling-2021-laji"]

    /// A finding as compared across formats: rule, severity and its figures' values with units
    /// (not their locations, which differ by format).
    static func summary(_ finding: Finding) -> String {
        "\(finding.rule) \(finding.severity.rawValue) " + finding.figures.map { "\($0.value)\($0.unit)" }.joined(separator: " | ")
    }

    static func findings(_ path: String, limits: ReadLimits = ReadLimits()) -> [String] {
        var pipeline = Pipeline()
        pipeline.limits = limits
        let results = pipeline.checkAll(path: path)
        if let error = results.first?.error { return ["unreadable: \(error)"] }
        return results.flatMap { $0.findings.map(summary) }.sorted()
    }

    /// Findings of a report's PDF that differ from its .docx, by file: each one listed, so
    /// that any other difference fails and a mended one must be taken off the list.
    ///
    /// None of these is caused by PDF itself: it is a gap of the layout reconstruction not
    /// mended yet. In 垃圾 a table row breaks across pages 3 and 4: the wrapped ends of its cells
    /// (指标, 得到有效处理的行政村比例) open page 4 in two columns and are read as a row of their own,
    /// whose actual cell is empty (T15). Telling a row continued on the next page from a new row
    /// needs the ruling lines, which poppler-glib does not give. Listed here instead of loosening
    /// the comparison.
    static let reconstructionGaps: [String: Set<String>] = [
        "national-sichuan-danling-2021-laji": [
            "only pdf: T15 info ",
        ],
    ]

    func testTheSeedPDFGivesTheHandCheckedErrors() throws {
        let pdf = Fixtures.corpus("seed/pdf/yueyang-2021-keji.pdf")
        let errors = Self.findings(pdf).filter { $0.contains(" error ") }
        // rules.md §3: 1 N01 (9783.6 ≠ 660 + 5623.6 + 3600), 2 N02 (359 vs 618 高新技术企业),
        // 3 X04 (孵化器 1 vs 3), 4 G01 (工程技术研究中心 2, 星创天地 2 without actual), 5 F01 (5.8.).
        XCTAssertEqual(errors, [
            "F01 error 58000元",
            "G01 error 2家",
            "G01 error 2家 | 7家",
            "N01 error 97836000元 | 6600000元 | 56236000元 | 36000000元 | 97836000元",
            "N02 error 359家 | 618家",
            "X04 error 1个 | 3家 | 1个 | 3家",
        ])
        XCTAssertEqual(errors, Self.findings(Fixtures.corpus("seed/yueyang-2021-keji.docx")).filter { $0.contains(" error ") })
    }

    func testLocationsNameThePageAndLine() throws {
        let document = try DocumentReader().read(path: Fixtures.corpus("seed/pdf/yueyang-2021-keji.pdf"))
        XCTAssertEqual(document.format, .pdf)
        let result = Pipeline().check(document: document)
        let parts = result.findings.flatMap { $0.figures.map { $0.location.part ?? "" } }
        XCTAssertFalse(parts.isEmpty)
        for part in parts {
            XCTAssertNotNil(part.wholeMatch(of: /page[0-9]+\/line[0-9]+/), part)
        }
        let n01 = try XCTUnwrap(result.findings.first { $0.rule == "N01" })
        XCTAssertEqual(n01.figures.first?.location.part, "page8/line24")
    }

    func testEachReportAsPDFGivesTheFindingsOfItsDocx() throws {
        for name in Self.reports {
            let docx = Self.findings(Fixtures.corpus("reports/docx/\(name).docx"))
            let pdf = Self.findings(Fixtures.corpus("reports/pdf/\(name).pdf"))
            XCTAssertFalse(pdf.first?.hasPrefix("unreadable") ?? false, "\(name): \(pdf)")
            var remaining = docx
            var extra: [String] = []
            for finding in pdf {
                if let k = remaining.firstIndex(of: finding) { remaining.remove(at: k) } else { extra.append(finding) }
            }
            let difference = Set(remaining.map { "only docx: \($0)" } + extra.map { "only pdf: \($0)" })
            XCTAssertEqual(difference, Self.reconstructionGaps[name] ?? [], name)
        }
    }

    func testAScannedPDFIsRefusedWithoutOCR() {
        let path = Fixtures.corpus("seed/pdf/yueyang-2021-keji.scanned.pdf")
        XCTAssertThrowsError(try DocumentReader().read(path: path)) { error in
            XCTAssertEqual(error as? ReadError, .noTextLayer)
            XCTAssertEqual("\(error)", "no text layer (scanned); try --ocr")
        }
    }

    /// OCR of the whole scanned seed takes about 25 s; Tesseract with chi_sim must be installed
    /// (CI installs it: a test that cannot run fails).
    func testOCRReadsTheScannedSeedIntoPagesAndLines() throws {
        var limits = ReadLimits()
        limits.ocr = true
        let document = try DocumentReader(limits: limits).read(path: Fixtures.corpus("seed/pdf/yueyang-2021-keji.scanned.pdf"))
        XCTAssertEqual(document.format, .pdf)
        XCTAssertTrue(document.text.contains("绩效自评"), String(document.text.prefix(200)))
        XCTAssertFalse(document.tables.isEmpty)
        XCTAssertNotNil(document.tables.first?.rows.first?.first?.location.part?.wholeMatch(of: /page[0-9]+\/line[0-9]+/))
    }

    func testBadPDFsAreRefusedWithOneReason() {
        let cases: [(String, ReadError)] = [
            ("hostile/encrypted.pdf", .encryptedPDF),
            ("hostile/truncated.pdf", .damagedPDF("PDF document is damaged")),
        ]
        for (file, expected) in cases {
            XCTAssertThrowsError(try DocumentReader().read(path: Fixtures.corpus(file)), file) { error in
                XCTAssertEqual(error as? ReadError, expected, file)
            }
        }
        var limits = ReadLimits()
        limits.maxPDFPages = 3
        XCTAssertThrowsError(try DocumentReader(limits: limits).read(path: Fixtures.corpus("seed/pdf/yueyang-2021-keji.pdf"))) { error in
            XCTAssertEqual(error as? ReadError, .limitExceeded("more than 3 pages in the PDF (see --max-pdf-pages)"))
        }
    }
}
