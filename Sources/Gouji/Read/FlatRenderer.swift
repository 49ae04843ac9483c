/// Turns a structured body (from a .docx or an HTML page) into a `Document` whose text is the
/// seed's flattened format, so that structured inputs and flattened text read alike:
///
/// - each body paragraph is one line (a line break inside it continues on the next line);
/// - each table row is its cells, each cell written as a tab and its text, its further lines
///   following without a tab, and an empty line after the row.
///
/// Rules that keep the text readable by `FlatTextReader`: a line that is not a cell's first
/// line never starts with a tab (a leading tab of a paragraph line becomes a space, tabs inside
/// cells become spaces), and a cell never holds a blank line (a blank line ends a row), so
/// blank lines inside cells are dropped. Nested tables are written inside their outer cell,
/// one line per nested cell line; the outer cell's text therefore includes them.
///
/// Body tables separated only by blank paragraphs are one run of rows in flattened text, so
/// they are joined into one run here too before `TableSplitter` names the tables; each table's
/// `part` is that of its first cell's Word table (and row, when not the first).
///
/// Every paragraph and cell location points at its text in the rendered text and names the
/// structure in `part`: `p12`, `t1/r3/c4`, nested `t1/r3/c4/t0/r0/c1` (0-based; paragraphs
/// counted among body paragraphs only, rows and cells as written).
struct FlatRenderer {
    var layout: Layout
    var limits: ReadLimits
    var format: Document.Format

    /// A cell placed in the rendered text, before line numbers are known.
    private struct PlacedCell {
        var text: String
        var start: Int
        var end: Int
        var part: String
        var span: Int
        var verticalMerge: Cell.VerticalMerge
        var nested: [PlacedTable]
    }

    private struct PlacedTable {
        var rows: [[PlacedCell]]
        var part: String
    }

    private enum Placed {
        case paragraph(text: String, start: Int, end: Int, part: String)
        case table(PlacedTable)
    }

    /// Collects the rendered text as UTF-8, counting scalars (locations are scalar offsets) and
    /// remembering where each cell line starts.
    private struct Writer {
        /// A place in the rendered text: its scalar offset and its byte offset.
        struct Position {
            var scalar: Int
            var byte: Int
        }
        var bytes: [UInt8] = []
        var scalars = 0
        /// Positions at which cell lines start, in order.
        var cellLineStarts: [Position] = []
        var count: Int { scalars }
        var position: Position { Position(scalar: scalars, byte: bytes.count) }
        mutating func write(_ s: String) {
            var s = s
            s.withUTF8 { utf8 in
                bytes.append(contentsOf: utf8)
                for b in utf8 where !UTF8.isContinuation(b) { scalars += 1 }
            }
        }
        /// Writes one line of a cell, after a line break unless it is the cell's first line.
        mutating func writeCellLine(_ line: String, firstLine: inout Bool) {
            if !firstLine { write("\n") }
            firstLine = false
            cellLineStarts.append(position)
            write(line)
        }
        func text(from start: Position, to end: Position) -> String {
            String(decoding: bytes[start.byte..<end.byte], as: UTF8.self)
        }
    }

    /// `paragraphParts`: the location part of each body paragraph, in order, when the reader
    /// names them itself (a workbook's "Sheet1!A3"); else `p0`, `p1` …
    func render(_ items: [RawItem], path: String, encoding: String, paragraphParts: [String]? = nil) throws -> Document {
        var writer = Writer()
        var placed: [Placed] = []
        var paragraphIndex = 0
        var tableIndex = 0
        for item in items {
            switch item {
            case .paragraph(let raw):
                let text = Self.bodyParagraphText(raw)
                let start = writer.count
                writer.write(text)
                let part = paragraphParts.flatMap { paragraphIndex < $0.count ? $0[paragraphIndex] : nil } ?? "p\(paragraphIndex)"
                placed.append(.paragraph(text: text, start: start, end: writer.count, part: part))
                writer.write("\n")
                paragraphIndex += 1
            case .table(let table):
                placed.append(.table(try place(table, part: "t\(tableIndex)", depth: 1, writer: &writer)))
                tableIndex += 1
            }
        }
        let text = String(decoding: writer.bytes, as: UTF8.self)
        let lines = LineIndex(text)

        var blocks: [Block] = []
        var paragraphCount = 0
        var tableCount = 0
        // Tables separated only by blank paragraphs form one run of rows, as in flattened text.
        var run: [[Cell]] = []
        var runPart = ""
        func endRun() {
            guard !run.isEmpty else { return }
            for var split in TableSplitter(layout: layout).split(rows: run, firstIndex: tableCount, lines: lines) {
                let first = split.caption ?? split.rows.first?.first
                split.location.part = first.flatMap { Self.rowPart(of: $0.location.part) } ?? runPart
                blocks.append(.table(split))
                tableCount += 1
            }
            run = []
        }
        for item in placed {
            switch item {
            case let .paragraph(text, start, end, part):
                // Blank lines are not paragraphs in flattened text either.
                guard !text.isBlank else { continue }
                endRun()
                blocks.append(.paragraph(Paragraph(index: paragraphCount, text: text,
                                                   location: lines.location(start: start, end: end, part: part))))
                paragraphCount += 1
            case .table(let table):
                if run.isEmpty { runPart = table.part }
                run += table.rows.filter { !$0.isEmpty }.map { $0.map { cell($0, lines: lines) } }
            }
        }
        endRun()
        return Document(path: path, format: format, encoding: encoding, text: text, blocks: blocks, lines: lines)
    }

