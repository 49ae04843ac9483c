import Foundation

/// Rates stated in prose beside the two amounts they are computed from: "预算20万元，2022年全年
/// 实际支付19.2万元，支付率96%" gives (budget 20万元, spent 19.2万元, rate 96%). The words come from
/// Lexicons/roles.yaml (`amount_rates`). Only amounts of the rate's own statement (back to the
/// previous 。；) count, the budget before the spent amount, and neither a change nor a base.
public enum AmountRates {
    public struct Triple {
        public var budget: Figure
        public var spent: Figure
        public var rate: Figure
    }

    public static func triples(_ c: RuleContext) -> [Triple] {
        let words = c.lexicons.roles.amountRates
        let q = c.quantities
        var out: [Triple] = []
        for (i, r) in q.enumerated() where r.kind == .percent && !r.inTable && r.direction == nil && r.role != .change {
            let clause = c.clause(before: r)
            guard words.rates.contains(where: clause.containsBytes(of:)) else { continue }
            let statementStart = c.document.lines.back(from: r.location.start, to: RuleContext.statementEnds)
            let before = q[..<i].reversed().prefix { $0.location.start >= statementStart && $0.block == r.block }
            let money = before.filter { $0.kind == .money && $0.role != .change && $0.role != .base && $0.role != .share && !$0.approximate }
            guard let spent = money.first, words.spent.contains(where: c.clause(before: spent).containsBytes(of:)) else { continue }
            guard let budget = money.dropFirst().first(where: { words.budgets.contains(where: c.clause(before: $0).containsBytes(of:)) }),
                  budget.value > 0 else { continue }
            // Another rate between the amounts and this one belongs to them.
            if before.contains(where: { $0.kind == .percent && $0.location.start > spent.location.start }) { continue }
            out.append(Triple(budget: budget, spent: spent, rate: r))
        }
        return out
    }
}
