import Foundation

/// Reads PDF files through poppler (`PDFDocument`): every page's characters with their boxes
/// are rebuilt into lines (`PDFLayout`), running headers, footers and page numbers are dropped
/// (`PDFRunningText`), tables are found by column alignment (`PDFTables`, a table continued on
/// the next page joins the one before) and the rest is cut into paragraphs (`PDFParagraphs`).
/// The result is the same structured body as a .docx (`RawItem`), rendered by `FlatRenderer`,
/// so that extraction, binding and rules read a PDF like any other report. Paragraph and cell
/// locations name the page and line where their text starts: `page3/line12`.
///
/// A PDF without any text (a scan) is refused unless `limits.ocr` is set: then its pages
/// without text are rendered and read by Tesseract (`OCR`) into the same layout.
public struct PDFReader: FormatReader {
    public var layout: Layout
    public var limits: ReadLimits
    /// Most characters on one page (keeps memory bounded on hostile files).
    static let maxGlyphsPerPage = 1_000_000

    public init(layout: Layout, limits: ReadLimits = ReadLimits()) {
        self.layout = layout
        self.limits = limits
    }

    public func read(_ input: ReaderInput) throws -> [Document] {
        let pdf = try PDFDocument(data: input.data)
        guard pdf.pageCount > 0 else { throw ReadError.damagedPDF("no pages") }
        guard pdf.pageCount <= limits.maxPDFPages else {
            throw ReadError.limitExceeded("more than \(limits.maxPDFPages) pages in the PDF (see --max-pdf-pages)")
        }
        var pages: [[PDFLine]] = []
        var heights: [Double] = []
        var textless: [Int] = []
        for index in 0..<pdf.pageCount {
            let size = try pdf.pageSize(index)
            let glyphs = try pdf.glyphs(page: index)
            guard glyphs.count <= Self.maxGlyphsPerPage else {
                throw ReadError.limitExceeded("page \(index + 1) has more than \(Self.maxGlyphsPerPage) characters")
            }
            if glyphs.isEmpty { textless.append(index) }
            pages.append(PDFLayout.lines(glyphs, page: index + 1))
            heights.append(size.height)
        }
        if !textless.isEmpty && limits.ocr {
            let ocr = try OCR(limits: limits)
            defer { ocr.cleanUp() }
            for index in textless {
                pages[index] = PDFLayout.lines(try ocr.glyphs(pdf, page: index), page: index + 1)
            }
        } else if textless.count == pdf.pageCount {
            throw ReadError.noTextLayer
        }
        let items = Self.body(PDFRunningText.strip(pages, heights: heights))
        return [try FlatRenderer(layout: layout, limits: limits, format: .pdf)
            .render(items, path: input.path, encoding: "UTF-8")]
    }

    /// The structured body of the pages' lines (running text already removed).
    static func body(_ pages: [[PDFLine]]) -> [RawItem] {
        // Segments in reading order, a table continued at the top of the next page joined to
        // the one that ended the page before.
        var segments: [PDFTables.Segment] = []
        for lines in pages {
            var pageSegments = PDFTables.segments(lines)[...]
            // The first lines of a page can still wrap a cell of the table that ended the page
            // before (single runs in one of its columns): they join that table.
            if case .text(let text)? = pageSegments.first, case .table(var previous)? = segments.last {
                let wrapped = text.prefix { previous.wrapsCell($0) }
                if !wrapped.isEmpty {
                    previous.lines += wrapped
                    segments[segments.count - 1] = .table(previous)
                    pageSegments.removeFirst()
                    if wrapped.count < text.count { pageSegments.insert(.text(Array(text.dropFirst(wrapped.count))), at: pageSegments.startIndex) }
                }
            }
            for (k, segment) in pageSegments.enumerated() {
                if k == 0, case .table(let next) = segment, case .table(var previous)? = segments.last,
                   let continued = previous.continues(into: next) ? next : previous.rescaled(next) {
                    previous.lines += continued.lines
                    segments[segments.count - 1] = .table(previous)
                } else {
                    segments.append(segment)
                }
            }
        }
        let prose = segments.flatMap { segment -> [PDFLine] in
            if case .text(let lines) = segment { return lines } else { return [] }
        }
        let (left, right) = margins(prose)
        var items: [RawItem] = []
        var pending: [PDFLine] = []
        func flush() {
            for paragraph in PDFParagraphs.split(pending, left: left, right: right) {
                items.append(.paragraph(PDFParagraphs.text(paragraph), part: paragraph[0].part))
            }
            pending = []
        }
        for segment in segments {
            switch segment {
            case .text(let lines):
                pending += lines
            case .table(let region):
                flush()
                items.append(.table(table(region)))
            }
        }
        flush()
        return items
    }

    static func table(_ region: PDFTableRegion) -> RawTable {
        let table = RawTable()
        for row in PDFTables.rows(region) {
            table.startRow()
            for cell in row {
                let raw = RawCell()
                let text = cell.text(size: region.size)
                if !text.isEmpty { raw.items = [.paragraph(text)] }
                raw.span = cell.span
                raw.part = cell.part
                table.appendCell(raw)
            }
        }
        return table
    }

    /// The usual left and right edges of prose lines: the most common start, and the end
    /// that most lines reach (a high percentile, so that a few wide lines do not count).
    static func margins(_ lines: [PDFLine]) -> (left: Double, right: Double) {
        guard !lines.isEmpty else { return (0, 0) }
        var starts: [Int: Int] = [:]
        for line in lines { starts[Int(line.x1.rounded()), default: 0] += 1 }
        let left = Double(starts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }!.key)
        let ends = lines.map(\.x2).sorted()
        let right = ends[min(ends.count - 1, Int(Double(ends.count) * 0.9))]
        return (left, right)
    }
}
