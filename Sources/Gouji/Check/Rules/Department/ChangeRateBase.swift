import Foundation

/// D03: the prior-year base quoted in the text for 三公经费 ("较上年的5.6万元") is the 上年决算数
/// of the basic data table.
public struct ChangeRateBase: Rule {
    public static let description = RuleDescription(
        id: "D03", name: "change-rate-base", family: .department, severity: .error,
        summary: Localized(zh: "变动率所用上年数应与基础数据表的上年决算数一致", en: "The prior-year base of a change rate is the table's 上年决算数"),
        triggering: ["\t二、部门整体支出绩效评价基础数据表\n\n单位：万元\n\t经费控制情况\n\t上年决算数\n\t本年预算数\n\t本年决算数\n\n\t三公经费\n\t5.60\n\t5.50\n\t4.63\n\n（二）“三公”经费情况\n2023年“三公”经费支出4.63万元，较上年的↓6.50万元减少1.87万元，下降28.77%。\n"],
        nonTriggering: ["\t二、部门整体支出绩效评价基础数据表\n\n单位：万元\n\t经费控制情况\n\t上年决算数\n\t本年预算数\n\t本年决算数\n\n\t三公经费\n\t5.60\n\t5.50\n\t4.63\n\n（二）“三公”经费情况\n2023年“三公”经费支出4.63万元，较上年的5.60万元减少0.97万元，下降17.32%。\n"])

    public init() {}

    static func isBaseTable(_ f: Figure, _ base: Figure) -> Bool { f.block == base.block }

    public func check(_ c: RuleContext) -> [Finding] {
        guard let d = c.facts.data, let tableBase = d.rows["three_public"]?["last_year"]?.figure else { return [] }
        var out: [Finding] = []
        for f in c.quantities where f.kind == .money && !Self.isBaseTable(f, tableBase) {
            let clause = c.clause(before: f)
            guard clause.containsBytes(of: "上年") else { continue }
            // About 三公经费: said in the same sentence before the figure, or in the table row's labels.
            let sentenceStart = c.quantities.first { $0.sentence == f.sentence }.map { c.clauseStart(of: $0) } ?? f.location.start
            let context = c.document.lines.text(from: sentenceStart, to: f.location.start) + (c.rowText(of: f) ?? "")
            guard context.containsBytes(of: "三公") else { continue }
            // Only the first prior-year amount of the statement is the base.
            let earlier = c.quantities.filter { $0.sentence == f.sentence && $0.location.start < f.location.start && $0.kind == .money && c.clause(before: $0).containsBytes(of: "上年") }
            guard earlier.isEmpty else { continue }
            guard Arithmetic.sum(total: tableBase, parts: [f]).severity != nil else { continue }
            if let finding = c.finding(Self.description,
                                       message: Localized(zh: "文中三公经费上年数 \(f.text) 与基础数据表上年决算数 \(tableBase.text)\(Arithmetic.unitLabel(tableBase)) 不一致", en: "The prior-year 三公经费 \(f.text) in the text differs from the table's \(tableBase.text)"),
                                       arithmetic: Localized(zh: "\(Arithmetic.inUnit(f.value, of: f)) ≠ \(Arithmetic.inUnit(tableBase.value, of: f))（\(Arithmetic.unitLabel(f))）", en: "\(Arithmetic.inUnit(f.value, of: f)) ≠ \(Arithmetic.inUnit(tableBase.value, of: f)) (\(Arithmetic.unitLabel(f)))"),
                                       figures: [f, tableBase],
                                       suggestions: [Suggestion(location: f.location, original: f.text, replacement: Arithmetic.replacement(for: f, value: tableBase.value, surface: f.text),
                                                                reason: Localized(zh: "以基础数据表的上年决算数为基数，并重算变动额和变动率", en: "use the table's prior-year figure and recompute the change"))]) {
                out.append(finding)
            }
        }
        return out
    }
}
