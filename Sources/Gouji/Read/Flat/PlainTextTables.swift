import Foundation

/// Recognises the tables that reports copied out of web pages and PDFs carry as plain text,
/// among the lines `FlatTextReader` would otherwise read as paragraphs (its own layout, TAB-led
/// cell lines, never reaches it). Three layouts:
///
/// - **Pipe rows.** Consecutive lines whose text starts or ends with `|`: `| a | b |`, and also
///   `a | b |` (converters that write a `|` after every cell). Separator rows (`|---|:--:|`) are
///   skipped. A line that does not end with `|` continues onto the next line (its last cell holds
///   a line break) when a line ending with `|` follows within 8 lines; else the row ends there.
///   A line of nothing but bars (`|`, `| |`, `| ||`) continues the row above when that row has
///   fewer cells than the block's widest line: converters write a cell holding only a line break
///   as `… |⏎|`, so `| a | b |⏎| |` is one row `a`, `b`, ``, ``. Converters that write `a | b |`
///   may also break a row after any `|` and pad every row to the table's width with empty cells
///   (`单位 | |||||||`); when the rows read line by line differ in width and the cells, in order,
///   fall into rows of the widest row's width that all end at line ends, those are the rows. A
///   form title (`部门预算项目支出绩效自评表（2023年度） | ||||`) inside a block starts a new table.
/// - **Tab-separated rows** (copied from a spreadsheet): consecutive lines with two or more tabs
///   inside; a cell per tab-separated field, empty ones included.
/// - **Whitespace-aligned columns** (`pdftotext -layout`): fields separated by runs of two or more
///   spaces (an ideographic space counts two; a single space stays inside a cell, `满意 度指标`).
///   Columns are the position ranges that the fields of the data lines (two fields or more, one
///   of them a number) cover, with at least one free position between neighbouring columns in
///   every line: left-aligned text and right-aligned numbers both keep to their column. Positions
///   count characters, as `pdftotext` places them, or display width (CJK characters two), as text
///   aligned by hand in a monospaced font has it: whichever makes the longer table, then the one
///   of fewer columns. Up to three header lines of two fields or more directly above the first
///   data line, and up to three lines between data lines whose fields each keep to one column (a
///   wrapped label, a row of dashes), are rows too; the table ends at its last data line. It takes
///   three rows of two non-empty cells and a numeric column (two numbers or more, at least half of
///   its non-empty data cells) to make a table.
///
/// **Merged cells**, whose merge the copy lost, must not shift numbers out of their columns
/// (`FactBinder` reads a value under its heading by column):
/// - Aligned columns place every header field under the columns its position covers; a field
///   covering several gets `Cell.span`.
/// - Pipe and tab rows: a row without numbers directly above rows with numbers that is `d`
///   cells shorter than they are lost a horizontal merge (`项目资金（万元）` over the label and
///   sub-label columns). Its cells are aligned right over the body's last run of numeric
///   columns, one header cell per column from there on, and the header cell just left of them
///   (the last heading over the label columns; the first cell if there is none) spans the `d`
///   missing columns (`Cell.span = d + 1`), so that in `Table.grid`, which repeats a spanning
///   cell, each numeric column stays under its heading.
/// - Pipe rows padded to the table's width lost vertical merges: the cells merged down from a
///   row above are left out and the row padded at its end. Such a row gets empty cells back
///   where its numbers, dashes and texts best line up with the row above (`alignMergedRows`).
///
/// Every cell's text is the document's text between its location's `start` and `end`, its text
/// without surrounding white space, so figures found in a cell point at their own line and
/// column; an empty cell has an empty location where its text would begin. A table needs two
/// rows of two cells; lines that make no table stay paragraphs, as do tables over the reader's
/// cell limits. Each line is scanned a bounded number of times: linear in the text.
struct PlainTextTables {
    let lines: LineIndex
    let limits: ReadLimits

    enum Piece {
        /// A line that stays a paragraph (1-based line number).
        case paragraph(Int)
        /// A table's rows, before `TableSplitter` names captions and splits it.
        case table([[Cell]])
    }

