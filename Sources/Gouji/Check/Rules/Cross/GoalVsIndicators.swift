import Foundation

/// X04: an item of the overall or qualitative goal ("申报省级孵化器1个") that also appears as a
/// quantitative indicator target carries the same number there.
public struct GoalVsIndicators: Rule {
    public static let description = RuleDescription(
        id: "X04", name: "goal-text-vs-indicators", family: .tableVsNarrative, severity: .error,
        summary: Localized(zh: "年度目标/定性目标中的事项在定量指标中应为同一数值", en: "A goal item repeated as a quantitative indicator target carries the same number"),
        triggering: ["\t项目绩效定性目标及实施计划完成情况\n\t预期目标\n\t实际完成\n\n\t\n\t目标1：申报省级孵化器↓1个。\n\t申报省级孵化器1个。\n\n\t项目绩效定量目标（指标）及完成情况\n\t一级指标\n\t二级指标\n\t指标内容\n\t指标（目标）值\n\t实际完成值\n\n\t\n\t项目产出指标\n\t质量指标\n\t申报省级孵化器3家。\n\t申报省级孵化器3家。\n\t获批省级孵化器3家。\n\n"],
        nonTriggering: ["\t项目绩效定性目标及实施计划完成情况\n\t预期目标\n\t实际完成\n\n\t\n\t目标1：申报省级孵化器3个。\n\t申报省级孵化器3个。\n\n\t项目绩效定量目标（指标）及完成情况\n\t一级指标\n\t二级指标\n\t指标内容\n\t指标（目标）值\n\t实际完成值\n\n\t\n\t项目产出指标\n\t质量指标\n\t申报省级孵化器3家。\n\t申报省级孵化器3家。\n\t获批省级孵化器3家。\n\n"])

    public init() {}

    public func check(_ c: RuleContext) -> [Finding] {
        var out: [Finding] = []
        let indicatorTargets = c.facts.indicators.flatMap(\.targetFigures)
        for goal in c.facts.goalTargets {
            let g = goal.figure
            guard let subject = g.subject else { continue }
            let level = Targets.level(g, c.lexicons)
            let others = indicatorTargets.filter { $0.subject == subject && Targets.level($0, c.lexicons) == level && $0.kind == g.kind && $0.value != g.value }
            guard let other = others.first else { continue }
            // The reported results for the same subject, to show the reviewer.
            let actuals = c.quantities.filter { $0.subject == subject && Targets.level($0, c.lexicons) == level && $0.kind == g.kind && !c.isTarget($0) }
            var seenValues = Set<String>()
            let shown = actuals.filter { seenValues.insert("\($0.value)|\(Targets.stage($0, c.lexicons) ?? "")").inserted }
            let actualText = shown.map { "\(Targets.stage($0, c.lexicons) ?? "")\($0.text)（第\($0.location.line)行）" }.joined(separator: "、")
            let actualTextEN = shown.map { "\(Targets.stage($0, c.lexicons) ?? "") \($0.text) (line \($0.location.line))" }.joined(separator: ", ")
            let name = (level ?? "") + subject
            if let f = c.finding(Self.description,
                                 message: Localized(zh: "“\(name)”的目标前后不一：定性目标为 \(g.text)（第\(g.location.line)行），定量指标为 \(other.text)（第\(other.location.line)行）" + (actualText.isEmpty ? "" : "；实际完成分别报为 \(actualText)"),
                                                    en: "Target for “\(name)” differs: \(g.text) in the qualitative goal (line \(g.location.line)), \(other.text) in the indicator table (line \(other.location.line))" + (actualTextEN.isEmpty ? "" : "; results reported as \(actualTextEN)")),
                                 arithmetic: Localized(zh: "\(g.number.plain) ≠ \(other.number.plain)", en: "\(g.number.plain) ≠ \(other.number.plain)"),
                                 figures: [g] + others + shown,
                                 suggestions: [Suggestion(location: g.location, original: g.text, replacement: Arithmetic.replacement(for: g, value: other.value, surface: g.text),
                                                          reason: Localized(zh: "两处目标使用同一数值，并分别写明申报数与获批数", en: "use one target value in both places and state applied vs approved counts"))]) {
                out.append(f)
            }
        }
        return out
    }
}
