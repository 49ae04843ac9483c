import Foundation

/// The growth rates of a total and of the parts that make it up: each rate implies last year's
/// value (V ÷ (1 ± g)), and last year's parts add up to last year's total. "“三公”经费决算2771万元，
/// 比上年下降1.8%。因公出国120万元，比上年增长79.1%；公务接待费1033万元，下降7.6%；公务用车1618万元，
/// 下降1.2%": 67.0 + 1118.0 + 1637.7 = 2822.7 against 2771 ÷ 0.982 = 2821.8 — within rounding.
public enum PartsGrowth {
    public struct Group {
        public var total: Growth.Pair
        public var parts: [Growth.Pair]
    }

    /// A total with a growth rate followed, in its paragraph, by a run of figures of its kind that
    /// each carry a rate and add up exactly to it (the sum is what ties them; a list that does not
    /// add up is not taken).
    public static func groups(_ c: RuleContext) -> [Group] {
        let pairs = c.growthPairs.filter {
            ($0.value.kind == .money || $0.value.kind == .count) && $0.base == nil && $0.rate.kind == .percent
                && $0.rate.direction != nil && !$0.value.approximate && $0.value.role != .target
        }
        var out: [Group] = []
        for (i, total) in pairs.enumerated() {
            var sum = Decimal(0)
            var widths = total.value.intervalWidth
            var parts: [Growth.Pair] = []
            for p in pairs[(i + 1)...] {
                guard p.value.block == total.value.block, p.value.kind == total.value.kind, p.value.unit == total.value.unit,
                      p.value.value <= total.value.value else { break }
                parts.append(p)
                sum += p.value.value
                widths += p.value.intervalWidth
                if parts.count >= 2, Arithmetic.balances(difference: total.value.value - sum, widths: widths) {
                    out.append(Group(total: total, parts: parts))
                    break
                }
                if sum > total.value.value { break }
            }
        }
        return out
    }

    /// Last year's value implied by a pair, allowing for the rounding of the rate and of the value
    /// (a value written without decimals stands for ± half a unit of its last place).
    public static func previous(_ p: Growth.Pair) -> Interval {
        guard p.value.decimals == 0 else { return Growth.impliedBase(p) }
        let half = p.value.factor.magnitude / 2
        return Growth.impliedBase(p, value: Interval(p.value.value - half, p.value.value + half))
    }
}
