import Foundation

/// T09: the total score equals the execution score plus the indicator scores (or, in a 评分表,
/// the sum of the scores).
public struct TotalScore: Rule {
    public static let description = RuleDescription(
        id: "T09", name: "total-score", family: .table, severity: .error, also: [.info],
        summary: Localized(zh: "总分应等于预算执行得分与各指标得分之和", en: "The total score is the execution score plus the indicator scores"),
        triggering: ["\t绩效指标\n\t一级指标\n\t二级指标\n\t三级指标\n\t年度指标值\n\t实际完成值\n\t分值\n\t得分\n\t偏差原因分析及改进措施\n\n\t\n\t产出指标\n\t数量指标\n\t补助幼儿园数量\n\t≥48所\n\t48所\n\t50\n\t50\n\t\n\n\t\n\t满意度指标\n\t服务对象满意度指标\n\t家长满意度\n\t≥90%\n\t92%\n\t50\n\t50\n\t\n\n\t总分\n\t\n\t\n\t\n\t\n\t\n\t100\n\t↓98\n\t\n\n"],
        nonTriggering: ["\t绩效指标\n\t一级指标\n\t二级指标\n\t三级指标\n\t年度指标值\n\t实际完成值\n\t分值\n\t得分\n\t偏差原因分析及改进措施\n\n\t\n\t产出指标\n\t数量指标\n\t补助幼儿园数量\n\t≥48所\n\t48所\n\t50\n\t50\n\t\n\n\t\n\t满意度指标\n\t服务对象满意度指标\n\t家长满意度\n\t≥90%\n\t92%\n\t50\n\t50\n\t\n\n\t总分\n\t\n\t\n\t\n\t\n\t\n\t100\n\t100\n\t\n\n"])

    public init() {}

    public func check(_ c: RuleContext) -> [Finding] {
        guard let total = c.facts.indicatorTotalScore?.figure ?? c.facts.fields["total_score"]?.figure else { return [] }
        let scores = c.facts.indicators.compactMap { $0.score?.figure }
        guard !scores.isEmpty, scores.count == c.facts.indicators.filter({ $0.score.map { !$0.empty } ?? false }).count,
              scores.allSatisfy(Points.isPoints), c.facts.indicators.allSatisfy(Points.isNamed) else { return [] }
        var parts = scores
        if let exec = c.facts.funds?.score?.figure { parts.insert(exec, at: 0) }
        let sum = parts.reduce(Decimal(0)) { $0 + $1.value }
        guard let severity = Percent.scoreVerdict(stated: total.value, expected: sum) else { return [] }
        let terms = parts.map { $0.number.plain }.joined(separator: " + ")
        return [c.finding(Self.description, severity: severity,
                          message: Localized(zh: "总分 \(total.text) 与各项得分之和 \(sum.plain) 不符", en: "Total score \(total.text) differs from the sum of the scores, \(sum.plain)"),
                          arithmetic: Localized(zh: "\(terms) = \(sum.plain)，所述 \(total.number.plain)，差 \((total.value - sum).plain)", en: "\(terms) = \(sum.plain); stated \(total.number.plain); difference \((total.value - sum).plain)"),
                          figures: [total] + parts,
                          suggestions: [Suggestion(location: total.location, original: total.text, replacement: Arithmetic.replacement(for: total, value: sum, surface: total.text),
                                                   reason: Localized(zh: "总分改为各项得分之和", en: "set the total to the sum of the scores"))])].compactMap { $0 }
    }
}
