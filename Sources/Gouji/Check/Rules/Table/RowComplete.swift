import Foundation

/// T15: every indicator row states its target and its actual value, without placeholders, and
/// every row that carries points (分值/权重) states its score.
public struct RowComplete: Rule {
    public static let description = RuleDescription(
        id: "T15", name: "row-complete", family: .table, severity: .error, also: [.info],
        summary: Localized(zh: "每个指标行都应填写指标值和实际完成值，不得用占位符", en: "Every indicator row has a target and an actual value, with no placeholders"),
        triggering: ["\t项目绩效定量目标（指标）及完成情况\n\t一级指标\n\t二级指标\n\t指标内容\n\t指标（目标）值\n\t实际完成值\n\n\t\n\t项目产出指标\n\t数量指标\n\t争取科技项目\n\t200个\n\t↓XX\n\n",
            """
            | 一级指标 | 二级指标 | 三级指标 | 指标值 | 实际完成值 | 分值 | 得分 |
            | 产出指标 | 数量指标 | 培训人次 | 200人次 | 230人次 | 20 |↓ |
            | 效益指标 | 社会效益指标 | 受益群众满意度 | ≥90% | 95% | 10 | 10 |
            """,
            """
            | 一级指标 | 二级指标 | 三级指标 | 指标值 | 实际完成值 | 分值 | 得分 |
            | 产出指标 | 数量指标 | 新建村级服务站 | 5个 |↓ | 20 | 20 |
            | 产出指标 | 质量指标 | 验收合格率 | 100% | 100% | 20 | 20 |
            """,
        ],
        nonTriggering: ["\t项目绩效定量目标（指标）及完成情况\n\t一级指标\n\t二级指标\n\t指标内容\n\t指标（目标）值\n\t实际完成值\n\n\t\n\t项目产出指标\n\t数量指标\n\t争取科技项目\n\t200个\n\t271个\n\n",
            """
            | 一级指标 | 二级指标 | 三级指标 | 指标值 | 实际完成值 | 分值 | 得分 |
            | 产出指标 | 数量指标 | 培训人次 | 200人次 | 230人次 | 20 | 20 |
            | 效益指标 | 社会效益指标 | 受益群众满意度 | ≥90% | 95% | 10 | 10 |
            """,
            """
            | 一级指标 | 二级指标 | 三级指标 | 指标值 | 实际完成值 | 分值 | 得分 |
            | 产出指标 | 数量指标 | 新建村级服务站 | 5个 | 5个 | 20 | 20 |
            | 产出指标 | 质量指标 | 验收合格率 | 100% | 100% | 20 | 20 |
            """,
        ])

    public init() {}

    static let placeholders: Set<String> = ["*", "**", "XX", "xx", "××", "×××", "…", "……", "待填", "待定"]

    public func check(_ c: RuleContext) -> [Finding] {
        var out: [Finding] = []
        for row in c.facts.indicators {
            let name = row.content?.text ?? row.level2
            for cell in [row.target, row.actual, row.score, row.weight].compactMap({ $0 }) where Self.placeholders.contains(cell.text) {
                if let f = c.finding(Self.description, message: Localized(zh: "“\(name)”一行含占位符“\(cell.text)”", en: "The row “\(name)” holds a placeholder “\(cell.text)”"),
                                     locations: [cell.location]) { out.append(f) }
            }
            let target = row.target?.text ?? ""
            if let actual = row.actual, actual.empty {
                let none = target.isEmpty || target == "无" || target == "/"
                if let f = c.finding(Self.description, severity: none ? .info : .error,
                                     message: Localized(zh: "“\(name)”的实际完成值为空" + (none ? "（指标值为“\(target)”，可填“无”或删去该行）" : ""),
                                                        en: "“\(name)” has no actual value" + (none ? " (the target is “\(target)”: write “无” or drop the row)" : "")),
                                     locations: [actual.location]) { out.append(f) }
            } else if let t = row.target, t.empty, !(row.actual?.empty ?? true) {
                if let f = c.finding(Self.description, message: Localized(zh: "“\(name)”的指标值为空", en: "“\(name)” has no target"), locations: [t.location]) { out.append(f) }
            }
        }
        // A scored row (a weight stated) whose score is left empty: the form is unfinished.
        // Only where the binding reads as a form: named rows whose weights are points.
        let named = c.facts.indicators.allSatisfy(Points.isNamed)
        var scored: [(name: String, weight: BoundValue?, score: BoundValue?)] =
            named ? c.facts.indicators.map { ($0.content?.text ?? $0.level2, $0.weight, $0.score) } : []
        if let funds = c.facts.funds { scored.append(("预算执行情况", funds.weight, funds.score)) }
        scored.append(("合计", c.facts.indicatorTotalWeight, c.facts.indicatorTotalScore))
        for row in scored {
            guard let weight = row.weight, !weight.empty, let figure = weight.figure, Points.isPoints(figure), figure.value > 0,
                  let score = row.score, score.empty else { continue }
            if let f = c.finding(Self.description,
                                 message: Localized(zh: "“\(row.name)”分值为\(weight.text)，得分为空",
                                                    en: "“\(row.name)” carries \(weight.text) points but no score"),
                                 locations: [score.location, weight.location]) { out.append(f) }
        }
        return out
    }
}
