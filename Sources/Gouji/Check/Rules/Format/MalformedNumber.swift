import Foundation

/// F01: a malformed number ("5.8.", "1..5", "0.5.1", "1,2345"); the suggestion is the nearest
/// well-formed number, checked against the sums it takes part in.
public struct MalformedNumber: Rule {
    public static let description = RuleDescription(
        id: "F01", name: "malformed-number", family: .format, severity: .error, also: [.warning],
        summary: Localized(zh: "数字格式错误（多余小数点、千分位分组错误等）", en: "Malformed number (stray decimal point, wrong digit grouping …)"),
        triggering: [
            "\t计划安排资金\n（万元）\n\t↓5.8.\n\t实际到位资金\n（万元）\n\t5.8\n\n",
            "共投入资金↓1,2345万元。",
        ],
        nonTriggering: [
            "\t计划安排资金\n（万元）\n\t5.8\n\t实际到位资金\n（万元）\n\t5.8\n\n",
            "共投入资金12,345万元。",
            "全年实现技术合同成交额12,356万元。",
            "项目总投资3600.5万元。",
        ])

    public init() {}

    public func check(_ c: RuleContext) -> [Finding] {
        var out: [Finding] = []
        for f in c.figures where f.malformed {
            let cellText = c.text(cellRange(c, f))
            let fixed = Arithmetic.replacement(for: f, value: f.value, surface: f.text)
            var arithmetic: Localized? = nil
            // Confirm the correction with the funds column it totals, when there is one.
            if let funds = c.facts.funds, let column = funds.columns.first(where: { funds.totals[$0]?.figure?.location == f.location }) {
                let parts = funds.sources.compactMap { funds.cells[$0]?[column]?.figure }
                let sum = parts.reduce(Decimal(0)) { $0 + $1.value }
                arithmetic = Localized(zh: "该列各来源：\(Arithmetic.terms(parts, unitOf: f)) = \(Arithmetic.inUnit(sum, of: f))（\(Arithmetic.unitLabel(f))）" + (sum == f.value ? "，与 \(fixed) 一致" : ""),
                                       en: "sources in this column: \(Arithmetic.terms(parts, unitOf: f)) = \(Arithmetic.inUnit(sum, of: f)) (\(Arithmetic.unitLabel(f)))" + (sum == f.value ? ", consistent with \(fixed)" : ""))
            }
            let inCell = f.inTable
            if let finding = c.finding(Self.description, severity: inCell ? .error : .warning,
                                       message: Localized(zh: "数字“\(cellText.trimmedWhitespace)”格式错误", en: "Malformed number “\(cellText.trimmedWhitespace)”"),
                                       arithmetic: arithmetic, figures: [f],
                                       suggestions: [Suggestion(location: cellRange(c, f), original: cellText, replacement: fixed,
                                                                reason: Localized(zh: "改为“\(fixed)”", en: "write “\(fixed)”"), safe: true)]) {
                out.append(finding)
            }
        }
        // Digit groups after a comma that are not of three digits.
        for p in c.document.paragraphs where p.text.containsBytes(of: ",") {   // every match has a comma
            for m in Self.badGrouping.matchesWithOffsets(p.text) {
                let loc = c.document.lines.location(start: p.location.start + m.0, end: p.location.start + m.1)
                let text = c.text(loc)
                let fixed = text.replacingAll(",", with: "")
                if let finding = c.finding(Self.description, severity: .warning,
                                           message: Localized(zh: "数字“\(text)”的千分位分组不是三位", en: "Digit grouping of “\(text)” is not in threes"),
                                           locations: [loc],
                                           suggestions: [Suggestion(location: loc, original: text, replacement: fixed,
                                                                    reason: Localized(zh: "去掉逗号或按三位分组", en: "drop the comma or group by three"))]) {
                    out.append(finding)
                }
            }
        }
        return out
    }

    static let badGrouping = try! Regex(#"(?<![\d,])\d{1,3}(?:,\d{3})*,(?:\d{1,2}|\d{4,})(?![\d,])"#)

    /// The figure's cell text span without surrounding white space ("5.8." rather than "5.8").
    func cellRange(_ c: RuleContext, _ f: Figure) -> SourceLocation {
        let lineStart = c.document.lines.lineStarts[f.location.line - 1]
        let lineText = c.document.lines.lineText(f.location.line)
        var end = f.location.end
        let scalars = Array(lineText.unicodeScalars)
        while end - lineStart < scalars.count, ".,。、".unicodeScalars.contains(scalars[end - lineStart]) { end += 1 }
        return c.document.lines.location(start: f.location.start, end: end, part: f.location.part)
    }
}

extension Regex {
    /// Matches as Unicode-scalar offset pairs within `text`. The byte-to-scalar map is built
    /// only for a text with a match (most have none).
    func matchesWithOffsets(_ text: String) -> [(Int, Int)] {
        let found = matches(in: Array(text.utf8))
        guard !found.isEmpty else { return [] }
        let u = UTF8Text(text)
        return found.map { (u.scalarOffset($0.range.lowerBound), u.scalarOffset($0.range.upperBound)) }
    }
}
