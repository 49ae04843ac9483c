import Foundation

/// T11: a qualitative indicator's score lies in the band of its stated achievement:
/// 达成年度指标 80–100 %, 部分达成并具有一定效果 60–80 %, 未达成且效果较差 0–60 % of the weight.
public struct QualitativeScoreBand: Rule {
    public static let description = RuleDescription(
        id: "T11", name: "qualitative-score-band", family: .table, severity: .error,
        summary: Localized(zh: "定性指标得分应落在其完成档次对应的分数段内", en: "A qualitative indicator's score lies in the band of its stated achievement"),
        triggering: ["\t绩效指标\n\t一级指标\n\t二级指标\n\t三级指标\n\t年度指标值\n\t实际完成值\n\t分值\n\t得分\n\t偏差原因分析及改进措施\n\n\t\n\t效益指标\n\t可持续影响指标\n\t保障机制\n\t持续完善\n\t部分达成年度指标并具有一定效果\n\t10\n\t↓10\n\t\n\n"],
        nonTriggering: ["\t绩效指标\n\t一级指标\n\t二级指标\n\t三级指标\n\t年度指标值\n\t实际完成值\n\t分值\n\t得分\n\t偏差原因分析及改进措施\n\n\t\n\t效益指标\n\t可持续影响指标\n\t保障机制\n\t持续完善\n\t部分达成年度指标并具有一定效果\n\t10\n\t7\n\t\n\n"])

    public init() {}

    public func check(_ c: RuleContext) -> [Finding] {
        let met = c.setting("qualitative_band_met", 80), partial = c.setting("qualitative_band_partial", 60)
        return c.facts.indicators.compactMap { row in
            guard let actual = row.actual?.text, let score = row.score?.figure, let weight = row.weight?.figure, weight.value > 0,
                  row.actualFigures.isEmpty else { return nil }
            let band: (Decimal, Decimal, String)
            if actual.containsBytes(of: "未达成") { band = (0, partial, "未达成年度指标") }
            else if actual.containsBytes(of: "部分达成") { band = (partial, met, "部分达成年度指标") }
            else if actual.containsBytes(of: "达成年度指标") { band = (met, 100, "达成年度指标") }
            else { return nil }
            let share = score.value / weight.value * 100
            let inside = band.1 == 100 ? (share >= band.0 && share <= 100) : (share >= band.0 && share < band.1)
            guard !inside else { return nil }
            let lo = band.0 * weight.value / 100, hi = band.1 * weight.value / 100
            return c.finding(Self.description,
                             message: Localized(zh: "“\(row.content?.text ?? row.level2)”为“\(band.2)”，得分应在 \(lo.display(2))–\(hi.display(2)) 之间，实为 \(score.text)",
                                                en: "“\(row.content?.text ?? row.level2)” is “\(band.2)”: its score should lie in \(lo.display(2))–\(hi.display(2)), not \(score.text)"),
                             arithmetic: Localized(zh: "\(score.number.plain) ÷ \(weight.number.plain) = \(share.display(1))%，不在 [\(band.0.plain)%, \(band.1.plain)%\(band.1 == 100 ? "]" : ")")",
                                                   en: "\(score.number.plain) / \(weight.number.plain) = \(share.display(1))%, outside [\(band.0.plain)%, \(band.1.plain)%\(band.1 == 100 ? "]" : ")")"),
                             figures: [score, weight], locations: row.actual.map { [$0.location] } ?? [])
        }
    }
}
