import Foundation

/// T02: 结余 = 实际到位 − 实际支出, for the total and each source.
public struct Balance: Rule {
    public static let description = RuleDescription(
        id: "T02", name: "balance", family: .table, severity: .error, also: [.warning, .info],
        summary: Localized(zh: "结余应等于实际到位资金减实际支出", en: "The balance equals funds received minus spending"),
        triggering: [
            "\t实际到位资金\n（万元）\n\t170\n\t实际支出\n（万元）\n\t179.6\n\t结余\n（万元）\n\t↓0\n\n",
        ],
        nonTriggering: [
            "\t实际到位资金\n（万元）\n\t5.8\n\t实际支出\n（万元）\n\t5.8\n\t结余\n（万元）\n\t0\n\n",
        ])

    public init() {}

    public func check(_ c: RuleContext) -> [Finding] {
        guard let funds = c.facts.funds else { return [] }
        var out: [Finding] = []
        for (label, row) in funds.labelledRows {
            guard let received = row["received"]?.figure, let spent = row["spent"]?.figure, let balance = row["balance"]?.figure else { continue }
            // balance + spent = received, as a sum with its rounding tolerance.
            let v = Arithmetic.sum(total: received, parts: [spent, balance])
            guard let severity = v.severity else { continue }
            let expected = received.value - spent.value
            let unit = Arithmetic.unitLabel(balance)
            if let f = c.finding(Self.description, severity: severity,
                                 message: Localized(zh: "\(label)结余 \(balance.text) 不等于实际到位减实际支出（应为 \(Arithmetic.inUnit(expected, of: balance))\(unit)）",
                                                    en: "\(label) balance \(balance.text) is not received minus spent (should be \(Arithmetic.inUnit(expected, of: balance)) \(unit))"),
                                 arithmetic: Localized(zh: "\(Arithmetic.inUnit(received.value, of: balance)) − \(Arithmetic.inUnit(spent.value, of: balance)) = \(Arithmetic.inUnit(expected, of: balance))（\(unit)），所述结余 \(Arithmetic.inUnit(balance.value, of: balance))",
                                                       en: "\(Arithmetic.inUnit(received.value, of: balance)) − \(Arithmetic.inUnit(spent.value, of: balance)) = \(Arithmetic.inUnit(expected, of: balance)) (\(unit)); stated balance \(Arithmetic.inUnit(balance.value, of: balance))"),
                                 figures: [balance, received, spent],
                                 suggestions: [Suggestion(location: balance.location, original: balance.text,
                                                          replacement: Arithmetic.replacement(for: balance, value: expected, surface: balance.text),
                                                          reason: Localized(zh: "按到位减支出重算结余", en: "recompute the balance as received minus spent"))]) {
                out.append(f)
            }
        }
        return out
    }
}
