import Foundation

/// Recognises the template family and binds table cells to typed fields (funds grid, expense
/// lines, indicators, goals, score, grade, period, report date), each with the figures and
/// locations it came from. What cannot be bound is listed in `unbound`.
///
/// A binder memoises label normalisation; make one per document (as `Pipeline` does).
public struct FactBinder: Sendable {
    public var lexicons: Lexicons
    let labels = LabelCache()

    public init(lexicons: Lexicons) { self.lexicons = lexicons }

    func matches(_ text: String, _ candidates: [String]) -> Bool { labels.matches(text, candidates) }
    func matches(_ cell: Cell, _ candidates: [String]) -> Bool { Labels.matches(normalized: cell.label, candidates) }

    public func bind(document: Document, figures: [Figure]) -> ReportFacts {
        let match = TemplateMatcher(templates: lexicons.templates).match(document)
        var facts = ReportFacts(family: match.template?.family ?? "unknown",
                                variant: match.template?.id ?? "unknown", confidence: match.confidence)
        let index = FigureIndex(figures)
        let tables = allTables(document)
        // Below the recognition threshold, still bind what the closest template's labels find
        // (a funds table, a score row) so that sums can be checked; the family stays unknown.
        guard let template = match.template ?? match.closest else { return facts }

        for spec in template.fields {
            if let v = findField(spec, tables: tables, document: document, index: index) { facts.fields[spec.field] = v }
        }
        if let p = facts.fields["period"], let range = DateParser.parseRange(p.text) {
            facts.period = PeriodFact(start: range.0, end: range.1, text: p.text, location: p.location)
        }
        if let d = facts.fields["report_date"] {
            facts.reportDate = index.figures(in: d.location).first { $0.kind == .date }
        }
        if let spec = template.funds {
            facts.funds = spec.layout == "pairs" ? bindPairs(spec, tables: tables, index: index) : bindMatrix(spec, tables: tables, index: index)
            if facts.funds == nil { facts.unbound.append("funds") }
        }
        if let spec = template.expenses { bindExpenses(spec, tables: tables, index: index, into: &facts) }
        if let spec = template.indicators { bindIndicators(spec, tables: tables, index: index, into: &facts) }
        if let spec = template.goals { bindGoals(spec, tables: tables, index: index, into: &facts) }
        if let spec = template.data { facts.data = bindData(spec, tables: tables, index: index) }
        // Forms whose score sits in the indicator table's total row (总分 / 合计).
        if facts.fields["total_score"] == nil, let total = facts.indicatorTotalScore, total.figure != nil {
            facts.fields["total_score"] = total
        }
        for required in ["total_score", "grade"] where facts.fields[required] == nil {
            facts.unbound.append(required)
        }
        return facts
    }

    func allTables(_ document: Document) -> [Table] {
        var out: [Table] = []
        func walk(_ t: Table) { out.append(t); for row in t.rows { for c in row { c.nested.forEach(walk) } } }
        document.tables.forEach(walk)
        return out
    }

    // MARK: simple fields

    func findField(_ spec: TemplateDefinition.FieldSpec, tables: [Table], document: Document, index: FigureIndex) -> BoundValue? {
        for table in tables {
            for row in table.grid {
                // By index: a (cell) loop variable would copy every cell of every table for
                // every field.
                for c in row.indices where matches(row[c], spec.labels) {
                    let labelStart = row[c].location.start
                    // The value is the next cell to the right that is not a copy of the label.
                    if let value = row[(c + 1)...].first(where: { $0.location.start != labelStart }) {
                        return BoundValue(figure: index.figures(in: value.location).first { $0.kind.isQuantity || $0.kind == .date || $0.kind == .dateRange },
                                          text: value.trimmed, location: value.location, empty: value.trimmed.isEmpty)
                    }
                }
            }
        }
        if spec.kind == "grade", let v = gradeInText(spec, tables: tables, document: document) { return v }
        guard spec.inParagraph == true else { return nil }
        for p in document.paragraphs {
            for label in spec.labels {
                // "label：value", anywhere in the line; the value ends at a run of spaces.
                guard p.text.containsBytes(of: label), let l = p.text.literalRange(of: label),
                      let colon = p.text[l.upperBound...].first.flatMap({ $0 == "：" || $0 == ":" ? $0 : nil }) else { continue }
                _ = colon
                let afterColon = p.text.index(after: l.upperBound)
                let rest = p.text[afterColon...]
                let leading = rest.prefix { $0 == " " || $0 == "\u{3000}" }
                var value = String(rest.dropFirst(leading.count))
                if let gap = value.literalRange(of: "  ") { value = String(value[..<gap.lowerBound]) }
                value = value.trimmedSpaces
                let valueStart = p.location.start + p.text[..<afterColon].unicodeScalars.count + leading.unicodeScalars.count
                let location = document.lines.location(start: valueStart, end: valueStart + value.unicodeScalars.count)
                let figure = index.figures(in: location).first { $0.kind == .date || $0.kind.isQuantity }
                return BoundValue(figure: figure, text: value, location: location, empty: value.isEmpty)
            }
        }
        return nil
    }

