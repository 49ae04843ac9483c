import Foundation

/// Met or unmet, and the formula score, for a quantitative indicator row (rules.md §1.1):
/// positive target (≥A): B ≥ A → full, else B/A × 分值; reverse (≤A): B ≤ A → full, else A/B × 分值;
/// equality (=A): like positive when A > 0, full only if B ≤ 0 when A = 0.
public struct IndicatorStatus {
    public var target: Figure
    public var actual: Figure
    public var met: Bool
    public var expectedScore: Decimal?
    public var weight: Figure?
    public var formula: Localized

    public init?(_ row: IndicatorRow) {
        guard row.targetFigures.count == 1, row.actualFigures.count == 1 else { return nil }
        let a = row.targetFigures[0], b = row.actualFigures[0]
        guard a.kind == b.kind, a.unit == b.unit || a.kind == .money else { return nil }
        target = a; actual = b; weight = row.weight?.figure
        var comparator = a.comparator
        if comparator == nil, let nature = row.nature?.trimmedSpaces {
            comparator = ["≥": Comparator.atLeast, ">=": .atLeast, "≤": .atMost, "<=": .atMost, "=": .equal, "＝": .equal][nature]
        }
        if comparator == nil, a.approximate, a.text.endsWithBytes("以上") { comparator = .atLeast }
        guard let op = comparator else { return nil }
        let A = a.value, B = b.value
        switch op {
        case .atLeast, .greater: met = op == .atLeast ? B >= A : B > A
        case .atMost, .less: met = op == .atMost ? B <= A : B < A
        case .equal: met = A > 0 ? B >= A : B <= 0
        }
        let reverse = op == .atMost || op == .less
        if let w = weight?.value {
            if met { expectedScore = w }
            else if reverse { expectedScore = B > 0 ? A / B * w : 0 }
            else { expectedScore = A > 0 ? max(0, min(B / A, 1)) * w : 0 }
        }
        let wText = weight?.number.plain ?? "分值"
        formula = reverse
            ? Localized(zh: met ? "\(b.number.plain) ≤ \(a.number.plain)，得满分 \(wText)" : "\(b.number.plain) > \(a.number.plain)，\(a.number.plain) ÷ \(b.number.plain) × \(wText) = \(expectedScore?.display(2) ?? "?")",
                        en: met ? "\(b.number.plain) ≤ \(a.number.plain): full marks \(wText)" : "\(b.number.plain) > \(a.number.plain): \(a.number.plain) / \(b.number.plain) × \(wText) = \(expectedScore?.display(2) ?? "?")")
            : Localized(zh: met ? "\(b.number.plain) 达到 \(a.number.plain)，得满分 \(wText)" : "\(b.number.plain) < \(a.number.plain)，\(b.number.plain) ÷ \(a.number.plain) × \(wText) = \(expectedScore?.display(2) ?? "?")",
                        en: met ? "\(b.number.plain) reaches \(a.number.plain): full marks \(wText)" : "\(b.number.plain) < \(a.number.plain): \(b.number.plain) / \(a.number.plain) × \(wText) = \(expectedScore?.display(2) ?? "?")")
    }

    /// Placeholders that are not a reason.
    public static let placeholders: Set<String> = ["", "无", "/", "—", "-", "——", "无。", "暂无", "×", "*", "XX", "××"]
}
