import Foundation

/// T10: a quantitative indicator's score follows from its target, actual and weight; a score
/// above the formula is inflated (error), one below it needs a stated reason (warning).
public struct QuantitativeScore: Rule {
    public static let description = RuleDescription(
        id: "T10", name: "quantitative-score", family: .table, severity: .error, also: [.warning, .info],
        summary: Localized(zh: "定量指标得分应按指标值、实际完成值和分值计算", en: "A quantitative indicator's score follows from target, actual and weight"),
        triggering: ["\t绩效指标\n\t一级指标\n\t二级指标\n\t三级指标\n\t年度指标值\n\t实际完成值\n\t分值\n\t得分\n\t偏差原因分析及改进措施\n\n\t\n\t效益指标\n\t社会效益指标\n\t毛入园率\n\t≥90%\n\t88.4%\n\t10\n\t↓10\n\t\n\n"],
        nonTriggering: ["\t绩效指标\n\t一级指标\n\t二级指标\n\t三级指标\n\t年度指标值\n\t实际完成值\n\t分值\n\t得分\n\t偏差原因分析及改进措施\n\n\t\n\t效益指标\n\t社会效益指标\n\t毛入园率\n\t≥90%\n\t88.4%\n\t10\n\t9.82\n\t师资不足\n\n"])

    public init() {}

    public func check(_ c: RuleContext) -> [Finding] {
        c.facts.indicators.compactMap { row in
            guard let st = IndicatorStatus(row), let expected = st.expectedScore, let score = row.score?.figure else { return nil }
            let gap = score.value - expected
            guard gap.magnitude > Decimal(string: "0.01")! else { return nil }
            let inflated = gap > 0
            if !inflated && gap.magnitude <= Decimal(string: "0.1")! { return nil }
            let name = row.content?.text ?? row.level2
            return c.finding(Self.description, severity: inflated ? (gap <= Decimal(string: "0.1")! ? .info : .error) : .warning,
                             message: Localized(zh: "“\(name)”得分 \(score.text) \(inflated ? "高于" : "低于")按完成值计算的 \(expected.rounded(2).plain)" + (inflated ? "" : "，请说明扣分原因"),
                                                en: "“\(name)” score \(score.text) is \(inflated ? "above" : "below") the formula score \(expected.rounded(2).plain)" + (inflated ? "" : "; give the reason for the deduction")),
                             arithmetic: st.formula,
                             figures: [score, st.target, st.actual] + (st.weight.map { [$0] } ?? []),
                             suggestions: [Suggestion(location: score.location, original: score.text, replacement: Arithmetic.replacement(for: score, value: expected.rounded(2), surface: score.text),
                                                      reason: Localized(zh: "按公式重算得分", en: "recompute the score by the formula"))])
        }
    }
}
