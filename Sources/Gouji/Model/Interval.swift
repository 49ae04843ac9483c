import Foundation

/// A closed interval of exact decimals: what a rounded figure stands for.
/// Sums and differences of intervals are intervals; comparisons are rounding-aware.
public struct Interval: Sendable, Hashable, Codable {
    public var lo: Decimal
    public var hi: Decimal

    public init(_ lo: Decimal, _ hi: Decimal) { self.lo = lo; self.hi = hi }
    public init(exactly v: Decimal) { lo = v; hi = v }

    /// The interval of a figure written with `decimals` places: ± half a unit of the last place.
    /// Integers (no decimals) are taken as exact.
    public static func stated(_ v: Decimal, decimals: Int) -> Interval {
        guard decimals > 0 else { return Interval(exactly: v) }
        let half = Decimal.halfUnit(decimals)
        return Interval(v - half, v + half)
    }

    public func scaled(by f: Decimal) -> Interval {
        f >= 0 ? Interval(lo.times(f), hi.times(f)) : Interval(hi.times(f), lo.times(f))
    }

    public static func + (a: Interval, b: Interval) -> Interval { Interval(a.lo + b.lo, a.hi + b.hi) }
    public static func - (a: Interval, b: Interval) -> Interval { Interval(a.lo - b.hi, a.hi - b.lo) }

    public var width: Decimal { hi - lo }
    public var mid: Decimal { (lo + hi) / 2 }

    public func contains(_ v: Decimal) -> Bool { lo <= v && v <= hi }
    public func overlaps(_ o: Interval) -> Bool { lo <= o.hi && o.lo <= hi }

    /// Smallest distance between the two intervals (0 when they overlap).
    public func gap(to o: Interval) -> Decimal {
        if overlaps(o) { return 0 }
        return hi < o.lo ? o.lo - hi : lo - o.hi
    }

    /// Whether the interval contains an integer.
    public var containsInteger: Bool {
        let c = lo.rounded(0, .up)
        return c <= hi
    }
}

extension Decimal {
    /// 0.5 × 10^-d.
    public static func halfUnit(_ decimals: Int) -> Decimal {
        Decimal(sign: .plus, exponent: -(decimals + 1), significand: 5)
    }

    /// 10^n.
    public static func pow10(_ n: Int) -> Decimal {
        guard n >= -128 && n <= 127 else {
            var v = Decimal(1)
            if n >= 0 { for _ in 0..<n { v *= 10 } } else { for _ in 0..<(-n) { v /= 10 } }
            return v
        }
        return Decimal(sign: .plus, exponent: n, significand: 1)
    }

    public func rounded(_ scale: Int, _ mode: NSDecimalNumber.RoundingMode = .plain) -> Decimal {
        var input = self
        var result = Decimal()
        NSDecimalRound(&result, &input, scale, mode)
        return result
    }

    /// Plain decimal text without exponent ("97836000", "0.5", "-100").
    public var plain: String {
        DecimalText.plain(self) ?? NSDecimalNumber(decimal: self).stringValue
    }

    /// Text with at most `maxDecimals` places, trailing zeros removed.
    public func display(_ maxDecimals: Int = 4) -> String {
        rounded(maxDecimals).plain
    }

    /// Number of decimals in the plain text of the value.
    public var decimalPlaces: Int {
        let s = plain
        guard let dot = s.firstIndex(of: ".") else { return 0 }
        return s.distance(from: dot, to: s.endIndex) - 1
    }

    public var magnitude: Decimal { self < 0 ? -self : self }

    // Foundation's Decimal on Linux takes ≈ 1.4 µs to multiply and ≈ 10 µs to divide; scaling
    // by a unit factor (10⁴ for 万, 10⁸ for 亿) only needs the exponent moved.

    /// self × 10ⁿ, exact.
    public func shifted(by n: Int) -> Decimal {
        if n == 0 || isZero || isNaN { return self }
        let e = exponent + n
        guard e >= -128 && e <= 127 else { return n > 0 ? self * Decimal.pow10(n) : self / Decimal.pow10(-n) }
        return Decimal(sign: sign, exponent: e, significand: significand)
    }

