import Foundation

/// D06: in a 评分表, the weights of the third-level rows add up to the points stated for their
/// second level ("预算配置（15分）"), and the second levels to their first level.
public struct ScoreTableTree: Rule {
    public static let description = RuleDescription(
        id: "D06", name: "score-table-tree", family: .department, severity: .error,
        summary: Localized(zh: "评分表各级指标分值应逐级相加一致", en: "The weights of a score table add up level by level"),
        triggering: ["\t三、部门整体支出绩效评价评分表\n\t一级指标\n\t二级指标\n\t三级指标\n\t评分标准\n\t分值\n\t自评得分\n\t扣分原因和其他说明\n\n\t投入\n（15分）\n\t预算配置\n（↓15分）\n\t在职人员控制率\n\t标准\n\t5\n\t5\n\t\n\n\t\n\t\n\t三公经费变动率\n\t标准\n\t5\n\t5\n\t\n\n"],
        nonTriggering: ["\t三、部门整体支出绩效评价评分表\n\t一级指标\n\t二级指标\n\t三级指标\n\t评分标准\n\t分值\n\t自评得分\n\t扣分原因和其他说明\n\n\t投入\n（10分）\n\t预算配置\n（10分）\n\t在职人员控制率\n\t标准\n\t5\n\t5\n\t\n\n\t\n\t\n\t三公经费变动率\n\t标准\n\t5\n\t5\n\t\n\n"])

    public init() {}

    public func check(_ c: RuleContext) -> [Finding] {
        var out: [Finding] = []
        func stated(_ cell: BoundValue?) -> Figure? {
            guard let cell else { return nil }
            return c.quantities.first { $0.kind == .score && cell.location.start <= $0.location.start && $0.location.start < cell.location.end }
        }
        // Level 2: rows grouped by their second-level cell.
        var groups2: [(Figure, [Figure], String)] = []
        var groups1: [(Figure, [Figure], String)] = []
        for row in c.facts.indicators {
            guard let w = row.weight?.figure else { continue }
            if let s2 = stated(row.level2Cell) {
                if let i = groups2.firstIndex(where: { $0.0.location == s2.location }) { groups2[i].1.append(w) } else { groups2.append((s2, [w], row.level2)) }
            }
            if let s1 = stated(row.level1Cell) {
                if let i = groups1.firstIndex(where: { $0.0.location == s1.location }) { groups1[i].1.append(w) } else { groups1.append((s1, [w], row.level1)) }
            }
        }
        for (total, parts, name) in groups2 + groups1 {
            if let f = SumCheck.check(Self.description, c, total: total, parts: parts, what: Localized(zh: "“\(Labels.normalize(name))”的分值", en: "The weight of “\(Labels.normalize(name))”")) {
                out.append(f)
            }
        }
        return out
    }
}
