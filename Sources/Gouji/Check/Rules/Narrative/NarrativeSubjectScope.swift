import Foundation

/// N10: a project report describes the project. Paragraphs about the unit as a whole (三公经费,
/// 单位整体支出) and indicators whose money is far larger than the project's own funds (争取资金
/// 5000万元 for a 5.8万元 project) are not attributable to it.
public struct NarrativeSubjectScope: Rule {
    public static let description = RuleDescription(
        id: "N10", name: "narrative-subject-scope", family: .narrative, severity: .info,
        summary: Localized(zh: "项目报告应围绕本项目：讨论单位整体事项（三公经费等）或远超项目资金规模的指标，与本项目绩效关联不大",
                           en: "A project report is about the project: unit-wide matters (三公经费 …) and indicators far larger than the project's funds are not attributable to it"),
        triggering: [
            "\t项目资金（万元）\n\t年初预算数\n\t全年预算数\n\t全年执行数\n\n\t年度资金总额\n\t5.8\n\t5.8\n\t5.8\n\n\t绩效指标\n\t一级指标\n\t二级指标\n\t三级指标\n\t年度指标值\n\t实际完成值\n\t分值\n\t得分\n\t偏差原因分析及改进措施\n\n\t\n\t效益指标\n\t经济效益指标\n\t争取项目资金\n\t↓≥5000万元\n\t9783.6万元\n\t30\n\t30\n\t\n\n",
            "\t计划安排资金\n（万元）\n\t5.8\n\t实际到位资金\n（万元）\n\t5.8\n\n\t其中：中央财政\n\t0\n\t其中：中央财政\n\t0\n\n\t市财政\n\t5.8\n\t市财政\n\t5.8\n\n（一）项目资金使用及管理情况\n严格制度的执行，特别是↓三公经费的控制。\n",
            "\t计划安排资金\n（万元）\n\t12\n\t实际到位资金\n（万元）\n\t12\n\n\t其中：中央财政\n\t0\n\t其中：中央财政\n\t0\n\n\t市财政\n\t12\n\t市财政\n\t12\n\n建立了↓单位整体支出管理方面的内控制度。\n",
        ],
        nonTriggering: [
            "\t项目资金（万元）\n\t年初预算数\n\t全年预算数\n\t全年执行数\n\n\t年度资金总额\n\t920\n\t920\n\t897.36\n\n\t绩效指标\n\t一级指标\n\t二级指标\n\t三级指标\n\t年度指标值\n\t实际完成值\n\t分值\n\t得分\n\t偏差原因分析及改进措施\n\n\t\n\t产出指标\n\t成本指标\n\t养护总成本\n\t≤920万元\n\t897.36万元\n\t10\n\t10\n\t\n\n",
            "\t计划安排资金\n（万元）\n\t5.8\n\t实际到位资金\n（万元）\n\t5.8\n\n\t其中：中央财政\n\t0\n\t其中：中央财政\n\t0\n\n\t市财政\n\t5.8\n\t市财政\n\t5.8\n\n（一）项目资金使用及管理情况\n项目资金专款专用、单独核算。\n",
            "部门整体支出绩效评价基础数据表\n“三公”经费支出34.29万元，较上年增加14.49万元。\n",
        ])

    public init() {}

    /// Words of unit-wide matters that a project's performance does not cover.
    static let unitWide = ["三公经费", "“三公”经费", "单位整体支出", "部门整体支出"]

    public func check(_ c: RuleContext) -> [Finding] {
        // Only project reports (a department report is about the unit as a whole); a report
        // below the recognition threshold counts as one when it has a project funds table.
        guard c.facts.family == "hunan-project" || c.facts.family == "national-project" || (c.facts.family == "unknown" && c.facts.funds != nil && c.facts.data == nil) else { return [] }
        var out: [Finding] = []
        // The project's own money: the largest total of its funds table (the first column's on a tie).
        let totals = c.facts.funds.map { f in f.columns.compactMap { f.totals[$0]?.figure } } ?? []
        if let own = totals.filter({ $0.kind == .money && !$0.malformed && $0.value > 0 }).reduce(nil, { (best: Figure?, f: Figure) in best.map { $0.value >= f.value ? $0 : f } ?? f }) {
            let ratio = c.setting("subject_scope_ratio", 100)
            let ownText = Arithmetic.inUnit(own.value, of: own) + Arithmetic.unitLabel(own)
            for row in c.facts.indicators {
                guard let f = row.targetFigures.first(where: { $0.kind == .money }), f.value >= own.value * ratio else { continue }
                let times = (f.value / own.value).rounded(0)
                let full = row.content?.text.trimmedWhitespace ?? row.level2
                let name = full.count > 20 ? String(full.prefix(20)) + "…" : full   // a content cell may hold a paragraph
                if let finding = c.finding(Self.description,
                                           message: Localized(zh: "指标“\(name)”的 \(f.text) 约为本项目资金 \(ownText) 的 \(times.plain) 倍，难以归于本项目",
                                                              en: "The indicator “\(name)”: \(f.text) is about \(times.plain) times the project's own funds of \(ownText), hardly attributable to the project"),
                                           arithmetic: Localized(zh: "\(Arithmetic.inUnit(f.value, of: own))\(Arithmetic.unitLabel(own)) ÷ \(ownText) ≈ \(times.plain)（≥ \(ratio.plain)）",
                                                                 en: "\(Arithmetic.inUnit(f.value, of: own)) \(Arithmetic.unitLabel(own)) / \(ownText) ≈ \(times.plain) (≥ \(ratio.plain))"),
                                           figures: [f, own]) {
                    out.append(finding)
                }
            }
        }
        // Paragraphs (not table cells) about the unit as a whole: the first mention in each.
        guard Self.unitWide.contains(where: { c.document.text.containsBytes(of: $0) }) else { return out }
        var locations: [SourceLocation] = []
        var words: [String] = []
        for p in c.document.paragraphs {
            guard let (word, offset) = Self.unitWide.compactMap({ w in p.text.literalRange(of: w).map { (w, p.text[..<$0.lowerBound].unicodeScalars.count) } }).min(by: { $0.1 < $1.1 }) else { continue }
            let start = p.location.start + offset
            locations.append(c.document.lines.location(start: start, end: start + word.unicodeScalars.count, part: p.location.part))
            if !words.contains(word) { words.append(word) }
        }
        if !locations.isEmpty, let f = c.finding(Self.description,
                                                 message: Localized(zh: "项目报告中有 \(locations.count) 段讨论单位整体事项（\(words.joined(separator: "、"))），与本项目绩效无直接关系",
                                                                    en: "\(locations.count) paragraph(s) of this project report discuss unit-wide matters (\(words.joined(separator: ", "))), not the project's performance"),
                                                 locations: locations) {
            out.append(f)
        }
        return out
    }
}
