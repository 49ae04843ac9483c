import Foundation

/// N04: "A a、B b、C c，同比增长 x%、y%、z%" lists as many rates as values.
public struct EnumeratedRates: Rule {
    public static let description = RuleDescription(
        id: "N04", name: "enumerated-rates", family: .narrative, severity: .error, also: [.warning],
        summary: Localized(zh: "并列数值与其增长率的个数应一致", en: "An enumeration of values and their growth rates has as many rates as values"),
        triggering: ["2021年，完成技术成果登记53项，技术合同登记645份，技术合同成交额65.59亿元，同比增长↓278.57%、67.53%。",
            "全年接待游客286.4万人次、旅游收入21.7亿元、过夜游客41.2万人次，分别增长↓12.3%、9.8%。",
            "粮食播种面积、总产量、单产分别为86.3万亩、35.2万吨、408公斤，同比增长↓1.2%、2.4%。",
        ],
        nonTriggering: ["2021年，完成技术成果登记53项，技术合同登记645份，技术合同成交额65.59亿元，同比增长278.57%、67.53%、402.77%。",
            "全年接待游客286.4万人次、旅游收入21.7亿元、过夜游客41.2万人次，分别增长12.3%、9.8%、6.5%。",
            "粮食播种面积、总产量分别为86.3万亩、35.2万吨，同比增长1.2%、2.4%。",
        ])

    public init() {}

    public func check(_ c: RuleContext) -> [Finding] {
        c.growthEnumerations.compactMap { e in
            guard e.rates.count >= 2, e.values.count != e.rates.count, e.values.count >= 2 else { return nil }
            // Which values the rates follow is read from the prose: a warning at most.
            return c.finding(Self.description, severity: .warning,
                             message: Localized(zh: "列举了 \(e.values.count) 个数值，却给出 \(e.rates.count) 个增长率，无法一一对应",
                                                en: "\(e.values.count) values are listed but \(e.rates.count) growth rates, so they cannot be paired"),
                             arithmetic: Localized(zh: "数值：\(e.values.map(\.text).joined(separator: "、"))；增长率：\(e.rates.map(\.text).joined(separator: "、"))",
                                                   en: "values: \(e.values.map(\.text).joined(separator: ", ")); rates: \(e.rates.map(\.text).joined(separator: ", "))"),
                             figures: e.rates + e.values)
        }
    }
}