    /// The part of a split table: its first cell's table, plus the row when it is not the first.
    private static func rowPart(of cellPart: String?) -> String? {
        guard let cellPart else { return nil }
        var components = cellPart.split(separator: "/").map(String.init)
        guard components.count >= 3 else { return cellPart }
        components.removeLast()
        if components.last == "r0" { components.removeLast() }
        return components.joined(separator: "/")
    }

    /// A body paragraph's text with no line starting with a tab.
    static func bodyParagraphText(_ raw: String) -> String {
        guard raw.containsByte(0x09) else { return raw }
        var out = String.UnicodeScalarView()
        var atLineStart = true
        for u in raw.unicodeScalars {
            out.append(atLineStart && u == "\t" ? " " : u)
            atLineStart = u == "\n"
        }
        return String(out)
    }

    /// Lines of a paragraph inside a cell: tabs become spaces, blank lines are dropped.
    static func cellLines(_ raw: String) -> [String] {
        let text = raw.containsByte(0x09) ? raw.replacingAll("\t", with: " ") : raw
        let lines: [String]
        if text.containsByte(0x0D) {
            // CR LF is one character, not a line feed: split by characters.
            lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        } else {
            // Without CR every line feed byte is a "\n" character: split the bytes.
            lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        }
        return lines.filter { !$0.isBlank }
    }

    /// Writes a body-level table, a row after another, and places its cells.
    private func place(_ table: RawTable, part: String, depth: Int, writer: inout Writer) throws -> PlacedTable {
        try checkTable(table, depth: depth)
        var rows: [[PlacedCell]] = []
        for (r, row) in table.rows.enumerated() {
            var cells: [PlacedCell] = []
            for (c, raw) in row.enumerated() {
                writer.write("\t")
                var firstLine = true
                cells.append(try placeCell(raw, part: raw.part ?? "\(part)/r\(r)/c\(c)", depth: depth,
                                           writer: &writer, firstLine: &firstLine))
                writer.write("\n")
            }
            if !cells.isEmpty { writer.write("\n") }
            rows.append(cells)
        }
        return PlacedTable(rows: rows, part: part)
    }

    /// Writes a table nested in a cell: each of its cells continues the outer cell's lines.
    private func placeNested(_ table: RawTable, part: String, depth: Int,
                             writer: inout Writer, firstLine: inout Bool) throws -> PlacedTable {
        try checkTable(table, depth: depth)
        var rows: [[PlacedCell]] = []
        for (r, row) in table.rows.enumerated() {
            rows.append(try row.enumerated().map { c, raw in
                try placeCell(raw, part: "\(part)/r\(r)/c\(c)", depth: depth, writer: &writer, firstLine: &firstLine)
            })
        }
        return PlacedTable(rows: rows, part: part)
    }

    private func checkTable(_ table: RawTable, depth: Int) throws {
        guard depth <= limits.tableDepth else {
            throw ReadError.limitExceeded("tables nested deeper than \(limits.tableDepth)")
        }
        guard table.cellCount <= limits.maxCellsPerTable else {
            throw ReadError.limitExceeded("a table has more than \(limits.maxCellsPerTable) cells")
        }
    }

    /// Writes a cell's lines (its paragraphs and nested tables, in order) and places it.
    /// A vertical-merge continuation is written empty.
    private func placeCell(_ raw: RawCell, part: String, depth: Int,
                           writer: inout Writer, firstLine: inout Bool) throws -> PlacedCell {
        let linesBefore = writer.cellLineStarts.count
        var nested: [PlacedTable] = []
        if raw.verticalMerge != .continuation {
            for item in raw.items {
                switch item {
                case .paragraph(let text):
                    for line in Self.cellLines(text) { writer.writeCellLine(line, firstLine: &firstLine) }
                case .table(let inner):
                    nested.append(try placeNested(inner, part: "\(part)/t\(nested.count)", depth: depth + 1,
                                                  writer: &writer, firstLine: &firstLine))
                }
            }
        }
        let end = writer.position
        let start = writer.cellLineStarts.count > linesBefore ? writer.cellLineStarts[linesBefore] : end
        let text = writer.text(from: start, to: end)
        guard end.scalar - start.scalar <= limits.maxCellCharacters || text.count <= limits.maxCellCharacters else {
            throw ReadError.limitExceeded("a cell (\(part)) has more than \(limits.maxCellCharacters) characters")
        }
        return PlacedCell(text: text, start: start.scalar, end: end.scalar, part: part,
                          span: raw.span, verticalMerge: raw.verticalMerge, nested: nested)
    }

    private func cell(_ placed: PlacedCell, lines: LineIndex) -> Cell {
        Cell(text: placed.text, location: lines.location(start: placed.start, end: placed.end, part: placed.part),
             span: placed.span, verticalMerge: placed.verticalMerge,
             nested: placed.nested.enumerated().map { table($1, index: $0, lines: lines) })
    }

    private func table(_ placed: PlacedTable, index: Int, lines: LineIndex) -> Table {
        let rows = placed.rows.filter { !$0.isEmpty }.map { $0.map { cell($0, lines: lines) } }
        let start = rows.first?.first?.location.start ?? 0
        let end = rows.last?.last?.location.end ?? start
        return Table(index: index, rows: rows, location: lines.location(start: start, end: end, part: placed.part))
    }
}