    /// A grade stated in a sentence: "自评等级为优", "评价等次为优秀".
    func gradeInText(_ spec: TemplateDefinition.FieldSpec, tables: [Table], document: Document) -> BoundValue? {
        let labels = lexicons.rules.grades.flatMap(\.labels).sorted { $0.count > $1.count }
        var texts: [(String, SourceLocation)] = document.paragraphs.map { ($0.text, $0.location) }
        for t in tables { for row in t.rows { for c in row where !c.text.hasAtLeast(400) { texts.append((c.text, c.location)) } } }
        for (text, location) in texts {
            for label in spec.labels where text.containsBytes(of: label) {
                for connector in ["为", "是", "：", ":"] {
                    guard text.containsBytes(of: label + connector), let r = text.literalRange(of: label + connector) else { continue }
                    let after = text[r.upperBound...]
                    guard let grade = labels.first(where: { after.hasPrefix($0) }) else { continue }
                    let start = location.start + text[..<r.upperBound].unicodeScalars.count
                    return BoundValue(figure: nil, text: grade, location: document.lines.location(start: start, end: start + grade.unicodeScalars.count))
                }
            }
        }
        return nil
    }

    func bound(_ cell: Cell, _ index: FigureIndex) -> BoundValue {
        BoundValue(figure: index.figures(in: cell.location).first { $0.kind.isQuantity },
                   text: cell.trimmed, location: cell.location, empty: cell.trimmed.isEmpty)
    }

    // MARK: funds

    /// Hunan form: a row of (label, value) pairs for the columns, then one row per source.
    func bindPairs(_ spec: TemplateDefinition.FundsSpec, tables: [Table], index: FigureIndex) -> FundsGrid? {
        for table in tables {
            let grid = table.grid
            for (r, row) in grid.enumerated() {
                var columnAt: [(field: String, valueColumn: Int, label: String)] = []
                for col in spec.columns {
                    if let c = row.indices.first(where: { matches(row[$0], col.labels) }), c + 1 < row.count {
                        columnAt.append((col.field, c + 1, row[c].label))
                    }
                }
                guard columnAt.count >= 2 else { continue }
                var funds = FundsGrid(columns: columnAt.map(\.field), sources: [], totals: [:], cells: [:], labels: [:], weight: nil, rate: nil, score: nil, unit: spec.unit)
                for c in columnAt {
                    funds.totals[c.field] = bound(row[c.valueColumn], index)
                    funds.labels[c.field] = c.label
                }
                for sourceRow in grid[(r + 1)...] {
                    guard let first = sourceRow.first(where: { !$0.trimmed.isEmpty }),
                          let source = spec.sources.first(where: { matches(first, $0.labels) }) else { break }
                    funds.sources.append(source.field)
                    funds.labels[source.field] = first.label.replacingAll("其中：", with: "")
                    var cells: [String: BoundValue] = [:]
                    for c in columnAt where c.valueColumn < sourceRow.count {
                        cells[c.field] = bound(sourceRow[c.valueColumn], index)
                    }
                    funds.cells[source.field] = cells
                }
                return funds
            }
        }
        return nil
    }

    /// National form: a header row of columns, a total row and one row per source.
    /// The rows are the sources of the money (财政拨款/上年结转/其他) or, when none of those is
    /// listed, the kinds of spending (基本支出/项目支出): one partition of the total, never both.
    func bindMatrix(_ spec: TemplateDefinition.FundsSpec, tables: [Table], index: FigureIndex) -> FundsGrid? {
        let bySource = bindMatrix(spec, sources: spec.sources, tables: tables, index: index)
        guard bySource == nil || bySource?.sources.isEmpty == true, let spending = spec.spendingSources else { return bySource }
        let bySpending = bindMatrix(spec, sources: spending, tables: tables, index: index)
        return bySpending?.sources.isEmpty == false ? bySpending : bySource
    }

