import Foundation

/// Exact arithmetic for the Decimals reports are made of: amounts, rates and scores whose
/// mantissas fit in 64 bits. Foundation's Decimal on Linux works on arrays of 16-bit words
/// (an addition allocates; a division costs ≈ 32,000 instructions); reports add, compare and
/// halve hundreds of figures each.
///
/// Within Gouji, Decimal's operators (end of file) take this path when both operands are nonzero
/// compact Decimals of at most 64 bits and the result is exact in 64 bits; everything else
/// (zero minuends, NaN, wide mantissas, overflow, a quotient that does not terminate) goes to
/// Foundation. A result is the very Decimal Foundation returns, byte for byte: compact (the
/// mantissa's trailing zeros moved into the exponent), zero as Foundation writes it.
/// `SmallDecimalTests` checks this against Foundation on random operands.
/// Generic code (`sorted()`, `max()`, `Equatable`) keeps Foundation's operators, which agree.
struct SmallDecimal: Equatable {
    var mantissa: UInt64   // never 0
    var exponent: Int
    var negative: Bool

    init(mantissa: UInt64, exponent: Int, negative: Bool) {
        self.mantissa = mantissa; self.exponent = exponent; self.negative = negative
    }

    /// The fields of a Decimal whose mantissa fits in 64 bits, in any form (zero included),
    /// read from NSDecimal's layout: an exponent byte; length (high nibble), negative (0x08)
    /// and compact (0x04) bits; two reserved bytes; eight 16-bit mantissa words, low word
    /// first. Nil for NaN, a wider mantissa, or when the layout is not the one checked.
    @inline(__always)
    static func fields(_ d: Decimal) -> (mantissa: UInt64, exponent: Int, negative: Bool, compact: Bool)? {
        layoutIsKnown ? layoutFields(d) : nil
    }

    @inline(__always)
    private static func layoutFields(_ d: Decimal) -> (mantissa: UInt64, exponent: Int, negative: Bool, compact: Bool)? {
        var d = d
        return withUnsafeBytes(of: &d) { raw in
            let flags = raw[1]
            let length = Int(flags >> 4)
            guard length <= 4, raw[2] == 0, raw[3] == 0 else { return nil }
            if length == 0 && flags & 0x08 != 0 { return nil }   // negative zero is NaN
            var m: UInt64 = 0
            var i = length - 1
            while i >= 0 { m = m << 16 | UInt64(raw[4 + 2 * i]) | UInt64(raw[5 + 2 * i]) << 8; i -= 1 }
            return (m, Int(Int8(bitPattern: raw[0])), flags & 0x08 != 0, flags & 0x04 != 0)
        }
    }

    /// What arithmetic may assume about a Decimal.
    enum Reading { case zero, small(SmallDecimal), other }

    /// Zero, a nonzero compact Decimal of at most 64 bits, or anything else.
    @inline(__always)
    static func read(_ d: Decimal) -> Reading {
        guard let f = fields(d) else { return .other }
        if f.mantissa == 0 { return .zero }
        return f.compact ? .small(SmallDecimal(mantissa: f.mantissa, exponent: f.exponent, negative: f.negative)) : .other
    }

    /// The compact Decimal of this value; nil when its exponent leaves −128…127.
    var decimal: Decimal? {
        var m = mantissa, e = exponent
        while m % 10 == 0 && e < 127 { m /= 10; e += 1 }
        guard e >= -128 && e <= 127 else { return nil }
        var length = 0
        var t = m
        while t != 0 { length += 1; t >>= 16 }
        var d = Decimal()
        withUnsafeMutableBytes(of: &d) { raw in
            raw[0] = UInt8(bitPattern: Int8(e))
            raw[1] = UInt8(length << 4) | 0x04 | (negative ? 0x08 : 0)
            for i in 0..<4 {
                let w = UInt16(truncatingIfNeeded: m >> (16 * UInt64(i)))
                raw[4 + 2 * i] = UInt8(truncatingIfNeeded: w)
                raw[5 + 2 * i] = UInt8(truncatingIfNeeded: w >> 8)
            }
        }
        return d
    }

    /// Whether Decimal is laid out as `read` and `decimal` expect, checked once on values
    /// Foundation made; if not, every operation goes to Foundation.
    static let layoutIsKnown: Bool = {
        guard MemoryLayout<Decimal>.size == 20 else { return false }
        var zero = Decimal()
        guard withUnsafeBytes(of: &zero, { $0.allSatisfy { $0 == 0 } }) else { return false }
        let probes: [(String, UInt64, Int, Bool)] = [
            ("-123.45", 12345, -2, true), ("0.005", 5, -3, false), ("97836000", 97836, 3, false),
            ("12345678901234.5678", 123456789012345678, -4, false), ("1844674407370955161.5", 18446744073709551615, -1, false),
        ]
        return probes.allSatisfy { text, m, e, negative in
            let made = SmallDecimal(mantissa: m, exponent: e, negative: negative)
            guard let foundation = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")),
                  let read = layoutFields(foundation), read == (m, e, negative, true),
                  let written = made.decimal else { return false }
            return bytes(written) == bytes(foundation)
        }
    }()

