import Foundation

/// T07: 0 ≤ 得分 ≤ 分值 for every indicator row, the execution row and the total.
public struct ScoreCap: Rule {
    public static let description = RuleDescription(
        id: "T07", name: "score-cap", family: .table, severity: .error,
        summary: Localized(zh: "得分不得超过分值，也不得为负", en: "A score never exceeds its weight and is never negative"),
        triggering: ["\t绩效指标\n\t一级指标\n\t二级指标\n\t三级指标\n\t年度指标值\n\t实际完成值\n\t分值\n\t得分\n\t偏差原因分析及改进措施\n\n\t\n\t产出指标\n\t数量指标\n\t补助幼儿园数量\n\t≥48所\n\t48所\n\t10\n\t↓12\n\t\n\n"],
        nonTriggering: ["\t绩效指标\n\t一级指标\n\t二级指标\n\t三级指标\n\t年度指标值\n\t实际完成值\n\t分值\n\t得分\n\t偏差原因分析及改进措施\n\n\t\n\t产出指标\n\t数量指标\n\t补助幼儿园数量\n\t≥48所\n\t48所\n\t10\n\t10\n\t\n\n"])

    public init() {}

    public func check(_ c: RuleContext) -> [Finding] {
        var pairs: [(String, Figure, Figure)] = []
        for row in c.facts.indicators {
            if let s = row.score?.figure, let w = row.weight?.figure { pairs.append((row.content?.text ?? row.level2, s, w)) }
        }
        if let s = c.facts.funds?.score?.figure, let w = c.facts.funds?.weight?.figure { pairs.append(("预算执行", s, w)) }
        if let s = c.facts.indicatorTotalScore?.figure, let w = c.facts.indicatorTotalWeight?.figure { pairs.append(("总分", s, w)) }
        return pairs.compactMap { name, s, w in
            guard s.value > w.value || s.value < 0 else { return nil }
            return c.finding(Self.description,
                             message: Localized(zh: "“\(name)”得分 \(s.text) \(s.value < 0 ? "为负" : "超过分值 \(w.text)")", en: "“\(name)” score \(s.text) \(s.value < 0 ? "is negative" : "exceeds its weight \(w.text)")"),
                             arithmetic: Localized(zh: "\(s.number.plain) \(s.value < 0 ? "< 0" : "> \(w.number.plain)")", en: "\(s.number.plain) \(s.value < 0 ? "< 0" : "> \(w.number.plain)")"),
                             figures: [s, w],
                             suggestions: [Suggestion(location: s.location, original: s.text, replacement: s.value < 0 ? "0" : w.number.plain,
                                                      reason: Localized(zh: "得分限于 0 至分值之间", en: "keep the score between 0 and the weight"))])
        }
    }
}
