import Foundation

/// F03: an amount without its unit: "3600万" in money context (info, fixable), or table amounts
/// whose unit had to be inferred because no header states it (info).
public struct MissingUnit: Rule {
    public static let description = RuleDescription(
        id: "F03", name: "missing-unit", family: .format, severity: .info,
        summary: Localized(zh: "金额缺少单位（如“3600万”未写“元”，或表头未注明单位）", en: "An amount lacks its unit (万 without 元, or no unit in the header)"),
        triggering: ["省十大核心技术攻关项目1项，资金↓3600万。",
            "县级配套资金↓120万，已全部到位。",
            "全年发放各类补贴资金↓1.35亿，惠及农户2.3万户。",
        ],
        nonTriggering: ["省十大核心技术攻关项目1项，资金3600万元。",
            "县级配套资金120万元，已全部到位。",
            "全年发放各类补贴资金1.35亿元，惠及农户2.3万户。",
        ])

    public init() {}

    public func check(_ c: RuleContext) -> [Finding] {
        var out: [Finding] = []
        for f in c.quantities where f.kind == .money && ["万", "亿", "千"].contains(f.writtenUnit) {
            if let finding = c.finding(Self.description,
                                       message: Localized(zh: "金额“\(f.text)”缺少“元”", en: "The amount “\(f.text)” lacks 元"),
                                       figures: [f],
                                       suggestions: [Suggestion(location: f.location, original: f.text, replacement: f.text + "元",
                                                                reason: Localized(zh: "写作“\(f.text)元”", en: "write “\(f.text)元”"), safe: true)]) {
                out.append(finding)
            }
        }
        let inferred = c.facts.expenses.compactMap { $0.amount?.figure }.filter { $0.unitSource == "inferred" }
        if let first = inferred.first {
            if let finding = c.finding(Self.description,
                                       message: Localized(zh: "支出明细金额未注明单位，按支出合计推定为“\(first.writtenUnit)”", en: "The expense amounts carry no unit; \(first.writtenUnit) was inferred from the total"),
                                       figures: inferred,
                                       suggestions: []) {
                out.append(finding)
            }
        }
        return out
    }
}
