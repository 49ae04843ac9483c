import Foundation

/// G03: an unmet target (or an execution rate below 90 %) has a real reason in the deviation column.
public struct DeviationReason: Rule {
    public static let description = RuleDescription(
        id: "G03", name: "deviation-reason-required", family: .target, severity: .error,
        summary: Localized(zh: "未完成的指标须填写偏差原因", en: "An unmet target has a deviation reason"),
        triggering: ["\t绩效指标\n\t一级指标\n\t二级指标\n\t三级指标\n\t年度指标值\n\t实际完成值\n\t分值\n\t得分\n\t偏差原因分析及改进措施\n\n\t\n\t产出指标\n\t数量指标\n\t专题培训\n\t≥12期\n\t↓10期\n\t10\n\t8.33\n\t\n\n"],
        nonTriggering: ["\t绩效指标\n\t一级指标\n\t二级指标\n\t三级指标\n\t年度指标值\n\t实际完成值\n\t分值\n\t得分\n\t偏差原因分析及改进措施\n\n\t\n\t产出指标\n\t数量指标\n\t专题培训\n\t≥12期\n\t10期\n\t10\n\t8.33\n\t受疫情影响停办2期\n\n"])

    public init() {}

    public func check(_ c: RuleContext) -> [Finding] {
        c.facts.indicators.compactMap { row in
            guard let reason = row.reason, let st = IndicatorStatus(row), !st.met else { return nil }
            let text = reason.text.trimmedWhitespace
            // A reason cell claiming the target was met is G02's finding.
            guard IndicatorStatus.placeholders.contains(text) else { return nil }
            let name = row.content?.text ?? row.level2
            return c.finding(Self.description,
                             message: Localized(zh: "“\(name)”未完成（\(st.actual.text)，指标值 \(st.target.text)），偏差原因却\(text.isEmpty ? "为空" : "为“\(text)”")",
                                                en: "“\(name)” is unmet (\(st.actual.text) against \(st.target.text)) but the deviation reason is \(text.isEmpty ? "empty" : "“\(text)”")"),
                             arithmetic: st.formula,
                             figures: [st.actual, st.target], locations: [reason.location],
                             suggestions: [Suggestion(location: reason.location, original: reason.text, replacement: "",
                                                      reason: Localized(zh: "写明未完成的原因和改进措施", en: "state why the target was missed and what will change"))])
        }
    }
}
