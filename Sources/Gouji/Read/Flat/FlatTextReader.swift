/// Reads Word text flattened to lines (the seed's format):
/// a cell line starts with a tab; a tab alone is an empty cell; a blank line ends a row;
/// a line without a tab right after a cell continues that cell; a non-empty line without a
/// tab anywhere else is a paragraph and ends the current table.
///
/// In text input (`format == .text`), runs of such paragraph lines go through
/// `PlainTextTables`: tables copied out of web pages and PDFs as pipe rows, tab-separated rows
/// or whitespace-aligned columns become tables, the other lines stay paragraphs.
public struct FlatTextReader: Sendable {
    public var layout: Layout
    public var limits: ReadLimits

    public init(layout: Layout, limits: ReadLimits = ReadLimits()) {
        self.layout = layout
        self.limits = limits
    }

    public func read(text: String, path: String, encoding: String, format: Document.Format = .text) throws -> Document {
        let index = LineIndex(text)
        var blocks: [Block] = []
        var rows: [[Cell]] = []
        var row: [Cell] = []
        var previousWasCell = false
        var paragraphCount = 0
        var tableCount = 0
        var cellsInTable = 0
        // Length of the row's last cell, kept as lines are added to it (counting the whole cell
        // again for every continuation line was quadratic): its scalars, which bound its
        // characters, and its characters once that bound passes the limit (counting characters
        // means finding grapheme clusters, too slow for every cell). A line feed always ends a
        // grapheme cluster, so the counts of the lines and their separators add up.
        var lastCellScalars = 0
        var lastCellCharacters: Int? = nil
        // The row's last cell while lines may still be added to it, made a Cell when it is
        // complete (a Cell works out its label form from its whole text, once).
        var openCell: (text: String, location: SourceLocation)? = nil

        func closeCell() {
            if let cell = openCell { row.append(Cell(text: cell.text, location: cell.location)); openCell = nil }
        }
        func endRow() {
            closeCell()
            if !row.isEmpty { rows.append(row); row = [] }
        }
        func endTable() throws {
            endRow()
            guard !rows.isEmpty else { return }
            for table in TableSplitter(layout: layout).split(rows: rows, firstIndex: tableCount, lines: index) {
                blocks.append(.table(table))
                tableCount += 1
            }
            rows = []
            cellsInTable = 0
        }

        // Consecutive paragraph lines, read when the run ends (by a cell line, a blank line or
        // the end): their texts, and the line number of the first.
        var run: [String] = []
        var runStart = 0
        func endRun() throws {
            guard !run.isEmpty else { return }
            try endTable()
            func paragraph(_ lineNumber: Int, _ text: String) {
                let range = index.lineRange(lineNumber)
                blocks.append(.paragraph(Paragraph(
                    index: paragraphCount, text: text,
                    location: index.location(start: range.lowerBound, end: range.upperBound))))
                paragraphCount += 1
            }
            if format == .text, run.count >= 2 {
                for piece in PlainTextTables(lines: index, limits: limits).pieces(from: runStart, through: runStart + run.count - 1) {
                    switch piece {
                    case .paragraph(let n):
                        paragraph(n, run[n - runStart])
                    case .table(let rows):
                        for table in TableSplitter(layout: layout).split(rows: rows, firstIndex: tableCount, lines: index) {
                            blocks.append(.table(table))
                            tableCount += 1
                        }
                    }
                }
            } else {
                for (k, text) in run.enumerated() { paragraph(runStart + k, text) }
            }
            run.removeAll(keepingCapacity: true)
        }

        for lineNumber in 1...index.lineStarts.count {
            let range = index.lineRange(lineNumber)
            let line = index.text(from: range.lowerBound, to: range.upperBound)
            let lineStart = range.lowerBound
            let scalarCount = range.count
            // A tab is a control character, always a grapheme of its own: the line starts with
            // the Character "\t" exactly when its first scalar is one.
            if index.scalar(at: lineStart) == "\t", scalarCount > 0 {
                try endRun()
                let start = lineStart + 1
                let cellText = index.text(from: start, to: range.upperBound)
                lastCellScalars = scalarCount - 1
                lastCellCharacters = lastCellScalars > limits.maxCellCharacters ? cellText.count : nil
                guard (lastCellCharacters ?? 0) <= limits.maxCellCharacters else {
                    throw ReadError.limitExceeded("a cell on line \(lineNumber) has more than \(limits.maxCellCharacters) characters")
                }
                cellsInTable += 1
                guard cellsInTable <= limits.maxCellsPerTable else {
                    throw ReadError.limitExceeded("a table has more than \(limits.maxCellsPerTable) cells")
                }
                closeCell()
                openCell = (cellText, index.location(start: start, end: lineStart + scalarCount))
                previousWasCell = true
            } else if line.isBlank {
                try endRun()
                endRow()
                previousWasCell = false
            } else if previousWasCell, var last = openCell {
                openCell = nil   // so that `last.text` is the only reference: appended in place
                last.text += "\n" + line
                lastCellScalars += 1 + scalarCount
                if let n = lastCellCharacters {
                    lastCellCharacters = n + 1 + line.count
                } else if lastCellScalars > limits.maxCellCharacters {
                    lastCellCharacters = last.text.count
                }
                guard (lastCellCharacters ?? 0) <= limits.maxCellCharacters else {
                    throw ReadError.limitExceeded("a cell ending on line \(lineNumber) has more than \(limits.maxCellCharacters) characters")
                }
                last.location.end = lineStart + scalarCount
                openCell = last
            } else {
                if run.isEmpty { runStart = lineNumber }
                run.append(line)
                previousWasCell = false
            }
        }
        try endRun()
        try endTable()
        return Document(path: path, format: format, encoding: encoding, text: text, blocks: blocks, lines: index)
    }
}
