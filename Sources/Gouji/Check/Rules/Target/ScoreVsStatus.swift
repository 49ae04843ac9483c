import Foundation

/// G05: a target stated as not achieved (未完成, 未达成) does not get full marks.
public struct ScoreVsStatus: Rule {
    public static let description = RuleDescription(
        id: "G05", name: "score-vs-status", family: .target, severity: .error,
        summary: Localized(zh: "写明未完成的指标不应得满分", en: "A target stated as not achieved does not get full marks"),
        triggering: ["\t绩效指标\n\t一级指标\n\t二级指标\n\t三级指标\n\t年度指标值\n\t实际完成值\n\t分值\n\t得分\n\t偏差原因分析及改进措施\n\n\t\n\t效益指标\n\t可持续影响指标\n\t保障机制\n\t持续完善\n\t未完成\n\t10\n\t↓10\n\t资金未到位\n\n"],
        nonTriggering: ["\t绩效指标\n\t一级指标\n\t二级指标\n\t三级指标\n\t年度指标值\n\t实际完成值\n\t分值\n\t得分\n\t偏差原因分析及改进措施\n\n\t\n\t效益指标\n\t可持续影响指标\n\t保障机制\n\t持续完善\n\t未完成\n\t10\n\t5\n\t资金未到位\n\n"])

    public init() {}

    public func check(_ c: RuleContext) -> [Finding] {
        c.facts.indicators.compactMap { row in
            guard let actual = row.actual, let score = row.score?.figure, let weight = row.weight?.figure,
                  ["未完成", "未达成", "未达到", "没有完成"].contains(where: { actual.text.containsBytes(of: $0) }), score.value >= weight.value else { return nil }
            return c.finding(Self.description,
                             message: Localized(zh: "“\(row.content?.text ?? row.level2)”写明“\(actual.text)”，却得满分 \(score.text)", en: "“\(row.content?.text ?? row.level2)” says “\(actual.text)” yet gets full marks \(score.text)"),
                             arithmetic: Localized(zh: "\(score.number.plain) = 分值 \(weight.number.plain)", en: "\(score.number.plain) = weight \(weight.number.plain)"),
                             figures: [score, weight], locations: [actual.location])
        }
    }
}