    /// The paragraphs and tables that lines `first...last` (consecutive paragraph lines) make.
    func pieces(from first: Int, through last: Int) -> [Piece] {
        let infos = (first..<(last + 1)).map(info)
        var out: [Piece] = []
        out.reserveCapacity(infos.count)
        func paragraphs(_ range: Range<Int>) { for k in range { out.append(.paragraph(first + k)) } }
        var k = 0
        while k < infos.count {
            if infos[k].isPipeRow {
                let end = pipeBlockEnd(infos, from: k)
                let tables = pipeRows(infos, k..<(end + 1)).map { formTitles($0).map(cells) } ?? [nil]
                if tables.allSatisfy({ $0 != nil }) { out += tables.map { .table($0!) } }
                else if isCellPerLine(infos, k..<(end + 1)) { cellPerLine(infos, k..<(end + 1), first: first, into: &out) }
                else { paragraphs(k..<(end + 1)) }
                k = end + 1
            } else if infos[k].isTabRow {
                var end = k
                while end + 1 < infos.count, infos[end + 1].isTabRow { end += 1 }
                if end > k, let rows = cells(tabRows(infos, k..<(end + 1))) { out.append(.table(rows)) } else { paragraphs(k..<(end + 1)) }
                k = end + 1
            } else {
                var end = k
                while end + 1 < infos.count, !infos[end + 1].isPipeRow, !infos[end + 1].isTabRow { end += 1 }
                aligned(infos, k..<(end + 1), first: first, into: &out)
                k = end + 1
            }
        }
        return out
    }

    // MARK: lines

    struct LineInfo {
        /// Where the line starts, and its text without surrounding white space.
        var start = 0, first = 0, last = 0
        var pipes = 0
        /// Tabs between the first and last non-space scalars.
        var tabs = 0
        var anyTab = false
        var startsWithPipe = false, endsWithPipe = false
        /// Nothing but `|` and white space.
        var onlyPipes = false
        /// `|---|:--:|`.
        var separator = false
        /// White space of weight two or more between two non-space scalars.
        var gap = false

        var isPipeRow: Bool { pipes > 0 && (startsWithPipe || endsWithPipe) }
        var isTabRow: Bool { !isPipeRow && tabs >= 2 }
    }

    /// The weight of a white-space scalar in a field break: an ideographic space counts two.
    @inline(__always)
    private static func gapWeight(_ s: Unicode.Scalar) -> Int { s.value == 0x3000 ? 2 : 1 }

    private func info(_ line: Int) -> LineInfo {
        let range = lines.lineRange(line)
        var x = LineInfo(start: range.lowerBound, first: range.lowerBound, last: range.lowerBound)
        var seen = false, onlyPipes = true, separatorScalars = true, dashes = 0
        var run = 0, runTabs = 0
        for o in range {
            let s = lines.scalar(at: o).unsafelyUnwrapped
            if s.isSpace {
                if s == "\t" { x.anyTab = true; runTabs += 1 }
                run += Self.gapWeight(s)
                continue
            }
            if !seen { seen = true; x.first = o } else {
                if run >= 2 { x.gap = true }
                x.tabs += runTabs
            }
            run = 0; runTabs = 0
            x.last = o + 1
            switch s {
            case "|": x.pipes += 1
            case "-": dashes += 1; onlyPipes = false
            case ":", "+", "=": onlyPipes = false
            default: onlyPipes = false; separatorScalars = false
            }
        }
        guard seen else { return x }
        x.startsWithPipe = lines.scalar(at: x.first) == "|"
        x.endsWithPipe = lines.scalar(at: x.last - 1) == "|"
        x.onlyPipes = x.pipes > 0 && onlyPipes
        x.separator = x.pipes > 0 && separatorScalars && dashes > 0
        return x
    }

