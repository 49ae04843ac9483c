import Foundation

/// X01: an amount in the text that names a funds-table field (计划安排, 到位, 支出, 结余, 预算,
/// 执行) equals the table's value after unit conversion.
public struct AmountRestated: Rule {
    public static let description = RuleDescription(
        id: "X01", name: "amount-restated", family: .tableVsNarrative, severity: .error,
        summary: Localized(zh: "文字中引用的资金数应与资金表一致", en: "An amount quoted in the text equals the funds table"),
        triggering: ["\t计划安排资金\n（万元）\n\t40\n\t实际到位资金\n（万元）\n\t40\n\t实际支出\n（万元）\n\t38.64\n\t结余\n（万元）\n\t1.36\n\n项目实际支出↓36.64万元。\n",
            """
            \t计划安排资金
            （万元）
            \t60
            \t实际到位资金
            （万元）
            \t60
            \t实际支出
            （万元）
            \t57.2
            \t结余
            （万元）
            \t2.8

            截至年底，项目实际支出↓52.7万元，结余2.8万元。

            """,
        ],
        nonTriggering: ["\t计划安排资金\n（万元）\n\t40\n\t实际到位资金\n（万元）\n\t40\n\t实际支出\n（万元）\n\t38.64\n\t结余\n（万元）\n\t1.36\n\n项目实际支出38.64万元。\n",
            """
            \t计划安排资金
            （万元）
            \t60
            \t实际到位资金
            （万元）
            \t60
            \t实际支出
            （万元）
            \t57.2
            \t结余
            （万元）
            \t2.8

            截至年底，项目实际支出57.2万元，结余2.8万元。

            """,
        ])

    public init() {}

    /// Words in the text → funds column.
    static let fields: [(String, String)] = [
        ("计划安排", "planned"), ("实际到位", "received"), ("到位资金", "received"), ("实际支出", "spent"), ("结余", "balance"),
        ("年初预算", "initial"), ("全年预算", "adjusted"), ("调整后预算", "adjusted"), ("全年执行", "executed"), ("预算执行数", "executed"),
    ]

    public func check(_ c: RuleContext) -> [Finding] {
        guard let funds = c.facts.funds else { return [] }
        var out: [Finding] = []
        var seen = Set<String>()
        for f in c.quantities where !f.inTable && f.kind == .money && !f.approximate {
            let clause = c.clause(before: f)
            guard !clause.containsBytes(of: "其中"), let (word, field) = Self.fields.first(where: { clause.containsBytes(of: $0.0) }),
                  let table = funds.totals[field]?.figure, !seen.contains(field + "\(f.sentence)") else { continue }
            seen.insert(field + "\(f.sentence)")
            // A source's own figure is fine too.
            let values = [table.value] + funds.sources.compactMap { funds.cells[$0]?[field]?.figure?.value }
            if values.contains(where: { Arithmetic.sum(total: f, parts: [table.with(value: $0)]).severity == nil }) { continue }
            let label = funds.labels[field] ?? word
            let slip = [Decimal(1000), 10000, 100_000_000].first { f.value == table.value * $0 || f.value * $0 == table.value }
            if let finding = c.finding(slip == nil ? Self.description : UnitConsistency.description,
                                       message: Localized(zh: "文中“\(word)” \(f.text) 与资金表“\(label)” \(table.text)\(Arithmetic.unitLabel(table).isEmpty ? "" : "（\(Arithmetic.unitLabel(table))）") 不一致" + (slip != nil ? "，恰差 \(slip!.plain) 倍，疑为单位错误" : ""),
                                                          en: "“\(word)” \(f.text) in the text differs from the table's \(label) \(table.text)" + (slip != nil ? " by a factor \(slip!.plain): a unit slip" : "")),
                                       arithmetic: Localized(zh: "\(f.value.plain)元 ≠ \(table.value.plain)元", en: "\(f.value.plain) 元 ≠ \(table.value.plain) 元"),
                                       figures: [f, table],
                                       suggestions: [Suggestion(location: f.location, original: f.text, replacement: Arithmetic.replacement(for: f, value: table.value, surface: f.text),
                                                                reason: Localized(zh: "与资金表一致（表中数通常为审定数）", en: "match the table, usually the audited figure"))]) {
                out.append(finding)
            }
        }
        return out
    }
}