    /// n when the value is 10ⁿ (1, 10⁴, 10⁸ …), nil otherwise.
    public var powerOfTen: Int? {
        sign == .plus && !isZero && significand == 1 ? exponent : nil
    }

    /// `self * f`, exact; a power-of-ten factor moves the exponent instead of multiplying.
    public func times(_ f: Decimal) -> Decimal {
        if let n = f.powerOfTen { return shifted(by: n) }
        return self * f
    }

    /// `self / f`; a power-of-ten divisor moves the exponent instead of dividing.
    public func divided(by f: Decimal) -> Decimal {
        if let n = f.powerOfTen { return shifted(by: -n) }
        return self / f
    }

    /// Parses plain ASCII decimal text exactly ("5623.6", "-0.5").
    public init?(plain text: String) {
        if let d = Self.parseShort(text) { self = d; return }
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }),
              text.filter({ $0 == "." }).count <= 1 else { return nil }
        guard let d = Decimal(string: text, locale: Self.posix) else { return nil }
        self = d
    }

    private static let posix = Locale(identifier: "en_US_POSIX")

    /// The common case without Foundation's scanner: an optional leading "-", up to 18 digits
    /// and at most one "." between digits. Anything else returns nil for the general parser.
    private static func parseShort(_ text: String) -> Decimal? {
        var negative = false, seenDot = false
        var mantissa: UInt64 = 0
        var digits = 0, fraction = 0, i = 0
        for b in text.utf8 {
            defer { i += 1 }
            if b == UInt8(ascii: "-") && i == 0 { negative = true; continue }
            if b == UInt8(ascii: ".") && !seenDot && digits > 0 { seenDot = true; continue }
            guard b >= 48 && b <= 57, digits < 18 else { return nil }
            mantissa = mantissa * 10 + UInt64(b - 48)
            digits += 1
            if seenDot { fraction += 1 }
        }
        guard digits > 0, !(seenDot && fraction == 0) else { return nil }
        if mantissa != 0, let d = SmallDecimal(mantissa: mantissa, exponent: -fraction, negative: negative).decimal { return d }
        return Decimal(sign: negative ? .minus : .plus, exponent: -fraction, significand: Decimal(mantissa))
    }
}

/// Plain text of a Decimal whose mantissa fits in 64 bits, from the fields
/// `SmallDecimal.fields` reads: Foundation's own formatting divides the mantissa by 10 digit
/// by digit and took ≈ 3 µs per figure written to the store. Nil (NaN, wider mantissas, a
/// layout other than the one checked) sends the call to Foundation.
enum DecimalText {
    static func plain(_ d: Decimal) -> String? {
        guard let (m, exponent, negative, _) = SmallDecimal.fields(d) else { return nil }
        if m == 0 { return "0" }
        // Written into one scratch buffer: the digits at its end, the text from its start
        // (at most a sign, 20 digits and 128 zeros or "0.").
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 192) { buf -> String in
            let zero = UInt8(ascii: "0")
            var digitStart = 192, digitEnd = 192
            var x = m
            while x > 0 { digitStart -= 1; buf[digitStart] = zero + UInt8(x % 10); x /= 10 }
            var e = exponent
            while e < 0, buf[digitEnd - 1] == zero { digitEnd -= 1; e += 1 }
            let count = digitEnd - digitStart
            var o = 0
            func put(_ b: UInt8) { buf[o] = b; o += 1 }
            func putDigits(_ from: Int, _ to: Int) { for i in from..<to { put(buf[i]) } }
            if negative { put(UInt8(ascii: "-")) }
            if e >= 0 {
                putDigits(digitStart, digitEnd)
                for _ in 0..<e { put(zero) }
            } else if count > -e {
                putDigits(digitStart, digitEnd + e)
                put(UInt8(ascii: "."))
                putDigits(digitEnd + e, digitEnd)
            } else {
                put(zero); put(UInt8(ascii: "."))
                for _ in 0..<(-e - count) { put(zero) }
                putDigits(digitStart, digitEnd)
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buf[0..<o]), as: UTF8.self)
        }
    }
}
