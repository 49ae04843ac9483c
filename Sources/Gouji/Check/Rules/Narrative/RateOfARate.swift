import Foundation

/// N06: "增长x%" applied to a ratio (研发强度, 占比, 覆盖率) is ambiguous: the expected form is
/// "提高y个百分点". Both readings are computed.
public struct RateOfARate: Rule {
    public static let description = RuleDescription(
        id: "N06", name: "rate-of-a-rate", family: .narrative, severity: .info,
        summary: Localized(zh: "比率的变化宜写“提高x个百分点”，“增长x%”有歧义", en: "A change of a ratio should read “x 个百分点”; “增长x%” is ambiguous"),
        triggering: ["预计全社会研发强度2.01%，同比增长↓28%。",
            "全市城镇登记失业率3.2%，较上年增长↓0.4%。",
            "全县森林覆盖率达到63.5%，同比增长↓1.2%。",
        ],
        nonTriggering: ["预计全社会研发强度2.01%，同比提高0.44个百分点。",
            "全市城镇登记失业率3.2%，较上年下降0.4个百分点。",
            "全年农村居民人均可支配收入18960元，比上年增长7.5%。",
        ])

    public init() {}

    public func check(_ c: RuleContext) -> [Finding] {
        c.growthEnumerations.flatMap { e -> [Finding] in
            guard e.values.count == e.rates.count else { return [] }
            return zip(e.values, e.rates).compactMap { v, g in
                guard v.kind == .percent, v.direction == nil, g.direction == "up" || g.direction == "down" else { return nil }
                let sign: Decimal = g.direction == "up" ? 1 : -1
                let relative = v.value / (1 + sign * g.value / 100)
                let points = v.value - sign * g.value
                let possible = points >= 0 && points <= 100
                let pp = (v.value - relative).rounded(2)
                return c.finding(Self.description,
                                 message: Localized(zh: "比率 \(v.text) 的“\(g.direction == "up" ? "增长" : "下降") \(g.text)”有歧义：按相对变化上年为 \(relative.display(2))%，按百分点上年为 \(possible ? points.display(2) + "%" : "负数（不可能）")",
                                                    en: "“\(g.text)” on the ratio \(v.text) is ambiguous: as a relative change last year was \(relative.display(2))%, as points \(possible ? points.display(2) + "%" : "negative (impossible)")"),
                                 arithmetic: Localized(zh: "\(v.number.plain) ÷ (1 \(sign > 0 ? "+" : "−") \(g.number.plain)%) = \(relative.display(2))；\(v.number.plain) \(sign > 0 ? "−" : "+") \(g.number.plain) = \(points.display(2))",
                                                       en: "\(v.number.plain) / (1 \(sign > 0 ? "+" : "−") \(g.number.plain)%) = \(relative.display(2)); \(v.number.plain) \(sign > 0 ? "−" : "+") \(g.number.plain) = \(points.display(2))"),
                                 figures: [g, v],
                                 suggestions: [Suggestion(location: g.location, original: g.text, replacement: "\(pp.magnitude.plain)个百分点",
                                                          reason: Localized(zh: "写作“\(g.direction == "up" ? "提高" : "降低")\(pp.magnitude.plain)个百分点”（若上年为 \(relative.display(2))%）", en: "write it in percentage points (if last year was \(relative.display(2))%)"))])
            }
        }
    }
}
