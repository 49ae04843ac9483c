import XCTest
@testable import Gouji

final class DocxReaderTests: XCTestCase {
    typealias B = DocxBuilder

    func trimmedRows(_ table: Table) -> [[String]] { table.rows.map { $0.map(\.trimmed) } }

    func testSeedDocxReadsLikeTheSeedText() throws {
        let text = try Fixtures.readSeed()
        let docx = try DocumentReader().read(path: Fixtures.corpus("seed/yueyang-2021-keji.docx"))
        XCTAssertEqual(docx.format, .docx)
        XCTAssertEqual(docx.tables.count, text.tables.count)
        XCTAssertEqual(docx.tables.count, 10)
        for (d, t) in zip(docx.tables, text.tables) {
            XCTAssertEqual(trimmedRows(d), trimmedRows(t), "table \(t.index)")
            XCTAssertEqual(d.caption?.trimmed, t.caption?.trimmed, "caption of table \(t.index)")
            XCTAssertEqual(d.location.line, t.location.line, "line of table \(t.index)")
        }
        XCTAssertEqual(docx.paragraphs.map(\.text), text.paragraphs.map(\.text))
        XCTAssertEqual(docx.paragraphs.map(\.location.line), text.paragraphs.map(\.location.line))
        // The synthesized text is the flattened text itself, line for line.
        XCTAssertEqual(docx.text, text.text)
        // Same cell, same place (the flattened-text test pins this one).
        XCTAssertEqual(docx.tables[0].rows[3][1].location.line, 43)
        XCTAssertEqual(docx.tables[0].rows[3][1].location.start, 371)
        // Short rows span the rest of the grid.
        XCTAssertEqual(docx.tables[0].rows[2].map(\.span), [1, 7])
    }

