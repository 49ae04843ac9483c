import Foundation

/// S03: a score in the top band (≥ 90) while targets are unreported, unmet or contradictory,
/// or the execution rate is below 90 % — 自评结果偏高.
public struct HighScoreWithGaps: SummaryRule {
    public static let description = RuleDescription(
        id: "S03", name: "high-score-with-gaps", family: .score, severity: .warning,
        summary: Localized(zh: "存在未报告、未完成或相互矛盾的目标时，自评“优”偏高", en: "A top-band score while targets are unreported, unmet or contradictory is too high"),
        triggering: ["\t项目绩效定性目标及实施计划完成情况\n\t预期目标\n\t实际完成\n\n\t\n\t目标1：申报省级孵化器1个、省级工程技术研究中心2家。\n\t申报省级孵化器1个。\n\n\t绩效自评综合得分\n\t↓98\n\n\t评价等次\n\t优秀\n\n"],
        nonTriggering: ["\t项目绩效定性目标及实施计划完成情况\n\t预期目标\n\t实际完成\n\n\t\n\t目标1：申报省级孵化器1个。\n\t申报省级孵化器1个。\n\n\t绩效自评综合得分\n\t98\n\n\t评价等次\n\t优秀\n\n"])

    public init() {}

    static let gapRules: Set<String> = ["G01", "G02", "G03", "G06", "X04", "N02"]

    public func check(_ c: RuleContext) -> [Finding] {
        guard let score = c.facts.fields["total_score"]?.figure, score.value >= c.setting("top_band", 90) else { return [] }
        let gaps = c.earlier.filter { Self.gapRules.contains($0.rule) && $0.severity >= .warning }
        var reasons = Set(gaps.map(\.rule)).sorted()
        var lowRate: Figure? = nil
        if let rate = c.facts.funds?.rate?.figure, rate.value < c.setting("execution_reason_rate", 90) { lowRate = rate; reasons.append("执行率") }
        guard !reasons.isEmpty else { return [] }
        let grade = c.facts.fields["grade"]
        let lines = gaps.compactMap { $0.primaryLocation?.line }.sorted().map(String.init).joined(separator: "、")
        return [c.finding(Self.description,
                          message: Localized(zh: "自评得分 \(score.text)（\(grade?.text ?? "")）偏高：报告中有 \(gaps.count) 处目标未报告、未完成或相互矛盾（\(reasons.joined(separator: "、"))\(lines.isEmpty ? "" : "，见第\(lines)行")）",
                                             en: "Self-score \(score.text) (\(grade?.text ?? "")) looks too high: \(gaps.count) target(s) unreported, unmet or contradictory (\(reasons.joined(separator: ", "))\(lines.isEmpty ? "" : "; lines \(lines)"))"),
                          arithmetic: Localized(zh: "\(score.value.plain) ≥ 90 而存在 \(gaps.count) 项目标问题" + (lowRate.map { "，执行率 \($0.text) < 90%" } ?? ""),
                                                en: "\(score.value.plain) ≥ 90 with \(gaps.count) target problem(s)" + (lowRate.map { ", execution rate \($0.text) < 90%" } ?? "")),
                          figures: [score] + (lowRate.map { [$0] } ?? []), locations: grade.map { [$0.location] } ?? [],
                          suggestions: [])].compactMap { $0 }
    }
}
