import Foundation

/// D01: 在职人员控制率 = 实际在职人数 / 编制数.
public struct StaffRate: Rule {
    public static let description = RuleDescription(
        id: "D01", name: "staff-rate", family: .department, severity: .error, also: [.warning, .info],
        summary: Localized(zh: "在职人员控制率应等于实际在职人数除以编制数", en: "The staff control rate equals staff in post / authorised posts"),
        triggering: ["\t部门整体支出绩效评价基础数据表\n\n\t财政供养人员情况\n\t编制数\n\t实际在职人数\n\t控制率\n\n\t\n\t45\n\t43\n\t↓96.56%\n\n"],
        nonTriggering: ["\t部门整体支出绩效评价基础数据表\n\n\t财政供养人员情况\n\t编制数\n\t实际在职人数\n\t控制率\n\n\t\n\t45\n\t43\n\t95.56%\n\n"])

    public init() {}

    public func check(_ c: RuleContext) -> [Finding] {
        guard let d = c.facts.data, let quota = d.staff["quota"]?.figure, let actual = d.staff["actual"]?.figure,
              let rate = d.staff["rate"]?.figure, rate.kind == .percent, quota.value > 0 else { return [] }
        let exact = actual.value / quota.value * 100
        guard let severity = Percent.verdict(stated: rate, exact: exact) else { return [] }
        return [c.finding(Self.description, severity: severity,
                          message: Localized(zh: "控制率 \(rate.text) 与 实际在职人数 ÷ 编制数 = \(exact.rounded(2).plain)% 不符", en: "Control rate \(rate.text) differs from staff / posts = \(exact.rounded(2).plain)%"),
                          arithmetic: Localized(zh: "\(actual.number.plain) ÷ \(quota.number.plain) = \(exact.display(4))%", en: "\(actual.number.plain) / \(quota.number.plain) = \(exact.display(4))%"),
                          figures: [rate, actual, quota],
                          suggestions: [Suggestion(location: rate.location, original: rate.text, replacement: Arithmetic.replacement(for: rate, value: exact.rounded(max(2, rate.decimals)), surface: rate.text),
                                                   reason: Localized(zh: "重算控制率", en: "recompute the rate"))])].compactMap { $0 }
    }
}