    func bindMatrix(_ spec: TemplateDefinition.FundsSpec, sources: [TemplateDefinition.Labelled], tables: [Table], index: FigureIndex) -> FundsGrid? {
        for table in tables {
            let grid = table.grid
            for (r, row) in grid.enumerated() {
                var columnAt: [(String, Int, String)] = []
                for col in spec.columns {
                    if let c = row.indices.first(where: { matches(row[$0], col.labels) }) {
                        columnAt.append((col.field, c, row[c].label))
                    }
                }
                guard columnAt.count >= 2 else { continue }
                func column(_ labels: [String]?) -> Int? {
                    guard let labels else { return nil }
                    return row.indices.first { matches(row[$0], labels) }
                }
                let weightColumn = column(spec.weightLabels), rateColumn = column(spec.rateLabels), scoreColumn = column(spec.scoreLabels)
                var funds = FundsGrid(columns: columnAt.map(\.0), sources: [], totals: [:], cells: [:], labels: [:], weight: nil, rate: nil, score: nil, unit: spec.unit)
                for c in columnAt { funds.labels[c.0] = c.2 }
                for dataRow in grid[(r + 1)...] {
                    // The row label is the last non-numeric cell left of the first value column.
                    let firstValue = columnAt.map(\.1).min() ?? 1
                    guard let labelIndex = dataRow.prefix(firstValue).lastIndex(where: { !$0.trimmed.isEmpty && !isQuantity($0, index) }) else { continue }
                    let labelCell = dataRow[labelIndex]
                    let dataRow = aligned(dataRow, labelAt: labelIndex, firstValueColumn: firstValue, index)
                    let values = Dictionary(uniqueKeysWithValues: columnAt.compactMap { c in c.1 < dataRow.count ? (c.0, bound(dataRow[c.1], index)) : nil })
                    if matches(labelCell, spec.totalLabels ?? []) {
                        funds.totals = values
                        if let w = weightColumn, w < dataRow.count { funds.weight = bound(dataRow[w], index) }
                        if let w = rateColumn, w < dataRow.count { funds.rate = bound(dataRow[w], index) }
                        if let w = scoreColumn, w < dataRow.count { funds.score = bound(dataRow[w], index) }
                        funds.labels["total"] = labelCell.label
                    } else if let source = sources.first(where: { matches(labelCell.text.replacingAll("其中：", with: "").replacingAll("其中:", with: ""), $0.labels) }) {
                        funds.sources.append(source.field)
                        funds.cells[source.field] = values
                        if let w = rateColumn, w < dataRow.count, bound(dataRow[w], index).figure?.kind == .percent { funds.sourceRates[source.field] = bound(dataRow[w], index) }
                        funds.labels[source.field] = labelCell.label.replacingAll("其中：", with: "")
                    } else if !funds.totals.isEmpty {
                        break
                    }
                }
                return funds.totals.isEmpty && funds.cells.isEmpty ? nil : funds
            }
        }
        return nil
    }

    func isQuantity(_ cell: Cell, _ index: FigureIndex) -> Bool {
        index.figures(in: cell.location).contains { $0.kind.isQuantity }
    }

    /// A data row whose values start right after its label but left of the header's first value
    /// column lost a leading cell that the header spans over several rows (a merged "资金（万元）"
    /// cell in text with no span marks): its cells move right so that the first value sits under
    /// the first value column. A row whose cells between the label and the values hold no
    /// quantity is left as it is.
    func aligned(_ row: [Cell], labelAt labelIndex: Int, firstValueColumn: Int, _ index: FigureIndex) -> [Cell] {
        let between = row.indices.filter { $0 > labelIndex && $0 < firstValueColumn }
        guard let firstNumber = between.first(where: { isQuantity(row[$0], index) }),
              between.prefix(while: { $0 < firstNumber }).allSatisfy({ row[$0].trimmed.isEmpty }) else { return row }
        let shift = firstValueColumn - firstNumber
        let filler = Cell(text: "", location: row[labelIndex].location)
        return Array(row[...labelIndex]) + Array(repeating: filler, count: shift) + Array(row[(labelIndex + 1)...])
    }

    // MARK: expenses

