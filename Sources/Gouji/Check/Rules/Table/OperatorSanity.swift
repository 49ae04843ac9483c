import Foundation

/// T14: cost indicators use ≤ (or =), satisfaction indicators ≥.
public struct OperatorSanity: Rule {
    public static let description = RuleDescription(
        id: "T14", name: "operator-sanity", family: .table, severity: .warning,
        summary: Localized(zh: "成本指标应使用“≤”，满意度指标应使用“≥”", en: "Cost indicators use ≤, satisfaction indicators ≥"),
        triggering: ["\t绩效指标\n\t一级指标\n\t二级指标\n\t三级指标\n\t年度指标值\n\t实际完成值\n\t分值\n\t得分\n\t偏差原因分析及改进措施\n\n\t\n\t产出指标\n\t成本指标\n\t每公里养护成本\n\t↓≥8万元\n\t8.32万元\n\t5\n\t5\n\t\n\n"],
        nonTriggering: ["\t绩效指标\n\t一级指标\n\t二级指标\n\t三级指标\n\t年度指标值\n\t实际完成值\n\t分值\n\t得分\n\t偏差原因分析及改进措施\n\n\t\n\t产出指标\n\t成本指标\n\t每公里养护成本\n\t≤9万元\n\t8.32万元\n\t5\n\t5\n\t\n\n"])

    public init() {}

    public func check(_ c: RuleContext) -> [Finding] {
        c.facts.indicators.compactMap { row in
            guard row.targetFigures.count == 1, let t = row.targetFigures.first else { return nil }
            var op = t.comparator
            if op == nil, let nature = row.nature { op = ["≥": Comparator.atLeast, "≤": .atMost, "=": .equal][nature.trimmedSpaces] }
            let isCost = row.level2.containsBytes(of: "成本")
            let isSatisfaction = row.level2.containsBytes(of: "满意度")
            if isCost, op == .atLeast || op == .greater {
                return c.finding(Self.description, message: Localized(zh: "成本指标“\(row.content?.text ?? row.level2)”用了“≥”，成本应设上限“≤”", en: "The cost indicator uses ≥; a cost takes an upper bound ≤"),
                                 figures: [t], suggestions: [Suggestion(location: t.location, original: t.text, replacement: t.text.replacingOccurrences(of: "≥", with: "≤"), reason: Localized(zh: "改为“≤”", en: "use ≤"))])
            }
            if isSatisfaction, op == .atMost || op == .less {
                return c.finding(Self.description, message: Localized(zh: "满意度指标用了“≤”，应为“≥”", en: "The satisfaction indicator uses ≤; it takes a lower bound ≥"), figures: [t])
            }
            return nil
        }
    }
}
