import Foundation

/// G04: an actual far above a positive target (≥ 1.3 × by default) needs an explanation; the
/// target may have been set too low.
public struct OverAchievement: Rule {
    public static let description = RuleDescription(
        id: "G04", name: "over-achievement", family: .target, severity: .warning, also: [.info],
        summary: Localized(zh: "实际完成值远超目标（默认 ≥130%）须说明，目标可能设置偏低", en: "An actual far above its target (≥ 130 % by default) needs an explanation"),
        triggering: ["\t绩效指标\n\t一级指标\n\t二级指标\n\t三级指标\n\t年度指标值\n\t实际完成值\n\t分值\n\t得分\n\t偏差原因分析及改进措施\n\n\t\n\t产出指标\n\t数量指标\n\t争取科技项目\n\t≥200个\n\t↓271个\n\t10\n\t10\n\t\n\n"],
        nonTriggering: ["\t绩效指标\n\t一级指标\n\t二级指标\n\t三级指标\n\t年度指标值\n\t实际完成值\n\t分值\n\t得分\n\t偏差原因分析及改进措施\n\n\t\n\t产出指标\n\t数量指标\n\t争取科技项目\n\t≥200个\n\t220个\n\t10\n\t10\n\t\n\n"])

    public init() {}

    public func check(_ c: RuleContext) -> [Finding] {
        let threshold = c.setting("over_achievement_ratio", Decimal(string: "1.3")!)
        return c.facts.indicators.compactMap { row in
            guard row.targetFigures.count == 1, let a = row.targetFigures.first, a.comparator == nil || a.comparator == .atLeast || a.comparator == .greater,
                  a.kind != .percent, a.value > 0,
                  let b = row.actualFigures.first(where: { $0.kind == a.kind && ($0.unit == a.unit || a.kind == .money) }) else { return nil }
            let ratio = b.value / a.value
            guard ratio >= threshold else { return nil }
            let hasColumn = row.reason != nil
            if let reason = row.reason?.text, !IndicatorStatus.placeholders.contains(reason) { return nil }
            return c.finding(Self.description, severity: hasColumn ? .warning : .info,
                             message: Localized(zh: "“\(row.content?.text ?? row.level2)”完成 \(b.text)，为目标 \(a.text) 的 \((ratio * 100).display(1))%，请说明超额原因，目标是否偏低",
                                                en: "“\(row.content?.text ?? row.level2)” reached \(b.text), \((ratio * 100).display(1))% of the target \(a.text): explain, or the target was set too low"),
                             arithmetic: Localized(zh: "\(b.number.plain) ÷ \(a.number.plain) = \((ratio * 100).display(1))% ≥ \((threshold * 100).plain)%", en: "\(b.number.plain) / \(a.number.plain) = \((ratio * 100).display(1))% ≥ \((threshold * 100).plain)%"),
                             figures: [b, a])
        }
    }
}
