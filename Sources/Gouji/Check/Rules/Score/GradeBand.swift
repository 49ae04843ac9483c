import Foundation

/// S01: the grade label matches the band of the total score (优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below;
/// bands and labels from Lexicons/rules.yaml).
public struct GradeBand: Rule {
    public static let description = RuleDescription(
        id: "S01", name: "grade-band", family: .score, severity: .error,
        summary: Localized(zh: "评价等次应与综合得分所在分数段一致", en: "The grade matches the band of the total score"),
        triggering: ["\t绩效自评综合得分\n\t↓85\n\n\t评价等次\n\t优秀\n\n",
            """
            \t绩效自评综合得分
            \t↓92

            \t评价等次
            \t良好


            """,
            """
            \t绩效自评综合得分
            \t↓78.5

            \t评价等次
            \t优秀


            """,
        ],
        nonTriggering: ["\t绩效自评综合得分\n\t98\n\n\t评价等次\n\t优秀\n\n", "\t绩效自评综合得分\n\t89.5\n\n\t评价等次\n\t良好\n\n",
            """
            \t绩效自评综合得分
            \t78.5

            \t评价等次
            \t中


            """,
        ])

    public init() {}

    public static func band(for score: Decimal, _ lexicons: Lexicons) -> RuleSettings.GradeBand? {
        lexicons.rules.grades.sorted { (Decimal(plain: $0.min) ?? 0) > (Decimal(plain: $1.min) ?? 0) }
            .first { score >= (Decimal(plain: $0.min) ?? 0) }
    }

    public func check(_ c: RuleContext) -> [Finding] {
        guard let scoreValue = c.facts.fields["total_score"], let score = scoreValue.figure,
              let grade = c.facts.fields["grade"], !grade.empty else { return [] }
        let label = grade.text.compacted
        guard let stated = c.lexicons.rules.grades.first(where: { $0.labels.contains(label) }) else { return [] }
        guard let expected = Self.band(for: score.value, c.lexicons), expected.grade != stated.grade else { return [] }
        return [c.finding(Self.description,
                          message: Localized(zh: "综合得分 \(score.text) 对应“\(expected.labels.last ?? expected.grade)”，而评价等次为“\(grade.text)”",
                                             en: "Total score \(score.text) falls in band \(expected.grade) (\(expected.labels.last ?? "")), but the grade says “\(grade.text)”"),
                          arithmetic: Localized(zh: "\(score.value.plain) 在 [\(expected.min), …) 分数段（\(expected.grade)）", en: "\(score.value.plain) lies in the band from \(expected.min) (\(expected.grade))"),
                          figures: [score], locations: [grade.location],
                          suggestions: [Suggestion(location: grade.location, original: grade.text, replacement: expected.labels.last ?? expected.grade,
                                                   reason: Localized(zh: "等次改为与得分一致", en: "state the grade that matches the score"))])].compactMap { $0 }
    }
}
