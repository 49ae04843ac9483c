import Foundation

/// G09: an indicator sits under the wrong second-level class: a 质量指标 whose target only counts
/// things (a 数量指标), or a 效益指标 whose target counts work done (an output, not an effect).
public struct Classification: Rule {
    public static let description = RuleDescription(
        id: "G09", name: "classification", family: .target, severity: .info,
        summary: Localized(zh: "指标归类应与内容相符：只计数量的“质量指标”、只计产出的“效益指标”属归类不当",
                           en: "An indicator's class fits its content: a 质量指标 that only counts, or a 效益指标 that counts outputs, is mis-classified"),
        triggering: [
            "\t项目绩效定量目标（指标）及完成情况\n\t一级指标\n\t二级指标\n\t指标内容\n\t指标（目标）值\n\t实际完成值\n\n\t\n\t项目产出指标\n\t质量指标\n\t打造科技创新平台\n\t申报省级重点实验室↓1家，省级孵化器3家，省级众创空间2家。\n\t获批省级重点实验室1家，省级孵化器3家，省级众创空间2家。\n\n",
            "\t绩效指标\n\t一级指标\n\t二级指标\n\t三级指标\n\t年度指标值\n\t实际完成值\n\t分值\n\t得分\n\t偏差原因分析及改进措施\n\n\t\n\t产出指标\n\t质量指标\n\t非遗项目数字化建档\n\t↓≥8项\n\t9项\n\t10\n\t10\n\t\n\n",
            "\t绩效指标\n\t一级指标\n\t二级指标\n\t三级指标\n\t年度指标值\n\t实际完成值\n\t分值\n\t得分\n\t偏差原因分析及改进措施\n\n\t\n\t效益指标\n\t社会效益指标\n\t举办技能培训班\n\t↓≥12期\n\t12期\n\t10\n\t10\n\t\n\n",
        ],
        nonTriggering: [
            "\t绩效指标\n\t一级指标\n\t二级指标\n\t三级指标\n\t年度指标值\n\t实际完成值\n\t分值\n\t得分\n\t偏差原因分析及改进措施\n\n\t\n\t产出指标\n\t质量指标\n\t验收合格率\n\t=100%\n\t100%\n\t10\n\t10\n\t\n\n",
            "\t绩效指标\n\t一级指标\n\t二级指标\n\t三级指标\n\t年度指标值\n\t实际完成值\n\t分值\n\t得分\n\t偏差原因分析及改进措施\n\n\t\n\t产出指标\n\t质量指标\n\t获评省级优秀项目\n\t≥2项\n\t2项\n\t10\n\t10\n\t\n\n",
            "\t绩效指标\n\t一级指标\n\t二级指标\n\t三级指标\n\t年度指标值\n\t实际完成值\n\t分值\n\t得分\n\t偏差原因分析及改进措施\n\n\t\n\t效益指标\n\t社会效益指标\n\t受益农村人口\n\t≥10万人\n\t10.6万人\n\t10\n\t10\n\t\n\n",
        ])

    public init() {}

    /// Words that make a count a quality measure (合格, 优秀, 获奖 …).
    static let qualityWords = ["率", "合格", "达标", "优良", "优秀", "验收", "通过", "等级", "标准", "质量", "奖", "评审", "星级", "满意", "认证", "规范", "准确", "差错", "投诉", "事故", "返工"]
    /// Verbs of work done: a count of them is an output.
    static let outputVerbs = ["完成", "建成", "新建", "建设", "购置", "采购", "举办", "开展", "培训", "发放", "印发", "修建", "改造", "配置", "配备", "召开", "制作", "安装", "组织"]
    /// Words of an effect (受益, 增长, 覆盖 …): with them a count may well be an outcome.
    static let effectWords = ["率", "增长", "提高", "提升", "降低", "减少", "节约", "增加", "带动", "受益", "覆盖", "满意", "效益", "收入", "就业", "减排", "改善", "促进", "年限", "持续", "长效", "参与", "服务"]

    public func check(_ c: RuleContext) -> [Finding] {
        var out: [Finding] = []
        for row in c.facts.indicators {
            let counts = row.targetFigures
            guard !counts.isEmpty, counts.allSatisfy({ $0.kind == .count }) else { continue }
            let words = (row.content?.text ?? "") + (row.target?.text ?? "")
            let full = row.content?.text.trimmedWhitespace ?? row.level2
            let name = full.count > 20 ? String(full.prefix(20)) + "…" : full   // a content cell may hold a paragraph
            let shown = counts.prefix(4).map(\.text).joined(separator: "、") + (counts.count > 4 ? "…" : "")
            if row.level2.containsBytes(of: "质量"), !Self.qualityWords.contains(where: { words.containsBytes(of: $0) }) {
                if let f = c.finding(Self.description,
                                     message: Localized(zh: "质量指标“\(name)”只有数量（\(shown)），应归入数量指标，或改用合格率、验收等质量标准",
                                                        en: "The quality indicator “\(name)” only counts (\(shown)): it is a quantity indicator, or needs a quality measure (pass rate, acceptance)"),
                                     figures: counts) { out.append(f) }
            } else if (row.level1 + row.level2).containsBytes(of: "效益"), !row.level2.containsBytes(of: "满意"),
                      Self.outputVerbs.contains(where: { words.containsBytes(of: $0) }), !Self.effectWords.contains(where: { words.containsBytes(of: $0) }) {
                if let f = c.finding(Self.description,
                                     message: Localized(zh: "效益指标“\(name)”计的是产出（\(shown)），应归入产出指标，效益指标宜反映带来的效果",
                                                        en: "The benefit indicator “\(name)” counts an output (\(shown)): it belongs to the output indicators; a benefit indicator measures the effect"),
                                     figures: counts) { out.append(f) }
            }
        }
        return out
    }
}
