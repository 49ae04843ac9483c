import Foundation

/// Totals in any table: a 合计/小计/总计 row against the rows above it (down to the previous
/// total or header), skipping 其中 rows, which are subsets and not addends; used for unknown
/// templates and for tables no template binds.
public enum GenericTableSums {
    static let totalWords = ["合计", "小计", "总计", "总额", "总数"]

    /// (total, parts) pairs per column of every table that has a total row.
    public static func pairs(_ c: RuleContext) -> [(Figure, [Figure])] {
        var out: [(Figure, [Figure])] = []
        let index = FigureIndex(c.figures)
        for table in c.document.tables {
            let grid = table.grid
            var segmentStart = 0
            for (r, row) in grid.enumerated() {
                guard let label = row.first(where: { !$0.trimmed.isEmpty })?.compact,
                      totalWords.contains(where: { label.startsWithBytes($0) || label.endsWithBytes($0) }) else { continue }
                defer { segmentStart = r + 1 }
                for (col, cell) in row.enumerated() {
                    guard let total = index.figures(in: cell.location).first(where: { ($0.kind == .money || $0.kind == .count) && !$0.malformed }),
                          index.figures(in: cell.location).filter(\.kind.isQuantity).count == 1 else { continue }
                    var parts: [Figure] = []
                    for above in grid[segmentStart..<r] {
                        guard col < above.count else { continue }
                        let rowLabel = above.first(where: { !$0.trimmed.isEmpty })?.compact ?? ""
                        if rowLabel.startsWithBytes("其中") { continue }
                        let figs = index.figures(in: above[col].location).filter(\.kind.isQuantity)
                        if figs.count == 1, figs[0].kind == total.kind { parts.append(figs[0]) }
                    }
                    if !parts.isEmpty { out.append((total, parts)) }
                }
            }
        }
        return out
    }
}
