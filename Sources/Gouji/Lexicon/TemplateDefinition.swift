/// One report template family as data (Lexicons/templates/*.yaml): the labels that identify
/// it and where each field's value sits relative to its label.
public struct TemplateDefinition: Codable, Sendable {
    /// Family reported to users: hunan-project, national-project or department.
    public var family: String
    /// Variant id (e.g. hunan-project, national-project-sichuan).
    public var id: String
    public var name: String
    /// Labels whose presence in table cells identifies the family, with weights.
    public var signals: [Signal]
    /// Single values found right of (or below) a label: period, report date, score, grade …
    public var fields: [FieldSpec]
    public var funds: FundsSpec?
    public var expenses: ExpenseSpec?
    public var indicators: IndicatorSpec?
    public var goals: GoalSpec?
    /// Department reports: the basic data table (staff, 三公经费 … by year column, budget adjustment).
    public var data: DataSpec?

    public struct DataSpec: Codable, Sendable {
        public var staff: [String: [String]]
        public var columns: [Labelled]
        public var rows: [Labelled]
        public var budget: [String: [String]]
    }

    public struct Signal: Codable, Sendable {
        public var label: String
        public var weight: Int
    }

    /// A named list of synonyms for one label.
    public struct Labelled: Codable, Sendable {
        public var field: String
        public var labels: [String]
    }

    public struct FieldSpec: Codable, Sendable {
        public var field: String
        public var labels: [String]
        /// text, date, period, score, grade, money
        public var kind: String
        /// Whether the label may also appear in a paragraph as "label：value".
        public var inParagraph: Bool?
        enum CodingKeys: String, CodingKey {
            case field, labels, kind
            case inParagraph = "in_paragraph"
        }
    }

    public struct FundsSpec: Codable, Sendable {
        /// `pairs`: each row holds (label, value) pairs, one per column, the total row first and
        /// one row per source (the Hunan form). `matrix`: a header row of columns and one row per
        /// source with the total row labelled (the national form).
        public var layout: String
        /// Unit of the amounts when the cells carry none.
        public var unit: String
        public var columns: [Labelled]
        public var sources: [Labelled]
        /// Matrix layout: the rows that split the total by kind of spending (基本支出/项目支出),
        /// bound when no row names a source.
        public var spendingSources: [Labelled]?
        /// Matrix layout: labels of the total row.
        public var totalLabels: [String]?
        /// Matrix layout: the weight, rate and score columns of the execution row.
        public var weightLabels: [String]?
        public var rateLabels: [String]?
        public var scoreLabels: [String]?
        enum CodingKeys: String, CodingKey {
            case layout, unit, columns, sources
            case totalLabels = "total_labels"
            case spendingSources = "spending_sources"
            case weightLabels = "weight_labels"
            case rateLabels = "rate_labels"
            case scoreLabels = "score_labels"
        }
    }

    public struct ExpenseSpec: Codable, Sendable {
        public var columns: [Labelled]
        public var totalLabels: [String]
        enum CodingKeys: String, CodingKey {
            case columns
            case totalLabels = "total_labels"
        }
    }

    public struct IndicatorSpec: Codable, Sendable {
        /// Columns by field: level1, level2, level3/content, target, actual, weight, score, reason, nature, unit.
        public var columns: [Labelled]
        /// Labels of the total-score row inside the indicator table (总分).
        public var totalLabels: [String]?
        enum CodingKeys: String, CodingKey {
            case columns
            case totalLabels = "total_labels"
        }
    }

    /// Overall goal or qualitative targets: a header row naming the target and actual columns.
    public struct GoalSpec: Codable, Sendable {
        public var blockLabels: [String]
        public var targetLabels: [String]
        public var actualLabels: [String]
        enum CodingKeys: String, CodingKey {
            case blockLabels = "block_labels"
            case targetLabels = "target_labels"
            case actualLabels = "actual_labels"
        }
    }

    /// The same template with every binding label in `Labels.normalize` form, as the binder
    /// compares them against normalised cell texts. Lexicons apply this once on load.
    public func withNormalizedLabels() -> TemplateDefinition {
        func n(_ list: [String]) -> [String] { list.map(Labels.normalize) }
        func n(_ list: [String]?) -> [String]? { list.map(n) }
        func n(_ list: [Labelled]) -> [Labelled] { list.map { Labelled(field: $0.field, labels: n($0.labels)) } }
        var t = self
        t.fields = fields.map { var f = $0; f.labels = n(f.labels); return f }
        if var f = funds {
            f.columns = n(f.columns); f.sources = n(f.sources); f.spendingSources = f.spendingSources.map { n($0) }; f.totalLabels = n(f.totalLabels)
            f.weightLabels = n(f.weightLabels); f.rateLabels = n(f.rateLabels); f.scoreLabels = n(f.scoreLabels)
            t.funds = f
        }
        if var e = expenses { e.columns = n(e.columns); e.totalLabels = n(e.totalLabels); t.expenses = e }
        if var i = indicators { i.columns = n(i.columns); i.totalLabels = n(i.totalLabels); t.indicators = i }
        if var g = goals {
            g.blockLabels = n(g.blockLabels); g.targetLabels = n(g.targetLabels); g.actualLabels = n(g.actualLabels)
            t.goals = g
        }
        if var d = data {
            d.staff = d.staff.mapValues(n); d.columns = n(d.columns); d.rows = n(d.rows); d.budget = d.budget.mapValues(n)
            t.data = d
        }
        return t
    }
}
