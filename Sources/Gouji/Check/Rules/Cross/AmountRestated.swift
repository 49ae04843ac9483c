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
            """
            单位：万元
            | 三公经费合计 | 因公出国（境）费 | 公务用车购置及运行费 | 公务接待费 |
            | 12.5 | 0 | 8.5 | 4 |

            2023年三公经费预算12.5万元。公务接待费预算↓5万元，比上年减少1万元。
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
            """
            单位：万元
            | 三公经费合计 | 因公出国（境）费 | 公务用车购置及运行费 | 公务接待费 |
            | 12.5 | 0 | 8.5 | 4 |

            2023年三公经费预算12.5万元。公务接待费预算4万元，比上年减少1万元。
            """,
        ])

    public init() {}

    /// Words in the text → funds column.
    static let fields: [(String, String)] = [
        ("计划安排", "planned"), ("实际到位", "received"), ("到位资金", "received"), ("实际支出", "spent"), ("结余", "balance"),
        ("年初预算", "initial"), ("全年预算", "adjusted"), ("调整后预算", "adjusted"), ("全年执行", "executed"), ("预算执行数", "executed"),
    ]

    public func check(_ c: RuleContext) -> [Finding] {
        var out = threePublic(c)
        guard let funds = c.facts.funds else { return out }
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
            if let finding = restated(c, f, word, table, in: Localized(zh: "资金表“\(label)”", en: "the table's \(label)"),
                                      reason: Localized(zh: "与资金表一致（表中数通常为审定数）", en: "match the table, usually the audited figure")) {
                out.append(finding)
            }
        }
        return out
    }

    /// A 三公 amount in the text against the 三公 table's cell of the same item (and measure, and
    /// year, where the table has several): "公务用车运行费50万元" under a table whose 公务用车运行费 is 25.
    func threePublic(_ c: RuleContext) -> [Finding] {
        let entries = c.threePublicEntries
        guard !entries.isEmpty else { return [] }
        var out: [Finding] = []
        var seen = Set<String>()
        var mismatches: [(item: String, text: Figure, table: Figure)] = []
        for f in c.quantities where !f.inTable && f.kind == .money && !f.approximate
            && [.stated, .actual, .part, .total].contains(f.role) {
            // A year named in the clause must be the table's (上年 and the like: not this table).
            let year = f.period
            if let year, year.count != 4 || !year.allSatisfy(\.isNumber) { continue }
            let clause = c.clause(before: f)
            guard let item = ThreePublicTables.item(named: clause, c.lexicons) else { continue }
            let measure = c.lexicons.words.measures.last { clause.containsBytes(of: $0) }
            let same = entries.filter { $0.item == item }
            // Any cell of the item (another measure or year) that the amount equals: no contradiction.
            if same.contains(where: { Arithmetic.sum(total: f, parts: [$0.figure]).severity == nil }) { continue }
            let candidates = same.filter { (measure == nil || $0.measure == nil || $0.measure == measure) && (year == nil || $0.year == nil || $0.year == year) }
            guard let table = candidates.first?.figure, candidates.allSatisfy({ $0.figure.value == table.value }),
                  seen.insert("\(item)|\(f.sentence)").inserted else { continue }
            mismatches.append((item, f, table))
        }
        func name(_ item: String) -> String { ThreePublicTables.name(of: item, c.lexicons) }
        func fix(_ f: Figure, _ table: Figure) -> Suggestion {
            Suggestion(location: f.location, original: f.text, replacement: Arithmetic.replacement(for: f, value: table.value, surface: f.text),
                       reason: Localized(zh: "与三公经费表一致，或更正表中数", en: "match the 三公 table, or correct the table"))
        }
        var reported = Set<Int>()
        for (k, m) in mismatches.enumerated() where !reported.contains(k) {
            // Two items whose amounts the text and the table give the other way round: one slip.
            if let j = mismatches.indices.first(where: { $0 > k && !reported.contains($0) && mismatches[$0].item != m.item
                && mismatches[$0].text.value == m.table.value && mismatches[$0].table.value == m.text.value }) {
                let o = mismatches[j]
                reported.formUnion([k, j])
                if let finding = c.finding(Self.description,
                                           message: Localized(zh: "文中“\(name(m.item))” \(m.text.text)、“\(name(o.item))” \(o.text.text)与三公经费表中两项对调（表中分别为 \(m.table.text)、\(o.table.text)）",
                                                              en: "The text gives “\(name(m.item))” \(m.text.text) and “\(name(o.item))” \(o.text.text), the 三公 table the other way round (\(m.table.text), \(o.table.text))"),
                                           arithmetic: Localized(zh: "\(m.text.value.plain)元 = 表中“\(name(o.item))”，\(o.text.value.plain)元 = 表中“\(name(m.item))”",
                                                                 en: "\(m.text.value.plain) 元 is the table's \(name(o.item)), \(o.text.value.plain) 元 its \(name(m.item))"),
                                           figures: [m.text, o.text, m.table, o.table],
                                           suggestions: [fix(m.text, m.table), fix(o.text, o.table)]) {
                    out.append(finding)
                }
                continue
            }
            reported.insert(k)
            if let finding = restated(c, m.text, name(m.item), m.table, in: Localized(zh: "三公经费表中的", en: "the 三公 table's"),
                                      reason: Localized(zh: "与三公经费表一致，或更正表中数", en: "match the 三公 table, or correct the table")) {
                out.append(finding)
            }
        }
        return out
    }

    /// The text's amount `f` (named `word`) against a table's: X01, or F04's unit slip when they
    /// differ by exactly a factor of 1,000, 10,000 or 100,000,000.
    func restated(_ c: RuleContext, _ f: Figure, _ word: String, _ table: Figure, in place: Localized, reason: Localized) -> Finding? {
        let slip = [Decimal(1000), 10000, 100_000_000].first { f.value == table.value * $0 || f.value * $0 == table.value }
        let unit = Arithmetic.unitLabel(table).isEmpty ? "" : "（\(Arithmetic.unitLabel(table))）"
        return c.finding(slip == nil ? Self.description : UnitConsistency.description,
                         message: Localized(zh: "文中“\(word)” \(f.text) 与\(place.zh) \(table.text)\(unit) 不一致" + (slip.map { "，恰差 \($0.plain) 倍，疑为单位错误" } ?? ""),
                                            en: "“\(word)” \(f.text) in the text differs from \(place.en) \(table.text)" + (slip.map { " by a factor \($0.plain): a unit slip" } ?? "")),
                         arithmetic: Localized(zh: "\(f.value.plain)元 ≠ \(table.value.plain)元", en: "\(f.value.plain) 元 ≠ \(table.value.plain) 元"),
                         figures: [f, table],
                         suggestions: [Suggestion(location: f.location, original: f.text, replacement: Arithmetic.replacement(for: f, value: table.value, surface: f.text),
                                                  reason: reason)])
    }
}
