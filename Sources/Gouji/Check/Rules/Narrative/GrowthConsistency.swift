import Foundation

/// N03: a growth rate agrees with the figures around it: with a stated increment n and total V,
/// g = n / (V − n); for counts, the base implied by V and g must hold an integer.
public struct GrowthConsistency: Rule {
    public static let description = RuleDescription(
        id: "N03", name: "growth-consistency", family: .narrative, severity: .error, also: [.warning, .info],
        summary: Localized(zh: "增长率应与所述增量、总量和基数一致", en: "A growth rate agrees with the stated increment, total and base"),
        triggering: ["“三公”经费决算总额2771万元，比上年下降↓1.8%。分项情况是：因公出国（境）经费决算120万元，比上年增长79.1%；公务接待费决算1033万元，比上年下降8.6%；公务用车购置及运行费决算1618万元，比上年下降1.2%。", "新增高新技术企业91个，总数达359家，增幅↓40.5%。", "组建市级科技创新团队7个，同比增长↓15%。",
            "全县农村自来水普及率达到92%，集中供水工程新增18处，总数达到78处，同比增长↓25%。",
        ],
        nonTriggering: ["“三公”经费决算总额2771万元，比上年下降1.8%。分项情况是：因公出国（境）经费决算120万元，比上年增长79.1%；公务接待费决算1033万元，比上年下降7.6%；公务用车购置及运行费决算1618万元，比上年下降1.2%。", "新增高新技术企业91个，总数达359家，增幅33.95%。", "技术合同登记645份，同比增长67.53%。", "组建市级科技创新团队7个，同比增长16.67%。"])

    public init() {}

    /// A stated rate g checked against numerator ÷ base: nothing when the exact rate rounds to g
    /// or some reading of the rounded figures gives it (a small base spreads it wide: 20.63 ÷
    /// 1.96 万元 is anything from 1047 % to 1058 %); otherwise a note within one last-place unit
    /// and a warning beyond (paired from the prose: a warning at most).
    func rateFinding(_ c: RuleContext, rate g: Figure, exact: Decimal, numerator: Interval, base: Interval,
                     message: Localized, arithmetic: Localized, figures: [Figure], reason: Localized) -> Finding? {
        if Growth.agrees(stated: g.number, decimals: g.decimals, exact: exact) { return nil }
        guard let range = Growth.rateRange(numerator: numerator, base: base) else { return nil }
        let gap = Growth.gap(stated: g, range: range)
        if gap == 0 { return nil }
        let severity: Severity = gap <= Decimal.pow10(-g.decimals) ? .info : .warning
        return c.finding(Self.description, severity: severity, message: message, arithmetic: arithmetic, figures: figures,
                         suggestions: [Suggestion(location: g.location, original: g.text,
                                                  replacement: Arithmetic.replacement(for: g, value: exact.rounded(g.decimals), surface: g.text),
                                                  reason: reason)])
    }

