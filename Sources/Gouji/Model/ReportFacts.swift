import Foundation

/// A value bound to a template field, with the figure (or cell) it came from.
public struct BoundValue: Codable, Sendable {
    /// The figure, when the cell held a number.
    public var figure: Figure?
    /// The cell or paragraph text as written.
    public var text: String
    public var location: SourceLocation
    /// The cell was empty (treated as 0 in sums, but remembered).
    public var empty: Bool

    public init(figure: Figure?, text: String, location: SourceLocation, empty: Bool = false) {
        self.figure = figure; self.text = text; self.location = location; self.empty = empty
    }
}

/// The funds grid: columns (计划/到位/支出/结余 or 年初预算/全年预算/全年执行) × sources, totals included.
public struct FundsGrid: Codable, Sendable {
    /// Column fields in template order (planned, received, spent, balance | initial, adjusted, executed).
    public var columns: [String]
    /// Source fields in template order (central, province, city, county, other | appropriation, carryover, other).
    public var sources: [String]
    /// Column → total cell.
    public var totals: [String: BoundValue]
    /// Source → column → cell.
    public var cells: [String: [String: BoundValue]]
    /// Labels as written, for messages: field → label.
    public var labels: [String: String]
    /// National form: weight (分值), stated execution rate and score of the funds row.
    public var weight: BoundValue?
    public var rate: BoundValue?
    public var score: BoundValue?
    /// The column an execution rate divides by: the adjusted budget (全年预算数), or the initial
    /// budget (年初预算数) in a form that has no adjusted column.
    public var rateBase: String? {
        columns.contains("adjusted") ? "adjusted" : columns.contains("initial") ? "initial" : nil
    }

    /// The total row then each source row, with their labels as written.
    public var labelledRows: [(label: String, cells: [String: BoundValue])] {
        [(labels["total"] ?? "合计", totals)] + sources.compactMap { s in cells[s].map { (labels[s] ?? s, $0) } }
    }

    /// Execution rates stated per source row (Sichuan form).
    public var sourceRates: [String: BoundValue] = [:]
    public var unit: String
}

/// One line of the expense detail table.
public struct ExpenseLine: Codable, Sendable {
    public var content: String
    public var amount: BoundValue?
    public var voucher: BoundValue?
    public var voucherDate: Figure?
    public var note: String
}

/// One quantitative or qualitative indicator row.
public struct IndicatorRow: Codable, Sendable {
    public var level1: String
    public var level2: String
    /// The level cells as written (inherited from the cell above when merged), with any
    /// weight they state ("投入（15分）").
    public var level1Cell: BoundValue?
    public var level2Cell: BoundValue?
    public var content: BoundValue?
    public var target: BoundValue?
    public var actual: BoundValue?
    public var weight: BoundValue?
    public var score: BoundValue?
    public var reason: BoundValue?
    public var nature: String?
    public var unit: String?
    public var location: SourceLocation
    /// Figures in the target and actual cells (a cell may hold several).
    public var targetFigures: [Figure]
    public var actualFigures: [Figure]
}

/// A qualitative target item ("申报省级孵化器1个") split out of a goal text.
public struct GoalItem: Codable, Sendable {
    public var text: String
    public var figure: Figure
}

/// Everything the checker needs to know about a report, bound from its tables and text.
public struct ReportFacts: Codable, Sendable {
    /// hunan-project, national-project, department, unknown.
    public var family: String
    public var variant: String
    public var confidence: Double
    public var funds: FundsGrid?
    public var expenses: [ExpenseLine]
    public var expenseTotal: BoundValue?
    /// The unit of the expense amounts (元 when inferred from the funds table, else the header's).
    public var expenseUnit: String?
    public var expenseUnitSource: String?
    public var indicators: [IndicatorRow]
    public var indicatorTotalWeight: BoundValue?
    public var indicatorTotalScore: BoundValue?
    public var goalTargets: [GoalItem]
    public var goalTargetText: BoundValue?
    public var goalActualText: BoundValue?
    /// Simple fields: period, report_date, total_score, grade, project_name, …
    public var fields: [String: BoundValue]
    public var period: PeriodFact?
    public var reportDate: Figure?
    /// Department basic data (staff, expense rows by year column, budget adjustment).
    public var data: DepartmentData?
    /// What could not be bound (reported as info findings so a reviewer knows a check was skipped).
    public var unbound: [String]

    public init(family: String = "unknown", variant: String = "unknown", confidence: Double = 0) {
        self.family = family; self.variant = variant; self.confidence = confidence
        funds = nil; expenses = []; expenseTotal = nil; expenseUnit = nil; expenseUnitSource = nil
        indicators = []; indicatorTotalWeight = nil; indicatorTotalScore = nil
        goalTargets = []; goalTargetText = nil; goalActualText = nil
        fields = [:]; period = nil; reportDate = nil; unbound = []; data = nil
    }
}

/// The project period (项目起止时间).
public struct PeriodFact: Codable, Sendable {
    public var start: DateParts
    public var end: DateParts
    public var text: String
    public var location: SourceLocation
}

/// The department basic data table (rules.md §1.3): staff numbers, expense rows by column
/// (上年决算 / 本年预算 / 本年决算) and the budget adjustment.
public struct DepartmentData: Codable, Sendable {
    public var staff: [String: BoundValue] = [:]
    /// Row field → column field → value.
    public var rows: [String: [String: BoundValue]] = [:]
    public var labels: [String: String] = [:]
    public var budget: [String: BoundValue] = [:]
    public init() {}
}
