import Foundation

/// N07: "较上年的B增加/减少n": the current value V, the base B and the change n agree in sign and size.
public struct SignAndDirection: Rule {
    public static let description = RuleDescription(
        id: "N07", name: "sign-and-direction", family: .narrative, severity: .error, also: [.warning],
        summary: Localized(zh: "增加/减少的方向和差额应与本年数、上年数相符", en: "The direction and size of a change agree with this year's and last year's figures"),
        triggering: ["三公经费支出34.29万元，较上年的19.8万元增加↓15.49万元。", "公务接待费3.52万元，较上年的4.35万元增加↓0.83万元。",
            "办公费支出12.6万元，较上年的15.8万元增加↓3.2万元。",
            "公务用车运行维护费6.24万元，较上年的5.31万元减少↓0.93万元。",
        ],
        nonTriggering: ["三公经费支出34.29万元，较上年的19.8万元增加14.49万元。", "公务接待费3.52万元，较上年的4.35万元减少0.83万元。",
            "差旅费支出8.42万元，较上年的6.15万元增加2.27万元。",
            "公务用车运行维护费6.24万元，较上年的5.31万元增加0.93万元。",
        ])

    public init() {}

    public func check(_ c: RuleContext) -> [Finding] {
        var out: [Finding] = []
        let q = c.quantities
        for (i, n) in q.enumerated() where n.direction != nil && n.kind != .percent && i >= 2 {
            let b = q[i - 1], v = q[i - 2]
            guard b.sentence == n.sentence, v.sentence == n.sentence, b.kind == n.kind, v.kind == n.kind,
                  Growth.isBase(b, c), !Growth.isBase(v, c), v.direction == nil, b.direction == nil else { continue }
            let actual = v.value - b.value
            let up = n.direction == "up"
            let wrongWay = (up && actual < 0) || (!up && actual > 0)
            let stated = up ? n.value : -n.value
            let v2 = Arithmetic.sum(total: v, parts: [b, n.with(value: stated)])
            guard wrongWay || v2.severity != nil else { continue }
            let unit = Arithmetic.unitLabel(n)
            let message: Localized = wrongWay
                ? Localized(zh: "本年 \(v.text) \(actual < 0 ? "低于" : "高于")上年 \(b.text)，却写“\(up ? "增加" : "减少")”", en: "This year's \(v.text) is \(actual < 0 ? "below" : "above") last year's \(b.text), but the text says it \(up ? "rose" : "fell")")
                : Localized(zh: "\(up ? "增加" : "减少")额 \(n.text) 与 \(v.text) − \(b.text) = \(Arithmetic.inUnit(actual.magnitude, of: n))\(unit) 不符", en: "The change \(n.text) differs from \(v.text) − \(b.text) = \(Arithmetic.inUnit(actual.magnitude, of: n)) \(unit)")
            // Paired from the prose (value, base and change found by their words): a warning at most.
            if let f = c.finding(Self.description, severity: .warning, message: message,
                                 arithmetic: Localized(zh: "\(Arithmetic.inUnit(v.value, of: n)) − \(Arithmetic.inUnit(b.value, of: n)) = \(Arithmetic.inUnit(actual, of: n))（\(unit)）",
                                                       en: "\(Arithmetic.inUnit(v.value, of: n)) − \(Arithmetic.inUnit(b.value, of: n)) = \(Arithmetic.inUnit(actual, of: n)) (\(unit))"),
                                 figures: [n, v, b],
                                 suggestions: [Suggestion(location: n.location, original: n.text, replacement: Arithmetic.replacement(for: n, value: actual.magnitude, surface: n.text),
                                                          reason: Localized(zh: "按本年减上年重写\(actual < 0 ? "（并改为“减少”）" : "")", en: "restate as this year minus last year"))]) {
                out.append(f)
            }
        }
        return out
    }
}
