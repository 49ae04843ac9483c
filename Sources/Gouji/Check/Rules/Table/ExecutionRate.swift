import Foundation

/// T05: the stated 执行率 equals 全年执行数 / 全年预算数 (the adjusted budget).
public struct ExecutionRate: Rule {
    public static let description = RuleDescription(
        id: "T05", name: "execution-rate", family: .table, severity: .error, also: [.warning, .info],
        summary: Localized(zh: "执行率应等于全年执行数除以全年（调整后）预算数", en: "The execution rate equals 全年执行数 / 全年预算数 (the adjusted budget)"),
        triggering: ["全年预算19204万元，累计支付18501.096万元，支付率↓95%。",
                     "项目全年预算数80万元，执行数72万元，完成预算的↓100%。", "下达资金500万元，已拨付450万元，拨付率↓95%。", "\t项目资金\n（万元）\n\t\n\t年初预算数\n\t全年预算数\n\t全年执行数\n\t分值\n\t执行率\n\t得分\n\n\t\n\t年度资金总额\n\t650.00\n\t702.80\n\t665.02\n\t10\n\t↓96.62%\n\t9.46\n\n"],
        nonTriggering: ["“三公”经费支出预算为1102万元，支出决算为769.70万元，完成预算的69.85%。", "项目预算20万元，全年实际支付20万元，使用率100%。",
                        "下达资金500万元，已拨付480万元，较上年增长5%。", "\t项目资金\n（万元）\n\t\n\t年初预算数\n\t全年预算数\n\t全年执行数\n\t分值\n\t执行率\n\t得分\n\n\t\n\t年度资金总额\n\t650.00\n\t702.80\n\t665.02\n\t10\n\t94.62%\n\t9.46\n\n"])

    public init() {}

    public func check(_ c: RuleContext) -> [Finding] {
        var out = checkProse(c)
        guard let funds = c.facts.funds else { return out }
        if let f = check(c, funds, label: funds.labels["total"] ?? "合计", rate: funds.rate?.figure, row: funds.totals) { out.append(f) }
        for s in funds.sources {
            if let f = check(c, funds, label: funds.labels[s] ?? s, rate: funds.sourceRates[s]?.figure, row: funds.cells[s] ?? [:]) { out.append(f) }
        }
        return out
    }

    /// A rate in the prose beside its two amounts ("预算20万元，实际支付19.2万元，支付率96%"):
    /// paired from the text, so a warning at most.
    func checkProse(_ c: RuleContext) -> [Finding] {
        AmountRates.triples(c).compactMap { t in
            let exact = t.spent.value / t.budget.value * 100
            guard let verdict = Percent.verdict(stated: t.rate, exact: exact) else { return nil }
            let fixed = exact.rounded(max(t.rate.decimals, 2))
            return c.finding(Self.description, severity: min(verdict, .warning),
                             message: Localized(zh: "比率 \(t.rate.text) 与 \(t.spent.text) ÷ \(t.budget.text) = \(fixed.plain)% 不符",
                                                en: "The rate \(t.rate.text) differs from \(t.spent.text) / \(t.budget.text) = \(fixed.plain)%"),
                             arithmetic: Localized(zh: "\(Arithmetic.inUnit(t.spent.value, of: t.budget)) ÷ \(Arithmetic.inUnit(t.budget.value, of: t.budget)) = \(exact.display(4))%",
                                                   en: "\(Arithmetic.inUnit(t.spent.value, of: t.budget)) / \(Arithmetic.inUnit(t.budget.value, of: t.budget)) = \(exact.display(4))%"),
                             figures: [t.rate, t.spent, t.budget],
                             suggestions: [Suggestion(location: t.rate.location, original: t.rate.text,
                                                      replacement: Arithmetic.replacement(for: t.rate, value: fixed, surface: t.rate.text),
                                                      reason: Localized(zh: "按所述两个金额重算比率", en: "recompute the rate from the two amounts"))])
        }
    }

    func check(_ c: RuleContext, _ funds: FundsGrid, label: String, rate: Figure?, row: [String: BoundValue]) -> Finding? {
        guard let rate, rate.kind == .percent,
              let executed = row["executed"]?.figure, let base = funds.rateBase, let adjusted = row[base]?.figure, adjusted.value > 0 else { return nil }
        let exact = executed.value / adjusted.value * 100
        guard let severity = Percent.verdict(stated: rate, exact: exact) else { return nil }
        var note = Localized(zh: "", en: "")
        if base == "adjusted", let initial = row["initial"]?.figure, initial.value > 0, Percent.verdict(stated: rate, exact: executed.value / initial.value * 100) == nil {
            note = Localized(zh: "；所述执行率按年初预算数计算，应以全年预算数为分母", en: "; the stated rate uses the initial budget, the adjusted budget is the denominator")
        }
        let fixed = exact.rounded(max(rate.decimals, 2))
        return c.finding(Self.description, severity: note.zh.isEmpty ? severity : .warning,
                          message: Localized(zh: "\(label)执行率 \(rate.text) 与 \(funds.labels["executed"] ?? "全年执行数") ÷ \(funds.labels[base] ?? "全年预算数") = \(fixed.plain)% 不符" + note.zh,
                                             en: "\(label) execution rate \(rate.text) differs from executed / adjusted budget = \(fixed.plain)%" + note.en),
                          arithmetic: Localized(zh: "\(executed.number.plain) ÷ \(adjusted.number.plain) = \(exact.display(4))%", en: "\(executed.number.plain) / \(adjusted.number.plain) = \(exact.display(4))%"),
                          figures: [rate, executed, adjusted],
                          suggestions: [Suggestion(location: rate.location, original: rate.text, replacement: Arithmetic.replacement(for: rate, value: fixed, surface: rate.text),
                                                   reason: Localized(zh: "按全年执行数 ÷ 全年预算数重算执行率", en: "recompute the rate as executed / adjusted budget"))])
    }
}
