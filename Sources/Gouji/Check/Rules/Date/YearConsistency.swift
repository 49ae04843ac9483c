import Foundation

/// DT04: years in the text refer to the evaluation year; another year needs its context
/// (上年, 同比, 截至, a plan for next year).
public struct YearConsistency: Rule {
    public static let description = RuleDescription(
        id: "DT04", name: "year-consistency", family: .date, severity: .warning, also: [.info],
        summary: Localized(zh: "正文年份应为评价年度，其他年份须有“上年/同比/截至”等说明", en: "Years in the text are the evaluation year unless the context says otherwise"),
        triggering: ["↓2012年6月14日，自治区收到《财政部关于下达2022年服务业发展资金预算的通知》（财建〔2022〕153号），下达中央服务业发展资金14680万元。\n", "\t项目起止时间\n\t2021.01-2021.12\n\n↓2020年，完成技术合同登记645份。\n",
            """
            \t项目起止时间
            \t2022.01-2022.12

            ↓2017年，全县完成农村公路提质改造126公里。

            """,
            """
            \t项目起止时间
            \t2023年1月-2023年12月

            ↓2016年度共发放助学金342万元，惠及学生1140人。

            """,
            "根据《市财政局关于开展2024年重点绩效评价的通知》（市财绩〔2024〕14号）要求，评价组于↓2023年6月至9月开展了现场评价。\n",
        ],
        nonTriggering: ["2022年6月14日，自治区收到《财政部关于下达2022年服务业发展资金预算的通知》（财建〔2022〕153号），下达中央服务业发展资金14680万元。\n", "\t项目起止时间\n\t2021.01-2021.12\n\n2021年，完成技术合同登记645份，较2020年增长10%。\n",
            """
            \t项目起止时间
            \t2022.01-2022.12

            2022年，全县完成农村公路提质改造126公里，比2021年多20公里。

            """,
            """
            \t项目起止时间
            \t2023年1月-2023年12月

            2023年度共发放助学金342万元，惠及学生1140人。

            """,
            "根据《市财政局关于开展2024年重点绩效评价的通知》（市财绩〔2024〕14号）要求，评价组对2023年1月至12月的资金使用情况开展了评价。\n",
        ])

    public init() {}

    static let context = ["上年", "去年", "同比", "较", "比", "自", "从", "截至", "截止", "以来", "至", "到", "将", "计划", "下一步", "明年", "预计", "起", "—", "-", "~"]

    public func check(_ c: RuleContext) -> [Finding] {
        var out = datesBeforeTheirDocument(c)
        guard let year = evaluationYear(c) else { return out }
        for f in c.figures where f.kind == .year && !f.inTable {
            guard let y = f.date?.year, y != year, y != year + 1 || !c.text(f.location).containsBytes(of: "度") else { continue }
            let before = c.clause(before: f)
            let lineText = c.document.lines.lineText(f.location.line)
            let after = c.document.lines.text(from: f.location.end, to: min(f.location.end + 12, c.document.lines.lineStarts[f.location.line - 1] + lineText.unicodeScalars.count))
            if Self.context.contains(where: { before.endsWithBytes($0) || before.containsBytes(of: $0) || after.startsWithBytes($0) }) || after.containsBytes(of: "将") || after.containsBytes(of: "计划") { continue }
            if y == year + 1 && (lineText.containsBytes(of: "将") || lineText.containsBytes(of: "计划")) { continue }
            if f.role == .base { continue }
            // Reports cite the years around the one evaluated all the time (the policy of the year
            // before, last year's evaluation, a plan to next year): only a year far from it is a
            // likely slip (2012 for 2022); a near one is noted.
            let severity: Severity = abs(y - year) >= 5 ? .warning : .info
            if let finding = c.finding(Self.description, severity: severity,
                                       message: Localized(zh: "年份 \(f.text) 不是评价年度 \(year) 年，且上下文未说明", en: "The year \(f.text) is not the evaluation year \(year) and the context does not say why"),
                                       figures: [f]) { out.append(finding) }
        }
        return out
    }

