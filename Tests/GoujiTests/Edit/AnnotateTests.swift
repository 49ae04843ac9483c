import XCTest
import ZIPFoundation
@testable import Gouji

/// `gouji annotate` on the real seed in its forms and on the corpus .docx twins: every finding
/// one comment, on exactly its figure's text; refusals for what cannot carry Word comments;
/// re-annotating replaces Gouji's comments and keeps others'.
final class AnnotateTests: XCTestCase {
    static let seedDocx = Fixtures.corpus("seed/yueyang-2021-keji.docx")

    /// The seed's findings in order with the text each comment wraps, as the .docx reader names
    /// the Word parts.
    static let seedComments: [(rule: String, part: String, text: String)] = [
        ("F06", "p8", "项目实施过程评价"), ("F06", "p11", "主管部门"), ("F01", "t0/r4/c1", "5.8"),
        ("F03", "t0/r12/c1", "1165"), ("F07", "t0/r12/c2", "2021.2.6#"), ("X04", "t0/r22/c1", "1个"),
        ("G01", "t0/r22/c1", "2家"), ("G01", "t0/r22/c1", "2家"), ("N02", "t0/r22/c2", "359家"),
        ("G04", "t0/r24/c5", "271个"), ("G09", "t0/r25/c4", "1家"), ("G07", "t1/r1/c4", "根据政府绩效考核文件及时完成目标"),
        ("G07", "t1/r2/c4", "控制在预算内"), ("N10", "t1/r3/c4", "5000万元"), ("G04", "t1/r3/c5", "9783.6万元"),
        ("F03", "t1/r3/c5", "3600万"), ("T15", "t2/r0/c5", ""), ("S03", "t2/r3/c1", "98"), ("S04", "t2/r3/c1", "98"),
        ("DT05", "p28", "年   月   日"), ("F05", "p45", "[bookmark: _GoBack]"), ("N09", "p50", "（一）"),
        ("N10", "p53", "单位整体支出"), ("N01", "p60", "9783.6万元"), ("F03", "p60", "3600万"), ("N06", "p62", "28%"),
        ("N08", "p68", "  无。"),
    ]

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

    /// The visible text (w:t) between each comment's range start and end, by comment id, read
    /// through libxml2's tree of the written document.
    func anchored(_ docx: Data) throws -> [Int: String] {
        let xml = try XCTUnwrap(unzip(docx)["word/document.xml"])
        let tree = try XMLTree(Data(xml.utf8), part: "word/document.xml")
        var open: Set<Int> = [], out: [Int: String] = [:], references: Set<Int> = []
        for e in tree.root.descendants {
            let id = e.attribute("id").flatMap(Int.init)
            switch e.name {
            case "commentRangeStart": open.insert(id!); out[id!] = out[id!] ?? ""
            case "commentRangeEnd": open.remove(id!)
            case "commentReference": references.insert(id!)
            case "t": for i in open { out[i]! += e.text }
            default: break
            }
        }
        XCTAssertTrue(open.isEmpty, "every range is closed")
        XCTAssertEqual(references, Set(out.keys), "every range has its reference run")
        return out
    }

    /// `w:comment` elements of the comments part: id → (author, paragraphs).
    func comments(_ docx: Data) throws -> [Int: (author: String, paragraphs: [String])] {
        let xml = try XCTUnwrap(unzip(docx)["word/comments.xml"])
        let tree = try XMLTree(Data(xml.utf8), part: "word/comments.xml")
        var out: [Int: (String, [String])] = [:]
        for c in tree.root.children where c.name == "comment" {
            out[Int(c.attribute("id")!)!] = (c.attribute("author")!, c.children.filter { $0.name == "p" }.map(\.text))
        }
        return out
    }

    func annotate(_ path: String) throws -> DocxAnnotator.Report {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try DocxAnnotator.annotate(input: data, path: path, reader: DocumentReader(), pipeline: Pipeline())
    }