    /// A cell as offsets into the text: its trimmed text is `a..<b` (`a == b`: empty).
    struct RawCell {
        var a: Int, b: Int
        var span = 1
        /// A cell a vertical merge covers: `Table.grid` repeats the cell above.
        var merged = false
        var isEmpty: Bool { a == b }
    }

    /// The cell of `a..<b` without surrounding white space.
    func trimmed(_ a: Int, _ b: Int) -> RawCell {
        var s = a, e = b
        while s < e, lines.scalar(at: s).unsafelyUnwrapped.isSpace { s += 1 }
        while e > s, lines.scalar(at: e - 1).unsafelyUnwrapped.isSpace { e -= 1 }
        return s < e ? RawCell(a: s, b: e) : RawCell(a: a, b: a)
    }

    enum Numeric { case number, dash, symbol, text, empty }

    /// Whether a cell is a bare number (`1,234.50`, `-3`, `≥95%`, `１２`), a dash standing for
    /// none (`—`, `-`, `/`), a comparator or percent sign alone (`≥`, `%`: the 指标性质 and
    /// 度量单位 columns), other text or empty.
    func numeric(_ c: RawCell) -> Numeric {
        guard !c.isEmpty else { return .empty }
        func value(_ o: Int) -> UInt32 { lines.scalar(at: o).unsafelyUnwrapped.value }
        if (c.a..<c.b).allSatisfy({ Self.isDash(value($0)) }) { return .dash }
        if (c.a..<c.b).allSatisfy({ Self.isComparator(value($0)) || [0x25, 0xFF05, 0x2030].contains(value($0)) }) { return .symbol }
        var o = c.a, digits = 0
        // Comparators and signs, then digits with separators, then a percent sign.
        while o < c.b, Self.isComparator(value(o)) { o += 1 }
        while o < c.b {
            let v = value(o)
            if (0x30...0x39).contains(v) || (0xFF10...0xFF19).contains(v) { digits += 1 }
            else if v == 0x2E || v == 0x2C || v == 0xFF0E { if digits == 0 { return .text } }
            else { break }
            o += 1
        }
        if o < c.b, [0x25, 0xFF05, 0x2030].contains(value(o)) { o += 1 }
        return digits > 0 && o == c.b ? .number : .text
    }

    /// `-`, `—`, `－`, `/`, `／`, `―`, `–`.
    private static func isDash(_ v: UInt32) -> Bool {
        v == 0x2D || v == 0x2014 || v == 0xFF0D || v == 0x2F || v == 0xFF0F || v == 0x2015 || v == 0x2013
    }

    /// `≥ ≤ < > = ＞ ＜ ＝ + - － ± ~`.
    private static func isComparator(_ v: UInt32) -> Bool {
        switch v {
        case 0x2265, 0x2264, 0x3C, 0x3E, 0x3D, 0xFF1E, 0xFF1C, 0xFF1D, 0x2B, 0x2D, 0xFF0D, 0xB1, 0x7E: return true
        default: return false
        }
    }

    /// The cells as `Cell`s, or nil when the table breaks the reader's limits.
    func cells(_ rows: [[RawCell]]?) -> [[Cell]]? {
        guard let rows else { return nil }
        guard rows.reduce(0, { $0 + $1.count }) <= limits.maxCellsPerTable else { return nil }
        var out: [[Cell]] = []
        out.reserveCapacity(rows.count)
        for row in rows {
            var cells: [Cell] = []
            cells.reserveCapacity(row.count)
            for c in row {
                let text = lines.text(from: c.a, to: c.b)
                if c.b - c.a > limits.maxCellCharacters, text.count > limits.maxCellCharacters { return nil }
                cells.append(Cell(text: text, location: lines.location(start: c.a, end: c.b), span: c.span,
                                  verticalMerge: c.merged ? .continuation : .none))
            }
            out.append(cells)
        }
        return out
    }

    // MARK: pipe rows

