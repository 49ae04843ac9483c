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
            """
            二、绩效目标完成情况
            针对存在的问题，我局及时督促整改。项目进度滞后，部分指标未完成。
            三、存在的问题及改进措施
            ↓无。

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
            """
            二、绩效目标完成情况
            各项指标均按期完成，资金拨付及时。
            三、存在的问题及改进措施
            无。

            """,
        ])

    public init() {}

    public func check(_ c: RuleContext) -> [Finding] {
        let paragraphs = c.document.paragraphs
        let words = c.lexicons.words
        let none = Set(words.noProblems)
        // The section's heading: a numbered or short paragraph that names it ("针对存在的问题，…" in
        // the text is not one).
        let headings = paragraphs.indices.filter { k in
            let p = paragraphs[k]
            return words.problemsHeadings.contains { p.text.containsBytes(of: $0) }
                && (c.lexicons.patterns.heading.matches(p.text) || p.text.trimmedSpaces.count <= 25)
        }
        for h in headings {
            if let f = check(c, heading: h, none: none) { return [f] }
        }
        return []
    }

    private func check(_ c: RuleContext, heading h: Int, none: Set<String>) -> Finding? {
        let paragraphs = c.document.paragraphs
        let words = c.lexicons.words
        var body: [Paragraph] = []
        for p in paragraphs[(h + 1)...] {
            if c.lexicons.patterns.heading.matches(p.text) && !body.isEmpty { break }
            if !p.text.trimmedSpaces.isEmpty { body.append(p) }
            if body.count > 3 { break }
        }
        let header = paragraphs[h]
        // "存在问题：无" on the heading line itself also counts.
        let inline = header.text.split(whereSeparator: { $0 == "：" || $0 == ":" }).last.map { String($0).trimmedSpaces }
        let saysNone = body.first.map { none.contains($0.text.trimmedSpaces) } ?? (inline.map { none.contains($0) } ?? false)
        guard saysNone else { return nil }
        let noneLocation = body.first?.location ?? header.location
        var admitted: [(Paragraph, String)] = []
        for p in paragraphs where p.location.line != header.location.line && p.location.line != noneLocation.line {
            if let w = words.admissions.first(where: { p.text.containsBytes(of: $0) }) { admitted.append((p, w)) }
        }
        let fromFindings = c.earlier.filter { ["G01", "G02", "G03"].contains($0.rule) && $0.severity >= .warning }
        guard !admitted.isEmpty || !fromFindings.isEmpty else { return nil }
        let quotes = admitted.prefix(3).map { "第\($0.0.location.line)行“\(Self.clause(around: $0.1, in: $0.0.text))”" }
        return c.finding(Self.description,
                          message: Localized(zh: "“存在问题”一节写“无”，但报告承认了不足：" + (quotes.isEmpty ? "\(fromFindings.count) 项目标未完成或未报告" : quotes.joined(separator: "；")),
                                             en: "The problems section says none, but the report admits weaknesses: " + (quotes.isEmpty ? "\(fromFindings.count) target(s) unmet or unreported" : admitted.prefix(3).map { "line \($0.0.location.line)" }.joined(separator: ", "))),
                          locations: [noneLocation] + admitted.prefix(3).map { $0.0.location },
                          suggestions: [Suggestion(location: noneLocation, original: c.text(noneLocation), replacement: admitted.prefix(3).map { Self.clause(around: $0.1, in: $0.0.text) }.joined(separator: "；") + "。",
                                                   reason: Localized(zh: "列出已承认的问题及改进措施", en: "list the weaknesses already admitted, with the measures"))])
    }

    /// The clause of `text` that contains `word`.
    static func clause(around word: String, in text: String) -> String {
        let parts = text.split(whereSeparator: { "，。；,;".contains($0) })
        return parts.first { $0.containsBytes(of: word) }.map { String($0).trimmedSpaces } ?? word
    }
}
