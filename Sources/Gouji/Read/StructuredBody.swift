/// The body of a structured input (.docx, HTML) as its reader collected it, before it is
/// flattened to text: paragraphs and tables in document order, cells holding their own
/// paragraphs and nested tables.
///
/// These are reference types because the readers build them through a stack of open tables
/// and cells; they never leave the reader that made them.
enum RawItem {
    case paragraph(String)
    case table(RawTable)
}

/// A table being collected: rows as written, one `RawCell` per physical cell.
final class RawTable {
    /// Rows as written. A row may be empty (a w:tr with no w:tc); it is counted but not rendered.
    private(set) var rows: [[RawCell]] = []
    /// Number of cells collected so far, kept as cells are added: readers check it after every
    /// cell, and summing the rows each time made a table of many one-cell rows quadratic.
    private(set) var cellCount = 0
    init() {}

    /// The cell opened last, where paragraphs and properties currently go.
    var currentCell: RawCell? { rows.last?.last }

    /// Starts a new, empty row.
    func startRow() { rows.append([]) }

    /// Adds a cell to the last row; there must be one.
    func appendCell(_ cell: RawCell) {
        rows[rows.count - 1].append(cell)
        cellCount += 1
    }
}

/// A table cell being collected.
final class RawCell {
    var items: [RawItem] = []
    var span = 1
    var verticalMerge: Cell.VerticalMerge = .none
    /// The cell's location part when the reader names cells itself ("Sheet1!F7" in a
    /// workbook); nil for the renderer's table/row/cell path (`t1/r3/c4`).
    var part: String?
    init() {}
}
