import Foundation

/// G02: a claim that a target was met ("已达标", "达成年度指标", "无偏差") agrees with the numbers.
public struct MetStatus: Rule {
    public static let description = RuleDescription(
        id: "G02", name: "met-status", family: .target, severity: .error,
        summary: Localized(zh: "“已达标/已完成”等表述应与指标值和完成值相符", en: "A claim that a target was met agrees with target and actual"),
        triggering: ["\t绩效指标\n\t一级指标\n\t二级指标\n\t三级指标\n\t年度指标值\n\t实际完成值\n\t分值\n\t得分\n\t偏差原因分析及改进措施\n\n\t\n\t效益指标\n\t社会效益指标\n\t毛入园率\n\t≥90%\n\t↓88.4%\n\t10\n\t9.82\n\t已达标，无偏差\n\n"],
        nonTriggering: ["\t绩效指标\n\t一级指标\n\t二级指标\n\t三级指标\n\t年度指标值\n\t实际完成值\n\t分值\n\t得分\n\t偏差原因分析及改进措施\n\n\t\n\t效益指标\n\t社会效益指标\n\t毛入园率\n\t≥90%\n\t已达到87.1%\n\t10\n\t9.68\n\t师资不足\n\n", "\t绩效指标\n\t一级指标\n\t二级指标\n\t三级指标\n\t年度指标值\n\t实际完成值\n\t分值\n\t得分\n\t偏差原因分析及改进措施\n\n\t\n\t效益指标\n\t社会效益指标\n\t毛入园率\n\t≥90%\n\t91.4%\n\t10\n\t10\n\t已达标，无偏差\n\n"])

    public init() {}

    public func check(_ c: RuleContext) -> [Finding] {
        c.facts.indicators.compactMap { row in
            guard let st = IndicatorStatus(row), !st.met else { return nil }
            let texts = [row.actual, row.reason].compactMap { $0 }
            let words = c.lexicons.roles
            guard let claimCell = texts.first(where: { words.claim(in: $0.text) != nil }), let claim = words.claim(in: claimCell.text) else { return nil }
            let name = row.content?.text ?? row.level2
            return c.finding(Self.description,
                             message: Localized(zh: "“\(name)”称“\(claim)”，但完成值 \(st.actual.text) 未达到指标值 \(st.target.text)",
                                                en: "“\(name)” claims “\(claim)” but the actual \(st.actual.text) misses the target \(st.target.text)"),
                             arithmetic: st.formula,
                             figures: [st.actual, st.target] + (row.score?.figure.map { [$0] } ?? []), locations: [claimCell.location],
                             suggestions: [Suggestion(location: claimCell.location, original: claimCell.text, replacement: "",
                                                      reason: Localized(zh: "改为“未达标”并说明偏差原因", en: "state the target was missed and give the reason"))])
        }
    }
}
