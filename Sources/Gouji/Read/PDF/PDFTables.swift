/// A stretch of lines that reads as a table: consecutive lines whose runs start at shared
/// x-positions (`columns`), with the single lines that continue a cell in between.
struct PDFTableRegion: Sendable {
    var columns: [Double]
    var lines: [PDFLine]
    /// The line height the region's thresholds scale with (that of its first line).
    var size: Double

    var tolerance: Double { 0.4 * size }

    /// The column a run starting at `x` belongs to: the last one starting at or before it.
    func column(of x: Double) -> Int {
        var c = 0
        for (k, start) in columns.enumerated() where start <= x + tolerance { c = k }
        return c
    }

    /// Whether `line` (at the top of the next page) is one run that wraps a cell of this table:
    /// it starts at a column other than the first and fits in it.
    func wrapsCell(_ line: PDFLine) -> Bool {
        guard line.runs.count == 1, let c = columns.firstIndex(where: { abs($0 - line.x1) <= tolerance }), c > 0 else {
            return false
        }
        return c == columns.count - 1 || line.x2 <= columns[c + 1] + tolerance
    }

    /// Whether the columns of `other` (a region on the next page) are these, so that it
    /// continues this table.
    func continues(into other: PDFTableRegion) -> Bool {
        let tol = max(tolerance, other.tolerance)
        return other.columns.allSatisfy { x in columns.contains { abs($0 - x) <= tol } }
    }

    /// `other` (the table opening the next page, right after this one ended the page before)
    /// laid out again in these columns when it continues this table at another scale: the
    /// page's columns are a suffix of these (the leading columns of merged label cells have no
    /// text on the new page), so that its j-th column from the right is this table's. Nil
    /// when it has more columns than this table.
    func rescaled(_ other: PDFTableRegion) -> PDFTableRegion? {
        let offset = columns.count - other.columns.count
        guard offset >= 0, other.columns.count >= 2 else { return nil }
        func moved(_ run: PDFRun) -> PDFRun {
            let j = other.column(of: run.x1)
            let shift = columns[offset + j] - other.columns[j]
            var run = run
            run.x1 += shift
            // The end stays in the column it ended in.
            let end = other.column(of: run.x2 - other.tolerance)
            run.x2 = min(run.x2 + shift, columns[offset + end] + (other.columns.indices.contains(end + 1) ? (columns[offset + end + 1] - columns[offset + end]) : .infinity))
            return run
        }
        var region = self
        region.lines = other.lines.map { line in
            var line = line
            line.runs = line.runs.map(moved)
            return line
        }
        return region
    }
}

/// One line of a cell: a run and where it is.
struct PDFCellLine: Sendable {
    var text: String
    var y1: Double
    var y2: Double
    var x2: Double
    var page: Int
    var number: Int
}

/// A cell of a reconstructed table: its lines, or none for an empty cell, and how many
/// columns it covers.
struct PDFCell: Sendable {
    var lines: [PDFCellLine] = []
    var span = 1
    /// The line of the row where an empty cell is.
    var page = 0
    var number = 0

    var part: String {
        if let first = lines.first { return "page\(first.page)/line\(first.number)" }
        return "page\(page)/line\(number)"
    }

    /// The cell's text: lines that follow closely are one wrapped paragraph (joined without a
    /// space), a wider gap starts a new line of the cell.
    func text(size: Double) -> String {
        var text = ""
        var previous: PDFCellLine? = nil
        for line in lines {
            if let p = previous {
                if p.page == line.page && line.y1 - p.y2 > PDFTables.paragraphGap * size {
                    text += "\n" + line.text
                } else if p.page == line.page && abs(line.y1 - p.y1) < 0.3 * size {
                    text += " " + line.text
                } else {
                    PDFJoin.append(line.text, to: &text)
                }
            } else {
                text = line.text
            }
            previous = line
        }
        return text
    }
}