    private static func bytes(_ d: Decimal) -> [UInt8] {
        var d = d
        return withUnsafeBytes(of: &d) { Array($0) }
    }

    private static let powersOfTen: [UInt64] = (0...19).map { n in (0..<n).reduce(1) { r, _ in r * 10 } }

    /// Both mantissas at the smaller of the two exponents; nil when scaling one overflows.
    @inline(__always)
    static func aligned(_ a: SmallDecimal, _ b: SmallDecimal) -> (UInt64, UInt64, Int)? {
        if a.exponent == b.exponent { return (a.mantissa, b.mantissa, a.exponent) }
        let (larger, smaller) = a.exponent > b.exponent ? (a, b) : (b, a)
        let shift = larger.exponent - smaller.exponent
        guard shift <= 19 else { return nil }
        let (scaled, overflow) = larger.mantissa.multipliedReportingOverflow(by: powersOfTen[shift])
        if overflow { return nil }
        return a.exponent > b.exponent ? (scaled, b.mantissa, b.exponent) : (a.mantissa, scaled, a.exponent)
    }

    /// a + b, exact, or nil.
    static func sum(_ a: SmallDecimal, _ b: SmallDecimal) -> Decimal? {
        guard let (x, y, e) = aligned(a, b) else { return nil }
        if a.negative == b.negative {
            let (s, overflow) = x.addingReportingOverflow(y)
            return overflow ? nil : SmallDecimal(mantissa: s, exponent: e, negative: a.negative).decimal
        }
        if x == y { return Decimal() }
        return x > y ? SmallDecimal(mantissa: x - y, exponent: e, negative: a.negative).decimal
                     : SmallDecimal(mantissa: y - x, exponent: e, negative: b.negative).decimal
    }

    /// a × b, exact, or nil.
    static func product(_ a: SmallDecimal, _ b: SmallDecimal) -> Decimal? {
        let (p, overflow) = a.mantissa.multipliedReportingOverflow(by: b.mantissa)
        return overflow ? nil : SmallDecimal(mantissa: p, exponent: a.exponent + b.exponent, negative: a.negative != b.negative).decimal
    }

    /// a ÷ b when the quotient terminates within a 64-bit mantissa, or nil.
    static func quotient(_ a: SmallDecimal, _ b: SmallDecimal) -> Decimal? {
        var m = a.mantissa, shift = 0
        while true {
            let (q, r) = m.quotientAndRemainder(dividingBy: b.mantissa)
            if r == 0 {
                return SmallDecimal(mantissa: q, exponent: a.exponent - b.exponent - shift, negative: a.negative != b.negative).decimal
            }
            let (next, overflow) = m.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            m = next; shift += 1
        }
    }

    /// −1, 0 or 1 as a is less than, equal to or greater than b.
    static func compare(_ a: SmallDecimal, _ b: SmallDecimal) -> Int {
        if a.negative != b.negative { return a.negative ? -1 : 1 }
        let magnitude: Int
        if let (x, y, _) = aligned(a, b) {
            magnitude = x < y ? -1 : (x == y ? 0 : 1)
        } else {
            magnitude = a.exponent > b.exponent ? 1 : -1   // the one that overflowed when scaled
        }
        return a.negative ? -magnitude : magnitude
    }

    /// −1, 0 or 1 for readings of two Decimals, or nil when one is neither zero nor small.
    @inline(__always)
    static func compare(_ a: Decimal, _ b: Decimal) -> Int? {
        switch (read(a), read(b)) {
        case (.zero, .zero): return 0
        case (.zero, .small(let y)): return y.negative ? 1 : -1
        case (.small(let x), .zero): return x.negative ? -1 : 1
        case (.small(let x), .small(let y)): return compare(x, y)
        default: return nil
        }
    }
}

// Foundation's own operators, reached through the protocols Decimal conforms to.
@inline(__always) private func foundationSum<T: AdditiveArithmetic>(_ a: T, _ b: T) -> T { a + b }
@inline(__always) private func foundationDifference<T: AdditiveArithmetic>(_ a: T, _ b: T) -> T { a - b }
@inline(__always) private func foundationProduct<T: Numeric>(_ a: T, _ b: T) -> T { a * b }
@inline(__always) private func foundationLess<T: Comparable>(_ a: T, _ b: T) -> Bool { a < b }
@inline(__always) private func foundationEqual<T: Equatable>(_ a: T, _ b: T) -> Bool { a == b }

