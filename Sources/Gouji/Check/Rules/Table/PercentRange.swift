import Foundation

/// T13: completion, quality and satisfaction rates lie within 0–100 %; a target "≥100%" means
/// "=100%". Growth rates are exempt.
public struct PercentRange: Rule {
    public static let description = RuleDescription(
        id: "T13", name: "percent-range", family: .table, severity: .warning,
        summary: Localized(zh: "完成率、合格率、满意度等应在 0–100% 之间；“≥100%”应写作“=100%”", en: "Completion, quality and satisfaction rates lie in 0–100 %; a target of “≥100%” should read “=100%”"),
        triggering: ["服务对象满意度↓102%。", "\t服务对象满意度指标\n\t群众满意度\n\t↓≥100%\n\t100%\n\n",
            "群众对文化惠民工程满意度达到↓105%。",
        ],
        nonTriggering: ["服务对象满意度98%。", "技术合同成交额同比增长402.77%。",
            "群众对文化惠民工程满意度达到95%。",
        ])

    public init() {}

    static let rateWords = ["完成率", "合格率", "满意度", "覆盖率", "达标率", "执行率", "到位率", "入园率", "普及率", "接通率", "利用率", "控制率", "办结率", "及时率", "知晓率", "参保率", "比例"]

    public func check(_ c: RuleContext) -> [Finding] {
        c.quantities.compactMap { f in
            // Only a rate of 100 % or more can be flagged: test that before reading any text.
            // A ceiling ("≤120%", "150%以下") is a limit, not a rate that was reached.
            guard f.kind == .percent, f.direction == nil, f.value >= 100, !c.isGlued(f),
                  f.comparator != .atMost, f.comparator != .less else { return nil }
            let clause = c.clause(before: f)
            guard Self.rateWords.contains(where: { clause.containsBytes(of: $0) || (f.subject ?? "").containsBytes(of: $0) }) || (c.rowText(of: f).map { r in Self.rateWords.contains { r.containsBytes(of: $0) } } ?? false) else { return nil }
            if f.value > 100 {
                return c.finding(Self.description,
                                 message: Localized(zh: "比率 \(f.text) 超过 100%", en: "The rate \(f.text) exceeds 100 %"),
                                 arithmetic: Localized(zh: "\(f.number.plain) > 100", en: "\(f.number.plain) > 100"), figures: [f])
            }
            let explicit = f.text.startsWithBytes("≥") || f.text.startsWithBytes(">=") || ["不低于", "不少于"].contains { clause.endsWithBytes($0) } || f.text.endsWithBytes("以上")
            if f.value == 100, f.comparator == .atLeast, explicit {
                return c.finding(Self.description,
                                 message: Localized(zh: "目标“\(f.text)”无意义：比率不可能超过 100%，应写作“=100%”", en: "The target “\(f.text)” cannot be exceeded; write “=100%”"),
                                 figures: [f],
                                 suggestions: [Suggestion(location: f.location, original: f.text, replacement: "=100%", reason: Localized(zh: "改为“=100%”", en: "write “=100%”"))])
            }
            return nil
        }
    }
}