    /// "2012年6月14日，广西收到《…》（财建〔2022〕153号）": a document numbered in a year cannot be
    /// received or issued in an earlier one; nor can work done under it ("根据《…》（阳财绩〔2024〕14号）
    /// 要求，…于2023年6月至9月开展了绩效评价"). Only a date and a document number of one sentence are
    /// paired: a date before the number with an act on the document between them, or a date after
    /// a number cited as a basis (根据, 按照 …), written after 于 and followed by a dated act
    /// (开展, 进行 …). The year slip is a warning.
    func datesBeforeTheirDocument(_ c: RuleContext) -> [Finding] {
        let numbered = c.figures.filter { $0.kind == .docNumber }
        guard !numbered.isEmpty else { return [] }
        let words = c.lexicons.words
        var out: [Finding] = []
        for doc in numbered {
            guard let docYear = Self.year(ofDocumentNumber: c.text(doc.location)) else { continue }
            let sentence = c.figures(inSentence: doc.sentence)
            var dated: Figure? = nil, underIt = false
            if let date = sentence.last(where: { $0.kind == .date && $0.location.end <= doc.location.start }),
               case let between = c.document.lines.text(from: date.location.end, to: doc.location.start),
               words.documentActs.contains(where: { between.containsBytes(of: $0) }) {
                dated = date
            } else if let date = sentence.first(where: { $0.kind == .date && $0.location.start >= doc.location.end }),
                      case let opening = c.document.lines.text(from: c.document.lines.back(from: doc.location.start, to: RuleContext.statementEnds), to: doc.location.start),
                      words.documentBasis.contains(where: { opening.containsBytes(of: $0) }),
                      c.document.lines.text(from: max(0, date.location.start - 2), to: date.location.start).trimmedSpaces.hasSuffix("于"),
                      case let rest = c.document.lines.text(from: date.location.end, to: c.statementEnd(after: date)),
                      words.datedActs.contains(where: { rest.containsBytes(of: $0) }) {
                dated = date
                underIt = true
            }
            guard let date = dated, let y = date.date?.year, y > 0, y < docYear else { continue }
            let dateText = c.text(date.location), docText = c.text(doc.location)
            let fixed = dateText.replacingOccurrences(of: String(y), with: String(docYear))
            if let f = c.finding(Self.description, severity: c.level(of: Self.description, inCase: .warning),
                                 message: underIt
                                    ? Localized(zh: "日期 \(dateText) 早于所依据文件 \(docText) 的年份 \(docYear) 年：依据文件开展的工作不能早于文件本身",
                                                en: "The date \(dateText) is before \(docYear), the year of the document \(docText) the work was done under: it cannot precede the document")
                                    : Localized(zh: "日期 \(dateText) 早于所述文件 \(docText) 的年份 \(docYear) 年：文件不能在其成文年份之前收到或印发",
                                                en: "The date \(dateText) is before \(docYear), the year of the document \(docText): a document cannot be received or issued before its own year"),
                                 arithmetic: Localized(zh: "\(y) < \(docYear)", en: "\(y) < \(docYear)"),
                                 figures: [date, doc],
                                 suggestions: [Suggestion(location: date.location, original: dateText, replacement: fixed,
                                                          reason: Localized(zh: "年份应不早于文号年份（请核对原文件）", en: "the year should not precede the document's (check the document)"))]) {
                out.append(f)
            }
        }
        return out
    }

    /// The year of a document number: 财建〔2022〕153号, 呼财农指【2023】41号, 鄂财绩发[2020]3号.
    static func year(ofDocumentNumber text: String) -> Int? {
        let scalars = Array(text.unicodeScalars)
        for (i, s) in scalars.enumerated() where "〔［[【(（".unicodeScalars.contains(s) {
            let digits = scalars[(i + 1)...].prefix { $0.properties.numericType == .decimal }
            if digits.count == 4, let y = Int(String(String.UnicodeScalarView(digits))), (1949...2100).contains(y) { return y }
        }
        return nil
    }

    /// The year evaluated: the project period's end, else a "YYYY年度" in the title, else the
    /// year before the report date.
    func evaluationYear(_ c: RuleContext) -> Int? {
        if let end = c.facts.period?.end.year { return end }
        for p in c.document.paragraphs.prefix(8) {
            if let f = c.figures.first(where: { $0.kind == .year && $0.location.line == p.location.line && c.text($0.location).containsBytes(of: "度") }) { return f.date?.year }
        }
        if let d = c.facts.reportDate?.date?.year { return d - 1 }
        return nil
    }
}
