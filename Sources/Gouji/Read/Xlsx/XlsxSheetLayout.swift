/// Turns a worksheet into the structured body the other readers make (`RawItem`s), so that a
/// sheet is rendered, extracted and checked like a .docx:
///
/// - the used range is the cells that show something (and the merged ranges they start);
///   empty rows are dropped and empty leading and trailing columns trimmed;
/// - a row whose only content is one cell in the first column, with no border on any of its
///   cells, is a paragraph (a title, a note or prose written above, between or below the form);
/// - in a sheet without any border, such a row is a paragraph only above the first or below
///   the last row of several cells (a title row merged across the form, a note under it);
/// - every other row is a table row: one cell per column of the used range, a merged range
///   as one cell spanning its columns (`span`) and, in the rows below its first, as a vertical
///   merge continuation; consecutive table rows form one table.
///
/// Each cell's location part is its A1 reference ("Sheet1!F7"; a merged cell's top-left cell),
/// each paragraph's that of its cell.
struct XlsxSheetLayout {
    var items: [RawItem] = []
    var paragraphParts: [String] = []

    /// Whether the sheet looks like a report: some text and at least one figure (a number
    /// cell, or a text cell that is a number or percentage). Empty sheets and lookup or
    /// instruction sheets without numbers are not.
    static func isReport(_ sheet: XlsxSheet) -> Bool {
        var hasText = false, hasFigure = false
        for e in sheet.entries {
            if e.numeric || isNumberText(e.text) { hasFigure = true } else if !e.text.isBlank { hasText = true }
            if hasText && hasFigure { return true }
        }
        return false
    }

    private static func isNumberText(_ text: String) -> Bool {
        let t = text.trimmedWhitespace
        guard !t.isEmpty else { return false }
        var digits = 0
        for (i, u) in t.unicodeScalars.enumerated() {
            switch u {
            case "0"..."9": digits += 1
            case ",", ".": continue
            case "-", "+" where i == 0: continue
            case "%" where i == t.unicodeScalars.count - 1: continue
            default: return false
            }
        }
        return digits > 0
    }

