import Foundation

/// S02: the total score is a number between 0 and 100.
public struct ScoreRange: Rule {
    public static let description = RuleDescription(
        id: "S02", name: "score-range", family: .score, severity: .error,
        summary: Localized(zh: "综合得分应为 0–100 之间的数值", en: "The total score is a number from 0 to 100"),
        triggering: ["\t绩效自评综合得分\n\t↓108\n\n\t评价等次\n\t优秀\n\n",
            """
            \t绩效自评综合得分
            \t↓101.5

            \t评价等次
            \t优秀


            """,
            """
            \t绩效自评综合得分
            \t↓-5

            \t评价等次
            \t差


            """,
        ],
        nonTriggering: ["\t绩效自评综合得分\n\t98\n\n\t评价等次\n\t优秀\n\n",
            """
            \t绩效自评综合得分
            \t100

            \t评价等次
            \t优秀


            """,
            """
            \t绩效自评综合得分
            \t58

            \t评价等次
            \t差


            """,
        ])

    public init() {}

    public func check(_ c: RuleContext) -> [Finding] {
        guard let v = c.facts.fields["total_score"] else { return [] }
        guard let score = v.figure else {
            if v.empty { return [] }
            return [c.finding(Self.description, message: Localized(zh: "综合得分“\(v.text)”不是数值", en: "Total score “\(v.text)” is not a number"), locations: [v.location])].compactMap { $0 }
        }
        guard score.value < 0 || score.value > 100 else { return [] }
        return [c.finding(Self.description, message: Localized(zh: "综合得分 \(score.text) 超出 0–100", en: "Total score \(score.text) is outside 0–100"),
                          arithmetic: Localized(zh: "\(score.value.plain) \(score.value > 100 ? "> 100" : "< 0")", en: "\(score.value.plain) \(score.value > 100 ? "> 100" : "< 0")"),
                          figures: [score])].compactMap { $0 }
    }
}