    func testSeedDocxLocationsPointAtTheirTextAndNameTheirPart() throws {
        let doc = try DocumentReader().read(path: Fixtures.corpus("seed/yueyang-2021-keji.docx"))
        for p in doc.paragraphs {
            XCTAssertEqual(doc.lines.text(from: p.location.start, to: p.location.end), p.text)
            XCTAssertNotNil(p.location.part?.range(of: #"^p\d+$"#, options: .regularExpression), "\(p.location)")
            XCTAssertEqual(doc.lines.lineText(p.location.line), p.text)
        }
        for table in doc.tables {
            for cell in table.rows.flatMap({ $0 }) + [table.caption].compactMap({ $0 }) {
                XCTAssertEqual(doc.lines.text(from: cell.location.start, to: cell.location.end), cell.text)
                XCTAssertNotNil(cell.location.part?.range(of: #"^t\d+/r\d+/c\d+$"#, options: .regularExpression))
                XCTAssertEqual(doc.lines.lineText(cell.location.line), "\t" + (cell.text.split(separator: "\n").first.map(String.init) ?? ""))
            }
        }
        XCTAssertEqual(doc.paragraphs[0].location.part, "p3")  // three blank paragraphs come first
        XCTAssertEqual(doc.tables[0].rows[0][0].location.part, "t0/r1/c0")
        XCTAssertEqual(doc.tables[0].caption?.location.part, "t0/r0/c0")
        XCTAssertEqual(doc.tables[0].location.part, "t0")
    }

    func testGridSpanVerticalMergeAndGridBefore() throws {
        let body = "<w:tbl>"
            + "<w:tr>" + B.tc(["甲"], properties: #"<w:gridSpan w:val="2"/>"#) + B.tc(["乙"], properties: #"<w:vMerge w:val="restart"/>"#) + "</w:tr>"
            + "<w:tr>" + B.tc(["1"]) + B.tc(["2"]) + B.tc(["ignored"], properties: "<w:vMerge/>") + "</w:tr>"
            + #"<w:tr><w:trPr><w:gridBefore w:val="1"/><w:gridAfter w:val="1"/></w:trPr>"# + B.tc(["中"]) + "</w:tr>"
            + "</w:tbl>"
        let doc = try B.read(try B.docx(body: body))
        XCTAssertEqual(doc.tables.count, 1)
        let rows = doc.tables[0].rows
        XCTAssertEqual(rows.map { $0.map(\.text) }, [["甲", "乙"], ["1", "2", ""], ["中"]])
        XCTAssertEqual(rows[0][0].span, 2)
        XCTAssertEqual(rows[0][1].verticalMerge, .restart)
        XCTAssertEqual(rows[1][2].verticalMerge, .continuation)
        XCTAssertEqual(doc.tables[0].grid[1][2].text, "乙")
        XCTAssertEqual(rows[2][0].location.part, "t0/r2/c0")
        XCTAssertEqual(doc.text, "\t甲\n\t乙\n\n\t1\n\t2\n\t\n\n\t中\n\n")
    }

    func testNestedTablesGoIntoTheirCell() throws {
        let inner = "<w:tbl><w:tr>" + B.tc(["内1"]) + B.tc(["内2"]) + "</w:tr><w:tr>" + B.tc([]) + B.tc(["内4"]) + "</w:tr></w:tbl>"
        let body = B.p("前言") + "<w:tbl><w:tr>" + B.tc(["外"]) + "<w:tc>" + B.p("上") + inner + B.p("下") + "</w:tc></w:tr></w:tbl>"
        let doc = try B.read(try B.docx(body: body))
        let outer = doc.tables[0].rows[0][1]
        XCTAssertEqual(outer.text, "上\n内1\n内2\n内4\n下")
        XCTAssertEqual(outer.nested.count, 1)
        let nested = outer.nested[0]
        XCTAssertEqual(nested.rows.map { $0.map(\.text) }, [["内1", "内2"], ["", "内4"]])
        XCTAssertEqual(nested.rows[1][1].location.part, "t0/r0/c1/t0/r1/c1")
        XCTAssertEqual(nested.location.part, "t0/r0/c1/t0")
        for cell in nested.rows.flatMap({ $0 }) {
            XCTAssertEqual(doc.lines.text(from: cell.location.start, to: cell.location.end), cell.text)
        }
        XCTAssertEqual(doc.lines.lineText(nested.rows[1][1].location.line), "内4")
        // Re-reading the synthesized text as flattened text gives the same outer table.
        let flat = try FlatTextReader(layout: Lexicons.builtIn.layout).read(text: doc.text, path: "x", encoding: "UTF-8")
        XCTAssertEqual(flat.tables[0].rows.map { $0.map(\.text) }, doc.tables[0].rows.map { $0.map(\.text) })
    }

    func testTableDepthIsLimited() throws {
        var body = "<w:p/>"
        for _ in 0..<4 { body = "<w:tbl><w:tr><w:tc>\(body)</w:tc></w:tr></w:tbl>" }
        var limits = ReadLimits()
        limits.maxTableDepth = 3
        XCTAssertThrowsError(try B.read(try B.docx(body: body), limits: limits)) {
            guard case ReadError.limitExceeded = $0 else { return XCTFail("\($0)") }
        }
        limits.maxTableDepth = 4
        XCTAssertNoThrow(try B.read(try B.docx(body: body), limits: limits))
    }

    func testRevisionsFieldsBreaksAndTabs() throws {
        let run = { (t: String) in "<w:r><w:t xml:space=\"preserve\">\(t)</w:t></w:r>" }
        let body = "<w:p>" + run("资金") + "<w:ins>" + run("5.8") + "</w:ins>"
            + "<w:del><w:r><w:delText>6.0</w:delText></w:r></w:del>" + run("万元")
            + #"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>"#
            + #"<w:r><w:fldChar w:fldCharType="separate"/></w:r>"# + run("[3]") + #"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#
            + #"<w:fldSimple w:instr=" NUMPAGES ">"# + run("[9]") + "</w:fldSimple>"
            + "<w:r><w:tab/><w:t>甲</w:t><w:br/><w:tab/><w:t>乙</w:t></w:r></w:p>"
            + "<w:tbl><w:tr><w:tc><w:p><w:r><w:tab/><w:t>丙</w:t><w:tab/><w:t>丁</w:t><w:br/><w:t>戊</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        let doc = try B.read(try B.docx(body: body))
        XCTAssertEqual(doc.paragraphs.map(\.text), ["资金5.8万元[3][9]\t甲\n 乙"])
        XCTAssertEqual(doc.tables[0].rows[0][0].text, " 丙 丁\n戊")
        XCTAssertFalse(doc.text.contains("PAGE"))
        XCTAssertFalse(doc.text.contains("6.0"))
        // No line except a cell's first line starts with a tab.
        let cellStarts = Set(doc.tables.flatMap { $0.rows.flatMap { $0 } }.map(\.location.line))
        for n in 1...doc.lines.lineStarts.count where doc.lines.lineText(n).hasPrefix("\t") {
            XCTAssertTrue(cellStarts.contains(n), "line \(n) starts with a tab")
        }
    }

    func testBlankCellLinesAndMarkupCompatibilityFallbackAreDropped() throws {
        let body = "<w:tbl><w:tr><w:tc>" + B.p("一") + "<w:p/>" + B.p("二") + "</w:tc></w:tr></w:tbl>"
            + "<w:p><w:r><w:t>正文</w:t></w:r><mc:AlternateContent><mc:Choice><w:r><w:t>框</w:t></w:r></mc:Choice>"
            + "<mc:Fallback><w:r><w:t>重复</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>"
        let doc = try B.read(try B.docx(body: body))
        XCTAssertEqual(doc.tables[0].rows[0][0].text, "一\n二")
        XCTAssertEqual(doc.paragraphs.map(\.text), ["正文框"])
    }

    func testCellLimits() throws {
        let row = "<w:tr>" + B.tc(["a"]) + B.tc(["b"]) + B.tc(["c"]) + "</w:tr>"
        var limits = ReadLimits()
        limits.maxCellsPerTable = 5
        XCTAssertThrowsError(try B.read(try B.docx(body: "<w:tbl>\(row)\(row)</w:tbl>"), limits: limits)) {
            guard case ReadError.limitExceeded = $0 else { return XCTFail("\($0)") }
        }
        limits = ReadLimits()
        limits.maxCellCharacters = 10
        XCTAssertThrowsError(try B.read(try B.docx(body: "<w:tbl><w:tr>" + B.tc(["一二三四五", "六七八九十"]) + "</w:tr></w:tbl>"), limits: limits)) {
            guard case ReadError.limitExceeded = $0 else { return XCTFail("\($0)") }
        }
        limits.maxXMLDepth = 8
        XCTAssertThrowsError(try B.read(try B.docx(body: "<w:p><w:r><w:rPr><w:b><w:x><w:y><w:z/></w:y></w:x></w:b></w:rPr></w:r></w:p>"), limits: limits)) {
            guard case ReadError.limitExceeded = $0 else { return XCTFail("\($0)") }
        }
    }

    func testDTDIsRefusedInUTF8AndUTF16() throws {
        let xml = #"<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e "x">]><w:document xmlns:w="\#(B.wordNamespace)"><w:body/></w:document>"#
        for data in [Data(xml.utf8), Data([0xFF, 0xFE]) + xml.data(using: .utf16LittleEndian)!] {
            let docx = try B.zip(["word/document.xml": data])
            XCTAssertThrowsError(try B.read(docx)) { XCTAssertEqual($0 as? ReadError, .forbiddenDTD) }
        }
    }

    func testUncompressedSizeIsCapped() throws {
        let docx = try B.docx(body: B.p(String(repeating: "报", count: 2000)))
        var limits = ReadLimits()
        limits.maxUncompressedBytes = 1000
        XCTAssertThrowsError(try B.read(docx, limits: limits)) { XCTAssertEqual($0 as? ReadError, .zipBomb(limit: 1000)) }
        limits.maxUncompressedBytes = 10_000
        XCTAssertEqual(try B.read(docx, limits: limits).paragraphs.count, 1)
    }

    /// Regression: given the whole part at once, XMLParser failed on parts over 10 MB.
    func testDocumentPartOverTenMegabytes() throws {
        let paragraph = B.p("预算资金5.8万元，实际支出5.8万元。")
        let count = 11_000_000 / paragraph.utf8.count + 1
        let docx = try B.docx(body: String(repeating: paragraph, count: count))
        let doc = try B.read(docx)
        XCTAssertEqual(doc.paragraphs.count, count)
        XCTAssertEqual(doc.paragraphs.last?.location.part, "p\(count - 1)")
    }
    /// Element names are told apart on bytes: each name the parser acts on, names sharing a
    /// first byte or a prefix with one, and unknown names.
    func testElementNamesAreClassifiedOnBytes() {
        func classify(_ name: String) -> DocxBodyParser.Element {
            Array(name.utf8 + [0]).withUnsafeBufferPointer { DocxBodyParser.element($0.baseAddress!) }
        }
        let expected: [(String, DocxBodyParser.Element)] = [
            ("p", .p), ("r", .r), ("t", .t), ("tab", .tab), ("br", .br), ("cr", .cr), ("noBreakHyphen", .noBreakHyphen),
            ("fldChar", .fldChar), ("tbl", .tbl), ("tr", .tr), ("tc", .tc), ("gridSpan", .gridSpan), ("vMerge", .vMerge),
            ("del", .dropped), ("delText", .dropped), ("delInstrText", .dropped), ("moveFrom", .dropped), ("instrText", .dropped),
            ("tblPrChange", .dropped), ("tblPrExChange", .dropped), ("tblGridChange", .dropped), ("numberingChange", .dropped),
            ("pPr", .other), ("rPr", .other), ("tblPr", .other), ("ta", .other), ("tabs", .other), ("", .other), ("P", .other),
            ("moveTo", .other), ("delete", .other), ("tcPr", .other), ("tcPrChangeX", .other),
        ]
        for (name, element) in expected { XCTAssertEqual(classify(name), element, name) }
    }
}