    func bindExpenses(_ spec: TemplateDefinition.ExpenseSpec, tables: [Table], index: FigureIndex, into facts: inout ReportFacts) {
        for table in tables {
            let grid = table.grid
            guard let h = grid.firstIndex(where: { row in spec.columns.filter { col in row.contains { matches($0, col.labels) } }.count >= 2 }) else { continue }
            var col: [String: Int] = [:]
            for c in spec.columns { if let i = grid[h].firstIndex(where: { matches($0, c.labels) }) { col[c.field] = i } }
            guard let amountColumn = col["amount"] else { continue }
            for row in grid[(h + 1)...] where amountColumn < row.count {
                let label = row[col["content"] ?? 0].text
                if matches(label, spec.totalLabels) {
                    facts.expenseTotal = bound(row[amountColumn], index)
                    break
                }
                if row.allSatisfy({ $0.trimmed.isEmpty }) { continue }
                let voucherCell = col["voucher"].flatMap { $0 < row.count ? row[$0] : nil }
                facts.expenses.append(ExpenseLine(
                    content: row[col["content"] ?? 0].trimmed,
                    amount: bound(row[amountColumn], index),
                    voucher: voucherCell.map { BoundValue(figure: nil, text: $0.trimmed, location: $0.location, empty: $0.trimmed.isEmpty) },
                    voucherDate: voucherCell.flatMap { c in index.figures(in: c.location).first { $0.date != nil && $0.date!.day > 0 } },
                    note: col["note"].map { $0 < row.count ? row[$0].trimmed : "" } ?? ""))
            }
            let units = Set(facts.expenses.compactMap { $0.amount?.figure?.writtenUnit }.filter { !$0.isEmpty })
            if let u = units.first, units.count == 1 {
                facts.expenseUnit = u
                facts.expenseUnitSource = facts.expenses.first?.amount?.figure?.unitSource ?? "written"
            }
            return
        }
        facts.unbound.append("expenses")
    }

    // MARK: indicators

    func bindIndicators(_ spec: TemplateDefinition.IndicatorSpec, tables: [Table], index: FigureIndex, into facts: inout ReportFacts) {
        var found = false
        for table in tables {
            let grid = table.grid
            func has(_ row: [Cell], _ field: String) -> Bool {
                spec.columns.first { $0.field == field }.map { col in row.contains { matches($0, col.labels) } } ?? false
            }
            guard let h = grid.firstIndex(where: { row in
                (has(row, "target") && has(row, "actual")) || (has(row, "weight") && has(row, "score") && has(row, "level1"))
            }) else { continue }
            found = true
            var col: [String: Int] = [:]
            for c in spec.columns { if let i = grid[h].firstIndex(where: { matches($0, c.labels) }) { col[c.field] = i } }
            var level1 = "", level2 = ""
            var level1Cell: BoundValue? = nil, level2Cell: BoundValue? = nil
            for (r, row) in grid.enumerated() where r > h {
                // A cell spanning several columns (w:gridSpan) fills one field, not every column it covers.
                func cell(_ field: String) -> Cell? {
                    col[field].flatMap { c in
                        guard c < row.count else { return nil }
                        if let o = row[c].origin, o.row == r, o.column != c { return nil }
                        return row[c]
                    }
                }
                let l1 = cell("level1")?.trimmed ?? "", l2 = cell("level2")?.trimmed ?? ""
                if matches(l1, spec.totalLabels ?? []) || row.prefix(2).contains(where: { matches($0, spec.totalLabels ?? []) }) {
                    facts.indicatorTotalWeight = cell("weight").map { bound($0, index) }
                    facts.indicatorTotalScore = cell("score").map { bound($0, index) }
                    continue
                }
                if !l1.isEmpty { level1 = l1.compacted; level1Cell = cell("level1").map { bound($0, index) } }
                if !l2.isEmpty { level2 = l2.compacted; level2Cell = cell("level2").map { bound($0, index) } }
                let content = cell("content"), target = cell("target"), actual = cell("actual")
                if [content, target, actual].allSatisfy({ ($0?.trimmed ?? "").isEmpty }) { continue }
                facts.indicators.append(IndicatorRow(
                    level1: level1, level2: level2, level1Cell: level1Cell, level2Cell: level2Cell,
                    content: content.map { bound($0, index) }, target: target.map { bound($0, index) },
                    actual: actual.map { bound($0, index) }, weight: cell("weight").map { bound($0, index) },
                    score: cell("score").map { bound($0, index) }, reason: cell("reason").map { bound($0, index) },
                    nature: cell("nature")?.trimmed, unit: cell("unit")?.trimmed,
                    location: (content ?? target ?? row[0]).location,
                    targetFigures: target.map { index.figures(in: $0.location).filter(\.kind.isQuantity) } ?? [],
                    actualFigures: actual.map { index.figures(in: $0.location).filter(\.kind.isQuantity) } ?? []))
            }
        }
        if !found { facts.unbound.append("indicators") }
    }

    // MARK: department data

