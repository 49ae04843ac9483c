import Foundation

/// F07: the 会计凭证号 column holds a voucher identifier ("1月31日33号凭证", "记-12"); a bare date,
/// with or without "#", names no voucher.
public struct VoucherFormat: Rule {
    public static let description = RuleDescription(
        id: "F07", name: "voucher-format", family: .format, severity: .info,
        summary: Localized(zh: "会计凭证号栏应填写凭证编号（如“1月31日33号凭证”），只有日期（如“2021.2.6#”）不是凭证号",
                           en: "The 会计凭证号 column holds a voucher identifier (e.g. 1月31日33号凭证); a bare date such as 2021.2.6# is none"),
        triggering: [
            "\t支出内容\n\t实际支出数\n\t会计凭证号\n\t备注\n\n\t办公经费\n\t1165\n\t↓2021.2.6#\n\t\n\n\t支出合计\n\t1165元\n\t\n\t\n\n",
            "\t支出内容\n\t实际支出数\n\t会计凭证号\n\t备注\n\n\t培训费\n\t3200\n\t↓2021年5月21日\n\t\n\n\t差旅费\n\t800\n\t2021年6月2日第8号凭证\n\t\n\n\t支出合计\n\t4000元\n\t\n\t\n\n",
            "\t支出内容\n\t实际支出数\n\t会计凭证号\n\t备注\n\n\t印刷费\n\t12.5\n\t↓2022-03-18\n\t\n\n\t支出合计\n\t12.5\n\t\n\t\n\n",
        ],
        nonTriggering: [
            "\t支出内容\n\t实际支出数\n\t会计凭证号\n\t备注\n\n\t办公经费\n\t1165\n\t2月6日12号凭证\n\t\n\n\t支出合计\n\t1165元\n\t\n\t\n\n",
            "\t支出内容\n\t实际支出数\n\t会计凭证号\n\t备注\n\n\t培训费\n\t3200\n\t记-12\n\t\n\n\t支出合计\n\t3200元\n\t\n\t\n\n",
            "\t支出内容\n\t实际支出数\n\t会计凭证号\n\t备注\n\n\t印刷费\n\t12.5\n\t\n\t\n\n\t支出合计\n\t12.5\n\t\n\t\n\n",
        ])

    public init() {}

    /// Dates as they are written in voucher cells: 2021.2.6, 2021-02-06, 2021/2/6, 2021年2月6日,
    /// 2021年2月, 2月6日.
    static let date = try! Regex(#"\d{4}\s*[.．\-/年]\s*\d{1,2}(?:\s*[.．\-/月]\s*\d{1,2}\s*[日号]?|\s*月)?|\d{1,2}\s*月\s*\d{1,2}\s*[日号]"#)

    public func check(_ c: RuleContext) -> [Finding] {
        var figures: [Figure] = [], locations: [SourceLocation] = [], texts: [String] = []
        for line in c.facts.expenses {
            guard let voucher = line.voucher, !voucher.empty else { continue }
            let text = voucher.text.trimmedWhitespace
            guard !IndicatorStatus.placeholders.contains(text), Self.isBareDate(text) else { continue }
            if let d = line.voucherDate { figures.append(d) } else { locations.append(voucher.location) }
            texts.append(text)
        }
        guard !texts.isEmpty else { return [] }
        let shown = texts.prefix(3).map { "“\($0)”" }.joined(separator: "、") + (texts.count > 3 ? "等" : "")
        let shownEn = texts.prefix(3).joined(separator: ", ") + (texts.count > 3 ? ", …" : "")
        guard let f = c.finding(Self.description,
                                message: Localized(zh: "会计凭证号栏有 \(texts.count) 处只写了日期（\(shown)），没有凭证编号",
                                                   en: "\(texts.count) voucher cell(s) hold only a date (\(shownEn)), no voucher number"),
                                figures: figures, locations: locations) else { return [] }
        return [f]
    }

    /// Whether a voucher cell is a date and nothing that could number a voucher: once its dates
    /// are taken out, no digit is left ("2021.2.6#" → "#"; "3月15日12号凭证" keeps "12").
    static func isBareDate(_ text: String) -> Bool {
        let found = date.matchesWithOffsets(text)
        guard !found.isEmpty else { return false }
        let scalars = Array(text.unicodeScalars)
        var rest = String.UnicodeScalarView()
        var at = 0
        for (s, e) in found {
            rest.append(contentsOf: scalars[at..<s])
            at = e
        }
        rest.append(contentsOf: scalars[at...])
        return !rest.contains { $0.properties.numericType != nil }
    }
}
