import Foundation

/// Tables that web pages copy as one cell per line, each cell's text followed by a bar
/// (`项目名称 |`, an empty cell a lone `|`): the row breaks are lost, so the rows are found again
/// from the cells in order.
///
/// The cells fall into runs of texts, each followed by a run of values (numbers, dashes, signs,
/// empty cells). A data row is a few texts, its labels (`总额`; or `产出指标`, `数量指标`,
/// `发放覆盖率`), then its values; the header row is the texts just before the first row's labels,
/// one for each label and value column. A table's shape is `L` label columns and `W` value columns,
/// the last `t` of which may hold text (`原因`: the text after a row's values, before the next
/// row's labels); a single text between values that still fit the row is a value too (`个`, `优`).
/// Rows after the first may have fewer labels (merged down from the row above: the cells are
/// repeated, as Word's vertical merges are) and may lack their trailing text columns; a total row
/// (`合计 | 100 | |`) with fewer values than the others has them right-aligned, its label spanning
/// the rest. A heading with its score before the header (`绩效指标(90分)`) is a column of its own,
/// merged down over the rows.
///
/// Of the shapes the first row allows (`L` 1…4, `t` 0…2, up to two single texts among its values),
/// the one under which the most rows follow wins; then one whose header starts where the run of
/// texts starts or after a block heading; then fewer text columns, fewer inner texts, fewer
/// labels. Labels are at most 30 characters and header cells 40 (a note is neither). A table needs
/// a header of two cells, two rows and two numbers, and must start and end at line breaks; cells
/// that make no table stay paragraphs, line by line.
///
/// A table whose rows have no labels (a 三公 table: a row of headings, then a row of amounts) is
/// `W` texts followed by a multiple of `W` values. A table found right after another, with no
/// line between them, continues it (a page's one table whose parts have header rows of their own). Its header may be two rows, each padded with
/// empty cells to the table's width (`合计 | 出国 | 公务用车购置及运行费 | 接待 | ||`, then
/// `小计 | 购置费 | 运行费 | |||`, then six amounts): the padding of the first row is the columns its
/// one spanning heading adds, so that heading spans as many columns as the second row has
/// headings, and it is the heading that shares the most characters with them; the second row's
/// headings sit under it, the other columns merged down from the first row.
extension PlainTextTables {
    private struct StreamCell {
        var cell: RawCell
        var kind: Numeric
        /// The block lines (indexes into the block's line infos) its text starts on and its bar is on.
        var firstLine: Int, line: Int
        var isText: Bool { kind == .text }
        var length: Int { cell.b - cell.a }
    }

    /// A run of texts followed by a run of values, as indexes into the cell stream.
    private struct Chunk { var texts: Range<Int>, values: Range<Int> }

    private struct Shape { var labels: Int, width: Int, trailing: Int }

    private struct Row {
        var labels: [Int], tail: [Int]
        /// A total row with fewer values than the table's value columns.
        var short: Bool
    }

    private static let maxLabelLength = 30, maxHeaderLength = 40

    /// A pipe block of eight lines or more, nine in ten of them holding at most one cell or only bars.
    func isCellPerLine(_ infos: [LineInfo], _ range: Range<Int>) -> Bool {
        guard range.count >= 8 else { return false }
        let single = range.filter { k in
            let x = infos[k]
            return x.onlyPipes || x.pipes <= 1 && !x.startsWithPipe
        }.count
        return single * 10 >= range.count * 9
    }

    /// The paragraphs and tables of a one-cell-per-line block (see the extension's notes).
    func cellPerLine(_ infos: [LineInfo], _ range: Range<Int>, first: Int, into out: inout [Piece]) {
        let stream = cells(infos, range)
        var chunks: [Chunk] = []
        var i = 0
        while i < stream.count {
            let t0 = i
            while i < stream.count, stream[i].isText { i += 1 }
            let v0 = i
            while i < stream.count, !stream[i].isText { i += 1 }
            chunks.append(Chunk(texts: t0..<v0, values: v0..<i))
        }

        var emitted = range.lowerBound   // the first block line not yet given out
        var free = 0                     // the first cell no table holds
        var c = 0
        while c < chunks.count {
            guard let found = bestTable(stream, chunks, at: c, from: free) ?? unlabelledTable(stream, chunks, at: c, from: free),
                  let table = self.cells(found.rows) else { c += 1; continue }
            let top = stream[found.cells.lowerBound].firstLine, bottom = stream[found.cells.upperBound - 1].line
            for k in emitted..<max(emitted, top) { out.append(.paragraph(first + k)) }
            // A table right after another, no line between, is more rows of the same table (one
            // table of the page, with a header row of its own part): as the flattened layout has it.
            if top == emitted, free == found.cells.lowerBound, case .table(let above)? = out.last {
                out[out.count - 1] = .table(above + table)
            } else {
                out.append(.table(table))
            }
            emitted = bottom + 1
            free = found.cells.upperBound
            c = max(c + 1, found.nextChunk)
        }
        for k in emitted..<range.upperBound { out.append(.paragraph(first + k)) }
    }

