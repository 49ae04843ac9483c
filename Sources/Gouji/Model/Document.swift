import Foundation

/// What a reader produced: the decoded text and its blocks (paragraphs and tables) in order.
///
/// Every block and cell points into `text` by Unicode-scalar offsets, so figures found in a
/// cell or paragraph can be located on the original line. For .docx inputs `text` is a
/// flattened rendering in the same format as flattened Word text (cells one per line after a
/// tab, a blank line after each row), and locations also carry the Word part path.
public struct Document: Sendable {
    /// `doc` and `xls`: legacy files read through LibreOffice's conversion to .docx and .xlsx.
    public enum Format: String, Codable, Sendable { case text, docx, html, xlsx, doc, xls }

    public var path: String
    public var format: Format
    /// The input's character encoding as detected (e.g. `UTF-8`, `GB18030`, `UTF-16LE`).
    public var encoding: String
    public let text: String
    public let blocks: [Block]
    public let lines: LineIndex
    /// The tables and the paragraphs of `blocks`, in order (kept: the rules ask for them often).
    public let tables: [Table]
    public let paragraphs: [Paragraph]

    /// `lines`: the reader's own index of `text`, when it made one (else it is made here).
    public init(path: String, format: Format, encoding: String, text: String, blocks: [Block], lines: LineIndex? = nil) {
        self.path = path
        self.format = format
        self.encoding = encoding
        self.text = text
        self.blocks = blocks
        self.lines = lines ?? LineIndex(text)
        tables = blocks.compactMap { if case .table(let t) = $0 { return t } else { return nil } }
        paragraphs = blocks.compactMap { if case .paragraph(let p) = $0 { return p } else { return nil } }
    }
}

/// A block of the document body.
public enum Block: Sendable {
    case paragraph(Paragraph)
    case table(Table)
}

/// A run of text outside tables (one line of flattened text, one w:p of a .docx).
public struct Paragraph: Sendable {
    public var index: Int
    public var text: String
    public var location: SourceLocation

    public init(index: Int, text: String, location: SourceLocation) {
        self.index = index
        self.text = text
        self.location = location
    }
}

/// A table with its physical rows (cells as written) and an expanded grid in which merged
/// cells are repeated and remember their origin.
public struct Table: Sendable {
    public var index: Int
    /// Rows as written: one entry per cell (w:tc, or one tab-line group in flattened text).
    public var rows: [[Cell]] { didSet { grid = Self.expand(rows) } }
    /// Optional caption: a heading row such as "一、项目基本概况" that introduced the table.
    public var caption: Cell?
    public var location: SourceLocation

    public init(index: Int, rows: [[Cell]], caption: Cell? = nil, location: SourceLocation) {
        self.index = index
        self.rows = rows
        self.grid = Self.expand(rows)
        self.caption = caption
        self.location = location
    }

    /// Rows with horizontally or vertically merged cells expanded; copies carry `origin`.
    /// Computed once when the rows are set: binding and checks walk it many times.
    public private(set) var grid: [[Cell]]

    static func expand(_ rows: [[Cell]]) -> [[Cell]] {
        var result: [[Cell]] = []
        result.reserveCapacity(rows.count)
        for (r, row) in rows.enumerated() {
            var out: [Cell] = []
            for cell in row {
                if cell.verticalMerge == .continuation, let above = result.last, out.count < above.count {
                    var copy = above[out.count]
                    copy.origin = above[out.count].origin ?? GridPosition(row: r - 1, column: out.count)
                    copy.verticalMerge = .continuation
                    for _ in 0..<max(1, cell.span) { out.append(copy) }
                    continue
                }
                out.append(cell)
                if cell.span > 1 {
                    var copy = cell
                    copy.origin = GridPosition(row: r, column: out.count - 1)
                    for _ in 1..<cell.span { out.append(copy) }
                }
            }
            result.append(out)
        }
        return result
    }
}

/// Row and column in a table's expanded grid (0-based).
public struct GridPosition: Codable, Hashable, Sendable {
    public var row: Int
    public var column: Int
    public init(row: Int, column: Int) { self.row = row; self.column = column }
}

/// One table cell. `text` may hold several lines (a line break inside the cell). Its fields live
/// in one copy-on-write box (`CopyOnWrite`), as a `Figure`'s do.
public struct Cell: Sendable {
    public enum VerticalMerge: String, Codable, Sendable { case none, restart, continuation }

    private struct Fields: Sendable {
        var text: String
        var label: String
        var trimmed: String
        var compact: String
        var location: SourceLocation
        var span: Int
        var verticalMerge: VerticalMerge
        var nested: [Table]
        var origin: GridPosition?
    }

    private var box: CopyOnWrite<Fields>

    /// Setting it works out `label`, `trimmed` and `compact` again, over the whole text: build
    /// a cell's text first and make the cell once (appending to a cell line by line would be
    /// quadratic).
    public var text: String {
        get { box.value.text }
        set {
            box.value.text = newValue
            box.value.label = Labels.normalize(newValue)
            box.value.trimmed = newValue.trimmedWhitespace
            box.value.compact = newValue.compacted
        }
    }
    /// The text as a label (`Labels.normalize`: no white space, bracketed units or trailing
    /// colon), made once with the cell: the binder compares every cell with every label list.
    public var label: String { box.value.label }
    public var location: SourceLocation {
        get { box.value.location }
        set { box.value.location = newValue }
    }
    /// Number of grid columns the cell covers (w:gridSpan); 1 in flattened text.
    public var span: Int {
        get { box.value.span }
        set { box.value.span = newValue }
    }
    public var verticalMerge: VerticalMerge {
        get { box.value.verticalMerge }
        set { box.value.verticalMerge = newValue }
    }
    /// Tables nested inside this cell (.docx only).
    public var nested: [Table] {
        get { box.value.nested }
        set { box.value.nested = newValue }
    }
    /// For a merged copy in `Table.grid`, the position of the cell it repeats.
    public var origin: GridPosition? {
        get { box.value.origin }
        set { box.value.origin = newValue }
    }

    public init(text: String, location: SourceLocation, span: Int = 1,
                verticalMerge: VerticalMerge = .none, nested: [Table] = [], origin: GridPosition? = nil) {
        box = CopyOnWrite(Fields(text: text, label: Labels.normalize(text), trimmed: text.trimmedWhitespace,
                                 compact: text.compacted, location: location, span: span,
                                 verticalMerge: verticalMerge, nested: nested, origin: origin))
    }

    /// The text with surrounding white space removed and inner line breaks kept (made once with
    /// the cell, like `label`: the context builder, the binder and the rules all ask for it).
    public var trimmed: String { box.value.trimmed }
    /// The text with all white space removed ("预 期 目 标" → "预期目标"), for label matching
    /// (made once with the cell).
    public var compact: String { box.value.compact }
}