extension SmallDecimal {
    /// lhs + rhs.
    static func add(_ lhs: Decimal, _ rhs: Decimal) -> Decimal {
        switch (read(lhs), read(rhs)) {
        case (.zero, .small): return rhs
        case (.small, .zero): return lhs
        case (.small(let a), .small(let b)): if let s = sum(a, b) { return s }
        default: break
        }
        return foundationSum(lhs, rhs)
    }

    /// lhs − rhs.
    static func subtract(_ lhs: Decimal, _ rhs: Decimal) -> Decimal {
        switch (read(lhs), read(rhs)) {
        case (.small, .zero): return lhs
        case (.small(let a), .small(var b)):
            b.negative.toggle()
            if let s = sum(a, b) { return s }
        default: break
        }
        return foundationDifference(lhs, rhs)
    }

    /// lhs × rhs.
    static func multiply(_ lhs: Decimal, _ rhs: Decimal) -> Decimal {
        if case .small(let a) = read(lhs), case .small(let b) = read(rhs), let p = product(a, b) { return p }
        return foundationProduct(lhs, rhs)
    }

    /// lhs ÷ rhs.
    static func divide(_ lhs: Decimal, _ rhs: Decimal) -> Decimal {
        if case .small(let a) = read(lhs), case .small(let b) = read(rhs), let q = quotient(a, b) { return q }
        var l = lhs, r = rhs, result = Decimal()
        _ = NSDecimalDivide(&result, &l, &r, .plain)   // what Foundation's `/` does
        return result
    }

    /// lhs < rhs.
    static func isLess(_ lhs: Decimal, _ rhs: Decimal) -> Bool {
        if let c = compare(lhs, rhs) { return c < 0 }
        return foundationLess(lhs, rhs)
    }

    /// lhs == rhs.
    static func isEqual(_ lhs: Decimal, _ rhs: Decimal) -> Bool {
        if let c = compare(lhs, rhs) { return c == 0 }
        return foundationEqual(lhs, rhs)
    }
}

// Within Gouji these operators hide Foundation's: a declaration in the module shadows an
// imported one of the same signature. `@_disfavoredOverload` leaves Foundation's to modules
// that see both (the tests), where the two would otherwise be ambiguous.
extension Decimal {
    @_disfavoredOverload static func + (lhs: Decimal, rhs: Decimal) -> Decimal { SmallDecimal.add(lhs, rhs) }
    @_disfavoredOverload static func - (lhs: Decimal, rhs: Decimal) -> Decimal { SmallDecimal.subtract(lhs, rhs) }
    @_disfavoredOverload static func * (lhs: Decimal, rhs: Decimal) -> Decimal { SmallDecimal.multiply(lhs, rhs) }
    @_disfavoredOverload static func / (lhs: Decimal, rhs: Decimal) -> Decimal { SmallDecimal.divide(lhs, rhs) }
    @_disfavoredOverload static func += (lhs: inout Decimal, rhs: Decimal) { lhs = SmallDecimal.add(lhs, rhs) }
    @_disfavoredOverload static func -= (lhs: inout Decimal, rhs: Decimal) { lhs = SmallDecimal.subtract(lhs, rhs) }
    @_disfavoredOverload static func *= (lhs: inout Decimal, rhs: Decimal) { lhs = SmallDecimal.multiply(lhs, rhs) }
    @_disfavoredOverload static func /= (lhs: inout Decimal, rhs: Decimal) { lhs = SmallDecimal.divide(lhs, rhs) }
    @_disfavoredOverload static func < (lhs: Decimal, rhs: Decimal) -> Bool { SmallDecimal.isLess(lhs, rhs) }
    @_disfavoredOverload static func > (lhs: Decimal, rhs: Decimal) -> Bool { SmallDecimal.isLess(rhs, lhs) }
    @_disfavoredOverload static func <= (lhs: Decimal, rhs: Decimal) -> Bool { !SmallDecimal.isLess(rhs, lhs) }
    @_disfavoredOverload static func >= (lhs: Decimal, rhs: Decimal) -> Bool { !SmallDecimal.isLess(lhs, rhs) }
    @_disfavoredOverload static func == (lhs: Decimal, rhs: Decimal) -> Bool { SmallDecimal.isEqual(lhs, rhs) }
    @_disfavoredOverload static func != (lhs: Decimal, rhs: Decimal) -> Bool { !SmallDecimal.isEqual(lhs, rhs) }
}
