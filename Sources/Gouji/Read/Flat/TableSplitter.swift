import Foundation

/// Splits a run of table rows into the tables a reader would name: a single-cell heading row
/// ("一、项目基本概况") becomes the caption of the table after it, and a row starting with one of
/// the layout's table-start labels ("项目绩效定量目标…", "绩效自评综合得分") starts a new table.
public struct TableSplitter: Sendable {
    public var layout: Layout

    public init(layout: Layout) {
        self.layout = layout
    }

    public func split(rows: [[Cell]], firstIndex: Int, lines: LineIndex) -> [Table] {
        let starts = layout.tableStarts.map(\.compacted)
        var tables: [Table] = []
        var current: [[Cell]] = []
        var caption: Cell?

        func flush() {
            guard !current.isEmpty || caption != nil else { return }
            let first = caption ?? current.first!.first!
            let lastRow = current.last ?? [first]
            let end = lastRow.last!.location.end
            tables.append(Table(index: firstIndex + tables.count, rows: current, caption: caption,
                                location: lines.location(start: first.location.start, end: end)))
            current = []
            caption = nil
        }

        for row in rows {
            let nonEmpty = row.filter { !$0.trimmed.isEmpty }
            if row.count == 1, let only = nonEmpty.first {
                let text = only.trimmed
                if layout.captions.contains(where: { $0.firstMatch(in: text) != nil }) {
                    flush()
                    caption = only
                    continue
                }
            }
            if let first = nonEmpty.first, starts.contains(where: { first.compact.startsWithBytes($0) }), !current.isEmpty {
                flush()
            }
            current.append(row)
        }
        flush()
        return tables
    }
}
