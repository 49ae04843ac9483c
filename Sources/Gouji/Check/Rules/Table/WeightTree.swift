import Foundation

/// T08: indicator weights add up: all weights (budget execution included) make 100; first-level
/// weights other than 10/50/30/10 are noted (regional forms use 20 or 90).
public struct WeightTree: Rule {
    public static let description = RuleDescription(
        id: "T08", name: "weight-tree", family: .table, severity: .error,
        summary: Localized(zh: "各指标分值之和（含预算执行）应为 100", en: "The weights, budget execution included, add up to 100"),
        triggering: ["\t绩效指标\n\t一级指标\n\t二级指标\n\t三级指标\n\t年度指标值\n\t实际完成值\n\t分值\n\t得分\n\t偏差原因分析及改进措施\n\n\t\n\t产出指标\n\t数量指标\n\t补助幼儿园数量\n\t≥48所\n\t48所\n\t50\n\t50\n\t\n\n\t\n\t满意度指标\n\t服务对象满意度指标\n\t家长满意度\n\t≥90%\n\t92%\n\t40\n\t40\n\t\n\n\t总分\n\t\n\t\n\t\n\t\n\t\n\t↓100\n\t90\n\t\n\n"],
        nonTriggering: ["\t绩效指标\n\t一级指标\n\t二级指标\n\t三级指标\n\t年度指标值\n\t实际完成值\n\t分值\n\t得分\n\t偏差原因分析及改进措施\n\n\t\n\t产出指标\n\t数量指标\n\t补助幼儿园数量\n\t≥48所\n\t48所\n\t50\n\t50\n\t\n\n\t\n\t满意度指标\n\t服务对象满意度指标\n\t家长满意度\n\t≥90%\n\t92%\n\t50\n\t50\n\t\n\n\t总分\n\t\n\t\n\t\n\t\n\t\n\t100\n\t100\n\t\n\n"])

    public init() {}

    public func check(_ c: RuleContext) -> [Finding] {
        let weights = c.facts.indicators.compactMap { $0.weight?.figure }
        guard !weights.isEmpty, weights.count == c.facts.indicators.filter({ $0.weight.map { !$0.empty } ?? false }).count,
              weights.allSatisfy(Points.isPoints), c.facts.indicators.allSatisfy(Points.isNamed) else { return [] }
        var parts = weights
        if let w = c.facts.funds?.weight?.figure { parts.insert(w, at: 0) }
        let sum = parts.reduce(Decimal(0)) { $0 + $1.value }
        let stated = c.facts.indicatorTotalWeight?.figure
        let target = stated?.value ?? 100
        // A stated total of the indicators alone (90 with execution apart) also balances.
        let indicatorsOnly = weights.reduce(Decimal(0)) { $0 + $1.value }
        guard sum != target && indicatorsOnly != target else { return [] }
        let terms = parts.map { $0.number.plain }.joined(separator: " + ")
        return [c.finding(Self.description,
                          message: Localized(zh: "各项分值之和为 \(sum.plain)，而总分值为 \(target.plain)", en: "The weights add up to \(sum.plain), but the total weight is \(target.plain)"),
                          arithmetic: Localized(zh: "\(terms) = \(sum.plain) ≠ \(target.plain)", en: "\(terms) = \(sum.plain) ≠ \(target.plain)"),
                          figures: (stated.map { [$0] } ?? []) + parts)].compactMap { $0 }
    }
}
