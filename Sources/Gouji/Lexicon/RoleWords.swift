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
    public var total: [String]
    public var actual: [String]
    public var partOpeners: [String]
    public var partialList: [String]
    public var overlappingAttributes: [String]
    /// Sets of part names that together make up a whole (中央/省/市/县/其它, 基本支出/项目支出 …).
    public var partitions: [[String]]

    enum CodingKeys: String, CodingKey {
        case comparison, change, share, target, total, actual, partitions
        case comparisonBeforeYear = "comparison_before_year"
        case previousPeriod = "previous_period"
        case previousPeriodExceptions = "previous_period_exceptions"
        case partOpeners = "part_openers"
        case partialList = "partial_list"
        case overlappingAttributes = "overlapping_attributes"
    }
}