    /// The cells of the block in order: each bar ends one. An empty cell is placed at its bar.
    private func cells(_ infos: [LineInfo], _ range: Range<Int>) -> [StreamCell] {
        var out: [StreamCell] = []
        var segment: Int? = nil, segmentLine = range.lowerBound
        for k in range {
            let x = infos[k]
            guard x.last > x.first else { continue }
            if segment == nil { segment = x.first; segmentLine = k }
            for o in x.first..<x.last where lines.scalar(at: o) == "|" {
                var cell = trimmed(segment ?? o, o)
                if cell.isEmpty { cell = RawCell(a: o, b: o) }
                out.append(StreamCell(cell: cell, kind: numeric(cell), firstLine: segmentLine, line: k))
                segment = o + 1
                segmentLine = k
            }
            if x.endsWithPipe { segment = nil }
        }
        return out
    }

    private struct Found {
        var rows: [[RawCell]]
        /// The cells the table holds, and the chunk where the search goes on.
        var cells: Range<Int>
        var nextChunk: Int
    }

    /// The best table whose first data row's labels end the texts of chunk `c`, its header
    /// starting at cell `free` or later.
    private func bestTable(_ s: [StreamCell], _ chunks: [Chunk], at c: Int, from free: Int) -> Found? {
        let texts = chunks[c].texts
        guard texts.count >= 3, !chunks[c].values.isEmpty else { return nil }
        typealias Score = (rows: Int, natural: Int, trailing: Int, inner: Int, labels: Int)
        func better(_ a: Score, _ b: Score) -> Bool {
            if a.rows != b.rows { return a.rows > b.rows }
            if a.natural != b.natural { return a.natural > b.natural }
            if a.trailing != b.trailing { return a.trailing < b.trailing }
            if a.inner != b.inner { return a.inner < b.inner }
            return a.labels < b.labels
        }
        var best: (score: Score, found: Found)? = nil
        var width0 = chunks[c].values.count
        for inner in 0...2 {
            if inner > 0 {
                let q = c + inner
                guard q < chunks.count, chunks[q].texts.count == 1, !chunks[q].values.isEmpty else { break }
                width0 += 1 + chunks[q].values.count
            }
            for trailing in 0...2 {
                let width = width0 + trailing
                for labels in 1...4 {
                    let core = labels + width
                    let headerStart = texts.upperBound - labels - core
                    guard headerStart >= max(texts.lowerBound, free) else { continue }
                    let header = Array(headerStart..<(texts.upperBound - labels))
                    guard header.allSatisfy({ s[$0].length <= Self.maxHeaderLength }) else { continue }
                    let heading = headerStart > max(texts.lowerBound, free) && isBlockHeading(s[headerStart - 1].cell)
                    let natural = headerStart == texts.lowerBound || heading
                    let shape = Shape(labels: labels, width: width, trailing: trailing)
                    let parsed = rows(s, chunks, from: c, skip: texts.count - labels, shape: shape)
                    guard parsed.rows.count >= 2,
                          parsed.rows.flatMap(\.tail).filter({ s[$0].kind == .number }).count >= 2 else { continue }
                    let score: Score = (parsed.rows.count, natural ? 1 : 0, trailing, inner, labels)
                    guard best.map({ better(score, $0.score) }) ?? true else { continue }
                    let first = heading ? headerStart - 1 : headerStart
                    let last = parsed.rows.last.flatMap { ($0.tail.last ?? $0.labels.last) } ?? first
                    // A table starts and ends at line breaks.
                    guard first == 0 || s[first - 1].line < s[first].firstLine,
                          last + 1 == s.count || s[last + 1].firstLine > s[last].line else { continue }
                    let built = build(s, header: (heading ? [headerStart - 1] : []) + header, heading: heading,
                                      rows: parsed.rows, shape: shape)
                    best = (score, Found(rows: built, cells: first..<(last + 1), nextChunk: parsed.next))
                }
            }
        }
        return best?.found
    }

    /// The rows that follow from chunk `p`, whose first `skip` texts are taken, under `shape`; and
    /// the chunk where they end.
    private func rows(_ s: [StreamCell], _ chunks: [Chunk], from p0: Int, skip skip0: Int,
                      shape: Shape) -> (rows: [Row], next: Int) {
        var out: [Row] = []
        var p = p0, skip = skip0
        while p < chunks.count {
            let chunk = chunks[p]
            let labels = Array(chunk.texts.dropFirst(skip))
            guard (1...shape.labels).contains(labels.count), !chunk.values.isEmpty,
                  labels.allSatisfy({ s[$0].length <= Self.maxLabelLength }) else { break }
            var tail = Array(chunk.values)
            var q = p + 1
            // A single text among values that still fit the row is a value.
            while tail.count < shape.width, q < chunks.count, chunks[q].texts.count == 1, !chunks[q].values.isEmpty,
                  tail.count + 1 + chunks[q].values.count <= shape.width {
                tail.append(chunks[q].texts.lowerBound)
                tail += Array(chunks[q].values)
                q += 1
            }
            guard tail.count <= shape.width else { break }
            // Text columns at the row's end, from the next run of texts when what is left of it
            // can label a row.
            var taken = 0
            if q < chunks.count {
                let next = chunks[q].texts.count
                taken = min(shape.width - tail.count, shape.trailing, max(0, next - 1))
                if next - taken > shape.labels { taken = 0 }
                tail += Array(chunks[q].texts.prefix(taken))
            }
            let short = tail.count < shape.width - shape.trailing
            guard !short || (labels.count == 1 && isTotal(s[labels[0]].cell)) else { break }
            if out.isEmpty, taken < shape.trailing { break }
            out.append(Row(labels: labels, tail: tail, short: short))
            p = q
            skip = taken
        }
        return (out, p)
    }

