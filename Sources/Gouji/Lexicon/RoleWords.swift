/// Lexicons/roles.yaml: the words that decide what a figure is doing in its clause (its role)
/// and whether a list of parts is a partition of its total.
public struct RoleWords: Codable, Sendable {
    public var comparison: [String]
    public var comparisonBeforeYear: [String]
    public var previousPeriod: [String]
    public var previousPeriodExceptions: [String]
    public var change: [String]
    public var share: [String]
    public var target: [String]
    public var targetHeaders: [String]
    public var total: [String]
    public var totalExceptions: [String]
    public var actual: [String]
    public var partOpeners: [String]
    /// Words that open a list of parts right after a total and a comma ("124.23万元，为…").
    public var listOpeners: [String]
    public var partialList: [String]
    public var overlappingAttributes: [String]
    /// Words claiming a target was met (已达标, 完成目标 …).
    public var claims: [String]
    /// Words of a scoring standard (计满分, 每低于…扣, 扣完为止): figures in such a clause are the
    /// standard's thresholds, not figures of the report.
    public var criterion: [String]
    /// Words of a rate stated beside its two amounts in prose.
    public var amountRates: AmountRates
    public struct AmountRates: Codable, Sendable {
        public var rates: [String]
        public var budgets: [String]
        public var spent: [String]
    }
    /// Sets of part names that together make up a whole (中央/省/市/县/其它, 基本支出/项目支出 …).
    public var partitions: [[String]]

    /// Whether `text` holds a total word ("共", "合计" …) that is not part of a word such as 公共.
    public func hasTotalWord(_ text: String) -> Bool {
        guard total.contains(where: text.containsBytes(of:)) else { return false }
        var stripped = text
        for e in totalExceptions where stripped.containsBytes(of: e) { stripped = stripped.replacingOccurrences(of: e, with: "　") }
        return total.contains(where: stripped.containsBytes(of:))
    }

    /// The first claim word in `text` that is a claim: not followed by a number (digits, ≥, a
    /// sign or a space before one).
    public func claim(in text: String) -> String? {
        for word in claims {
            var from = text.startIndex
            while let r = text.range(of: word, range: from..<text.endIndex) {
                let next = text[r.upperBound...].drop { $0 == " " || $0 == "　" }.first
                if !(next.map { $0.isNumber || "≥≤>=<＞＜+-.".contains($0) } ?? false) { return word }
                from = r.upperBound
            }
        }
        return nil
    }

    enum CodingKeys: String, CodingKey {
        case comparison, change, share, target, total, actual, partitions, claims, criterion
        case comparisonBeforeYear = "comparison_before_year"
        case previousPeriod = "previous_period"
        case previousPeriodExceptions = "previous_period_exceptions"
        case totalExceptions = "total_exceptions"
        case targetHeaders = "target_headers"
        case amountRates = "amount_rates"
        case partOpeners = "part_openers"
        case listOpeners = "list_openers"
        case partialList = "partial_list"
        case overlappingAttributes = "overlapping_attributes"
    }
}
