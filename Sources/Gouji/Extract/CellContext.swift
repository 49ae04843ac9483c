import Foundation

/// What a table cell's position says about a bare number in it: the unit inherited from a
/// header or label ("计划安排资金（万元）"), the kind implied by the label (得分 → score,
/// 执行率 → percent), or that the number is not a quantity (邮编 → postcode).
public struct CellContext: Sendable {
    public var unit: String?
    public var unitSource: String?
    public var kindHint: FigureKind?
    /// The label left of the cell or heading above it, white space removed.
    public var label: String
    public var header: String
    public var isVoucherColumn: Bool

    public init(unit: String? = nil, unitSource: String? = nil, kindHint: FigureKind? = nil,
                label: String = "", header: String = "", isVoucherColumn: Bool = false) {
        self.unit = unit; self.unitSource = unitSource; self.kindHint = kindHint
        self.label = label; self.header = header; self.isVoucherColumn = isVoucherColumn
    }
}

/// Works out a `CellContext` for every cell of a table, row by row: units written in a label
/// apply to the value right of it and then to the whole column below; a 单位：万元 note or a
/// block label like 项目资金（万元） sets the table's unit; a 计量单位 column gives the row's unit.
struct TableContextBuilder {
    let patterns: FigurePatterns

    func contexts(for table: Table, defaultUnit: String? = nil) -> [[CellContext]] {
        var tableUnit: String? = defaultUnit
        if let caption = table.caption, let u = unit(in: caption.text) { tableUnit = u }
        // By column index (rows may differ in length).
        var columnUnit: [String?] = []
        var columnHeader: [String?] = []
        func set(_ columns: inout [String?], _ c: Int, _ value: String) {
            if c >= columns.count { columns += [String?](repeating: nil, count: c + 1 - columns.count) }
            columns[c] = value
        }
        func get(_ columns: [String?], _ c: Int) -> String? { c < columns.count ? columns[c] : nil }
        var unitColumn: Int? = nil
        var result: [[CellContext]] = []
        let grid = table.grid
        for row in grid {
            var contexts: [CellContext] = []
            contexts.reserveCapacity(row.count)
            // Each cell's forms once per row (a cell is also its right neighbour's label).
            let trimmedRow = row.map(\.trimmed)
            let compactRow = row.map(\.compact)
            let numericRow = trimmedRow.map(isNumeric)
            var rowUnit: String? = nil
            if let uc = unitColumn, uc < row.count {
                let t = trimmedRow[uc]
                if !t.isEmpty && !numericRow[uc] { rowUnit = t }
            }
            var headerRow: Bool? = nil
            // The unit each cell's text states, worked out at most once (a label cell is asked
            // again as its right neighbour's label).
            var stated = [String??](repeating: nil, count: row.count)
            func statedUnit(_ c: Int) -> String? {
                if let known = stated[c] { return known }
                let u = unit(in: row[c].text)
                stated[c] = .some(u)
                return u
            }
            for (c, cell) in row.enumerated() {
                let text = compactRow[c]
                var ctx = CellContext()
                let left = c > 0 ? compactRow[c - 1] : ""
                ctx.label = stripUnit(left)
                ctx.header = get(columnHeader, c) ?? ""
                if numericRow[c] || trimmedRow[c].isEmpty {
                    if c > 0, !numericRow[c - 1], let u = statedUnit(c - 1) {
                        ctx.unit = u; ctx.unitSource = "header"
                        set(&columnUnit, c, u)
                    } else if let u = rowUnit {
                        ctx.unit = u; ctx.unitSource = "header"
                    } else if let u = get(columnUnit, c) {
                        ctx.unit = u; ctx.unitSource = "header"
                    } else if let u = tableUnit {
                        ctx.unit = u; ctx.unitSource = "header"
                    }
                    ctx.kindHint = Self.kindHint(label: ctx.label, header: ctx.header)
                    ctx.isVoucherColumn = ctx.header.containsBytes(of: "凭证")
                } else {
                    if let u = statedUnit(c) {
                        if c == 0 && row.count == 1 { tableUnit = u } else { set(&columnUnit, c, u) }
                        if headerRow == nil { headerRow = !numericRow.contains(true) }
                        if c == 0 && (text.startsWithBytes("项目资金") || text.containsBytes(of: "单位:") || text.containsBytes(of: "单位：")) { tableUnit = u }
                        // A money unit in a header row ("年度预算数（万元）") covers the block below it.
                        if headerRow == true && patterns.moneyFactors[u] != nil { tableUnit = u }
                    }
                    set(&columnHeader, c, stripUnit(text))
                    if text.startsWithBytes("计量单位") || text.startsWithBytes("度量单位") { unitColumn = c }
                    ctx.isVoucherColumn = get(columnHeader, c)?.containsBytes(of: "凭证") ?? false
                }
                contexts.append(ctx)
            }
            result.append(contexts)
        }
        return result
    }

