import Foundation

/// Rounding-aware arithmetic on stated figures and the words that show it.
public enum Arithmetic {
    /// How a stated total compares with the sum of its parts (rules.md §2.0 sum tolerance):
    /// pass within the summed half-units R, warning up to 10R, error beyond.
    public struct SumVerdict {
        public var sum: Decimal
        public var difference: Decimal   // total − sum
        /// 2R: the sum of the widths of all the figures' rounding intervals.
        public var widths: Decimal
        public var severity: Severity?   // nil: passes
        /// Factor k (10^3, 10^4, 10^8) when total = sum × k or sum = total × k (only looked
        /// for when the sum fails).
        public var unitSlip: Decimal?
        /// R, half a unit of the last written place summed over the figures.
        public var tolerance: Decimal { widths / 2 }
    }

    /// Whether a difference lies within the tolerance R = widths / 2 (rules.md §2.0), where
    /// `widths` is the sum of the rounding intervals' widths of all the figures involved.
    public static func balances(difference: Decimal, widths: Decimal) -> Bool {
        let m = difference.magnitude
        return m + m <= widths
    }

    public static func sum(total: Figure, parts: [Figure]) -> SumVerdict {
        let sum = parts.reduce(Decimal(0)) { $0 + $1.value }
        let widths = parts.reduce(total.intervalWidth) { $0 + $1.intervalWidth }   // 2r
        let diff = total.value - sum
        // |diff| ≤ r passes; r < |diff| ≤ 10r is a warning, beyond an error.
        guard !balances(difference: diff, widths: widths) else { return SumVerdict(sum: sum, difference: diff, widths: widths, severity: nil, unitSlip: nil) }
        let severity: Severity = balances(difference: diff, widths: widths.shifted(by: 1)) ? .warning : .error
        var slip: Decimal? = nil
        for n in [3, 4, 8] where !sum.isZero && (total.value == sum.shifted(by: n) || total.value.shifted(by: n) == sum) {
            slip = Decimal.pow10(n)
        }
        return SumVerdict(sum: sum, difference: diff, widths: widths, severity: severity, unitSlip: slip)
    }

    /// A figure's number in its written unit, with `decimals` places at most, trailing zeros cut.
    public static func inUnit(_ value: Decimal, of figure: Figure, decimals: Int? = nil) -> String {
        let factor = figure.factor == 0 ? 1 : figure.factor
        let places = decimals ?? max(figure.decimals, 2)
        return value.divided(by: factor).rounded(places).plain
    }

    /// "660 + 5623.6 + 3600" in the unit of `unitOf`.
    public static func terms(_ figures: [Figure], unitOf: Figure) -> String {
        figures.map { inUnit($0.value, of: unitOf) }.joined(separator: " + ")
    }

    /// The written unit of a figure for messages ("万元"; money without unit → 元).
    public static func unitLabel(_ f: Figure) -> String {
        if !f.writtenUnit.isEmpty { return f.writtenUnit }
        return f.unit
    }

    /// Replacement text for `figure` holding `value` instead, in the same unit and style.
    public static func replacement(for figure: Figure, value: Decimal, surface: String) -> String {
        // The places the value needs in the figure's own unit (22800 元 is 2.28 in 万元).
        let inUnit = value.divided(by: figure.factor == 0 ? 1 : figure.factor)
        let places = max(figure.decimals, min(inUnit.decimalPlaces, 4))
        var number = inUnit.rounded(places).plain
        if figure.decimals > 0, !number.containsBytes(of: ".") { number += "." + String(repeating: "0", count: figure.decimals) }
        else if figure.decimals > 0, let dot = number.firstIndex(of: ".") {
            let have = number.distance(from: dot, to: number.endIndex) - 1
            if have < figure.decimals { number += String(repeating: "0", count: figure.decimals - have) }
        }
        // Keep what surrounds the number in the surface (comparators, units, 余).
        let normalized = Array(Normalizer.normalize(surface).unicodeScalars)
        if let r = firstNumber(normalized) {
            var out = String.UnicodeScalarView(normalized[..<r.lowerBound])
            out.append(contentsOf: number.unicodeScalars)
            out.append(contentsOf: normalized[r.upperBound...])
            return String(out)
        }
        return number
    }

    /// The first run matching `\d[\d,]*(\.\d+)?` (digits being Unicode decimal digits), as
    /// scalar offsets.
    static func firstNumber(_ scalars: [Unicode.Scalar]) -> Range<Int>? {
        func isDigit(_ i: Int) -> Bool { i < scalars.count && scalars[i].properties.numericType == .decimal }
        guard let start = scalars.indices.first(where: isDigit) else { return nil }
        var end = start + 1
        while end < scalars.count, isDigit(end) || scalars[end] == "," { end += 1 }
        if end < scalars.count, scalars[end] == ".", isDigit(end + 1) {
            end += 2
            while isDigit(end) { end += 1 }
        }
        return start..<end
    }
}

/// Diagnoses how a written number may have gone wrong: one digit typed wrong, two adjacent
/// digits swapped.
public enum TypoDiagnosis {
    /// Digits of a number's plain text without sign or point, and the position of the point.
    static func digits(_ s: String) -> String { s.filter { $0.isASCII && $0.isNumber } }

    /// Whether `a` and `b` (written with the same number of decimals) differ in exactly one digit.
    public static func oneDigit(_ a: Decimal, _ b: Decimal, decimals: Int) -> Bool {
        let x = a.rounded(decimals).plain, y = b.rounded(decimals).plain
        let dx = padded(x, decimals), dy = padded(y, decimals)
        guard dx.count == dy.count else { return false }
        return zip(dx, dy).filter { $0 != $1 }.count == 1
    }

    /// Whether `a` becomes `b` by swapping two adjacent digits (98.3 ↔ 89.3).
    public static func transposition(_ a: Decimal, _ b: Decimal, decimals: Int) -> Bool {
        let dx = Array(padded(a.rounded(decimals).plain, decimals)), dy = Array(padded(b.rounded(decimals).plain, decimals))
        guard dx.count == dy.count, dx != dy else { return false }
        let diffs = dx.indices.filter { dx[$0] != dy[$0] }
        return diffs.count == 2 && diffs[1] == diffs[0] + 1 && dx[diffs[0]] == dy[diffs[1]] && dx[diffs[1]] == dy[diffs[0]]
    }

    static func padded(_ s: String, _ decimals: Int) -> String {
        var t = s
        if decimals > 0 {
            if !t.containsBytes(of: ".") { t += "." }
            let have = t.distance(from: t.firstIndex(of: ".")!, to: t.endIndex) - 1
            t += String(repeating: "0", count: max(0, decimals - have))
        }
        return digits(t)
    }
}
