/// Cuts lines of prose (outside tables, in reading order over pages) into paragraphs.
///
/// A line starts a new paragraph after a gap wider than the line spacing, when its size
/// differs, when it is indented against the line before, when the line before stopped short of
/// the right margin or holds separate runs (a form line `项目名称：  科技…`), or ended a sentence
/// (。：；！？) and this one is indented. A paragraph goes on over a page break when its last
/// line reached the margin without ending a sentence and the next page's first line is not
/// indented.
enum PDFParagraphs {
    static let sentenceEnds: Set<Unicode.Scalar> = ["。", "：", "；", "！", "？", ":", ";", "!", "?"]

    /// `left` and `right`: the text margins (the usual start and end of a full line).
    static func split(_ lines: [PDFLine], left: Double, right: Double) -> [[PDFLine]] {
        var paragraphs: [[PDFLine]] = []
        for line in lines {
            if let previous = paragraphs.last?.last, !startsParagraph(line, after: previous, left: left, right: right) {
                paragraphs[paragraphs.count - 1].append(line)
            } else {
                paragraphs.append([line])
            }
        }
        return paragraphs
    }

    static func startsParagraph(_ line: PDFLine, after previous: PDFLine, left: Double, right: Double) -> Bool {
        let size = max(previous.size, line.size)
        let full = previous.x2 >= right - 1.5 * size
        let ended = previous.runs.last?.text.unicodeScalars.last.map { sentenceEnds.contains($0) } ?? false
        let indented = line.x1 > left + 0.8 * size
        if previous.runs.count > 1 || line.runs.count > 1 { return true }
        if !full { return true }
        if abs(line.size - previous.size) > 0.2 * size { return true }
        if ended && indented { return true }
        if line.page != previous.page { return ended || indented }
        if line.y1 - previous.y2 > PDFTables.paragraphGap * size { return true }
        if line.x1 > previous.x1 + 0.8 * size { return true }
        return false
    }

    /// The paragraph's text: wrapped lines joined without spaces (`PDFJoin`).
    static func text(_ lines: [PDFLine]) -> String {
        var text = ""
        for line in lines { PDFJoin.append(line.text, to: &text) }
        return text
    }
}
