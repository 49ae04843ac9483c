import Foundation

/// T12: amounts that must be equal agree after unit conversion; an exact ×10^3/10^4/10^8 gap is
/// 元/万元 confusion. Raised by the sum and equality checks when they detect the factor; on its
/// own it flags the expense total that restates 实际支出 in another unit without saying so.
public struct UnitConsistency: Rule {
    public static let description = RuleDescription(
        id: "T12", name: "unit-consistency", family: .table, severity: .error,
        summary: Localized(zh: "应相等的金额换算单位后一致；恰差 10⁴ 倍即元/万元混用",
                           en: "Amounts that must be equal agree after unit conversion; an exact 10^4 factor is 元/万元 confusion"),
        triggering: [
            "\t计划安排资金\n（万元）\n\t↓58000\n\t实际到位资金\n（万元）\n\t5.8\n\n\t其中：中央财政\n\t0\n\t其中：中央财政\n\t0\n\n\t市财政\n\t5.8\n\t市财政\n\t5.8\n\n",
        ],
        nonTriggering: [
            "\t计划安排资金\n（万元）\n\t5.8\n\t实际到位资金\n（万元）\n\t5.8\n\n\t其中：中央财政\n\t0\n\t其中：中央财政\n\t0\n\n\t市财政\n\t5.8\n\t市财政\n\t5.8\n\n",
        ])

    public init() {}

    /// Equality checks elsewhere call `SumCheck`, which reports the factor under this id; this
    /// rule itself compares generic one-part totals in any table (合计 rows with a single line).
    public func check(_ c: RuleContext) -> [Finding] {
        c.tableSums.filter { $0.1.count == 1 }.compactMap { total, parts in
            let v = Arithmetic.sum(total: total, parts: parts)
            guard v.unitSlip != nil, v.severity != nil else { return nil }
            return SumCheck.check(Self.description, c, total: total, parts: parts, what: Localized(zh: "合计", en: "The total"))
        }
    }
}
