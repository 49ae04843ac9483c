import Foundation

/// T05: the stated 执行率 equals 全年执行数 / 全年预算数 (the adjusted budget).
public struct ExecutionRate: Rule {
    public static let description = RuleDescription(
        id: "T05", name: "execution-rate", family: .table, severity: .error,
        summary: Localized(zh: "执行率应等于全年执行数除以全年（调整后）预算数", en: "The execution rate equals 全年执行数 / 全年预算数 (the adjusted budget)"),
        triggering: ["\t项目资金\n（万元）\n\t\n\t年初预算数\n\t全年预算数\n\t全年执行数\n\t分值\n\t执行率\n\t得分\n\n\t\n\t年度资金总额\n\t650.00\n\t702.80\n\t665.02\n\t10\n\t↓96.62%\n\t9.46\n\n"],
        nonTriggering: ["\t项目资金\n（万元）\n\t\n\t年初预算数\n\t全年预算数\n\t全年执行数\n\t分值\n\t执行率\n\t得分\n\n\t\n\t年度资金总额\n\t650.00\n\t702.80\n\t665.02\n\t10\n\t94.62%\n\t9.46\n\n"])

    public init() {}

    public func check(_ c: RuleContext) -> [Finding] {
        guard let funds = c.facts.funds, let rate = funds.rate?.figure, rate.kind == .percent,
              let executed = funds.totals["executed"]?.figure, let adjusted = funds.totals["adjusted"]?.figure, adjusted.value > 0 else { return [] }
        let exact = executed.value / adjusted.value * 100
        guard let severity = Percent.verdict(stated: rate, exact: exact) else { return [] }
        var note = Localized(zh: "", en: "")
        if let initial = funds.totals["initial"]?.figure, initial.value > 0, Percent.verdict(stated: rate, exact: executed.value / initial.value * 100) == nil {
            note = Localized(zh: "；所述执行率按年初预算数计算，应以全年预算数为分母", en: "; the stated rate uses the initial budget, the adjusted budget is the denominator")
        }
        let fixed = exact.rounded(max(rate.decimals, 2))
        return [c.finding(Self.description, severity: note.zh.isEmpty ? severity : .warning,
                          message: Localized(zh: "执行率 \(rate.text) 与 全年执行数 ÷ 全年预算数 = \(fixed.plain)% 不符" + note.zh,
                                             en: "Execution rate \(rate.text) differs from executed / adjusted budget = \(fixed.plain)%" + note.en),
                          arithmetic: Localized(zh: "\(executed.number.plain) ÷ \(adjusted.number.plain) = \(exact.display(4))%", en: "\(executed.number.plain) / \(adjusted.number.plain) = \(exact.display(4))%"),
                          figures: [rate, executed, adjusted],
                          suggestions: [Suggestion(location: rate.location, original: rate.text, replacement: Arithmetic.replacement(for: rate, value: fixed, surface: rate.text),
                                                   reason: Localized(zh: "按全年执行数 ÷ 全年预算数重算执行率", en: "recompute the rate as executed / adjusted budget"))])].compactMap { $0 }
    }
}
