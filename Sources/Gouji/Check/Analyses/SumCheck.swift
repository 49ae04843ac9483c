import Foundation

/// Checks a stated total against its parts and builds the finding with the arithmetic and the
/// ranked corrections: the recomputed total, the one part that restores the sum, one-digit
/// typos and transpositions; an exact ×10^3/10^4/10^8 gap becomes a unit-slip finding (T12).
public enum SumCheck {
    public static func check(_ rule: RuleDescription, _ c: RuleContext, total: Figure, parts: [Figure],
                             what: Localized, partNames: [String] = []) -> Finding? {
        let parts = parts
        guard parts.count >= 1 else { return nil }
        let v = Arithmetic.sum(total: total, parts: parts)
        guard v.severity != nil else { return nil }   // adds up: no texts to build
        let unit = Arithmetic.unitLabel(total)
        let sumText = Arithmetic.inUnit(v.sum, of: total)
        let diffText = Arithmetic.inUnit(v.difference, of: total)
        let termText = Arithmetic.terms(parts, unitOf: total)
        if let k = v.unitSlip {
            // 4.647 for 4,647: a figure written with three decimals where a thousands separator was meant.
            let separatorSlip = k == 1000 && ([total] + parts).contains { $0.decimals == 3 }
            let kText = k == 10000 ? "10⁴（万元/元混用）" : k == 1000 ? (separatorSlip ? "10³（疑将千位分隔符“,”写成小数点“.”）" : "10³（千元/元混用）") : "10⁸（亿元/元混用）"
            return c.finding(UnitConsistency.description, severity: .error,
                             message: Localized(zh: "\(what.zh) \(total.text) 与分项之和 \(sumText)\(unit) 恰好相差 \(kText) 倍，疑为单位错误",
                                                en: "\(what.en) \(total.text) differs from the sum of its parts \(sumText) \(unit) by exactly a factor \(k.plain): a unit slip"),
                             arithmetic: Localized(zh: "\(termText) = \(sumText)（\(unit)）；\(total.text) ÷ \(sumText) = \((total.value / (v.sum == 0 ? 1 : v.sum)).display(6))",
                                                   en: "\(termText) = \(sumText) (\(unit)); \(total.text) / \(sumText) = \((total.value / (v.sum == 0 ? 1 : v.sum)).display(6))"),
                             figures: [total] + parts,
                             suggestions: [Suggestion(location: total.location, original: total.text,
                                                      replacement: Arithmetic.replacement(for: total, value: v.sum, surface: total.text),
                                                      reason: Localized(zh: "按分项之和与统一的单位改写合计", en: "restate the total in the parts' unit"))])
        }
        guard let severity = v.severity else { return nil }
        var suggestions: [Suggestion] = []
        let totalFix = Suggestion(location: total.location, original: total.text,
                                  replacement: Arithmetic.replacement(for: total, value: v.sum, surface: total.text),
                                  reason: Localized(zh: "合计改为分项之和 \(sumText)\(unit)", en: "set the total to the sum of the parts, \(sumText) \(unit)"))
        let decimals = max(total.decimals, parts.map(\.decimals).max() ?? 0)
        let typoTotal = TypoDiagnosis.oneDigit(total.number, v.sum / (total.factor == 0 ? 1 : total.factor), decimals: decimals)
        let swapTotal = TypoDiagnosis.transposition(total.number, v.sum / (total.factor == 0 ? 1 : total.factor), decimals: decimals)
        var partFixes: [(Suggestion, Bool)] = []
        for p in parts {
            let corrected = p.value + v.difference
            guard corrected >= 0 else { continue }
            let pn = corrected / (p.factor == 0 ? 1 : p.factor)
            let typo = TypoDiagnosis.oneDigit(p.number, pn, decimals: max(p.decimals, decimals)) || TypoDiagnosis.transposition(p.number, pn, decimals: max(p.decimals, decimals))
            partFixes.append((Suggestion(location: p.location, original: p.text,
                                         replacement: Arithmetic.replacement(for: p, value: corrected, surface: p.text),
                                         reason: Localized(zh: "或合计无误而此分项应为 \(Arithmetic.inUnit(corrected, of: p))\(Arithmetic.unitLabel(p))" + (typo ? "（仅一位数字之差，疑为笔误）" : ""),
                                                           en: "or the total is right and this part should be \(Arithmetic.inUnit(corrected, of: p)) \(Arithmetic.unitLabel(p))" + (typo ? " (one digit apart: a likely typo)" : ""))), typo))
        }
        if typoTotal || swapTotal {
            var fix = totalFix
            fix.reason = Localized(zh: fix.reason.zh + (typoTotal ? "（与所述合计仅一位数字之差，疑为笔误）" : "（相邻两位数字颠倒）"),
                                   en: fix.reason.en + (typoTotal ? " (one digit apart from the stated total: a likely typo)" : " (two adjacent digits swapped)"))
            suggestions.append(fix)
            suggestions += partFixes.filter(\.1).map(\.0)
        } else if partFixes.contains(where: \.1) {
            suggestions += partFixes.filter(\.1).map(\.0)
            suggestions.append(totalFix)
        } else {
            suggestions.append(totalFix)
            suggestions += partFixes.prefix(1).map(\.0)
        }
        let named = partNames.isEmpty ? "" : "（\(partNames.joined(separator: "、"))）"
        return c.finding(rule, severity: severity,
                         message: Localized(zh: "\(what.zh) \(total.text) 与分项之和 \(sumText)\(unit) 不符\(named)，相差 \(Arithmetic.inUnit(v.difference.magnitude, of: total))\(unit)",
                                            en: "\(what.en) \(total.text) does not equal the sum of its parts, \(sumText) \(unit); difference \(Arithmetic.inUnit(v.difference.magnitude, of: total)) \(unit)"),
                         arithmetic: Localized(zh: "\(termText) = \(sumText)（\(unit)），所述 \(Arithmetic.inUnit(total.value, of: total))，差 \(diffText)（容差 ±\(Arithmetic.inUnit(v.tolerance, of: total, decimals: 4))）",
                                               en: "\(termText) = \(sumText) (\(unit)); stated \(Arithmetic.inUnit(total.value, of: total)); difference \(diffText) (tolerance ±\(Arithmetic.inUnit(v.tolerance, of: total, decimals: 4)))"),
                         figures: [total] + parts, suggestions: suggestions)
    }
}
