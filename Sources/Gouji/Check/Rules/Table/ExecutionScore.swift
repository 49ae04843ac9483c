import Foundation

/// T06: the budget-execution score equals min(执行率, 1) × 分值.
public struct ExecutionScore: Rule {
    public static let description = RuleDescription(
        id: "T06", name: "execution-score", family: .table, severity: .error, also: [.info],
        summary: Localized(zh: "预算执行得分应等于 min(执行率,1) × 分值", en: "The execution score equals min(rate, 1) × weight"),
        triggering: ["\t项目资金\n（万元）\n\t\n\t年初预算数\n\t全年预算数\n\t全年执行数\n\t分值\n\t执行率\n\t得分\n\n\t\n\t年度资金总额\n\t650.00\n\t702.80\n\t665.02\n\t10\n\t94.62%\n\t↓10\n\n"],
        nonTriggering: ["\t项目资金\n（万元）\n\t\n\t年初预算数\n\t全年预算数\n\t全年执行数\n\t分值\n\t执行率\n\t得分\n\n\t\n\t年度资金总额\n\t650.00\n\t702.80\n\t665.02\n\t10\n\t94.62%\n\t9.46\n\n"])

    public init() {}

    public func check(_ c: RuleContext) -> [Finding] {
        guard let funds = c.facts.funds, let score = funds.score?.figure, let weight = funds.weight?.figure,
              let executed = funds.totals["executed"]?.figure, let base = funds.rateBase, let adjusted = funds.totals[base]?.figure, adjusted.value > 0 else { return [] }
        let rate = min(executed.value / adjusted.value, 1)
        let expected = rate * weight.number
        var severity = Percent.scoreVerdict(stated: score.number, expected: expected)
        // A score computed from the stated (rounded) rate also passes.
        if let stated = funds.rate?.figure, Percent.scoreVerdict(stated: score.number, expected: min(stated.value / 100, 1) * weight.number) == nil { severity = nil }
        guard let severity else { return [] }
        let fixed = expected.rounded(2)
        return [c.finding(Self.description, severity: severity,
                          message: Localized(zh: "预算执行得分 \(score.text) 应为 \(fixed.plain)", en: "Execution score \(score.text) should be \(fixed.plain)"),
                          arithmetic: Localized(zh: "min(\(executed.number.plain) ÷ \(adjusted.number.plain), 1) × \(weight.number.plain) = \((rate * 100).display(2))% × \(weight.number.plain) = \(expected.display(4))",
                                                en: "min(\(executed.number.plain) / \(adjusted.number.plain), 1) × \(weight.number.plain) = \((rate * 100).display(2))% × \(weight.number.plain) = \(expected.display(4))"),
                          figures: [score, weight, executed, adjusted],
                          suggestions: [Suggestion(location: score.location, original: score.text, replacement: Arithmetic.replacement(for: score, value: fixed, surface: score.text),
                                                   reason: Localized(zh: "按执行率 × 分值重算得分", en: "recompute as rate × weight"))])].compactMap { $0 }
    }
}
