import Foundation

/// S04: when the template has no per-indicator 分值/得分 (the Hunan form), the total score
/// cannot be recomputed; say so once, as info.
public struct ScoreDerivable: Rule {
    public static let description = RuleDescription(
        id: "S04", name: "score-derivable", family: .score, severity: .info,
        summary: Localized(zh: "表中无指标分值/得分时，综合得分无法复核", en: "Without per-indicator weights and scores the total score cannot be verified"),
        triggering: ["\t项目绩效定量目标（指标）及完成情况\n\t一级指标\n\t二级指标\n\t指标内容\n\t指标（目标）值\n\t实际完成值\n\n\t\n\t产出指标\n\t数量指标\n\t项目数\n\t≥10个\n\t12个\n\n\t绩效自评综合得分\n\t↓98\n\n"],
        nonTriggering: ["\t绩效指标\n\t一级指标\n\t二级指标\n\t三级指标\n\t年度指标值\n\t实际完成值\n\t分值\n\t得分\n\n\t\n\t产出指标\n\t数量指标\n\t项目数\n\t≥10个\n\t12个\n\t90\n\t90\n\n\t绩效自评综合得分\n\t90\n\n"])

    public init() {}

    public func check(_ c: RuleContext) -> [Finding] {
        guard let score = c.facts.fields["total_score"]?.figure ?? c.facts.indicatorTotalScore?.figure, !c.facts.indicators.isEmpty else { return [] }
        guard c.facts.indicators.allSatisfy({ $0.score == nil && $0.weight == nil }) else { return [] }
        return [c.finding(Self.description,
                          message: Localized(zh: "表中各指标无分值和得分，综合得分 \(score.text) 无法复核", en: "The indicators carry no weights or scores, so the total \(score.text) cannot be verified"),
                          figures: [score],
                          suggestions: [])].compactMap { $0 }
    }
}