/// Finds tables among a page's lines by column alignment, and cuts a table's lines into rows
/// and cells.
///
/// A table starts at a line of two or more runs (not a form line such as `项目名称：  科技…`,
/// whose label ends in a colon) and goes on while lines start at its columns: further lines of
/// several runs (their new starts become columns), and single runs that start at a column and
/// fit in it (a wrapped cell). It needs at least two lines of several runs.
///
/// Rows: cells are top-aligned, so a new row starts after a gap across every column (wider
/// than the line spacing) at a line that starts text in two or more columns, or in the first
/// column (unless it opens with a bracket, the unit line `（万元）` of a label). Text after such a
/// gap in one other column only is a further paragraph of that cell.
enum PDFTables {
    /// Gap between lines (in line heights) that ends a paragraph: wider than line spacing.
    static let paragraphGap = 0.3
    /// Vertical gap (in line heights) that ends a table.
    static let tableBreak = 3.0
    /// Vertical gap (in line heights) after which a line that opens new columns ends a table:
    /// wider than a row's padding.
    static let newColumnGap = 1.5

    enum Segment: Sendable {
        case text([PDFLine])
        case table(PDFTableRegion)
    }

    static func segments(_ lines: [PDFLine]) -> [Segment] {
        var out: [Segment] = []
        var text: [PDFLine] = []
        var i = 0
        while i < lines.count {
            if isMulti(lines[i]), let (region, next) = grow(lines, from: i) {
                if !text.isEmpty { out.append(.text(text)); text = [] }
                out.append(.table(region))
                i = next
            } else {
                text.append(lines[i])
                i += 1
            }
        }
        if !text.isEmpty { out.append(.text(text)) }
        return out
    }

    /// A line of several runs that is not a form line (`label：  value`).
    static func isMulti(_ line: PDFLine) -> Bool {
        guard line.runs.count >= 2 else { return false }
        return !line.runs.dropLast().contains { run in
            guard let last = run.text.unicodeScalars.last else { return false }
            return last == "：" || last == ":"
        }
    }

    /// The table starting at `start` and the index after it, or nil if the lines there do not
    /// make one.
    private static func grow(_ lines: [PDFLine], from start: Int) -> (PDFTableRegion, Int)? {
        let first = lines[start]
        var region = PDFTableRegion(columns: first.runs.map(\.x1), lines: [first], size: first.size)
        var multiLines = 1
        var lastMulti = start
        var bottom = first.y2
        var j = start + 1
        while j < lines.count {
            let line = lines[j]
            let tol = region.tolerance
            if line.y1 - bottom > tableBreak * region.size { break }
            // A row can open left of the columns seen so far when its first cells were empty
            // until now (merged label cells continued from the page before).
            if line.x1 < region.columns[0] - tol && line.runs.count < 2 { break }
            func columnIndex(_ x: Double) -> Int? { region.columns.firstIndex { abs($0 - x) <= tol } }
            // Inside a table a form-like line (`其中：  0`) is a row like any other.
            if line.runs.count >= 2 {
                guard line.runs.contains(where: { columnIndex($0.x1) != nil }) else { break }
                // A run starting less than a character right of a column is that column's
                // indented text, not a column of its own.
                let newColumns = line.runs.map(\.x1).filter { x in
                    columnIndex(x) == nil && !region.columns.contains(where: { x > $0 && x - $0 < region.size })
                }
                // A line well below the table that would open columns of its own is not a row
                // (a signature line 填表人：…  联系电话：… under a form).
                if !newColumns.isEmpty && line.y1 - bottom > newColumnGap * region.size { break }
                region.columns += newColumns
                region.columns.sort()
                multiLines += 1
                lastMulti = j
            } else {
                guard let c = columnIndex(line.x1) else { break }
                let fits = c == region.columns.count - 1 || line.x2 <= region.columns[c + 1] + tol
                guard c > 0 || fits else { break }
            }
            region.lines.append(line)
            bottom = max(bottom, line.y2)
            j += 1
        }
        guard multiLines >= 2 else { return nil }
        // Single lines after the last line of several runs stay only while they follow on
        // closely (a cell still wrapping); after a gap they are prose below the table.
        var end = lastMulti - start + 1
        var lastBottom = region.lines[..<end].map(\.y2).max() ?? bottom
        while end < region.lines.count, region.lines[end].y1 - lastBottom <= paragraphGap * region.size {
            lastBottom = max(lastBottom, region.lines[end].y2)
            end += 1
        }
        region.lines = Array(region.lines[..<end])
        return (region, start + end)
    }

