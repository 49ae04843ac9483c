import Foundation

/// What a reader produced: the decoded text and its blocks (paragraphs and tables) in order.
///
/// Every block and cell points into `text` by Unicode-scalar offsets, so figures found in a
/// cell or paragraph can be located on the original line. For .docx inputs `text` is a
/// flattened rendering in the same format as flattened Word text (cells one per line after a
/// tab, a blank line after each row), and locations also carry the Word part path.
public struct Document: Sendable {
    public enum Format: String, Codable, Sendable { case text, docx, html }

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

/// One table cell. `text` may hold several lines (a line break inside the cell).
///
/// A value type whose fields live in one shared, copy-on-write box: the binder and the rules
/// pass cells around by the hundred thousand per archive, and a copy is then one reference count
/// instead of one for each string and array field.
public struct Cell: Sendable {
    public enum VerticalMerge: String, Codable, Sendable { case none, restart, continuation }

    private final class Fields: @unchecked Sendable {   // never mutated once shared (see `fields`)
        var text: String
        var label: String
        var location: SourceLocation
        var span: Int
        var verticalMerge: VerticalMerge
        var nested: [Table]
        var origin: GridPosition?

        init(text: String, location: SourceLocation, span: Int, verticalMerge: VerticalMerge, nested: [Table], origin: GridPosition?) {
            self.text = text; self.label = Labels.normalize(text); self.location = location; self.span = span
            self.verticalMerge = verticalMerge; self.nested = nested; self.origin = origin
        }

        private init(copying other: Fields) {
            text = other.text; label = other.label; location = other.location; span = other.span
            verticalMerge = other.verticalMerge; nested = other.nested; origin = other.origin
        }

        func copy() -> Fields { Fields(copying: self) }
    }

    private var shared: Fields

    /// The box, copied first if another cell shares it.
    private var fields: Fields {
        mutating get {
            if !isKnownUniquelyReferenced(&shared) { shared = shared.copy() }
            return shared
        }
    }

    /// Setting it works out `label` again, over the whole text: build a cell's text first and
    /// make the cell once (appending to a cell line by line would be quadratic).
    public var text: String {
        get { shared.text }
        set {
            let box = fields
            box.text = newValue
            box.label = Labels.normalize(newValue)
        }
    }
    /// The text as a label (`Labels.normalize`: no white space, bracketed units or trailing
    /// colon), made once with the cell: the binder compares every cell with every label list.
    public var label: String { shared.label }
    public var location: SourceLocation {
        get { shared.location }
        set { fields.location = newValue }
    }
    /// Number of grid columns the cell covers (w:gridSpan); 1 in flattened text.
    public var span: Int {
        get { shared.span }
        set { fields.span = newValue }
    }
    public var verticalMerge: VerticalMerge {
        get { shared.verticalMerge }
        set { fields.verticalMerge = newValue }
    }
    /// Tables nested inside this cell (.docx only).
    public var nested: [Table] {
        get { shared.nested }
        set { fields.nested = newValue }
    }
    /// For a merged copy in `Table.grid`, the position of the cell it repeats.
    public var origin: GridPosition? {
        get { shared.origin }
        set { fields.origin = newValue }
    }

    public init(text: String, location: SourceLocation, span: Int = 1,
                verticalMerge: VerticalMerge = .none, nested: [Table] = [], origin: GridPosition? = nil) {
        shared = Fields(text: text, location: location, span: span, verticalMerge: verticalMerge, nested: nested, origin: origin)
    }

    /// The text with surrounding white space removed and inner line breaks kept.
    public var trimmed: String { text.trimmedWhitespace }
    /// The text with all white space removed ("预 期 目 标" → "预期目标"), for label matching.
    public var compact: String { text.compacted }
}
