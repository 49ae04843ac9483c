import Foundation

/// N05: a growth rate from a zero base is undefined; "上升100%" from 0 should read "新增".
public struct ZeroBaseGrowth: Rule {
    public static let description = RuleDescription(
        id: "N05", name: "zero-base-growth", family: .narrative, severity: .error,
        summary: Localized(zh: "上年为零时增长率无意义，应写“新增”", en: "A growth rate from a zero base is undefined; say 新增 instead"),
        triggering: ["因公出国（境）费11万元，较上年的0万元增加11万元，上升↓100%。",
            "公务接待费2.36万元，较上年的0万元增加2.36万元，增长↓100%。",
            "会议费支出15万元，同比增长↓1400%，上年为0万元。",
        ],
        nonTriggering: ["因公出国（境）费11万元，较上年的10万元增加1万元，上升10%。",
            "公务接待费2.36万元，较上年的1.18万元增加1.18万元，增长100%。",
            "公务接待费2.36万元，上年未发生此项支出。",
            "会议费支出15万元，上年为0万元；培训费支出12万元，同比增长20%。",
        ])

    public init() {}

    public func check(_ c: RuleContext) -> [Finding] {
        var out: [Finding] = Growth.increments(c).compactMap { v, n, g in
            let base = Growth.isBase(v, c) ? v.value : v.value - n.value
            guard base == 0, n.direction == "up" else { return nil }
            return c.finding(Self.description,
                             message: Localized(zh: "上年为 0，增长率 \(g.text) 无意义", en: "The prior year is 0, so the rate \(g.text) is undefined"),
                             arithmetic: Localized(zh: "\(n.number.plain) ÷ 0 无定义", en: "\(n.number.plain) / 0 is undefined"),
                             figures: [g, n, v],
                             suggestions: [Suggestion(location: g.location, original: g.text, replacement: "", reason: Localized(zh: "删去增长率，写“新增\(n.text)”", en: "drop the rate and say “新增 \(n.text)”"))])
        }
        // A rate of increase next to a prior-year figure of 0 ("支出11万元，上年为0万元，上升100%";
        // "同比增长1400%，上年为0万元"): the two adjacent among the statement's quantities.
        let flagged = Set(out.flatMap { $0.figures.map(\.location.start) })
        for g in c.quantities where g.kind == .percent && g.role == .change && g.direction == "up" && !flagged.contains(g.location.start) {
            let statement = c.figures(inSentence: g.sentence).filter { $0.kind.isQuantity }
            guard let k = statement.firstIndex(where: { $0.location == g.location }) else { continue }
            let neighbours = [k - 1, k + 1].filter { statement.indices.contains($0) }.map { statement[$0] }
            guard let base = neighbours.first(where: { $0.role == .base && $0.value == 0 && ($0.kind == .money || $0.kind == .count) }),
                  !c.document.lines.text(from: min(base.location.end, g.location.end), to: max(base.location.start, g.location.start))
                      .unicodeScalars.contains(where: { "；;。".unicodeScalars.contains($0) }) else { continue }
            if let f = c.finding(Self.description,
                                 message: Localized(zh: "上年为 0，增长率 \(g.text) 无意义", en: "The prior year is 0, so the rate \(g.text) is undefined"),
                                 arithmetic: Localized(zh: "上年 \(base.text)：增长率 = 增量 ÷ 0，无定义", en: "prior year \(base.text): the rate is an increase / 0, undefined"),
                                 figures: [g, base],
                                 suggestions: [Suggestion(location: g.location, original: g.text, replacement: "",
                                                          reason: Localized(zh: "删去增长率，写“新增”", en: "drop the rate and say “新增”"))]) {
                out.append(f)
            }
        }
        return out
    }
}
