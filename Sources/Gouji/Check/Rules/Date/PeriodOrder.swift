import Foundation

/// DT03: the project period starts before it ends.
public struct PeriodOrder: Rule {
    public static let description = RuleDescription(
        id: "DT03", name: "period-order", family: .date, severity: .error,
        summary: Localized(zh: "项目起始时间应早于结束时间", en: "The project period starts before it ends"),
        triggering: ["\t项目起止时间\n\t↓2021.12-2021.01\n\n\t绩效自评综合得分\n\t98\n\n\t评价等次\n\t优秀\n\n",
            """
            \t项目起止时间
            \t↓2023.06-2023.03

            \t绩效自评综合得分
            \t95

            \t评价等次
            \t优秀


            """,
            """
            \t项目起止时间
            \t↓2022年12月-2022年1月

            \t绩效自评综合得分
            \t95

            \t评价等次
            \t优秀


            """,
        ],
        nonTriggering: ["\t项目起止时间\n\t2021.01-2021.12\n\n\t绩效自评综合得分\n\t98\n\n\t评价等次\n\t优秀\n\n",
            """
            \t项目起止时间
            \t2023.03-2023.06

            \t绩效自评综合得分
            \t95

            \t评价等次
            \t优秀


            """,
            """
            \t项目起止时间
            \t2022年1月-2022年12月

            \t绩效自评综合得分
            \t95

            \t评价等次
            \t优秀


            """,
        ])

    public init() {}

    public func check(_ c: RuleContext) -> [Finding] {
        guard let p = c.facts.period, p.end < p.start else { return [] }
        return [c.finding(Self.description,
                          message: Localized(zh: "项目起止时间 \(p.text) 的开始晚于结束", en: "Project period \(p.text) starts after it ends"),
                          arithmetic: Localized(zh: "\(p.start.description) > \(p.end.description)", en: "\(p.start.description) > \(p.end.description)"),
                          locations: [p.location])].compactMap { $0 }
    }
}
