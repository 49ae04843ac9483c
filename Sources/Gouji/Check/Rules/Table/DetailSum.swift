import Foundation

/// T04: Σ expense lines = 支出合计, and 支出合计 = 实际支出 of the funds table after unit
/// conversion; when the lines carry no unit, it is inferred (×10⁴ → 元).
public struct DetailSum: Rule {
    public static let description = RuleDescription(
        id: "T04", name: "detail-sum", family: .table, severity: .error, also: [.warning, .info],
        summary: Localized(zh: "支出明细之和应等于支出合计，支出合计应等于实际支出（换算单位后）",
                           en: "Expense lines add up to the expense total, which equals 实际支出 after unit conversion"),
        triggering: [
            "\t支出内容\n\t实际支出数\n\t会计凭证号\n\t备注\n\n\t办公经费\n\t1165\n\t2021.2.6#\n\t\n\n\t差旅费\n\t26458\n\t2021.4.15#\n\t\n\n\t支出合计\n\t↓28000.00元\n\t\n\t\n\n",
        ],
        nonTriggering: [
            "\t支出内容\n\t实际支出数\n\t会计凭证号\n\t备注\n\n\t办公经费\n\t1165\n\t2021.2.6#\n\t\n\n\t差旅费\n\t26458\n\t2021.4.15#\n\t\n\n\t支出合计\n\t27623.00元\n\t\n\t\n\n",
        ])

    public init() {}

    public func check(_ c: RuleContext) -> [Finding] {
        var out: [Finding] = []
        let lines = c.facts.expenses.compactMap { $0.amount?.figure }
        guard let total = c.facts.expenseTotal?.figure else { return out }
        if !lines.isEmpty, lines.count == c.facts.expenses.filter({ !($0.amount?.empty ?? true) }).count {
            // Lines without a unit take the total's.
            let parts = lines.map { f -> Figure in
                guard f.unit.isEmpty || f.kind == .number, total.kind == .money else { return f }
                var g = f; g.kind = .money; g.unit = "元"; g.factor = total.factor; g.value = f.number * total.factor; g.writtenUnit = total.writtenUnit
                return g
            }
            if let f = SumCheck.check(Self.description, c, total: total, parts: parts, what: Localized(zh: "支出合计", en: "The expense total")) {
                out.append(f)
            }
        }
        // 支出合计 against 实际支出 of the funds table.
        if let spent = c.facts.funds?.totals["spent"]?.figure, total.kind == .money || total.unit.isEmpty {
            var t = total
            if t.unit.isEmpty { t.kind = .money; t.unit = "元"; t.factor = spent.factor; t.value = t.number * spent.factor }
            let v = Arithmetic.sum(total: spent, parts: [t])
            if v.severity != nil {
                if let k = v.unitSlip {
                    out += [c.finding(UnitConsistency.description,
                                      message: Localized(zh: "支出合计 \(total.text) 与实际支出 \(spent.text) 相差 \(k.plain) 倍，疑为单位错误", en: "Expense total \(total.text) and 实际支出 \(spent.text) differ by a factor \(k.plain): a unit slip"),
                                      arithmetic: Localized(zh: "\(total.text) ÷ \(spent.text) = \((t.value / spent.value).display(6))", en: "\(total.text) / \(spent.text) = \((t.value / spent.value).display(6))"),
                                      figures: [total, spent])].compactMap { $0 }
                } else if let f = c.finding(Self.description, severity: v.severity,
                                            message: Localized(zh: "支出合计 \(total.text) 与资金表实际支出 \(spent.text) 不一致", en: "Expense total \(total.text) differs from 实际支出 \(spent.text) in the funds table"),
                                            arithmetic: Localized(zh: "\(total.text) = \(t.value.plain)元；\(spent.text) = \(spent.value.plain)元；差 \((t.value - spent.value).plain)元",
                                                                  en: "\(total.text) = \(t.value.plain) 元; \(spent.text) = \(spent.value.plain) 元; difference \((t.value - spent.value).plain) 元"),
                                            figures: [total, spent]) {
                    out.append(f)
                }
            }
        }
        return out
    }
}
