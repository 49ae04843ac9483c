import Foundation

/// G07: a quantitative indicator states an operator, a number and a unit; a qualitative phrase
/// ("及时完成", "控制在预算内") in a quantitative slot cannot be checked.
public struct Measurability: Rule {
    public static let description = RuleDescription(
        id: "G07", name: "measurability", family: .target, severity: .info,
        summary: Localized(zh: "定量指标应有运算符、数值和单位；定性表述无法核对", en: "A quantitative indicator has an operator, a number and a unit"),
        triggering: ["\t项目绩效定量目标（指标）及完成情况\n\t一级指标\n\t二级指标\n\t指标内容\n\t指标（目标）值\n\t实际完成值\n\n\t\n\t项目产出指标\n\t时效指标\n\t及时完成目标\n\t↓及时完成目标\n\t及时完成\n\n\t绩效自评综合得分\n\t98\n\n"],
        nonTriggering: ["\t项目绩效定量目标（指标）及完成情况\n\t一级指标\n\t二级指标\n\t指标内容\n\t指标（目标）值\n\t实际完成值\n\n\t\n\t项目产出指标\n\t时效指标\n\t完成时限\n\t≤30天\n\t25天\n\n\t绩效自评综合得分\n\t98\n\n"])

    public init() {}

    public func check(_ c: RuleContext) -> [Finding] {
        // Only where the table is declared quantitative (the Hunan 定量 table); national forms mix both.
        let declared = c.document.tables.contains { t in t.rows.contains { row in row.contains { $0.compact.startsWithBytes("项目绩效定量目标") } } }
        guard declared else { return [] }
        return c.facts.indicators.compactMap { row in
            guard let target = row.target, !target.empty, row.targetFigures.isEmpty, !["无", "/"].contains(target.text) else { return nil }
            return c.finding(Self.description,
                             message: Localized(zh: "定量指标“\(row.level2)”的指标值“\(target.text)”没有可核对的数值", en: "The quantitative indicator “\(row.level2)” has no measurable target (“\(target.text)”)"),
                             locations: [target.location])
        }
    }
}