    public func check(_ c: RuleContext) -> [Finding] {
        var out: [Finding] = []
        // "V，较上年增加 n，增长 g%": g = n / (V − n) (or V + n for a decrease).
        for (v, n, g) in Growth.increments(c) {
            let down = n.direction == "down"
            let stated = Growth.isBase(v, c)
            let base = stated ? v.value : (down ? v.value + n.value : v.value - n.value)
            guard base > 0 else { continue }
            let exact = n.value / base * 100
            let vI = v.interval, nI = n.interval
            let baseRange = stated ? vI : (down ? Interval(vI.lo + nI.lo, vI.hi + nI.hi) : Interval(vI.lo - nI.hi, vI.hi - nI.lo))
            let denominator = stated ? v.number.plain : "\(v.number.plain) \(down ? "+" : "−") \(n.number.plain)"
            if let f = rateFinding(c, rate: g, exact: exact, numerator: nI, base: baseRange,
                                   message: Localized(zh: "\(down ? "降幅" : "增幅") \(g.text) 与增量 \(n.text)、本年 \(v.text) 不符（应为 \(exact.rounded(g.decimals).plain)%）",
                                                      en: "Rate \(g.text) disagrees with the change \(n.text) and the value \(v.text) (should be \(exact.rounded(g.decimals).plain)%)"),
                                   arithmetic: Localized(zh: "\(n.number.plain) ÷ (\(denominator)) = \(exact.display(4))%", en: "\(n.number.plain) / (\(denominator)) = \(exact.display(4))%"),
                                   figures: [g, n, v], reason: Localized(zh: "按增量与本年数重算", en: "recompute from the change and the value")) { out.append(f) }
        }
        for p in c.growthPairs where p.value.kind != .percent {
            let v = p.value, g = p.rate
            // (i) The base is stated: g = (V − B) / B.
            if let b = p.base {
                guard b.value > 0 else { continue }
                let exact = (v.value - b.value) / b.value * 100 * (g.direction == "down" ? -1 : 1)
                let vI = v.interval, bI = b.interval
                let change = g.direction == "down" ? Interval(bI.lo - vI.hi, bI.hi - vI.lo) : Interval(vI.lo - bI.hi, vI.hi - bI.lo)
                if let f = rateFinding(c, rate: g, exact: exact, numerator: change, base: bI,
                                       message: Localized(zh: "\(g.direction == "down" ? "降幅" : "增幅") \(g.text) 与本年 \(v.text)、基数 \(b.text) 不符（应为 \(exact.rounded(g.decimals).plain)%）",
                                                          en: "Rate \(g.text) disagrees with the value \(v.text) and the base \(b.text) (should be \(exact.rounded(g.decimals).plain)%)"),
                                       arithmetic: Localized(zh: "(\(v.number.plain) − \(b.number.plain)) ÷ \(b.number.plain) = \(exact.display(4))%", en: "(\(v.number.plain) − \(b.number.plain)) / \(b.number.plain) = \(exact.display(4))%"),
                                       figures: [g, v, b], reason: Localized(zh: "按本年数与基数重算", en: "recompute from the value and the base")) { out.append(f) }
                continue
            }
            // (iii) An increment stated for the same subject in the same sentence.
            if let n = c.figures(inSentence: v.sentence).first(where: { $0.scopes.contains("新增") && $0.subject == v.subject && $0.kind == v.kind && $0.location.start < v.location.start }),
               v.value > n.value {
                let exact = n.value / (v.value - n.value) * 100
                let vI = v.interval, nI = n.interval
                if let f = rateFinding(c, rate: g, exact: exact, numerator: nI, base: Interval(vI.lo - nI.hi, vI.hi - nI.lo),
                                       message: Localized(zh: "增幅 \(g.text) 与新增 \(n.text)、总数 \(v.text) 不符（应为 \(exact.rounded(g.decimals).plain)%）",
                                                          en: "Growth \(g.text) disagrees with the increment \(n.text) and total \(v.text) (should be \(exact.rounded(g.decimals).plain)%)"),
                                       arithmetic: Localized(zh: "\(n.number.plain) ÷ (\(v.number.plain) − \(n.number.plain)) = \(exact.display(4))%", en: "\(n.number.plain) / (\(v.number.plain) − \(n.number.plain)) = \(exact.display(4))%"),
                                       figures: [g, n, v], reason: Localized(zh: "按新增与总数重算增幅", en: "recompute the rate from the increment and the total")) { out.append(f) }
                continue
            }
            // (ii) Counts: the implied base must contain an integer.
            if v.kind == .count, !v.approximate {
                let base = Growth.impliedBase(p)
                if !base.containsInteger {
                    if let f = c.finding(Self.description, severity: .warning,
                                         message: Localized(zh: "\(v.text) 同比\(g.direction == "down" ? "下降" : "增长") \(g.text) 所隐含的上年数 \(base.lo.display(3))–\(base.hi.display(3)) 不是整数",
                                                            en: "\(v.text) with growth \(g.text) implies a base of \(base.lo.display(3))–\(base.hi.display(3)), which holds no whole number"),
                                         arithmetic: Localized(zh: "\(v.number.plain) ÷ (1 \(g.direction == "down" ? "−" : "+") \(g.number.plain)%) = \(base.mid.display(3))",
                                                               en: "\(v.number.plain) / (1 \(g.direction == "down" ? "−" : "+") \(g.number.plain)%) = \(base.mid.display(3))"),
                                         figures: [g, v]) { out.append(f) }
                }
            }
        }
        out += partsGrowth(c)
        return out
    }

    /// (iv) The rates of a total and of its parts: last year's parts add up to last year's total.
    /// Which rate is wrong cannot be told, so no replacement is offered; paired from the prose, a
    /// warning at most.
    func partsGrowth(_ c: RuleContext) -> [Finding] {
        PartsGrowth.groups(c).compactMap { g in
            let totalBefore = PartsGrowth.previous(g.total)
            let partsBefore = g.parts.map(PartsGrowth.previous)
            let sum = partsBefore.dropFirst().reduce(partsBefore[0], +)
            guard !sum.overlaps(totalBefore), totalBefore.lo > 0 else { return nil }
            let t = g.total.value
            func before(_ p: Growth.Pair) -> String {
                "\(p.value.number.plain) ÷ (1 \(p.rate.direction == "down" ? "−" : "+") \(p.rate.number.plain)%)"
            }
            let unit = Arithmetic.unitLabel(t)
            func shown(_ i: Interval) -> String { Arithmetic.inUnit(i.mid, of: t, decimals: 1) }
            let zh = "合计 \(t.text)\(g.total.rate.direction == "down" ? "下降" : "增长") \(g.total.rate.text) 推得上年约 \(shown(totalBefore))\(unit)，而各分项按所述增减幅推得的上年数合计约 \(shown(sum))\(unit)，两者不符：至少有一个增减幅有误"
            let en = "The total \(t.text) with \(g.total.rate.text) implies about \(shown(totalBefore)) \(unit) last year, but the parts with their rates imply about \(shown(sum)) \(unit) together: at least one rate is wrong"
            let terms = g.parts.map(before).joined(separator: " + ")
            return c.finding(Self.description, severity: c.level(of: Self.description, inCase: .warning),
                             message: Localized(zh: zh, en: en),
                             arithmetic: Localized(zh: "\(terms) = \(shown(sum))，\(before(g.total)) = \(shown(totalBefore))（已计入四舍五入）",
                                                   en: "\(terms) = \(shown(sum)); \(before(g.total)) = \(shown(totalBefore)) (rounding allowed for)"),
                             figures: [g.total.rate, t] + g.parts.flatMap { [$0.rate, $0.value] })
        }
    }
}