    /// The last line of the pipe block starting at `k`.
    private func pipeBlockEnd(_ infos: [LineInfo], from k: Int) -> Int {
        var j = k
        while true {
            if !infos[j].endsWithPipe {
                // An open row continues to the next line ending with `|`, if one comes soon.
                var c = j + 1
                while c < infos.count, c <= j + 8, !infos[c].endsWithPipe { c += 1 }
                guard c < infos.count, c <= j + 8 else { break }
                j = c
                continue
            }
            guard j + 1 < infos.count, infos[j + 1].isPipeRow else { break }
            j += 1
        }
        return j
    }

    private func pipeRows(_ infos: [LineInfo], _ range: Range<Int>) -> [[RawCell]]? {
        // `| a | b |` (the first bar opens the row) or `a | b |` (a bar ends every cell): a
        // row that does not start with a bar (a line that does not continue an open one) means
        // bars end cells, and ` | b |` then starts with an empty cell.
        let leading = !range.contains { k in
            !infos[k].startsWithPipe && !infos[k].separator && (k == range.lowerBound || infos[k - 1].endsWithPipe)
        }
        func opens(_ x: LineInfo) -> Bool { leading && x.startsWithPipe }
        var widest = 0
        for k in range where !infos[k].separator {
            let x = infos[k]
            widest = max(widest, x.pipes - (opens(x) ? 1 : 0) + (x.endsWithPipe ? 0 : 1))
        }

        // Rows as runs of lines.
        var groups: [(first: Int, last: Int)] = []
        var current: (first: Int, last: Int, pipes: Int)? = nil
        func finish() { if let c = current { groups.append((c.first, c.last)) }; current = nil }
        for k in range {
            let x = infos[k]
            if x.separator { finish(); continue }
            if var c = current,
               !infos[c.last].endsWithPipe || (x.onlyPipes && c.pipes - (opens(infos[c.first]) ? 1 : 0) < widest) {
                c.last = k; c.pipes += x.pipes
                current = c
                continue
            }
            finish()
            current = (k, k, x.pipes)
        }
        finish()

        var rows: [[RawCell]] = groups.map { g in
            let lo = infos[g.first].first, hi = infos[g.last].last
            var cells: [RawCell] = []
            var skip = opens(infos[g.first])
            var segment = lo
            for o in lo..<hi where lines.scalar(at: o) == "|" {
                if skip { skip = false } else { cells.append(trimmed(segment, o)) }
                segment = o + 1
            }
            let tail = trimmed(segment, hi)
            if !tail.isEmpty { cells.append(tail) }
            return cells
        }
        // A lone `|` with no row to continue holds no cell.
        rows.removeAll { $0.isEmpty }

        // Rows broken after a bar and padded to the table's width: re-cut the cells.
        if !leading, let w = rows.map(\.count).max(), w >= 2, rows.contains(where: { $0.count != w }),
           range.contains(where: { infos[$0].pipes >= 2 }) {
            let total = rows.reduce(0) { $0 + $1.count }
            var end = 0, r = 0, fits = true
            var m = w
            while m < total {
                while r < rows.count, end < m { end += rows[r].count; r += 1 }
                if end != m { fits = false; break }
                m += w
            }
            if fits, (total + w - 1) / w < rows.count {
                let stream = rows.flatMap { $0 }
                rows = stride(from: 0, to: stream.count, by: w).map { Array(stream[$0..<min($0 + w, stream.count)]) }
            }
        }

        let wide = rows.filter { $0.count >= 2 }.count
        guard rows.count >= 2, wide >= 2, wide * 2 >= rows.count else { return nil }
        alignMergedRows(&rows)
        alignHeaders(&rows)
        return rows
    }

