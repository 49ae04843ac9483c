import Foundation

/// DT01: every voucher or expense date lies within 项目起止时间 (month precision: the whole end
/// month is included).
public struct VoucherInPeriod: Rule {
    public static let description = RuleDescription(
        id: "DT01", name: "voucher-in-period", family: .date, severity: .error,
        summary: Localized(zh: "会计凭证日期应在项目起止时间之内", en: "Voucher dates lie within the project period"),
        triggering: ["\t项目起止时间\n\t2021.01-2021.12\n\n\t支出内容\n\t实际支出数\n\t会计凭证号\n\t备注\n\n\t办公经费\n\t1165\n\t↓2022.2.6#\n\t\n\n\t支出合计\n\t1165元\n\t\n\t\n\n"],
        nonTriggering: ["\t项目起止时间\n\t2021.01-2021.12\n\n\t支出内容\n\t实际支出数\n\t会计凭证号\n\t备注\n\n\t办公经费\n\t1165\n\t2021.12.31#\n\t\n\n\t支出合计\n\t1165元\n\t\n\t\n\n"])

    public init() {}

    public func check(_ c: RuleContext) -> [Finding] {
        guard let period = c.facts.period else { return [] }
        let start = period.start, end = DateParts(year: period.end.year, month: period.end.month == 0 ? 12 : period.end.month, day: 31)
        return c.facts.expenses.compactMap { line -> Finding? in
            guard let v = line.voucherDate, let d = v.date, d < start || (d.year, d.month) > (end.year, end.month) else { return nil }
            return c.finding(Self.description,
                             message: Localized(zh: "凭证日期 \(d.description)（\(line.content)）不在项目起止时间 \(period.text) 之内",
                                                en: "Voucher date \(d.description) (\(line.content)) is outside the project period \(period.text)"),
                             arithmetic: Localized(zh: "\(d.description) \(d < start ? "早于开始" : "晚于结束") \(d < start ? start.description : period.end.description)",
                                                   en: "\(d.description) is \(d < start ? "before the start" : "after the end") \(d < start ? start.description : period.end.description)"),
                             figures: [v], locations: [period.location])
        }
    }
}
