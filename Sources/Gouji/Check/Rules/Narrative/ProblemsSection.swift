import Foundation

/// N08: the 存在问题/改进措施 section says "无" while the report admits weaknesses elsewhere
/// ("需进一步加强", "不足", "未完成").
public struct ProblemsSection: SummaryRule {
    public static let description = RuleDescription(
        id: "N08", name: "problems-section", family: .narrative, severity: .warning,
        summary: Localized(zh: "“存在问题”写“无”，但报告其他部分承认了不足", en: "“存在问题” says none while the report admits weaknesses elsewhere"),
        triggering: ["（五）项目主要绩效情况分析\n预算管理方面，资金使用管理需进一步加强。\n（六）主要经验及做法、存在问题和建议\n↓  无。\n",
            """
            三、主要绩效
            个别指标设置不够细化，绩效目标有待完善。
            四、存在问题
            ↓暂无。

            """,
        ],
        nonTriggering: ["（五）项目主要绩效情况分析\n预算管理方面，资金使用管理需进一步加强。\n（六）主要经验及做法、存在问题和建议\n资金使用管理有待加强，下一步将完善制度。\n",
            """
            （四）项目绩效情况
            部分乡镇项目进度滞后，资金拨付不够及时。
            （五）存在的问题及改进措施
            部分乡镇项目进度滞后，下一步加强调度。

            """,
            """
            三、主要绩效
            各项指标均按期完成。
            四、存在问题
            无。

            """,
        ])

    public init() {}

    static let admissions = ["需进一步加强", "仍需进一步", "需进一步", "有待加强", "有待提高", "不够", "不足", "滞后", "未完成", "未达到", "未达成", "偏低", "存在差距"]
    static let none: Set<String> = ["无", "无。", "暂无", "暂无。", "无；", "/", "—", "无问题", "无问题。"]

    public func check(_ c: RuleContext) -> [Finding] {
        let paragraphs = c.document.paragraphs
        guard let h = paragraphs.firstIndex(where: { $0.text.containsBytes(of: "存在问题") || $0.text.containsBytes(of: "问题和建议") || $0.text.containsBytes(of: "问题及建议") }) else { return [] }
        var body: [Paragraph] = []
        for p in paragraphs[(h + 1)...] {
            if c.lexicons.patterns.heading.matches(p.text) && !body.isEmpty { break }
            if !p.text.trimmedSpaces.isEmpty { body.append(p) }
            if body.count > 3 { break }
        }
        let header = paragraphs[h]
        // "存在问题：无" on the heading line itself also counts.
        let inline = header.text.split(whereSeparator: { $0 == "：" || $0 == ":" }).last.map { String($0).trimmedSpaces }
        let saysNone = body.first.map { Self.none.contains($0.text.trimmedSpaces) } ?? (inline.map { Self.none.contains($0) } ?? false)
        guard saysNone else { return [] }
        let noneLocation = body.first?.location ?? header.location
        var admitted: [(Paragraph, String)] = []
        for p in paragraphs where p.location.line != header.location.line && p.location.line != noneLocation.line {
            if let w = Self.admissions.first(where: { p.text.containsBytes(of: $0) }) { admitted.append((p, w)) }
        }
        let fromFindings = c.earlier.filter { ["G01", "G02", "G03"].contains($0.rule) && $0.severity >= .warning }
        guard !admitted.isEmpty || !fromFindings.isEmpty else { return [] }
        let quotes = admitted.prefix(3).map { "第\($0.0.location.line)行“\(Self.clause(around: $0.1, in: $0.0.text))”" }
        return [c.finding(Self.description,
                          message: Localized(zh: "“存在问题”一节写“无”，但报告承认了不足：" + (quotes.isEmpty ? "\(fromFindings.count) 项目标未完成或未报告" : quotes.joined(separator: "；")),
                                             en: "The problems section says none, but the report admits weaknesses: " + (quotes.isEmpty ? "\(fromFindings.count) target(s) unmet or unreported" : admitted.prefix(3).map { "line \($0.0.location.line)" }.joined(separator: ", "))),
                          locations: [noneLocation] + admitted.prefix(3).map { $0.0.location },
                          suggestions: [Suggestion(location: noneLocation, original: c.text(noneLocation), replacement: admitted.prefix(3).map { Self.clause(around: $0.1, in: $0.0.text) }.joined(separator: "；") + "。",
                                                   reason: Localized(zh: "列出已承认的问题及改进措施", en: "list the weaknesses already admitted, with the measures"))])].compactMap { $0 }
    }

    /// The clause of `text` that contains `word`.
    static func clause(around word: String, in text: String) -> String {
        let parts = text.split(whereSeparator: { "，。；,;".contains($0) })
        return parts.first { $0.containsBytes(of: word) }.map { String($0).trimmedSpaces } ?? word
    }
}
