import Foundation

/// D02: 三公经费 = 公务用车购置和维护 + 出国 + 公务接待, and 公务用车 = 购置 + 运行维护, per column.
public struct ThreePublicSum: Rule {
    public static let description = RuleDescription(
        id: "D02", name: "three-public-sum", family: .department, severity: .error,
        summary: Localized(zh: "三公经费应等于公务用车、出国、公务接待之和（各年度列分别核对）", en: "三公经费 equals vehicles + travel abroad + reception, in every column"),
        triggering: ["\t部门整体支出绩效评价基础数据表\n\n\t经费控制情况\n\t上年决算数\n\t本年预算数\n\t本年决算数\n\n\t三公经费\n\t12.97\n\t13.00\n\t↓12.38\n\n\t1、公务用车购置和维护经费\n\t8.62\n\t9.00\n\t7.86\n\n\t2、出国经费\n\t0.00\n\t0.00\n\t0.00\n\n\t3、公务接待\n\t4.35\n\t4.00\n\t3.52\n\n",
            """
            单位：万元
            | 三公经费合计 | 因公出国（境）费 | 公务用车购置及运行费 | 公务接待费 |
            | ↓13.5 | 0 | 8.5 | 4 |
            """,
            """
            单位：万元
            | 三公经费合计 | 因公出国（境）费 | 公务用车购置及运行费 | | | 公务接待费 |
            | | | 小计 | 公务用车购置费 | 公务用车运行费 | |
            | 12.5 | 0 | ↓8.5 | 3 | 4.5 | 4 |
            """,
        ],
        nonTriggering: ["\t部门整体支出绩效评价基础数据表\n\n\t经费控制情况\n\t上年决算数\n\t本年预算数\n\t本年决算数\n\n\t三公经费\n\t12.97\n\t13.00\n\t11.38\n\n\t1、公务用车购置和维护经费\n\t8.62\n\t9.00\n\t7.86\n\n\t2、出国经费\n\t0.00\n\t0.00\n\t0.00\n\n\t3、公务接待\n\t4.35\n\t4.00\n\t3.52\n\n",
            """
            单位：万元
            | 三公经费合计 | 因公出国（境）费 | 公务用车购置及运行费 | | | 公务接待费 |
            | | | 小计 | 公务用车购置费 | 公务用车运行费 | |
            | 12.5 | 0 | 8.5 | 4 | 4.5 | 4 |
            """,
            """
            单位：万元
            | 项目 | 2023年预算数 |
            | 三公经费合计 | 12.5 |
            | 因公出国（境）费 | 0 |
            | 公务用车购置及运行费 | 8.5 |
            | 公务接待费 | 4 |
            """,
        ])

    public init() {}

    public func check(_ c: RuleContext) -> [Finding] {
        var out = tables(c)
        guard let d = c.facts.data else { return out }
        let identities: [(String, [String])] = [("three_public", ["vehicles", "abroad", "reception"]), ("vehicles", ["vehicle_purchase", "vehicle_running"])]
        for (totalField, partFields) in identities {
            guard let totals = d.rows[totalField] else { continue }
            for (column, bound) in totals.sorted(by: { $0.key < $1.key }) {
                guard let total = bound.figure else { continue }
                let parts = partFields.compactMap { d.rows[$0]?[column]?.figure }
                guard parts.count == partFields.count else { continue }
                if let f = SumCheck.check(Self.description, c, total: total, parts: parts,
                                          what: Localized(zh: "“\(d.labels[totalField] ?? totalField)”（\(d.labels[column] ?? column)）", en: "\(d.labels[totalField] ?? totalField) (\(d.labels[column] ?? column))"),
                                          partNames: partFields.map { d.labels[$0] ?? $0 }) {
                    out.append(f)
                }
            }
        }
        return out
    }

    /// The same identities in each row (or column) of a 三公 table that no template binds.
    func tables(_ c: RuleContext) -> [Finding] {
        let identities: [(String, [String])] = [("total", ["vehicles", "abroad", "reception"]), ("vehicles", ["vehicle_purchase", "vehicle_running"])]
        func name(_ item: String) -> String { ThreePublicTables.name(of: item, c.lexicons) }
        var out: [Finding] = []
        // One group per table and measure/year: a row of a column-wise table, a column of a row-wise one.
        let groups = Dictionary(grouping: c.threePublicEntries) { "\($0.table)|\($0.measure ?? "")|\($0.year ?? "")" }
        for key in groups.keys.sorted() {
            let group = groups[key]!
            let byItem = Dictionary(grouping: group, by: \.item)
            // An item twice in one group (two rows of one measure): which cells add up is unknown.
            guard byItem.values.allSatisfy({ $0.count == 1 }) else { continue }
            for (totalItem, partItems) in identities {
                guard let total = byItem[totalItem]?.first?.figure else { continue }
                let parts = partItems.compactMap { byItem[$0]?.first?.figure }
                guard parts.count == partItems.count else { continue }
                if let f = SumCheck.check(Self.description, c, total: total, parts: parts,
                                          what: Localized(zh: "三公经费表“\(name(totalItem))”", en: "the 三公 table's \(name(totalItem))"),
                                          partNames: partItems.map(name)) {
                    out.append(f)
                }
            }
        }
        return out
    }
}
