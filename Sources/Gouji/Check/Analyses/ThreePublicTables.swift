import Foundation

/// The 三公经费 tables of a report, whatever their template: a table is one when at least three
/// of its column headings (or row labels) name different 三公 items (Lexicons/vocabulary.yaml
/// `three_public`: 三公经费合计, 因公出国(境)费, 公务用车购置及运行费 with 小计/购置费/运行费 under it,
/// 公务接待费). Each value cell is read as its item, with the measure (预算/决算) and the year that
/// its headings, its row label, the table's caption or the unit note above it state; and the
/// text's 三公 amounts are matched to them by the item named in the words before the amount.
enum ThreePublicTables {
    public struct Entry {
        /// The table, counted from 0 among the document's tables.
        var table: Int
        var item: String
        var measure: String?
        var year: String?
        var figure: Figure
    }

    /// The entries of every 三公 table of the document, unless the template bound one (X01 and D02
    /// both read them: ask `RuleContext.threePublicEntries`, which keeps them).
    static func entries(_ c: RuleContext) -> [Entry] {
        // A department report's basic data table is bound by its template (D02, D03 read it).
        if c.facts.data?.rows["three_public"] != nil { return [] }
        let words = c.lexicons.words
        let aliases = words.threePublic.mapValues { Set($0.map(normalize)) }
        let index = FigureIndex(c.figures)
        func item(heading text: String) -> String? {
            var n = normalize(text)
            if n.hasSuffix("支出") { n = String(n.dropLast(2)) }
            return aliases.first { $0.value.contains(n) || $0.value.contains(n + "支出") }?.key
        }
        func measure(_ texts: [String]) -> String? {
            for t in texts.reversed() {
                if let m = words.measures.last(where: { t.containsBytes(of: $0) }) { return m }
            }
            return nil
        }
        func year(_ texts: [String]) -> String? {
            for t in texts {
                var run = ""
                for u in t.unicodeScalars.map(String.init) + [""] {
                    if u.count == 1, let d = u.first, d.isASCII, d.isNumber { run += u; continue }
                    if run.count == 4, run.hasPrefix("19") || run.hasPrefix("20") { return run }
                    run = ""
                }
            }
            return nil
        }
        var out: [Entry] = []
        var previousParagraph = ""
        var tableNumber = -1
        for block in c.document.blocks {
            let table: Table
            switch block {
            case .paragraph(let p):
                if !p.text.trimmedWhitespace.isEmpty { previousParagraph = p.text }
                continue
            case .table(let t):
                table = t
                tableNumber += 1
            }
            let above = previousParagraph
            previousParagraph = ""
            let grid = table.grid
            func quantity(_ cell: Cell) -> Figure? {
                let figs = index.figures(in: cell.location).filter { $0.kind.isQuantity && !$0.malformed }
                return figs.count == 1 && (figs[0].kind == .money || figs[0].kind == .number) ? figs[0] : nil
            }
            let headerRows = grid.prefix { row in row.allSatisfy { quantity($0) == nil } }.count
            guard headerRows < grid.count, headerRows <= 3 else { continue }
            let width = grid.map(\.count).max() ?? 0
            // Each column's headings, top down, and the item they name.
            var columnHeadings: [[String]] = Array(repeating: [], count: width)
            var columnItem: [String?] = Array(repeating: nil, count: width)
            for col in 0..<width {
                let headings = grid.prefix(headerRows).compactMap { col < $0.count ? $0[col].trimmed : nil }
                columnHeadings[col] = headings
                // The deepest heading that names an item: 公务用车购置费 itself, 小计 or 预算数 the
                // item of the heading above it.
                let found = headings.reversed().lazy.compactMap(item(heading:)).first
                columnItem[col] = found
            }
            let rowItems = grid.dropFirst(headerRows).map { row in row.first(where: { !$0.trimmed.isEmpty && quantity($0) == nil }).flatMap { item(heading: $0.trimmed) } }
            let distinct = Set(columnItem.compactMap { $0 }).count >= 3 ? "columns" : Set(rowItems.compactMap { $0 }).count >= 3 ? "rows" : nil
            guard let orientation = distinct else { continue }
            let context = [above, table.caption?.text ?? ""]
            var entries: [Entry] = []
            for (k, row) in grid.dropFirst(headerRows).enumerated() {
                let label = row.first(where: { !$0.trimmed.isEmpty && quantity($0) == nil })?.trimmed ?? ""
                for (col, cell) in row.enumerated() {
                    guard let figure = quantity(cell) else { continue }
                    let itemName = orientation == "columns" ? columnItem[col] : rowItems[k]
                    guard let itemName else { continue }
                    let texts = context + (orientation == "columns" ? [label] + columnHeadings[col] : columnHeadings[col] + [label])
                    entries.append(Entry(table: tableNumber, item: itemName, measure: measure(texts), year: year(texts), figure: figure))
                }
            }
            // A bare number is money in the table's unit (a 单位：万元 note gives it; none, and the
            // text's own amounts cannot be compared).
            out += entries.filter { $0.figure.kind == .money }
        }
        return out
    }

    /// How findings name an item: the first of its words in vocabulary.yaml (公务用车运行费).
    static func name(of item: String, _ lexicons: Lexicons) -> String {
        lexicons.words.threePublic[item]?.first ?? item
    }

    /// The 三公 item the words before an amount name: the longest item word in them, when no
    /// other item's word is there too.
    static func item(named clause: String, _ lexicons: Lexicons) -> String? {
        let n = normalize(clause)
        var best: (item: String, length: Int)? = nil
        var items = Set<String>()
        for (item, words) in lexicons.words.threePublic {
            for w in words.map(normalize) where n.containsBytes(of: w) {
                items.insert(item)
                if w.count > (best?.length ?? 0) { best = (item, w.count) }
            }
        }
        guard let best else { return nil }
        // 公务用车购置及运行费 also holds 公务用车购置 … only words inside the longest one may differ.
        let longest = lexicons.words.threePublic[best.item]!.map(normalize).filter { n.containsBytes(of: $0) }.max { $0.count < $1.count }!
        let others = items.subtracting([best.item]).filter { other in
            lexicons.words.threePublic[other]!.map(normalize).contains { n.containsBytes(of: $0) && !longest.containsBytes(of: $0) }
        }
        return others.isEmpty ? best.item : nil
    }

    /// White space and quotes removed, full-width brackets as ASCII ones, a leading list marker
    /// (1、 (一) 一、) and a trailing unit in brackets dropped.
    static func normalize(_ s: String) -> String {
        var scalars = String.UnicodeScalarView()
        for u in s.unicodeScalars where !u.properties.isWhitespace && !"“”\"‘’'「」".unicodeScalars.contains(u) {
            scalars.append(u == "（" ? "(" : u == "）" ? ")" : u)
        }
        var t = String(scalars)
        // Leading list marker.
        let markerEnd = t.unicodeScalars.prefix { "0123456789一二三四五六七八九十()、.．".unicodeScalars.contains($0) }
        if let last = markerEnd.last, "、.．)".unicodeScalars.contains(last), markerEnd.count < t.unicodeScalars.count {
            t = String(t.unicodeScalars.dropFirst(markerEnd.count))
        }
        for unit in ["(万元)", "(元)", "(千元)"] where t.hasSuffix(unit) { t = String(t.dropLast(unit.count)) }
        return t
    }
}