    /// The header and data rows as the grid has them.
    private func build(_ s: [StreamCell], header: [Int], heading: Bool, rows: [Row], shape: Shape) -> [[RawCell]] {
        var out: [[RawCell]] = [header.map { s[$0].cell }]
        for row in rows {
            let start = s[row.labels[0]].cell.a, end = s[row.tail.last ?? row.labels[0]].cell.b
            let mergedAtStart = RawCell(a: start, b: start, merged: true)
            let mergedAtEnd = RawCell(a: end, b: end, merged: true)
            var cells: [RawCell] = []
            if row.short {
                var label = s[row.labels[0]].cell
                label.span = (heading ? 1 : 0) + shape.labels + shape.width - row.tail.count
                cells = [label] + row.tail.map { s[$0].cell }
            } else {
                if heading { cells.append(mergedAtStart) }
                cells += Array(repeating: mergedAtStart, count: shape.labels - row.labels.count)
                cells += row.labels.map { s[$0].cell } + row.tail.map { s[$0].cell }
                cells += Array(repeating: mergedAtEnd, count: shape.width - row.tail.count)
            }
            out.append(cells)
        }
        return out
    }

    /// A table of headings and rows of values without labels (see the extension's notes).
    private func unlabelledTable(_ s: [StreamCell], _ chunks: [Chunk], at c: Int, from free: Int) -> Found? {
        func empties(_ r: Range<Int>) -> Int { r.prefix { s[$0].kind == .empty }.count }
        func fits(_ first: Int, _ last: Int) -> Bool {
            (first == 0 || s[first - 1].line < s[first].firstLine) && (last + 1 == s.count || s[last + 1].firstLine > s[last].line)
        }
        func valueRows(_ values: Range<Int>, width: Int) -> [[RawCell]]? {
            guard width >= 3, !values.isEmpty, values.count % width == 0,
                  values.filter({ s[$0].kind == .number }).count >= 2 else { return nil }
            return stride(from: values.lowerBound, to: values.upperBound, by: width).map { r in (r..<(r + width)).map { s[$0].cell } }
        }
        let top = chunks[c]
        // Two header rows, each padded to the width.
        if c + 1 < chunks.count, top.texts.count >= 2, top.texts.lowerBound >= free,
           !top.values.isEmpty, empties(top.values) == top.values.count {
            let below = chunks[c + 1]
            let width = top.texts.count + top.values.count
            let padding = empties(below.values)
            let subheadings = below.texts.count
            if subheadings == top.values.count + 1, subheadings + padding == width,
               let rows = valueRows((below.values.lowerBound + padding)..<below.values.upperBound, width: width) {
                // The spanning heading: the one sharing the most characters with the sub-headings.
                let sub = Set(below.texts.flatMap { Array(lines.text(from: s[$0].cell.a, to: s[$0].cell.b)) })
                let heads = Array(top.texts)
                let parent = heads.indices.max { a, b in
                    func shared(_ k: Int) -> Int { Set(lines.text(from: s[heads[k]].cell.a, to: s[heads[k]].cell.b)).intersection(sub).count }
                    return shared(a) < shared(b)
                }!
                var first = heads.map { s[$0].cell }
                first[parent].span = subheadings
                let mergedAt = s[below.texts.lowerBound].cell.a
                let second = Array(repeating: RawCell(a: mergedAt, b: mergedAt, merged: true), count: parent)
                    + below.texts.map { s[$0].cell }
                    + Array(repeating: RawCell(a: mergedAt, b: mergedAt, merged: true), count: heads.count - parent - 1)
                if fits(top.texts.lowerBound, below.values.upperBound - 1) {
                    return Found(rows: [first, second] + rows, cells: top.texts.lowerBound..<below.values.upperBound, nextChunk: c + 2)
                }
            }
        }
        // One header row (a row's first cell may be empty: the header's first column heads the
        // rows, 财政供养人员情况 over 86 | 81 | 94.19%).
        let width = top.texts.count
        guard top.texts.lowerBound >= free, empties(top.values) <= 1,
              let rows = valueRows(top.values, width: width), fits(top.texts.lowerBound, top.values.upperBound - 1) else { return nil }
        return Found(rows: [top.texts.map { s[$0].cell }] + rows, cells: top.texts.lowerBound..<top.values.upperBound, nextChunk: c + 1)
    }
}