    /// Rows that lost the cells a merge from above covers. Converters that write every row as
    /// wide as the table (`a | b | ||`, or `| a | b |⏎| ||`) leave those cells out and pad the
    /// row at its end, so the rest of the row sits too far left. A row as wide as the row above it,
    /// whose first cell is not empty, that ends in empty cells and holds a number or a dash, gets
    /// empty cells inserted for the lost ones, taken from its end: as many, and where, as best
    /// line up its numbers, dashes, signs and texts with the row above (as that row was
    /// aligned), an empty cell under a number counting against; on a tie, the fewest, nearest
    /// the left (none, for a row that lines up as written). Under a header row whose first cell is a block heading
    /// with its score (`预算执行情况（10分）`, `绩效指标（90分）`: merged down over its block), the
    /// first row moves right by one. A total row (`合计`, `总分`: often merged across) stays.
    private func alignMergedRows(_ rows: inout [[RawCell]]) {
        var above: [Numeric]? = nil
        var underHeading = false
        for r in rows.indices {
            let row = rows[r]
            let kinds = row.map(numeric)
            defer { above = rows[r].map(numeric) }
            if let head = row.first, isBlockHeading(head), !kinds.contains(.number) {
                underHeading = true
                continue
            }
            let heading = underHeading
            underHeading = false
            let pads = kinds.reversed().prefix { $0 == .empty }.count
            guard let reference = above, reference.count == kinds.count, kinds.count <= 32, let first = row.first,
                  !first.isEmpty, pads > 0, kinds.contains(where: { $0 == .number || $0 == .dash }), !isTotal(first) else { continue }
            let content = kinds.count - pads
            var best = (score: -1, at: 0, count: 0)
            if heading {
                best = (0, 0, 1)
            } else {
                // Like kinds under like kinds; an empty cell under a number is one lost.
                func score(at p: Int, count n: Int) -> Int {
                    var total = 0
                    for t in 0..<kinds.count {
                        let kind = t < p ? kinds[t] : t < p + n ? .empty : kinds[t - n]
                        switch (kind, reference[t]) {
                        case (.number, .number): total += 2
                        case (.number, .dash), (.dash, .number), (.dash, .dash), (.symbol, .symbol), (.text, .text): total += 1
                        case (.empty, .number): total -= 1
                        default: break
                        }
                    }
                    return total
                }
                best = (score(at: 0, count: 0), 0, 0)
                for n in 1...pads {
                    for p in 0..<content {
                        let value = score(at: p, count: n)
                        if value > best.score { best = (value, p, n) }
                    }
                }
            }
            guard best.count > 0 else { continue }
            let at = RawCell(a: row[best.at].a, b: row[best.at].a)
            rows[r] = Array(row[..<best.at]) + Array(repeating: at, count: best.count) + Array(row[best.at..<(row.count - best.count)])
        }
    }

    /// `合计`, `总计`, `小计`, `总分` (spaces ignored).
    func isTotal(_ c: RawCell) -> Bool {
        let text = lines.text(from: c.a, to: min(c.b, c.a + 8)).compacted
        return ["合计", "总计", "小计", "总分"].contains { text.hasPrefix($0) }
    }

    /// A heading with its score in brackets at its end: `绩效指标（90分）`, `产出指标(50分)`.
    func isBlockHeading(_ c: RawCell) -> Bool {
        func value(_ o: Int) -> UInt32 { lines.scalar(at: o).unsafelyUnwrapped.value }
        var o = c.b - 1
        guard o - 3 >= c.a, value(o) == 0x29 || value(o) == 0xFF09, value(o - 1) == 0x5206 else { return false }   // ) ） 分
        o -= 2
        let end = o
        while o >= c.a, (0x30...0x39).contains(value(o)) || value(o) == 0x2E { o -= 1 }
        return o < end && o > c.a && (value(o) == 0x28 || value(o) == 0xFF08)   // ( （, with a label before it
    }

    /// The rows cut before each form title after the first (`部门预算项目支出绩效自评表（2023年度） | ||||`:
    /// a row whose only text is its first cell, ending in a name with `表`). Pages that list
    /// several forms copy them without a line between.
    private func formTitles(_ rows: [[RawCell]]) -> [[[RawCell]]] {
        var parts: [[[RawCell]]] = [[]]
        for row in rows {
            if !parts[parts.count - 1].isEmpty, let first = row.first, !first.isEmpty, row.dropFirst().allSatisfy(\.isEmpty) {
                let tail = lines.text(from: max(first.a, first.b - 12), to: first.b)
                if tail.containsBytes(of: "表") { parts.append([]) }
            }
            parts[parts.count - 1].append(row)
        }
        return parts
    }

