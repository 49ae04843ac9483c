import XCTest
import ZIPFoundation
@testable import Gouji

final class AnnotateTests: XCTestCase {
    func unzip(_ data: Data) throws -> [String: String] {
        let archive = try Archive(data: data, accessMode: .read)
        var out: [String: String] = [:]
        for entry in archive {
            var d = Data()
            _ = try archive.extract(entry) { d.append($0) }
            out[entry.path] = String(decoding: d, as: UTF8.self)
        }
        return out
    }

    /// The visible text between each comment's range start and end, by comment id.
    func anchored(_ xml: String) -> [Int: String] {
        var out: [Int: String] = [:]
        let starts = try! NSRegularExpression(pattern: #"<w:commentRangeStart w:id="(\d+)"/>"#)
        let ns = xml as NSString
        for m in starts.matches(in: xml, range: NSRange(location: 0, length: ns.length)) {
            let id = Int(ns.substring(with: m.range(at: 1)))!
            let end = ns.range(of: "<w:commentRangeEnd w:id=\"\(id)\"/>", options: [], range: NSRange(location: m.range.upperBound, length: ns.length - m.range.upperBound))
            let inner = ns.substring(with: NSRange(location: m.range.upperBound, length: end.location - m.range.upperBound))
            let texts = try! NSRegularExpression(pattern: #"<w:t(?: [^>]*)?>([^<]*)</w:t>"#)
            let innerNS = inner as NSString
            out[id] = texts.matches(in: inner, range: NSRange(location: 0, length: innerNS.length))
                .map { XMLNode.unescape(innerNS.substring(with: $0.range(at: 1))) }.joined()
            XCTAssertTrue(xml.contains("<w:commentRangeEnd w:id=\"\(id)\"/><w:r><w:commentReference w:id=\"\(id)\"/></w:r>"))
        }
        return out
    }

    func testTextInputBecomesDocxWithAnchoredComments() throws {
        let report = try DocxAnnotator.annotate(text: OutputSample.result(), lang: .zh)
        XCTAssertTrue(report.unmatched.isEmpty)
        XCTAssertEqual(report.comments.map(\.anchored), ["9783.6万元", "58000.00元", "１００％"])
        XCTAssertEqual(report.comments.map(\.part), ["p1", "t0/r0/c1", "p3"])
        let parts = try unzip(report.data)
        XCTAssertEqual(anchored(parts["word/document.xml"]!), [0: "9783.6万元", 1: "58000.00元", 2: "１００％"])
        let comments = try XCTUnwrap(parts["word/comments.xml"])
        XCTAssertTrue(comments.contains(#"<w:comment w:id="0" w:author="勾稽 Gouji" w:initials="GJ"><w:p><w:r><w:annotationRef/></w:r><w:r><w:t xml:space="preserve">错误[N01] 分项之和与合计不符</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">计算：660 + 5623.6 + 3600 = 9883.6 ≠ 9783.6，差 100</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">建议：“9783.6万元” → “9883.6万元”（按分项之和更正合计）</w:t></w:r></w:p></w:comment>"#))
        XCTAssertTrue(parts["word/_rels/document.xml.rels"]!.contains(#"Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml""#))
        XCTAssertTrue(parts["[Content_Types].xml"]!.contains(#"<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>"#))
        // The injected markup is text in the document, escaped.
        XCTAssertTrue(parts["word/document.xml"]!.contains("见&lt;script&gt;alert(1)&lt;/script&gt;。"))
    }

    /// A .docx whose figure is split over two runs (the second bold), plus a table.
    static let documentXML = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w14"><w:body><w:p w:rsidR="001"><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>项目资金情况</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">共争取资金97</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>83.6万元，其中A 660万元&amp;</w:t></w:r></w:p><w:tbl><w:tblPr/><w:tr><w:tc><w:p><w:r><w:t>支出合计</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>说明</w:t></w:r></w:p><w:p><w:r><w:t>58000.00元</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/><w:sectPr/></w:body></w:document>
    """

    static func docx() throws -> Data {
        let types = #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#
        let rels = #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#
        return try TextDocxBuilder.zip([("[Content_Types].xml", Data(types.utf8)), ("_rels/.rels", Data(rels.utf8)),
                                    ("word/document.xml", Data(documentXML.utf8))])
    }

    func testDocxInputKeepsRunsAndAnchorsExactly() throws {
        let input = try Self.docx()
        let (document, segments) = try DocxAnnotator.flatten(docx: input, path: "in.docx", layout: Lexicons.builtIn.layout)
        XCTAssertEqual(document.text, "项目资金情况\n共争取资金9783.6万元，其中A 660万元&\n\n\t支出合计\n\t说明 58000.00元\n\n\n\n")
        XCTAssertEqual(segments.map(\.part), ["p0", "p1", "t0/r0/c0", "t0/r0/c1", "p2"])
        let total = OutputSample.figure(document, "9783.6万元", value: 97836000)
        let a = OutputSample.figure(document, "660万元", value: 6600000)
        let cell = OutputSample.figure(document, "58000.00元", value: 58000, inTable: true)
        let findings = [
            Finding(rule: "N01", name: "total-vs-parts", severity: .error, message: Localized(zh: "合计不符", en: "total"), figures: [total, a]),
            Finding(rule: "T02", name: "table-total", severity: .warning, message: Localized(zh: "表格<合计>", en: "table"), figures: [cell]),
            Finding(rule: "N09", name: "part", severity: .info, message: Localized(zh: "分项", en: "part"), figures: [a]),
        ]
        let result = CheckResult(path: "in.docx", document: document, figures: [total, a, cell], findings: findings)
        let report = try DocxAnnotator.annotate(docx: input, result: result, segments: segments)
        XCTAssertTrue(report.unmatched.isEmpty)
        let parts = try unzip(report.data)
        let xml = try XCTUnwrap(parts["word/document.xml"])
        XCTAssertEqual(anchored(xml), [0: "9783.6万元", 1: "58000.00元", 2: "660万元"])
        // The bold run was split and both halves keep their properties; the rest is unchanged.
        XCTAssertTrue(xml.contains(#"<w:r><w:t xml:space="preserve">共争取资金</w:t></w:r><w:commentRangeStart w:id="0"/><w:r><w:t xml:space="preserve">97</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">83.6万元</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">，其中A </w:t></w:r>"#))
        XCTAssertTrue(xml.hasPrefix(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n" + #"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w14"><w:body><w:p w:rsidR="001"><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>项目资金情况</w:t></w:r></w:p>"#))
        XCTAssertTrue(xml.contains("&amp;</w:t>"))
        XCTAssertTrue(parts["word/comments.xml"]!.contains("表格&lt;合计&gt;"))
        XCTAssertTrue(parts["word/_rels/document.xml.rels"]!.contains("rIdGouji1"))
    }

    func testPartsFromAReaderAreUsed() throws {
        // A reader that sets parts: the figure is found through `part` and its offset in the block.
        let input = try Self.docx()
        let (flat, _) = try DocxAnnotator.flatten(docx: input, path: "in.docx", layout: Lexicons.builtIn.layout)
        var fig = OutputSample.figure(flat, "58000.00元", value: 58000, inTable: true)
        fig.location.part = "t0/r0/c1"
        var blocks = flat.blocks
        if case .table(var t) = blocks[2] { t.rows[0][1].location.part = "t0/r0/c1"; blocks[2] = .table(t) }
        let document = Document(path: "in.docx", format: .docx, encoding: "UTF-8", text: flat.text, blocks: blocks)
        let f = Finding(rule: "T02", name: "t", severity: .warning, message: Localized(zh: "m", en: "m"), figures: [fig])
        let report = try DocxAnnotator.annotate(docx: input, result: CheckResult(path: "in.docx", document: document, findings: [f]))
        XCTAssertEqual(report.comments.first?.part, "t0/r0/c1")
        XCTAssertEqual(anchored(try unzip(report.data)["word/document.xml"]!), [0: "58000.00元"])
    }

    func testXMLRoundTripIsLossless() throws {
        let xml = #"<?xml version="1.0"?><!-- c --><a x='1>2' y="&amp;"><b/><![CDATA[<z>]]>t&lt;<c>d</c></a>"#
        XCTAssertEqual(try XMLNode.parse(Data(xml.utf8)).serialized(), xml)
    }

    func testWithTheDocxReader() throws {
        // The reader's own document and parts: figures located by part, a location without a
        // part through the block that holds it.
        let input = try Self.docx()
        let document = try DocumentReader().read(data: input, path: "in.docx")
        var total = OutputSample.figure(document, "9783.6万元", value: 97836000)
        total.location.part = document.paragraphs.first { $0.text.contains("9783.6") }?.location.part
        XCTAssertEqual(total.location.part, "p1")
        let cell = OutputSample.figure(document, "58000.00元", value: 58000, inTable: true)
        let plain = SourceLocation(line: cell.location.line, column: cell.location.column, start: cell.location.start, end: cell.location.end)
        let findings = [
            Finding(rule: "N01", name: "n", severity: .error, message: Localized(zh: "m", en: "m"), figures: [total]),
            Finding(rule: "N09", name: "n", severity: .warning, message: Localized(zh: "m", en: "m"), locations: [plain]),
        ]
        let report = try DocxAnnotator.annotate(docx: input, result: CheckResult(path: "in.docx", document: document, findings: findings))
        XCTAssertTrue(report.skipped.isEmpty && report.unmatched.isEmpty)
        XCTAssertEqual(report.comments.map(\.part), ["p1", "t0/r0/c1"])
        XCTAssertEqual(anchored(try unzip(report.data)["word/document.xml"]!), [0: "9783.6万元", 1: "58000.00元"])
    }
}