    init(_ sheet: XlsxSheet, limits: ReadLimits) throws {
        let content = sheet.entries.filter { !$0.text.isBlank }
        guard !content.isEmpty else { return }
        var texts: [XlsxCellRef: String] = [:]
        texts.reserveCapacity(content.count)
        for e in content { texts[XlsxCellRef(row: e.row, column: e.column)] = e.text }

        // Merged ranges that start with content extend the used range; those without content
        // (an empty cell merged across columns) only span columns within it, row by row.
        let merges = sheet.merges.filter { texts[XlsxCellRef(row: $0.firstRow, column: $0.firstColumn)] != nil }
        var firstColumn = content.map(\.column).min()!, lastColumn = content.map(\.column).max()!
        for m in merges { lastColumn = max(lastColumn, m.lastColumn); firstColumn = min(firstColumn, m.firstColumn) }
        let width = lastColumn - firstColumn + 1

        // Rows that show something: rows with content and rows a merged range reaches down into.
        var rowSet = Set(content.map(\.row))
        var owner: [XlsxCellRef: XlsxSheet.Range] = [:]
        var mergedArea = 0
        func claim(_ m: XlsxSheet.Range, rows: ClosedRange<Int>) throws {
            mergedArea += m.width * rows.count
            guard mergedArea <= limits.maxCellsPerTable else {
                throw ReadError.limitExceeded("sheet \(sheet.name) has merged ranges of more than \(limits.maxCellsPerTable) cells")
            }
            for r in rows {
                for c in m.firstColumn...m.lastColumn where owner[XlsxCellRef(row: r, column: c)] == nil {
                    owner[XlsxCellRef(row: r, column: c)] = m
                }
            }
        }
        for m in merges {
            try claim(m, rows: m.firstRow...m.lastRow)
            for r in m.firstRow...m.lastRow { rowSet.insert(r) }
        }
        let shownRows = rowSet.sorted()
        for m in sheet.merges where texts[XlsxCellRef(row: m.firstRow, column: m.firstColumn)] == nil {
            guard m.firstColumn <= lastColumn, m.lastColumn >= firstColumn else { continue }
            let columns = max(m.firstColumn, firstColumn)...min(m.lastColumn, lastColumn)
            guard columns.count > 1 else { continue }
            // The shown rows within the range, found by binary search (the range may be huge).
            var lo = 0, hi = shownRows.count
            while lo < hi { let mid = (lo + hi) / 2; if shownRows[mid] < m.firstRow { lo = mid + 1 } else { hi = mid } }
            for r in shownRows[lo...].prefix(while: { $0 <= m.lastRow }) {
                let span = XlsxSheet.Range(firstRow: r, firstColumn: columns.lowerBound, lastRow: r, lastColumn: columns.upperBound)
                try claim(span, rows: r...r)
            }
        }
        let rows = rowSet.sorted()
        guard rows.count * width <= limits.maxCellsPerTable else {
            throw ReadError.limitExceeded("sheet \(sheet.name) has more than \(limits.maxCellsPerTable) cells (\(rows.count) rows of \(width) columns)")
        }

        enum Kind { case paragraph(String, XlsxCellRef), single(String, XlsxCellRef), table }
        let anyFrame = !sheet.framed.isEmpty
        func framed(_ r: Int, _ c: Int) -> Bool {
            let ref = XlsxCellRef(row: r, column: c)
            if sheet.framed.contains(ref) { return true }
            if let m = owner[ref] { return sheet.framed.contains(XlsxCellRef(row: m.firstRow, column: m.firstColumn)) }
            return false
        }
        let kinds: [Kind] = rows.map { r in
            var cells: [XlsxCellRef] = []
            var covered = false
            for c in firstColumn...lastColumn {
                let ref = XlsxCellRef(row: r, column: c)
                if texts[ref] != nil { cells.append(ref) }
                if let m = owner[ref], m.firstRow != r { covered = true }
            }
            guard cells.count == 1, !covered, let only = cells.first, only.column == firstColumn else { return .table }
            let merge = owner[only]
            guard merge == nil || (merge!.height == 1 && merge!.lastColumn == lastColumn) else { return .table }
            let text = texts[only]!
            if anyFrame {
                return (firstColumn...lastColumn).contains { framed(r, $0) } ? .table : .paragraph(text, only)
            }
            return .single(text, only)
        }
        // Without borders, single-cell rows inside the form (between its first and last row of
        // several cells) stay table rows.
        let firstTable = kinds.firstIndex { if case .table = $0 { return true }; return false }
        let lastTable = kinds.lastIndex { if case .table = $0 { return true }; return false }

        var table: RawTable?
        func endTable() {
            if let t = table { items.append(.table(t)) }
            table = nil
        }
        for (k, r) in rows.enumerated() {
            var paragraph: (String, XlsxCellRef)?
            switch kinds[k] {
            case .paragraph(let text, let ref): paragraph = (text, ref)
            case .single(let text, let ref):
                if let firstTable, let lastTable, k > firstTable && k < lastTable { paragraph = nil } else { paragraph = (text, ref) }
            case .table: paragraph = nil
            }
            if let (text, ref) = paragraph {
                endTable()
                items.append(.paragraph(text))
                paragraphParts.append("\(sheet.name)!\(ref.a1)")
                continue
            }
            let t = table ?? RawTable()
            table = t
            t.startRow()
            var c = firstColumn
            while c <= lastColumn {
                let ref = XlsxCellRef(row: r, column: c)
                let cell = RawCell()
                if let m = owner[ref] {
                    let top = XlsxCellRef(row: m.firstRow, column: m.firstColumn)
                    let span = min(m.lastColumn, lastColumn) - c + 1
                    cell.span = max(1, span)
                    cell.part = "\(sheet.name)!\(top.a1)"
                    if m.firstRow == r {
                        if let text = texts[top] { cell.items = [.paragraph(text)] }
                        cell.verticalMerge = m.height > 1 ? .restart : .none
                    } else {
                        cell.verticalMerge = .continuation
                    }
                    c += cell.span
                } else {
                    cell.part = "\(sheet.name)!\(ref.a1)"
                    if let text = texts[ref] { cell.items = [.paragraph(text)] }
                    c += 1
                }
                t.appendCell(cell)
            }
        }
        endTable()
    }
}