    // MARK: tab rows

    private func tabRows(_ infos: [LineInfo], _ range: Range<Int>) -> [[RawCell]] {
        var rows: [[RawCell]] = range.map { k in
            let x = infos[k]
            var cells: [RawCell] = []
            var segment = x.first
            for o in x.first..<x.last where lines.scalar(at: o) == "\t" {
                cells.append(trimmed(segment, o))
                segment = o + 1
            }
            cells.append(trimmed(segment, x.last))
            return cells
        }
        alignHeaders(&rows)
        return rows
    }

    // MARK: merged headers

    /// Lets a header row that is shorter than the numeric rows below it span the missing
    /// columns (see the type's notes).
    private func alignHeaders(_ rows: inout [[RawCell]]) {
        guard rows.count >= 2 else { return }
        for r in 0..<(rows.count - 1) {
            let h = rows[r].count, w = rows[r + 1].count
            guard h >= 2, h < w, !rows[r].contains(where: { numeric($0) == .number }) else { continue }
            var numbers = [Int](repeating: 0, count: w), texts = [Int](repeating: 0, count: w)
            var body = r + 1
            while body < rows.count, rows[body].count == w {
                var any = false
                for (c, cell) in rows[body].enumerated() {
                    switch numeric(cell) {
                    case .number: numbers[c] += 1; any = true
                    case .text: texts[c] += 1
                    case .dash, .symbol, .empty: break
                    }
                }
                guard any else { break }
                body += 1
            }
            guard body > r + 1 else { continue }
            func isNumeric(_ c: Int) -> Bool { numbers[c] > 0 && numbers[c] >= texts[c] }
            guard var start = (0..<w).last(where: isNumeric) else { continue }
            while start > 0, isNumeric(start - 1) { start -= 1 }
            let labels = h - (w - start)
            rows[r][labels >= 1 ? labels - 1 : 0].span = w - h + 1
        }
    }

    // MARK: aligned columns

    private struct Field {
        var a: Int, b: Int
        /// Position range in characters and in display width.
        var lo: Int, hi: Int, loWide: Int, hiWide: Int
        func range(_ wide: Bool) -> (Int, Int) { wide ? (loWide, hiWide) : (lo, hi) }
    }

    /// Display width of a scalar: 0 for combining and zero-width scalars, 2 for East Asian wide
    /// and full-width ones.
    @inline(__always)
    private static func widths(_ s: Unicode.Scalar) -> (Int, Int) {
        let v = s.value
        if v < 0x300 { return (1, 1) }
        switch v {
        case 0x300...0x36F, 0x200B...0x200F, 0x20D0...0x20FF, 0xFE00...0xFE0F, 0xFEFF: return (0, 0)
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x20000...0x3FFFD: return (1, 2)
        default: return (1, 1)
        }
    }

    /// The fields of a line; none when it holds a tab or too many fields to be a table row.
    private func fields(_ x: LineInfo) -> [Field] {
        guard !x.anyTab, x.last > x.first else { return [] }
        guard x.gap else {
            let (lo, loWide) = position(x, x.first)
            let (hi, hiWide) = position(x, x.last)
            return [Field(a: x.first, b: x.last, lo: lo, hi: hi, loWide: loWide, hiWide: hiWide)]
        }
        var out: [Field] = []
        var col = 0, colWide = 0, run = 0
        var open: Field? = nil
        for o in x.start..<x.last {
            let s = lines.scalar(at: o).unsafelyUnwrapped
            let (w, ww) = Self.widths(s)
            if s.isSpace {
                run += Self.gapWeight(s)
                if run >= 2, let f = open { out.append(f); open = nil }
            } else {
                run = 0
                if open == nil { open = Field(a: o, b: o, lo: col, hi: col, loWide: colWide, hiWide: colWide) }
                open!.b = o + 1; open!.hi = col + w; open!.hiWide = colWide + ww
            }
            col += w; colWide += ww
        }
        if let f = open { out.append(f) }
        return out.count <= 64 ? out : []
    }