    /// The kind a label or heading implies for the bare number under or beside it: the first
    /// hint word found in either (`label` and `header` are searched apart; no hint word could
    /// straddle them).
    static func kindHint(label: String, header: String) -> FigureKind? {
        // The hint words either text holds, found in one pass over each: at each scalar that
        // starts a hint word, the words starting with it are compared there.
        var present: UInt32 = 0
        for text in [label, header] {
            var at = 0
            for u in text.unicodeScalars {
                if hintStarts.contains(u), let words = hintWordsByFirst[u] {
                    for w in words where text.hasBytes(hintWords[w].word, at: at) { present |= 1 << w }
                }
                at += UTF8.width(u)
            }
        }
        // The words are listed by their kind's precedence: the first present one decides.
        return hintWords.indices.first { present & (1 << $0) != 0 }.map { hintWords[$0].kind }
    }

    /// The words of a label or heading that give a bare number its kind, grouped by kind in
    /// order of precedence.
    private static let hintWords: [(word: String, kind: FigureKind)] = [
        ("得分", .score), ("分值", .score), ("总分", .score), ("权重", .score), ("率", .percent), ("满意度", .percent),
        ("邮编", .postcode), ("邮政编码", .postcode), ("电话", .phone), ("编制数", .count), ("人数", .count),
    ]
    private static let hintWordsByFirst: [Unicode.Scalar: [Int]] = Dictionary(grouping: hintWords.indices) { hintWords[$0].word.unicodeScalars.first! }

    func unit(in text: String) -> String? {
        // The pattern needs an opening parenthesis or 单位: most cells have neither.
        guard text.utf8.contains(UInt8(ascii: "(")) || text.containsBytes(of: "（") || text.containsBytes(of: "单位"),
              let m = patterns.unitInParentheses.firstMatch(in: text) else { return nil }
        let bytes = Array(text.utf8)
        if let r = m.range("unit") ?? m.range("unit2") { return String(decoding: bytes[r], as: UTF8.self) }
        return nil
    }

    /// The text before its first opening parenthesis, found on the UTF-8 bytes (（ is EF BC 88).
    func stripUnit(_ text: String) -> String {
        var bytes = text
        let cut: Int? = bytes.withUTF8 { b in
            for i in 0..<b.count {
                if b[i] == UInt8(ascii: "(") { return i }
                if b[i] == 0xEF, i + 2 < b.count, b[i + 1] == 0xBC, b[i + 2] == 0x88 { return i }
            }
            return nil
        }
        guard let cut else { return text }
        return String(decoding: text.utf8.prefix(cut), as: UTF8.self)
    }

    private static let hintStarts = ScalarTable(scalarsOf: hintWords.map { $0.word.unicodeScalars.first! })
    private static let signs = ScalarTable(scalarsOf: "-+≥≤")
    private static let numericMarks = ScalarTable(scalarsOf: ".,%-+≥≤<>=#元万亿")

    /// Whether the text, full-width forms made half-width and surrounding spaces and tabs
    /// removed, is a number: a digit or sign, then digits and numeric marks only. Decided in
    /// one pass over the scalars, without making the normalised and trimmed strings.
    func isNumeric(_ text: String) -> Bool {
        var started = false
        var spaceAfter = false   // spaces after the first mark: only trailing ones may follow
        for original in text.unicodeScalars {
            let u = Normalizer.halfWidth(original).map(Unicode.Scalar.init) ?? original
            if u.isHorizontalSpace {
                if started { spaceAfter = true }
                continue
            }
            if spaceAfter { return false }   // a space inside: neither digit nor mark
            let digit = ("0"..."9").contains(u)
            if !started {
                guard digit || Self.signs.contains(u) else { return false }
                started = true
            } else if !(digit || Self.numericMarks.contains(u)) {
                return false
            }
        }
        return started
    }
}
