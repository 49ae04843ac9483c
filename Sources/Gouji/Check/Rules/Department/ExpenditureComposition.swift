import Foundation

/// D05: total spending = 人员经费 + 公用经费 + 项目支出 (or 基本支出 + 项目支出) in the text, and the
/// parts equal the basic data table's 本年决算数 when it lists them.
public struct ExpenditureComposition: Rule {
    public static let description = RuleDescription(
        id: "D05", name: "expenditure-composition", family: .department, severity: .error,
        summary: Localized(zh: "支出合计应等于人员经费、公用经费与项目支出之和，并与基础数据表一致", en: "Total spending equals personnel + public + project spending, and agrees with the data table"),
        triggering: ["\t二、部门整体支出绩效评价基础数据表\n\n单位：万元\n\t经费控制情况\n\t上年决算数\n\t本年预算数\n\t本年决算数\n\n\t项目支出\n\t412.36\n\t450.00\n\t438.27\n\n\t公用经费\n\t86.42\n\t90.00\n\t84.96\n\n支出合计1421.63万元，其中人员经费898.4万元、公用经费84.96万元、项目支出↓428.27万元。\n"],
        nonTriggering: ["\t二、部门整体支出绩效评价基础数据表\n\n单位：万元\n\t经费控制情况\n\t上年决算数\n\t本年预算数\n\t本年决算数\n\n\t项目支出\n\t412.36\n\t450.00\n\t438.27\n\n\t公用经费\n\t86.42\n\t90.00\n\t84.96\n\n支出合计1421.63万元，其中人员经费898.4万元、公用经费84.96万元、项目支出438.27万元。\n"])

    public init() {}

    public func check(_ c: RuleContext) -> [Finding] {
        guard let data = c.facts.data else { return [] }
        var out: [Finding] = []
        // Every labelled row of the data table restated in the text (项目支出, 公用经费, 政府采购金额 …).
        for (field, word) in data.labels.filter({ data.rows[$0.key] != nil }).sorted(by: { $0.key < $1.key }) {
            guard let table = data.rows[field]?["actual"]?.figure else { continue }
            for f in c.quantities where !f.inTable && f.kind == .money && c.clause(before: f).endsWithBytes(word) {
                // Only statements of this year's spending.
                let clause = c.clause(before: f)
                guard !clause.containsBytes(of: "上年"), !clause.containsBytes(of: "预算") else { continue }
                guard Arithmetic.sum(total: table, parts: [f]).severity != nil else { continue }
                if let finding = c.finding(Self.description,
                                           message: Localized(zh: "文中\(word) \(f.text) 与基础数据表本年决算数 \(table.text)\(Arithmetic.unitLabel(table).isEmpty ? "" : Arithmetic.unitLabel(table)) 不一致", en: "\(word) \(f.text) in the text differs from the table's \(table.text)"),
                                           arithmetic: Localized(zh: "\(Arithmetic.inUnit(f.value, of: f)) ≠ \(Arithmetic.inUnit(table.value, of: f))（\(Arithmetic.unitLabel(f))）", en: "\(Arithmetic.inUnit(f.value, of: f)) ≠ \(Arithmetic.inUnit(table.value, of: f)) (\(Arithmetic.unitLabel(f)))"),
                                           figures: [f, table],
                                           suggestions: [Suggestion(location: f.location, original: f.text, replacement: Arithmetic.replacement(for: f, value: table.value, surface: f.text),
                                                                    reason: Localized(zh: "与基础数据表一致，并核对支出合计", en: "match the table and recheck the total"))]) {
                    out.append(finding)
                }
            }
        }
        return out
    }
}