    /// The positions of offset `o` in its line (for a line of one field: only its ends are needed).
    private func position(_ x: LineInfo, _ o: Int) -> (Int, Int) {
        var col = 0, colWide = 0
        for p in x.start..<o { let (w, ww) = Self.widths(lines.scalar(at: p).unsafelyUnwrapped); col += w; colWide += ww }
        return (col, colWide)
    }

    /// For each field, the columns it covers (`first...last`); a field in a gutter takes the
    /// nearest column. Nil when two fields would share a column.
    private func assign(_ fields: [Field], _ columns: [(Int, Int)], wide: Bool) -> [(Int, Int)]? {
        guard !columns.isEmpty else { return nil }
        var out: [(Int, Int)] = []
        out.reserveCapacity(fields.count)
        var c = 0
        for f in fields {
            let (lo, hi) = f.range(wide)
            while c < columns.count, columns[c].1 <= lo { c += 1 }
            var covered: (Int, Int)? = nil
            var d = c
            while d < columns.count, columns[d].0 < hi { covered = (covered?.0 ?? d, d); d += 1 }
            if covered == nil {
                // In a gutter (or beyond the ends): the nearer neighbour.
                let before = c - 1, after = c
                if before < 0 { covered = (after, after) }
                else if after >= columns.count { covered = (before, before) }
                else { covered = lo - columns[before].1 <= columns[after].0 - hi ? (before, before) : (after, after) }
            }
            if let previous = out.last, covered!.0 <= previous.1 { return nil }
            out.append(covered!)
        }
        return out
    }

    /// The columns with a data line's fields added, or nil when a field would join two columns,
    /// two fields would share one, or neighbouring columns would touch.
    private func merge(_ columns: [(Int, Int)], _ fields: [Field], wide: Bool) -> [(Int, Int)]? {
        var out: [(Int, Int)] = []
        out.reserveCapacity(columns.count + fields.count)
        var c = 0
        var lastTaken = -1
        for f in fields {
            let (lo, hi) = f.range(wide)
            while c < columns.count, columns[c].1 <= lo {
                if c != lastTaken { out.append(columns[c]) }
                c += 1
            }
            if c < columns.count, columns[c].0 < hi {
                guard c != lastTaken, c + 1 >= columns.count || columns[c + 1].0 >= hi else { return nil }
                out.append((min(lo, columns[c].0), max(hi, columns[c].1)))
                lastTaken = c
            } else {
                out.append((lo, hi))
            }
        }
        while c < columns.count { if c != lastTaken { out.append(columns[c]) }; c += 1 }
        for i in out.indices.dropFirst() where out[i - 1].1 >= out[i].0 { return nil }
        return out.count <= 64 ? out : nil
    }

