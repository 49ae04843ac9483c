import Foundation

/// DT02: the report date falls after the end of the project period.
public struct ReportAfterPeriod: Rule {
    public static let description = RuleDescription(
        id: "DT02", name: "report-after-period", family: .date, severity: .error,
        summary: Localized(zh: "报告日期应晚于项目结束时间", en: "The report date is after the end of the project period"),
        triggering: ["报告日期：↓2021年6月22日\n\t项目起止时间\n\t2021.01-2021.12\n\n\t绩效自评综合得分\n\t98\n\n\t评价等次\n\t优秀\n\n",
            """
            报告日期：↓2022年11月3日
            \t项目起止时间
            \t2022.01-2022.12

            \t绩效自评综合得分
            \t95

            \t评价等次
            \t优秀


            """,
            """
            报告日期：↓2023年3月1日
            \t项目起止时间
            \t2023.01-2023.12

            \t绩效自评综合得分
            \t95

            \t评价等次
            \t优秀


            """,
        ],
        nonTriggering: ["报告日期：2022年6月22日\n\t项目起止时间\n\t2021.01-2021.12\n\n\t绩效自评综合得分\n\t98\n\n\t评价等次\n\t优秀\n\n",
            """
            报告日期：2023年3月1日
            \t项目起止时间
            \t2022.01-2022.12

            \t绩效自评综合得分
            \t95

            \t评价等次
            \t优秀


            """,
            """
            报告日期：2024年4月15日
            \t项目起止时间
            \t2023.01-2023.12

            \t绩效自评综合得分
            \t95

            \t评价等次
            \t优秀


            """,
        ])

    public init() {}

    public func check(_ c: RuleContext) -> [Finding] {
        guard let period = c.facts.period, let report = c.facts.reportDate, let d = report.date else { return [] }
        let endMonth = period.end.month == 0 ? 12 : period.end.month
        guard (d.year, d.month) <= (period.end.year, endMonth) else { return [] }
        return [c.finding(Self.description,
                          message: Localized(zh: "报告日期 \(d.description) 不晚于项目结束时间 \(period.end.description)", en: "Report date \(d.description) is not after the end of the period \(period.end.description)"),
                          figures: [report], locations: [period.location])].compactMap { $0 }
    }
}
