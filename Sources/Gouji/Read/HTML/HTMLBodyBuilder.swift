/// Builds the structured body of an HTML page from its tokens: paragraphs at block
/// boundaries and tables from `table`/`tr`/`td`/`th`, as tolerant as browsers about missing
/// end tags.
///
/// Block elements (p, div, br, h1–h6, li, tr …) end the current paragraph; white space is
/// collapsed as a browser would; `colspan` becomes the cell's span; `rowspan` becomes a vertical
/// merge: the cell restarts it and the rows it covers get an empty continuation cell at its
/// grid column, as Word writes them. Text in a table but outside any cell (a `caption`, stray
/// text) goes before the table. The content of `head` is dropped.
struct HTMLBodyBuilder {
    private static let blockElements: Set<String> = [
        "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
        "tr", "hr", "blockquote", "center", "section", "article", "header", "footer", "main",
        "nav", "aside", "address", "pre", "form", "fieldset", "figure", "figcaption", "caption",
        "body", "html", "title", "thead", "tbody", "tfoot",
    ]

    /// A rowspan still covering rows below the one that opened it.
    private struct Carry {
        var column: Int
        var span: Int
        var remaining: Int
    }

    /// An open table with the state of its current row.
    private final class OpenTable {
        let table = RawTable()
        /// Items written in the table outside cells; they go before the table.
        var outside: [RawItem] = []
        var inCell = false
        var rowOpen = false
        var column = 0
        var carries: [Carry] = []
        /// Carries active in the current row, not yet written as continuation cells, the
        /// rightmost first (the next one to write is the last).
        var pending: [Carry] = []
    }

    private let limits: ReadLimits
    private(set) var body: [RawItem] = []
    private var tables: [OpenTable] = []
    private var text = String.UnicodeScalarView()
    private var pendingSpace = false
    private var inHead = false

    init(limits: ReadLimits) { self.limits = limits }

    /// Reads the whole page and returns its body items.
    static func build(_ html: String, limits: ReadLimits) throws -> [RawItem] {
        var builder = HTMLBodyBuilder(limits: limits)
        var tokenizer = HTMLTokenizer(html)
        while let token = tokenizer.next() { try builder.consume(token) }
        try builder.finish()
        return builder.body
    }

    mutating func consume(_ token: HTMLTokenizer.Token) throws {
        switch token {
        case .text(let raw):
            guard !inHead else { return }
            appendText(HTMLEntities.decode(raw))
        case let .start(name, attributes):
            if name == "head" { inHead = true; return }
            if name == "body" { inHead = false }
            guard !inHead else { return }
            try start(name, attributes)
        case .end(let name):
            if name == "head" { inHead = false; return }
            guard !inHead else { return }
            try end(name)
        }
    }

    mutating func finish() throws {
        try flush()
        while !tables.isEmpty { try closeTable() }
    }

    private mutating func start(_ name: String, _ attributes: [String: String]) throws {
        switch name {
        case "table":
            try flush()
            guard tables.count < limits.tableDepth else {
                throw ReadError.limitExceeded("tables nested deeper than \(limits.tableDepth)")
            }
            tables.append(OpenTable())
        case "tr":
            try flush()
            guard let open = tables.last else { return }
            try endRow(open)
            startRow(open)
        case "td", "th":
            try flush()
            guard let open = tables.last else { return }
            if !open.rowOpen { startRow(open) }
            let span = max(1, min(Int(attributes["colspan"]?.trimmed ?? "") ?? 1, 1000))
            let rows = max(1, min(Int(attributes["rowspan"]?.trimmed ?? "") ?? 1, 65_534))
            try writeContinuations(open, atRowEnd: false)
            let cell = RawCell()
            cell.span = span
            if rows > 1 {
                cell.verticalMerge = .restart
                open.carries.append(Carry(column: open.column, span: span, remaining: rows - 1))
            }
            try append(cell, to: open)
            open.column += span
            open.inCell = true
        default:
            if Self.blockElements.contains(name) { try flush() }
        }
    }

    private mutating func end(_ name: String) throws {
        switch name {
        case "table":
            try flush()
            if !tables.isEmpty { try closeTable() }
        case "tr":
            try flush()
            if let open = tables.last { try endRow(open) }
        case "td", "th":
            try flush()
            tables.last?.inCell = false
        default:
            if Self.blockElements.contains(name) { try flush() }
        }
    }

    private func startRow(_ open: OpenTable) {
        open.table.startRow()
        open.rowOpen = true
        open.column = 0
        // Kept in reverse so that the next one is taken from the end: removing from the front
        // made a row under many rowspans quadratic.
        open.pending = Array(open.carries.filter { $0.remaining > 0 }.sorted { $0.column < $1.column }.reversed())
        open.carries = []
    }

    /// Ends the open row: writes the continuations it still owes.
    private func endRow(_ open: OpenTable) throws {
        guard open.rowOpen else { return }
        try writeContinuations(open, atRowEnd: true)
        open.rowOpen = false
        open.inCell = false
    }

    /// Writes a continuation cell for each rowspan from above that covers the current grid
    /// column (or, at the end of the row, every one left), and ages them by a row. A rowspan
    /// overlapped by a wider cell on its left is aged but not written; gaps are left as they are.
    private func writeContinuations(_ open: OpenTable, atRowEnd: Bool) throws {
        while let carry = open.pending.last, atRowEnd || carry.column <= open.column {
            open.pending.removeLast()
            if carry.remaining > 1 {
                open.carries.append(Carry(column: carry.column, span: carry.span, remaining: carry.remaining - 1))
            }
            guard carry.column >= open.column else { continue }
            let cell = RawCell()
            cell.span = carry.span
            cell.verticalMerge = .continuation
            try append(cell, to: open)
            open.column = carry.column + carry.span
        }
    }

    private func append(_ cell: RawCell, to open: OpenTable) throws {
        open.table.appendCell(cell)
        guard open.table.cellCount <= limits.maxCellsPerTable else {
            throw ReadError.limitExceeded("a table has more than \(limits.maxCellsPerTable) cells")
        }
    }

    private mutating func closeTable() throws {
        try flush()
        guard let open = tables.popLast() else { return }
        try endRow(open)
        deliver(open.outside)
        deliver([.table(open.table)])
    }

    /// Adds items to the open cell, to the open table's outside items, or to the body.
    private mutating func deliver(_ items: [RawItem]) {
        guard !items.isEmpty else { return }
        if let open = tables.last {
            if open.inCell, let cell = open.table.currentCell {
                cell.items += items
            } else {
                open.outside += items
            }
        } else {
            body += items
        }
    }

    /// Appends text, collapsing runs of HTML white space to one space.
    private mutating func appendText(_ s: String) {
        for u in s.unicodeScalars {
            if u == " " || u == "\t" || u == "\n" || u == "\r" || u == "\u{0C}" {
                pendingSpace = !text.isEmpty
                continue
            }
            if pendingSpace { text.append(" "); pendingSpace = false }
            text.append(u)
        }
    }

    /// Ends the current paragraph; blank ones are dropped. A paragraph (in a cell or not) is
    /// held to the cell-length limit, like a .docx paragraph.
    private mutating func flush() throws {
        pendingSpace = false
        guard !text.isEmpty else { return }
        let paragraph = String(text)
        if text.count > limits.maxCellCharacters, paragraph.count > limits.maxCellCharacters {
            throw ReadError.limitExceeded("a paragraph has more than \(limits.maxCellCharacters) characters")
        }
        text = String.UnicodeScalarView()
        deliver([.paragraph(paragraph)])
    }
}

private extension String {
    var trimmed: String { trimmedSpaces }
}