    /// Finds the aligned tables among lines `range` (none a pipe or tab row) and adds them and
    /// the paragraphs between them to `out`.
    private func aligned(_ infos: [LineInfo], _ range: Range<Int>, first: Int, into out: inout [Piece]) {
        func paragraphs(_ from: Int, _ to: Int) { for k in from..<max(from, to + 1) { out.append(.paragraph(first + k)) } }
        guard range.contains(where: { infos[$0].gap }) else { return paragraphs(range.lowerBound, range.upperBound - 1) }
        // Each line's fields, made once (none: a line that cannot be a row).
        var cache = [[Field]](repeating: [], count: range.count)
        var made = [Bool](repeating: false, count: range.count)
        func fieldsOf(_ k: Int) -> [Field] {
            let i = k - range.lowerBound
            if !made[i] { cache[i] = fields(infos[k]); made[i] = true }
            return cache[i]
        }
        func isData(_ k: Int) -> Bool {
            guard infos[k].gap, case let f = fieldsOf(k), f.count >= 2 else { return false }
            return f.contains { numeric(RawCell(a: $0.a, b: $0.b)) == .number }
        }
        var emitted = range.lowerBound, k = range.lowerBound
        while k < range.upperBound {
            guard let d0 = (k..<range.upperBound).first(where: isData) else { break }
            var reach = d0
            // Both position measures; the one whose table has more rows, then fewer columns (a
            // misaligned measure breaks the table off or scatters the fields over more columns).
            var found: (start: Int, end: Int, rows: [[RawCell]], columns: Int)? = nil
            for wide in [false, true] {
                // Data lines below d0, and the lines between them.
                var columns = fieldsOf(d0).map { $0.range(wide) }
                var end = d0, j = d0 + 1, between = 0
                while j < range.upperBound, case let f = fieldsOf(j), !f.isEmpty {
                    if isData(j) {
                        guard let merged = merge(columns, f, wide: wide) else { break }
                        columns = merged
                        end = j
                        between = 0
                    } else {
                        // A wrapped label, a row of dashes: up to three such lines whose fields
                        // each keep to one column (a line of prose spans several).
                        between += 1
                        guard between <= 3, let covered = assign(f, columns, wide: wide),
                              covered.allSatisfy({ $0.0 == $0.1 }) else { break }
                    }
                    j += 1
                }
                reach = max(reach, end)
                // Header lines directly above.
                var start = d0
                while start - 1 >= max(k, d0 - 3), case let f = fieldsOf(start - 1), f.count >= 2,
                      assign(f, columns, wide: wide) != nil {
                    start -= 1
                }
                if let rows = alignedRows(start..<(end + 1), columns: columns, wide: wide, fields: fieldsOf, isData: isData),
                   found.map({ rows.count > $0.rows.count || rows.count == $0.rows.count && columns.count < $0.columns }) ?? true {
                    found = (start, start + rows.count - 1, rows, columns.count)
                }
            }
            if let t = found, let rows = cells(t.rows) {
                paragraphs(emitted, t.start - 1)
                out.append(.table(rows))
                emitted = t.end + 1
                k = emitted
            } else {
                k = max(reach, found?.end ?? reach) + 1
            }
        }
        paragraphs(emitted, range.upperBound - 1)
    }

    /// The rows of an aligned table over `range`, or nil when they do not make one. Rows end
    /// before a line whose fields no longer fit the columns.
    private func alignedRows(_ range: Range<Int>, columns: [(Int, Int)], wide: Bool,
                             fields: (Int) -> [Field], isData: (Int) -> Bool) -> [[RawCell]]? {
        guard columns.count >= 2 else { return nil }
        var rows: [[RawCell]] = []
        var numbers = [Int](repeating: 0, count: columns.count), texts = numbers
        for k in range {
            guard case let f = fields(k), !f.isEmpty, let covered = assign(f, columns, wide: wide) else { break }
            var row: [RawCell] = []
            var c = 0, previousEnd = f[0].a
            for (field, cover) in zip(f, covered) {
                while c < cover.0 { row.append(RawCell(a: previousEnd, b: previousEnd)); c += 1 }
                var cell = RawCell(a: field.a, b: field.b)
                cell.span = cover.1 - cover.0 + 1
                if isData(k), cell.span == 1 {
                    switch numeric(cell) {
                    case .number: numbers[c] += 1
                    case .text: texts[c] += 1
                    case .dash, .symbol, .empty: break
                    }
                }
                row.append(cell)
                c = cover.1 + 1
                previousEnd = field.b
            }
            while c < columns.count { row.append(RawCell(a: previousEnd, b: previousEnd)); c += 1 }
            rows.append(row)
        }
        // Trailing rows that are not data lines belong after the table.
        while !rows.isEmpty, !isData(range.lowerBound + rows.count - 1) { rows.removeLast() }
        let full = rows.filter { $0.filter { !$0.isEmpty }.count >= 2 }.count
        guard full >= 3, columns.indices.contains(where: { numbers[$0] >= 2 && numbers[$0] >= texts[$0] }) else { return nil }
        return rows
    }
}