    func testSeedDocxGetsOneCommentOnEachFigure() throws {
        let report = try annotate(Self.seedDocx)
        XCTAssertEqual(report.comments.count, 27)
        XCTAssertEqual(report.onParagraph, 0)
        XCTAssertEqual(report.replaced, 0)
        XCTAssertEqual(report.comments.map(\.rule), Self.seedComments.map(\.rule))
        XCTAssertEqual(report.comments.map(\.part), Self.seedComments.map(\.part))
        XCTAssertEqual(report.comments.map(\.anchored), Self.seedComments.map(\.text))
        let written = try anchored(report.data)
        XCTAssertEqual((0..<27).map { written[$0] }, Self.seedComments.map(\.text))

        let notes = try comments(report.data)
        XCTAssertEqual(notes.count, 27)
        XCTAssertTrue(notes.values.allSatisfy { $0.author == "勾稽" })
        // N01: the rule, the message, the arithmetic and each distinct fix.
        XCTAssertEqual(notes[23]?.paragraphs.prefix(3).map { $0 }, [
            "错误[N01 total-vs-parts] 所述合计 9783.6万元 与分项之和 9883.6万元 不符，相差 100万元（第206行同样表述）",
            "规则：文字中所述合计应等于其列举分项之和（共/合计/累计…其中…）",
            "计算：660 + 5623.6 + 3600 = 9883.6（万元），所述 9783.6，差 -100（容差 ±0.1）",
        ])
        XCTAssertEqual(notes[23]?.paragraphs.filter { $0.hasPrefix("建议：") }.count, 4, "the repeated total fix is said once")
        // A finding without a computed fix says how to fix it.
        XCTAssertEqual(notes[1]?.paragraphs, ["提示[F06 required-fields] 封面“主管部门”未填写",
                                              "规则：封面要素应填写完整；未能识别的表格部分会导致相应检查被跳过",
                                              "建议：按上述规则核对原文并更正"])
        let parts = try unzip(report.data)
        XCTAssertTrue(parts["word/_rels/document.xml.rels"]!.contains(#"Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml""#))
        XCTAssertTrue(parts["[Content_Types].xml"]!.contains(#"<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>"#))
        // Read again, the annotated file says what the original says.
        let original = try DocumentReader().read(path: Self.seedDocx)
        let again = try DocumentReader().read(data: report.data, path: "annotated.docx")
        XCTAssertEqual(again.text, original.text)
    }

    func testReannotatingReplacesGoujisCommentsAndKeepsOthers() throws {
        let first = try annotate(Self.seedDocx)
        let second = try DocxAnnotator.annotate(input: first.data, path: "a.docx", reader: DocumentReader(), pipeline: Pipeline())
        XCTAssertEqual(second.replaced, 27)
        XCTAssertEqual(second.comments.count, 27)
        XCTAssertEqual(try comments(second.data).count, 27, "not 54")
        XCTAssertEqual(try unzip(second.data)["word/document.xml"], try unzip(first.data)["word/document.xml"], "the same markup again")
        XCTAssertEqual(try unzip(second.data)["word/comments.xml"], try unzip(first.data)["word/comments.xml"])

        // A reviewer's comment (comment 25 handed to 张三) stays, with its range; Gouji's others are
        // replaced, and the new ids avoid the reviewer's.
        var parts = try unzip(first.data)
        parts["word/comments.xml"] = parts["word/comments.xml"]!.replacingOccurrences(
            of: #"<w:comment w:id="25" w:author="勾稽""#, with: #"<w:comment w:id="25" w:author="张三""#)
        let order = try Archive(data: first.data, accessMode: .read).map(\.path)
        let reviewed = try WordPackage.zip(order.map { ($0, Data(parts[$0]!.utf8)) })
        let third = try DocxAnnotator.annotate(input: reviewed, path: "r.docx", reader: DocumentReader(), pipeline: Pipeline())
        XCTAssertEqual(third.replaced, 26)
        XCTAssertEqual(third.comments.count, 27)
        XCTAssertFalse(third.comments.contains { $0.id == 25 })
        let notes = try comments(third.data)
        XCTAssertEqual(notes.count, 28)
        XCTAssertEqual(notes.values.filter { $0.author == "张三" }.count, 1)
        XCTAssertEqual(notes[25]?.author, "张三")
        let ranges = try anchored(third.data)
        XCTAssertEqual(ranges[25], "28%")
        XCTAssertEqual(third.comments.map(\.anchored), Self.seedComments.map(\.text))
        XCTAssertEqual(third.comments.map { ranges[$0.id] }, Self.seedComments.map(\.text))
    }

    func testWebPageAndTextSeedsBecomeDocxWithEveryCommentOnItsFigure() throws {
        for path in [Fixtures.corpus("seed/html/yueyang-2021-keji.gbk.html"), Fixtures.seed] {
            let report = try annotate(path)
            XCTAssertEqual(report.comments.count, 27, path)
            XCTAssertEqual(report.onParagraph, 0, path)
            XCTAssertEqual(report.comments.map(\.rule), Self.seedComments.map(\.rule), path)
            let written = try anchored(report.data)
            // Exactly the figure (or location) text the finding names, figure by figure.
            let result = Pipeline().check(path: path)
            let wanted = result.findings.map { f in
                f.figures.first?.text ?? f.locations.first.map { result.document!.lines.text(from: $0.start, to: $0.end) } ?? ""
            }
            XCTAssertEqual(report.comments.map { written[$0.id] }, wanted, path)
            XCTAssertEqual(Array(wanted[2...18]), Self.seedComments[2...18].map(\.text), path)
        }
    }

    func testCorpusDocxTwinsAnchorEveryFinding() throws {
        let expected = ["department-heshan-2019-shichang": 0, "department-pingjiang-2023-dangan": 3,
                        "department-yueyang-2021-jiaoyi": 0, "hunan-yueyang-2022-sifa": 2, "hunan-yueyang-2023-feiyi": 9,
                        "hunan-yunxi-2020-yinshui": 3, "national-county20-hukou-2020-jinbu": 0, "national-guangde-2022-gonglu": 0,
                        "national-shangshui-2021-xueqian": 5, "national-sichuan-danling-2021-laji": 0]
        for (name, count) in expected {
            let path = Fixtures.corpus("reports/docx/\(name).docx")
            let result = Pipeline().check(path: path)
            let report = try annotate(path)
            XCTAssertEqual(result.findings.count, count, name)
            XCTAssertEqual(report.comments.count, count, name)
            XCTAssertEqual(report.onParagraph, 0, name)
            let written = try anchored(report.data)
            let wanted = result.findings.map { f in
                f.figures.first?.text ?? f.locations.first.map { result.document!.lines.text(from: $0.start, to: $0.end) } ?? ""
            }
            XCTAssertEqual(report.comments.map(\.anchored), wanted, name)
            XCTAssertEqual(report.comments.map { written[$0.id] }, wanted, name)
        }
    }

    func testAFigureNotInTheWordTextIsCommentedOnItsParagraphAndSaysSo() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.seedDocx))
        let document = try DocumentReader().read(data: data, path: Self.seedDocx)
        var result = Pipeline().check(document: document)
        let n01 = try XCTUnwrap(result.findings.firstIndex { $0.rule == "N01" })
        result.findings[n01].figures[0].text = "9783.7万元"
        let report = try DocxAnnotator.annotate(docx: data, result: result)
        XCTAssertEqual(report.comments.count, 27)
        XCTAssertEqual(report.onParagraph, 1)
        let c = report.comments[n01]
        XCTAssertFalse(c.exact)
        XCTAssertEqual(c.part, "p60")
        XCTAssertEqual(c.sought, "9783.7万元")
        XCTAssertTrue(c.anchored.hasPrefix("2.科技项目建设卓有成效。"), c.anchored)
        XCTAssertEqual(try anchored(report.data)[c.id], c.anchored, "the whole paragraph")
        XCTAssertEqual(try comments(report.data)[c.id]?.paragraphs[1], "（未能在文中定位到“9783.7万元”，本条意见挂在所在段落上）")
    }

    func testPDFAndWorkbooksAreRefusedWithAReason() throws {
        for (path, format) in [("seed/pdf/yueyang-2021-keji.pdf", Document.Format.pdf), ("seed/xlsx/yueyang-2021-keji.xlsx", .xlsx)] {
            XCTAssertThrowsError(try annotate(Fixtures.corpus(path))) { error in
                guard case DocxAnnotator.Refusal.format(let f)? = error as? DocxAnnotator.Refusal else { return XCTFail("\(error)") }
                XCTAssertEqual(f, format)
            }
        }
        XCTAssertEqual(DocxAnnotator.Refusal.format(.pdf).text(.zh),
                       "无法给 PDF 加批注（Word 批注只能写进 .docx）；请把报告另存为 .docx 后再运行 gouji annotate，或用 gouji check 查看结果")
    }

    /// A .docx whose figure is split over two runs (the second bold), plus a table.
    static let documentXML = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w14"><w:body><w:p w:rsidR="001"><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>项目资金情况</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">共争取资金97</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>83.6万元，其中A 660万元&amp;</w:t></w:r></w:p><w:tbl><w:tblPr/><w:tr><w:tc><w:p><w:r><w:t>支出合计</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>说明</w:t></w:r></w:p><w:p><w:r><w:t>58000.00元</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/><w:sectPr/></w:body></w:document>
    """

    func testRunsAreSplitAtTheFigureAndTheRestIsKept() throws {
        let types = #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#
        let rels = #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#
        let input = try WordPackage.zip([("[Content_Types].xml", Data(types.utf8)), ("_rels/.rels", Data(rels.utf8)),
                                         ("word/document.xml", Data(Self.documentXML.utf8))])
        // The .docx reader's view of it (the second flattener is gone).
        let document = try DocumentReader().read(data: input, path: "in.docx")
        XCTAssertEqual(document.paragraphs.map(\.text), ["项目资金情况", "共争取资金9783.6万元，其中A 660万元&"])
        XCTAssertEqual(document.paragraphs.map(\.location.part), ["p0", "p1"])
        XCTAssertEqual(document.tables.first?.rows.first?.map(\.location.part), ["t0/r0/c0", "t0/r0/c1"])
        // Figures as the extractor makes them carry their block's part; these hand-made ones are
        // given it, so that the annotator finds them the way it finds real ones.
        var total = OutputSample.figure(document, "9783.6万元", value: 97836000)
        var a = OutputSample.figure(document, "660万元", value: 6600000)
        var cell = OutputSample.figure(document, "58000.00元", value: 58000, inTable: true)
        (total.location.part, a.location.part, cell.location.part) = ("p1", "p1", "t0/r0/c1")
        let findings = [
            Finding(rule: "N01", name: "total-vs-parts", severity: .error, message: Localized(zh: "合计不符", en: "total"), figures: [total, a]),
            Finding(rule: "T02", name: "table-total", severity: .warning, message: Localized(zh: "表格<合计>", en: "table"), figures: [cell]),
            Finding(rule: "N09", name: "part", severity: .info, message: Localized(zh: "分项", en: "part"), figures: [a]),
        ]
        let report = try DocxAnnotator.annotate(docx: input, result: CheckResult(path: "in.docx", document: document, findings: findings))
        XCTAssertEqual(report.onParagraph, 0)
        XCTAssertEqual(try anchored(report.data), [0: "9783.6万元", 1: "58000.00元", 2: "660万元"])
        let parts = try unzip(report.data)
        let xml = try XCTUnwrap(parts["word/document.xml"])
        // The bold run was split and both halves keep their properties; the rest is unchanged.
        XCTAssertTrue(xml.contains(#"<w:r><w:t xml:space="preserve">共争取资金</w:t></w:r><w:commentRangeStart w:id="0"/><w:r><w:t xml:space="preserve">97</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">83.6万元</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">，其中A </w:t></w:r>"#), xml)
        XCTAssertTrue(xml.hasPrefix(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n" + #"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w14"><w:body><w:p w:rsidR="001"><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>项目资金情况</w:t></w:r></w:p>"#), xml)
        XCTAssertTrue(xml.contains("&amp;</w:t>"))
        XCTAssertTrue(parts["word/comments.xml"]!.contains("表格&lt;合计&gt;"))
        XCTAssertTrue(parts["word/_rels/document.xml.rels"]!.contains(#"<Relationship Id="rIdGouji1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>"#))
    }
}
