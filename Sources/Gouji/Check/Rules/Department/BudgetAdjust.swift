import Foundation

/// D04: 调整后预算 = 年初预算 + 追加 − 调减, 预算调整率 = (调整后 − 年初) / 年初, and the text agrees
/// with the basic data table.
public struct BudgetAdjust: Rule {
    public static let description = RuleDescription(
        id: "D04", name: "budget-adjust", family: .department, severity: .error, also: [.warning, .info],
        summary: Localized(zh: "调整后预算应等于年初预算加追加减调减，调整率应相符", en: "Adjusted budget = initial + additions − cuts, and the adjustment rate agrees"),
        triggering: ["年初预算1386.5万元，年中追加66.3万元，调整后预算↓1462.8万元。",
            "年初预算2150万元，年中追加320万元，调整后预算↓2570万元。",
            "本年年初预算856.4万元，年中追加43.6万元，调整后预算↓910万元。",
        ],
        nonTriggering: ["年初预算1386.5万元，年中追加66.3万元，调整后预算1452.8万元，预算调整率4.78%。",
            "年初预算2150万元，年中调增320万元，调整后全年预算2470万元。",
            "2023年年初预算856.4万元，年中追加预算43.6万元，全年预算数为900万元。",
        ])

    public init() {}

    public func check(_ c: RuleContext) -> [Finding] {
        // Every statement checked has a figure after 年初预算 in its clause: a document without
        // the words has none (most project reports).
        guard c.document.text.containsBytes(of: "年初预算") else { return [] }
        var out: [Finding] = []
        let bySentence = Dictionary(grouping: c.quantities, by: \.sentence)
        for sentence in bySentence.keys.sorted() {
            let figs = bySentence[sentence]!
            func find(_ words: [String], kind: FigureKind = .money) -> Figure? {
                figs.first { f in f.kind == kind && words.contains { c.clause(before: f).containsBytes(of: $0) } }
            }
            guard let initial = find(["年初预算"]), let adjusted = find(["调整后预算", "调整后的预算"]) else { continue }
            let added = find(["追加"]), cut = find(["调减", "减少预算"])
            if added != nil || cut != nil {
                let expected = initial.value + (added?.value ?? 0) - (cut?.value ?? 0)
                var parts = [initial]; if let a = added { parts.append(a) }
                if cut == nil, let f = SumCheck.check(Self.description, c, total: adjusted, parts: parts, what: Localized(zh: "调整后预算", en: "The adjusted budget")) {
                    out.append(f)
                } else if cut != nil, Arithmetic.sum(total: adjusted, parts: [Figure](parts) + []).severity != nil, (adjusted.value - expected).magnitude > adjusted.intervalWidth {
                    if let f = c.finding(Self.description, message: Localized(zh: "调整后预算 \(adjusted.text) ≠ 年初预算 + 追加 − 调减 = \(Arithmetic.inUnit(expected, of: adjusted))", en: "Adjusted budget \(adjusted.text) ≠ initial + additions − cuts = \(Arithmetic.inUnit(expected, of: adjusted))"),
                                         figures: [adjusted, initial] + [added, cut].compactMap { $0 }) { out.append(f) }
                }
            }
            if let rate = find(["预算调整率", "调整率"], kind: .percent), initial.value > 0 {
                let exact = (adjusted.value - initial.value) / initial.value * 100
                if let severity = Percent.verdict(stated: rate, exact: exact.magnitude) {
                    if let f = c.finding(Self.description, severity: severity,
                                         message: Localized(zh: "预算调整率 \(rate.text) 应为 \(exact.rounded(2).plain)%", en: "Budget adjustment rate \(rate.text) should be \(exact.rounded(2).plain)%"),
                                         arithmetic: Localized(zh: "(\(adjusted.number.plain) − \(initial.number.plain)) ÷ \(initial.number.plain) = \(exact.display(4))%", en: "(\(adjusted.number.plain) − \(initial.number.plain)) / \(initial.number.plain) = \(exact.display(4))%"),
                                         figures: [rate, adjusted, initial],
                                         suggestions: [Suggestion(location: rate.location, original: rate.text, replacement: Arithmetic.replacement(for: rate, value: exact.rounded(2), surface: rate.text),
                                                                  reason: Localized(zh: "重算调整率", en: "recompute the rate"))]) { out.append(f) }
                }
            }
            // The text against the basic data table.
            if let d = c.facts.data, let tableAdjusted = d.budget["adjusted"]?.figure, Arithmetic.sum(total: tableAdjusted, parts: [adjusted]).severity != nil {
                if let f = c.finding(Self.description, message: Localized(zh: "文中调整后预算 \(adjusted.text) 与基础数据表 \(tableAdjusted.text) 不一致", en: "Adjusted budget \(adjusted.text) in the text differs from the table's \(tableAdjusted.text)"),
                                     figures: [adjusted, tableAdjusted]) { out.append(f) }
            }
        }
        return out
    }
}
