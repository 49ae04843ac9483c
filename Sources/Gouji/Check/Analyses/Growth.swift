import Foundation

/// Growth-rate arithmetic: which value each stated rate belongs to ("A a、B b，同比增长 x%、y%"),
/// the base a rate implies, and rounding-aware comparison of rates.
public enum Growth {
    public struct Pair {
        public var value: Figure
        public var rate: Figure
        /// The previous-period base stated with the pair ("4120户，较2021年的3470户增长18.73%").
        public var base: Figure? = nil
    }

    public struct Enumeration {
        public var values: [Figure]
        public var rates: [Figure]
        public var base: Figure? = nil
    }

    /// Runs of direction rates with the values they follow, per sentence.
    public static func enumerations(_ c: RuleContext) -> [Enumeration] {
        var out: [Enumeration] = []
        let figures = c.figures.filter { $0.kind.isQuantity }
        var i = 0
        while i < figures.count {
            let f = figures[i]
            guard f.kind == .percent, f.direction != nil else { i += 1; continue }
            // The run: percents joined by 、 only.
            var run = [f]
            var j = i + 1
            while j < figures.count, figures[j].kind == .percent, figures[j].sentence == f.sentence {
                let between = c.document.lines.text(from: run.last!.location.end, to: figures[j].location.start).trimmedSpaces
                guard between == "、" || between == "," || between == "，" && run.count > 0 && figures[j].direction == nil else { break }
                run.append(figures[j]); j += 1
            }
            // The values: quantities before the run in the same clause chain (back to 。；).
            var values: [Figure] = []
            var k = i - 1
            while k >= 0, figures[k].sentence == f.sentence, figures[k].kind != .percent || values.isEmpty {
                let between = c.document.lines.text(from: figures[k].location.end, to: (values.first ?? f).location.start)
                if between.containsBytes(of: "；") || between.containsBytes(of: ";") || between.containsBytes(of: "。") { break }
                if figures[k].kind == .percent && figures[k].direction != nil { break }
                values.insert(figures[k], at: 0)
                k -= 1
            }
            // A single rate belongs to the value right before it, or — when that is the
            // previous-period base — to the value before the base.
            // A figure in a parenthetical aside ("169万元(排已公开的6个区第3)，比上年下降16.34%")
            // is not what the rate is about.
            values.removeAll { v in
                let between = c.document.lines.text(from: v.location.end, to: f.location.start)
                guard let close = between.firstIndex(where: { $0 == "）" || $0 == ")" }) else { return false }
                return !between[..<close].contains { $0 == "（" || $0 == "(" }
            }
            var base: Figure? = nil
            if run.count == 1, let last = values.last {
                if last.role == .base, values.count >= 2, let v = values.dropLast().last(where: { $0.kind == last.kind && $0.role != .base && $0.direction == nil }) {
                    base = last; values = [v]
                } else {
                    values = [last]
                }
            }
            out.append(Enumeration(values: values, rates: run, base: base))
            i = j
        }
        return out
    }

    /// Value–rate pairs of enumerations whose counts agree. A rate that follows an increment
    /// ("较上年增加1782个，增长10.56%") is not paired with it; see `increments`.
    public static func pairs(_ c: RuleContext) -> [Pair] {
        c.growthEnumerations.flatMap { e -> [Pair] in
            guard e.values.count == e.rates.count else { return [] }
            return zip(e.values, e.rates).map { Pair(value: $0, rate: $1, base: e.base) }.filter { $0.value.direction == nil && $0.value.role != .base }
        }
    }

    /// (total V, increment n, rate g) for "V，较上年增加n，增长g%": g should be n / (V − n).
    /// When V's own clause says 上年/去年/同期 ("较上年的19.8万元增加14.49万元"), V is the base itself.
    public static func isBase(_ v: Figure, _ c: RuleContext) -> Bool { v.role == .base }

    public static func increments(_ c: RuleContext) -> [(total: Figure, increment: Figure, rate: Figure)] {
        let q = c.figures.filter(\.kind.isQuantity)
        var out: [(Figure, Figure, Figure)] = []
        for e in c.growthEnumerations where e.rates.count == 1 && e.values.count == 1 {
            let n = e.values[0]
            guard n.direction != nil, let i = q.firstIndex(where: { $0.location == n.location }), i > 0 else { continue }
            // The value is the last figure of the increment's kind before it in its sentence (a rate
            // such as "完成预算43.2万元的52.3%" may stand between).
            guard let v = q[..<i].last(where: { $0.sentence == n.sentence && $0.kind == n.kind }),
                  v.direction == nil, v.role != .change else { continue }
            if q[q.index(after: q.firstIndex(where: { $0.location == v.location })!)..<i].contains(where: { $0.kind == n.kind }) { continue }
            out.append((v, n, e.rates[0]))
        }
        return out
    }

    /// The base implied by value V after growth g% (down: decline): the interval allowing for
    /// rounding and truncation of g and rounding of V.
    public static func impliedBase(_ p: Pair, value: Interval? = nil) -> Interval {
        let g = p.rate.number
        let unit = Decimal.pow10(-p.rate.decimals)
        let sign: Decimal = p.rate.direction == "down" ? -1 : 1
        let gLo = sign > 0 ? g - unit / 2 : g + unit
        let gHi = sign > 0 ? g + unit : g - unit / 2
        let v = value ?? p.value.interval
        let f1 = 1 + sign * gLo / 100, f2 = 1 + sign * gHi / 100
        guard f1 > 0, f2 > 0 else { return Interval(0, 0) }
        let candidates = [v.lo / f1, v.lo / f2, v.hi / f1, v.hi / f2]
        return Interval(candidates.min()!, candidates.max()!)
    }

    /// The range of 100 × numerator / base over the rounding intervals of both (nil when the
    /// base may be zero or negative).
    public static func rateRange(numerator n: Interval, base b: Interval) -> Interval? {
        guard b.lo > 0 else { return nil }
        let ends = [n.lo / b.lo, n.lo / b.hi, n.hi / b.lo, n.hi / b.hi].map { $0 * 100 }
        return Interval(ends.min()!, ends.max()!)
    }

    /// How far a stated rate lies from the range its figures allow: 0 when some reading of the
    /// rounded figures gives it (rounded half-up, half-even or truncated at its decimals).
    public static func gap(stated g: Figure, range: Interval) -> Decimal {
        let unit = Decimal.pow10(-g.decimals)
        let lo = g.number - unit / 2, hi = g.number + unit   // truncation reaches up to one unit
        if hi < range.lo { return range.lo - hi }
        if lo > range.hi { return lo - range.hi }
        return 0
    }

    /// Whether `stated` (with its decimals) is the rounding (half-up, half-even) or truncation of `exact`.
    public static func agrees(stated: Decimal, decimals: Int, exact: Decimal) -> Bool {
        exact.rounded(decimals, .plain) == stated || exact.rounded(decimals, .bankers) == stated
            || exact.rounded(decimals, exact >= 0 ? .down : .up) == stated
    }
}
