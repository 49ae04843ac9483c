import Foundation

/// T03: 实际支出 ≤ 实际到位 and 实际到位 ≤ 计划安排, per source.
public struct SpendWithinFunds: Rule {
    public static let description = RuleDescription(
        id: "T03", name: "spend-within-funds", family: .table, severity: .warning,
        summary: Localized(zh: "实际支出不应超过实际到位，到位不应超过计划", en: "Spending does not exceed funds received, and received does not exceed planned"),
        triggering: [
            "\t计划安排资金\n（万元）\n\t170\n\t实际到位资金\n（万元）\n\t170\n\t实际支出\n（万元）\n\t↓179.6\n\t结余\n（万元）\n\t-9.6\n\n",
        ],
        nonTriggering: [
            "\t计划安排资金\n（万元）\n\t180\n\t实际到位资金\n（万元）\n\t179.6\n\t实际支出\n（万元）\n\t179.6\n\t结余\n（万元）\n\t0\n\n",
        ])

    public init() {}

    public func check(_ c: RuleContext) -> [Finding] {
        guard let funds = c.facts.funds else { return [] }
        var out: [Finding] = []
        for (label, row) in funds.labelledRows {
            for (small, big) in [("spent", "received"), ("received", "planned")] {
                guard let a = row[small]?.figure, let b = row[big]?.figure, a.interval.lo > b.interval.hi else { continue }
                let la = funds.labels[small] ?? small, lb = funds.labels[big] ?? big
                if let f = c.finding(Self.description,
                                     message: Localized(zh: "\(label)“\(la)” \(a.text) 超过“\(lb)” \(b.text)，需说明", en: "\(label): \(la) \(a.text) exceeds \(lb) \(b.text); explain"),
                                     arithmetic: Localized(zh: "\(a.text) − \(b.text) = \(Arithmetic.inUnit(a.value - b.value, of: a))\(Arithmetic.unitLabel(a)) > 0",
                                                           en: "\(a.text) − \(b.text) = \(Arithmetic.inUnit(a.value - b.value, of: a)) \(Arithmetic.unitLabel(a)) > 0"),
                                     figures: [a, b]) { out.append(f) }
            }
        }
        return out
    }
}