    /// The rows of a table (possibly continued over pages), each a cell per column it uses.
    static func rows(_ region: PDFTableRegion) -> [[PDFCell]] {
        let size = region.size
        var grid: [[PDFCell?]] = []
        var rowLines: [(page: Int, number: Int)] = []
        var bottom = 0.0
        var page = 0
        for line in region.lines {
            var placed: [(column: Int, run: PDFRun)] = line.runs.map { (region.column(of: $0.x1), $0) }
            placed.sort { $0.column < $1.column }
            let columns = Set(placed.map(\.column))
            let gap = line.page != page || line.y1 - bottom > paragraphGap * size
            let opensWithBracket = placed.first { $0.column == 0 }.map { run in
                run.run.text.unicodeScalars.first.map { "（(［[".unicodeScalars.contains($0) } ?? false
            } ?? false
            let newRow = grid.isEmpty || (gap && (columns.count >= 2 || (columns.contains(0) && !opensWithBracket)))
            if newRow {
                grid.append(Array(repeating: nil, count: region.columns.count))
                rowLines.append((line.page, line.number))
                bottom = line.y2
            } else {
                // On a new page the row's bottom so far is on the page before.
                bottom = line.page != page ? line.y2 : max(bottom, line.y2)
            }
            page = line.page
            let r = grid.count - 1
            for (c, run) in placed {
                var cell = grid[r][c] ?? PDFCell()
                cell.lines.append(PDFCellLine(text: run.text, y1: run.y1, y2: run.y2, x2: run.x2,
                                              page: line.page, number: line.number))
                grid[r][c] = cell
            }
        }
        return layOut(grid, rowLines: rowLines, columns: region.columns, tolerance: region.tolerance)
    }

    /// Each row as the cells it has: a column without text is covered by the cell on its left
    /// when that cell's text reaches into it, and is an empty cell otherwise; rows end at the
    /// widest row of their group (rows that use no column the group has not used before).
    private static func layOut(_ grid: [[PDFCell?]], rowLines: [(page: Int, number: Int)],
                               columns: [Double], tolerance: Double) -> [[PDFCell]] {
        // Group widths.
        var widths = Array(repeating: 0, count: grid.count)
        var groupStart = 0
        var used: Set<Int> = []
        func close(_ end: Int) {
            let width = (groupStart..<end).map { r in (grid[r].lastIndex { $0 != nil } ?? 0) + 1 }.max() ?? 1
            for r in groupStart..<end { widths[r] = width }
        }
        for (r, row) in grid.enumerated() {
            let columnsUsed = Set(row.indices.filter { row[$0] != nil })
            if r > groupStart, !columnsUsed.isSubset(of: used) {
                close(r)
                groupStart = r
                used = []
            }
            used.formUnion(columnsUsed)
        }
        close(grid.count)

        return grid.enumerated().map { r, row in
            var cells: [PDFCell] = []
            var reach = -Double.infinity
            for c in 0..<widths[r] {
                if let cell = row[c] {
                    cells.append(cell)
                    reach = cell.lines.map(\.x2).max() ?? reach
                } else if !cells.isEmpty, reach > columns[c] + tolerance, cells[cells.count - 1].lines.isEmpty == false {
                    cells[cells.count - 1].span += 1
                } else {
                    var empty = PDFCell()
                    empty.page = rowLines[r].page
                    empty.number = rowLines[r].number
                    cells.append(empty)
                    reach = -Double.infinity
                }
            }
            return cells
        }
    }
}
