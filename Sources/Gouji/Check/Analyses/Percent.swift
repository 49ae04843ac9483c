import Foundation

/// Rounding-aware comparison of a stated percentage with an exact ratio (rules.md §2.0):
/// rounding half-up, half-even or truncation at the stated decimals passes; one last-place
/// unit off is info; up to 0.5 percentage points a warning; more an error.
public enum Percent {
    public static func verdict(stated: Figure, exact: Decimal) -> Severity? {
        if Growth.agrees(stated: stated.number, decimals: stated.decimals, exact: exact) { return nil }
        let gap = (exact - stated.number).magnitude
        if gap <= Decimal.pow10(-stated.decimals) { return .info }
        return gap <= Decimal(string: "0.5")! ? .warning : .error
    }

    /// Scores (rules.md §2.0): |Δ| ≤ 0.01 passes, ≤ 0.1 info, else error.
    public static func scoreVerdict(stated: Decimal, expected: Decimal) -> Severity? {
        let gap = (stated - expected).magnitude
        if gap <= Decimal(string: "0.01")! { return nil }
        return gap <= Decimal(string: "0.1")! ? .info : .error
    }
}
