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
        /// Matrix layout: labels of the total row.
        public var totalLabels: [String]?
        /// Matrix layout: the weight, rate and score columns of the execution row.
        public var weightLabels: [String]?
        public var rateLabels: [String]?
        public var scoreLabels: [String]?
        enum CodingKeys: String, CodingKey {
            case layout, unit, columns, sources
            case totalLabels = "total_labels"
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
}
