import Foundation

/// Writes a copy of a .docx with one Word comment per finding (author 勾稽, initials GJ),
/// anchored on the finding's primary figure; the comment says the rule, the message, the
/// arithmetic and the fix.
///
/// The pieces: `WordPackage` (the package's parts, read through the reader's `OfficePackage`,
/// edited as libxml2 trees, written back as a zip), `WordBody` (paragraphs and cells by the
/// reader's part names, runs split at text offsets), `AnchorFinder` (which container and which
/// text a finding's comment wraps) and `CommentWriter` (the comment's words, the comments part,
/// the range markers, and removing the comments an earlier run wrote). A report read from text
/// or a web page becomes a new .docx through `TextDocxBuilder` first.
///
/// Every finding gets a comment. One whose figure cannot be found in the Word text is put on
/// the figure's paragraph or cell (or, with no place at all, on the first paragraph) and its
/// comment says so. Re-annotating a file replaces Gouji's earlier comments and keeps others'.
public enum DocxAnnotator {
    public static let author = CommentWriter.author

    /// One comment written.
    public struct Comment: Sendable {
        public var id: Int
        public var rule: String
        /// The text the comment's range wraps.
        public var anchored: String
        /// The Word part (`p12`, `t1/r3/c4`).
        public var part: String
        /// The range is exactly the figure's (or location's) text; false when the comment is on
        /// the whole paragraph or cell because that text was not found.
        public var exact: Bool
        /// The text that was sought.
        public var sought: String
    }

    /// What was written.
    public struct Report: Sendable {
        public var data: Data
        /// One entry per finding, in the findings' order.
        public var comments: [Comment]
        /// Comments of an earlier run of Gouji that were removed.
        public var replaced: Int
        /// Comments on a paragraph or cell rather than on the figure itself.
        public var onParagraph: Int { comments.filter { !$0.exact }.count }
    }

    /// Why an input cannot be annotated.
    public enum Refusal: Error, CustomStringConvertible, Sendable {
        case format(Document.Format)
        case severalDocuments(Int)
        case noBody

        public var description: String { text(.en) }

        public func text(_ lang: Language) -> String {
            let zh = lang == .zh
            switch self {
            case .format(.pdf):
                return zh ? "无法给 PDF 加批注（Word 批注只能写进 .docx）；请把报告另存为 .docx 后再运行 gouji annotate，或用 gouji check 查看结果"
                          : "a PDF cannot carry Word comments; save the report as .docx and annotate that, or use gouji check"
            case .format(.xlsx), .format(.xls):
                return zh ? "无法给 Excel 工作簿加 Word 批注；请用 gouji check（可用 --format html）查看结果"
                          : "an Excel workbook cannot carry Word comments; use gouji check (e.g. --format html)"
            case .format(let f):
                return zh ? "无法批注 \(f.rawValue) 格式的文件" : "cannot annotate a \(f.rawValue) file"
            case .severalDocuments(let n):
                return zh ? "文件中有 \(n) 份报告，gouji annotate 每次只批注一份" : "the file holds \(n) reports; annotate takes one"
            case .noBody:
                return zh ? "文档中没有可加批注的段落" : "the document has no paragraph to put a comment on"
            }
        }
    }

    // MARK: - Entry points

    /// Annotates the report held in `data` as `gouji annotate` does: a .docx is copied with
    /// comments; a .doc is converted to .docx by LibreOffice and that is annotated; a text or
    /// web-page report becomes a new .docx; a PDF or a workbook is refused (`Refusal`).
    public static func annotate(input data: Data, path: String, reader: DocumentReader, pipeline: Pipeline,
                                lang: Language = .zh, limits: ReadLimits = ReadLimits(),
                                converter: LibreOfficeConverter = LibreOfficeConverter()) throws -> Report {
        let document = try reader.read(data: data, path: path)
        switch document.format {
        case .docx:
            // The .docx reader checks the package (size limits, XML limits) and names each
            // paragraph and cell's Word part, through which the figures are found again.
            return try annotate(docx: data, result: pipeline.check(document: document), lang: lang, limits: limits)
        case .doc:
            // Annotated as the .docx LibreOffice makes of it, read again so that the parts match.
            let converted = try converter.convert(data, from: "doc", to: "docx")
            let docx = try reader.read(data: converted, path: path)
            return try annotate(docx: converted, result: pipeline.check(document: docx), lang: lang, limits: limits)
        case .text, .html:
            return try annotate(text: pipeline.check(document: document), lang: lang)
        case .pdf, .xlsx, .xls:
            throw Refusal.format(document.format)
        }
    }

    /// Annotates `docx` (the bytes the reader read `result.document` from) with the findings of
    /// `result`.
    public static func annotate(docx data: Data, result: CheckResult, lang: Language = .zh,
                                limits: ReadLimits = ReadLimits()) throws -> Report {
        let package = try WordPackage(data: data, limits: limits)
        return try annotate(package, result: result, segments: nil, lang: lang)
    }

    /// Builds a new .docx from a document read from text or a web page (paragraphs and tables)
    /// and anchors the comments on it.
    public static func annotate(text result: CheckResult, lang: Language = .zh) throws -> Report {
        guard let document = result.document else { throw Refusal.noBody }
        let (data, segments) = TextDocxBuilder.build(document)
        let package = try WordPackage(data: data, limits: ReadLimits())
        return try annotate(package, result: result, segments: segments, lang: lang)
    }

    // MARK: - Annotation

    static func annotate(_ package: WordPackage, result: CheckResult, segments: [AnchorFinder.Segment]?, lang: Language) throws -> Report {
        let writer = CommentWriter(package: package)
        let replaced = try writer.removeOwnComments()
        let body = try WordBody(package.document)
        let finder = AnchorFinder(body: body, document: result.document, segments: segments)
        var nextID = try writer.nextID()
        // Anchors are found before any run is split: containers keep their w:p nodes.
        let anchors = result.findings.map { finder.anchor($0) }
        var comments: [Comment] = []
        var texts: [(id: Int, paragraphs: [String])] = []
        for (finding, anchor) in zip(result.findings, anchors) {
            guard let anchor else { throw Refusal.noBody }
            let id = nextID
            nextID += 1
            let scalars = Array(anchor.container.text.unicodeScalars)
            let anchored = String(String.UnicodeScalarView(scalars[anchor.range]))
            writer.mark(anchor.container, range: anchor.range, id: id)
            comments.append(Comment(id: id, rule: finding.rule, anchored: anchored, part: anchor.container.part,
                                    exact: anchor.exact, sought: anchor.sought))
            texts.append((id, CommentWriter.paragraphs(finding, unanchored: anchor.exact ? nil : anchor.sought, lang: lang)))
        }
        try writer.write(texts)
        return Report(data: try package.write(), comments: comments, replaced: replaced)
    }
}