    func bindData(_ spec: TemplateDefinition.DataSpec, tables: [Table], index: FigureIndex) -> DepartmentData? {
        var data = DepartmentData()
        func values(below r: Int, in grid: [[Cell]], at columns: [(String, Int)]) -> [String: BoundValue] {
            for row in grid[(r + 1)...] {
                let bound = columns.compactMap { c -> (String, BoundValue)? in c.1 < row.count ? (c.0, self.bound(row[c.1], index)) : nil }
                if bound.contains(where: { $0.1.figure != nil }) { return Dictionary(bound, uniquingKeysWith: { a, _ in a }) }
            }
            return [:]
        }
        for table in tables {
            let grid = table.grid
            for (r, row) in grid.enumerated() {
                // Staff: 编制数 | 实际在职人数 | 控制率 header, values in the next row.
                let staffColumns = spec.staff.compactMap { field, labels in row.firstIndex { matches($0, labels) }.map { (field, $0) } }
                if staffColumns.count >= 2, data.staff.isEmpty { data.staff = values(below: r, in: grid, at: staffColumns) }
                let budgetColumns = spec.budget.compactMap { field, labels in row.firstIndex { matches($0, labels) }.map { (field, $0) } }
                if budgetColumns.count == 2, data.budget.isEmpty { data.budget = values(below: r, in: grid, at: budgetColumns) }
                // Expense rows under a 上年决算数 | 本年预算数 | 本年决算数 header.
                let columns = spec.columns.compactMap { col in row.firstIndex { matches($0, col.labels) }.map { (col.field, $0) } }
                guard columns.count >= 2 else { continue }
                for dataRow in grid[(r + 1)...] {
                    guard let labelCell = dataRow.first(where: { !$0.trimmed.isEmpty }) else { continue }
                    var label = labelCell.label
                    for prefix in ["其中：", "其中:", "其中"] where label.startsWithBytes(prefix) { label.removeFirst(prefix.count) }
                    while let f = label.first, f.isASCII && f.isNumber || f == "、" || f == "." { label.removeFirst() }
                    guard let field = spec.rows.first(where: { matches(label, $0.labels) })?.field, data.rows[field] == nil else { continue }
                    data.rows[field] = Dictionary(columns.compactMap { c in c.1 < dataRow.count ? (c.0, bound(dataRow[c.1], index)) : nil }, uniquingKeysWith: { a, _ in a })
                    data.labels[field] = label
                }
                for c in columns { data.labels[c.0] = row[c.1].label }
            }
        }
        return data.staff.isEmpty && data.rows.isEmpty && data.budget.isEmpty ? nil : data
    }

    // MARK: goals

    func bindGoals(_ spec: TemplateDefinition.GoalSpec, tables: [Table], index: FigureIndex, into facts: inout ReportFacts) {
        for table in tables {
            let grid = table.grid
            for (r, row) in grid.enumerated() {
                guard let t = row.firstIndex(where: { matches($0, spec.targetLabels) }),
                      let a = row.firstIndex(where: { matches($0, spec.actualLabels) }) else { continue }
                var next = r + 1
                // The values are in the same row right of the labels (national form) or in the next row.
                if t + 1 < row.count && a + 1 < row.count && !matches(row[t + 1], spec.actualLabels) && r + 1 >= grid.count { next = r }
                guard next < grid.count, t < grid[next].count, a < grid[next].count else { continue }
                let targetCell = grid[next][t], actualCell = grid[next][a]
                facts.goalTargetText = bound(targetCell, index)
                facts.goalActualText = bound(actualCell, index)
                // Counted items and rates are targets; amounts in a goal text are usually standards.
                facts.goalTargets = index.figures(in: targetCell.location).filter { $0.kind == .count || $0.kind == .percent }
                    .map { GoalItem(text: ($0.subjectPhrase ?? "") + $0.text, figure: $0) }
                return
            }
        }
        facts.unbound.append("goals")
    }
}

/// Figures by position, for finding the figures inside a cell.
struct FigureIndex {
    let sorted: [Figure]
    init(_ figures: [Figure]) { sorted = figures.sorted { $0.location.start < $1.location.start } }

    func figures(in location: SourceLocation) -> [Figure] {
        var lo = 0, hi = sorted.count
        while lo < hi { let mid = (lo + hi) / 2; if sorted[mid].location.start < location.start { lo = mid + 1 } else { hi = mid } }
        var out: [Figure] = []
        var i = lo
        while i < sorted.count, sorted[i].location.start < location.end { out.append(sorted[i]); i += 1 }
        return out
    }
}
