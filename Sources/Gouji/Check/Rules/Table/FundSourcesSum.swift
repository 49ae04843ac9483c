import Foundation

/// T01: the funding sources add up to the total in every column of the funds grid
/// (计划/到位/支出/结余 × 中央/省/市/县市区/其它, or 年初预算/全年预算/全年执行 × 本年财政拨款/上年结转/其他).
public struct FundSourcesSum: Rule {
    public static let description = RuleDescription(
        id: "T01", name: "fund-sources-sum", family: .table, severity: .error,
        summary: Localized(zh: "资金表中各来源之和应等于合计（按列）", en: "The funding sources add up to the total in each column of the funds table"),
        triggering: [
            "\t计划安排资金\n（万元）\n\t↓170\n\t实际到位资金\n（万元）\n\t170\n\n\t其中：中央财政\n\t0\n\t其中：中央财政\n\t0\n\n\t省财政\n\t170\n\t省财政\n\t170\n\n\t其它\n\t9.6\n\t其它\n\t0\n\n",
        ],
        nonTriggering: [
            "\t计划安排资金\n（万元）\n\t179.6\n\t实际到位资金\n（万元）\n\t170\n\n\t其中：中央财政\n\t0\n\t其中：中央财政\n\t0\n\n\t省财政\n\t170\n\t省财政\n\t170\n\n\t其它\n\t9.6\n\t其它\n\t0\n\n",
        ])

    public init() {}

    public func check(_ c: RuleContext) -> [Finding] {
        guard let funds = c.facts.funds, !funds.sources.isEmpty else { return [] }
        var out: [Finding] = []
        for column in funds.columns {
            guard let total = funds.totals[column]?.figure else { continue }
            let cells = funds.sources.compactMap { funds.cells[$0]?[column] }
            let parts = cells.compactMap(\.figure)
            guard parts.count == cells.filter({ !$0.empty }).count, !parts.isEmpty else { continue }
            let label = funds.labels[column] ?? column
            if let f = SumCheck.check(Self.description, c, total: total, parts: parts,
                                      what: Localized(zh: "“\(label)”合计", en: "The \(label) total"),
                                      partNames: funds.sources.map { funds.labels[$0] ?? $0 }) {
                out.append(f)
            }
        }
        return out
    }
}
