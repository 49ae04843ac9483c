import Foundation

/// N05: a growth rate from a zero base is undefined; "上升100%" from 0 should read "新增".
public struct ZeroBaseGrowth: Rule {
    public static let description = RuleDescription(
        id: "N05", name: "zero-base-growth", family: .narrative, severity: .error,
        summary: Localized(zh: "上年为零时增长率无意义，应写“新增”", en: "A growth rate from a zero base is undefined; say 新增 instead"),
        triggering: ["因公出国（境）费11万元，较上年的0万元增加11万元，上升↓100%。",
            "公务接待费2.36万元，较上年的0万元增加2.36万元，增长↓100%。",
        ],
        nonTriggering: ["因公出国（境）费11万元，较上年的10万元增加1万元，上升10%。",
            "公务接待费2.36万元，较上年的1.18万元增加1.18万元，增长100%。",
            "公务接待费2.36万元，上年未发生此项支出。",
        ])

    public init() {}

    public func check(_ c: RuleContext) -> [Finding] {
        Growth.increments(c).compactMap { v, n, g in
            let base = Growth.isBase(v, c) ? v.value : v.value - n.value
            guard base == 0, n.direction == "up" else { return nil }
            return c.finding(Self.description,
                             message: Localized(zh: "上年为 0，增长率 \(g.text) 无意义", en: "The prior year is 0, so the rate \(g.text) is undefined"),
                             arithmetic: Localized(zh: "\(n.number.plain) ÷ 0 无定义", en: "\(n.number.plain) / 0 is undefined"),
                             figures: [g, n, v],
                             suggestions: [Suggestion(location: g.location, original: g.text, replacement: "", reason: Localized(zh: "删去增长率，写“新增\(n.text)”", en: "drop the rate and say “新增 \(n.text)”"))])
        }
    }
}
