import Foundation

/// F02: full-width digits, points or percent signs in numbers (GB/T 15835 wants half-width
/// Arabic numerals); normalised for checking, reported so they can be fixed.
public struct FullWidth: Rule {
    public static let description = RuleDescription(
        id: "F02", name: "fullwidth", family: .format, severity: .info,
        summary: Localized(zh: "数字中使用了全角字符", en: "Full-width characters in a number"),
        triggering: ["共投入资金↓１２３．５万元。",
            "全年完成植树造林↓５６００亩。",
            "项目资金到位率为↓９８．６％。",
        ],
        nonTriggering: ["共投入资金123.5万元。",
            "全年完成植树造林5600亩。",
            "项目资金到位率为98.6%。",
        ])

    public init() {}

    public func check(_ c: RuleContext) -> [Finding] {
        c.figures.filter { $0.kind.isQuantity && Normalizer.needsNormalizing($0.text) }.compactMap { f in
            let fixed = Normalizer.normalize(f.text)
            return c.finding(Self.description,
                             message: Localized(zh: "数字“\(f.text)”含全角字符", en: "“\(f.text)” contains full-width characters"),
                             figures: [f],
                             suggestions: [Suggestion(location: f.location, original: f.text, replacement: fixed,
                                                      reason: Localized(zh: "改为半角“\(fixed)”", en: "write “\(fixed)”"), safe: true)])
        }
    }
}
