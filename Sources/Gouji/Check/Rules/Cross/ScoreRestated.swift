import Foundation

/// X03: the score and grade quoted in the text equal those of the table.
public struct ScoreRestated: Rule {
    public static let description = RuleDescription(
        id: "X03", name: "score-grade-restated", family: .tableVsNarrative, severity: .error,
        summary: Localized(zh: "文字中的自评得分和等次应与表中一致", en: "The score and grade quoted in the text equal the table's"),
        triggering: ["\t绩效自评综合得分\n\t96.6\n\n\t评价等次\n\t优秀\n\n本单位综合自评得分↓97.6分，评价等次为优秀。\n",
            """
            \t绩效自评综合得分
            \t92

            \t评价等次
            \t优秀

            经综合评价，该项目自评得分↓95分，等级为优秀。

            """,
            """
            \t绩效自评综合得分
            \t88.5

            \t评价等次
            \t良好

            综上，本项目绩效自评综合得分为↓85.5分，评价等次为良好。

            """,
        ],
        nonTriggering: ["\t绩效自评综合得分\n\t96.6\n\n\t评价等次\n\t优秀\n\n本单位综合自评得分96.6分，评价等次为优秀。\n",
            """
            \t绩效自评综合得分
            \t92

            \t评价等次
            \t优秀

            经综合评价，该项目自评得分92分，等级为优秀。

            """,
            """
            \t绩效自评综合得分
            \t88.5

            \t评价等次
            \t良好

            综上，本项目绩效自评综合得分为88.5分，评价等次为良好。

            """,
        ])

    public init() {}

    public func check(_ c: RuleContext) -> [Finding] {
        guard let table = c.facts.fields["total_score"], let score = table.figure, score.inTable else { return [] }
        var out: [Finding] = []
        for f in c.quantities where !f.inTable && f.kind == .score {
            let clause = c.clause(before: f)
            // Only the overall score: 综合得分 / 总分 / 自评得分, not 预算执行得分 or 指标得分.
            guard ["综合得分", "总分", "自评得分", "综合自评得分", "自评总分"].contains(where: { clause.containsBytes(of: $0) }),
                  !["执行", "指标得分", "单项"].contains(where: { clause.containsBytes(of: $0) }), f.value != score.value else { continue }
            if let finding = c.finding(Self.description,
                                       message: Localized(zh: "文中自评得分 \(f.text) 与表中 \(score.text) 不一致", en: "The score \(f.text) in the text differs from the table's \(score.text)"),
                                       arithmetic: Localized(zh: "\(f.number.plain) ≠ \(score.number.plain)", en: "\(f.number.plain) ≠ \(score.number.plain)"),
                                       figures: [f, score],
                                       suggestions: [Suggestion(location: f.location, original: f.text, replacement: Arithmetic.replacement(for: f, value: score.value, surface: f.text),
                                                                reason: Localized(zh: "与表中得分一致", en: "match the table"))]) { out.append(finding) }
        }
        if let grade = c.facts.fields["grade"], !grade.empty {
            let stated = grade.text.compacted
            for p in c.document.paragraphs {
                for marker in ["评价等次为", "自评等级为", "评价等级为", "等次为", "等级为"] {
                    guard let r = p.text.literalRange(of: marker) else { continue }
                    let after = p.text[r.upperBound...].prefix(3)
                    guard let label = c.lexicons.rules.grades.flatMap(\.labels).sorted(by: { $0.count > $1.count }).first(where: { after.hasPrefix($0) }) else { break }
                    let band = { (l: String) in c.lexicons.rules.grades.first { $0.labels.contains(l) }?.grade }
                    if band(label) != band(stated) {
                        let start = p.location.start + p.text[..<r.upperBound].unicodeScalars.count
                        let loc = c.document.lines.location(start: start, end: start + label.unicodeScalars.count)
                        if let finding = c.finding(Self.description,
                                                   message: Localized(zh: "文中评价等次“\(label)”与表中“\(grade.text)”不一致", en: "The grade “\(label)” in the text differs from the table's “\(grade.text)”"),
                                                   locations: [loc, grade.location],
                                                   suggestions: [Suggestion(location: loc, original: label, replacement: grade.text, reason: Localized(zh: "与表中等次一致", en: "match the table"))]) { out.append(finding) }
                    }
                    break
                }
            }
        }
        return out
    }
}
