import Foundation

/// Whether a figure bound as a weight or a score reads as points: 10, 10分, 9.5. A weight cell
/// that holds 29.5亩 or 12万元 is a column the binder misread (a row that lost a merged cell in
/// the copy), and no rule may add it up or ask for its score.
enum Points {
    static func isPoints(_ f: Figure) -> Bool {
        (f.kind == .score || f.kind == .number && f.unit.isEmpty) && f.value >= 0 && f.value <= 100
    }

    /// Whether an indicator row's name is a name, not a number the binder put there.
    static func isNamed(_ row: IndicatorRow) -> Bool {
        let name = (row.content?.text ?? row.level2).trimmedSpaces
        return !name.isEmpty && !name.unicodeScalars.allSatisfy { $0.properties.numericType != nil || ".%％".unicodeScalars.contains($0) }
    }
}
