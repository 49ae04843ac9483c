/// A number as written in a cell's `<v>` ("0.9997", "1.2345E-3", "0.30000000000000004"),
/// kept as its decimal digits so that formatting never goes through binary floating point:
/// the value is `digits × 10^exponent`, negated when `negative`.
struct XlsxDecimal: Equatable {
    var negative: Bool
    /// Decimal digits (0…9), no leading zeros; empty for zero.
    var digits: [UInt8]
    var exponent: Int

    static let zero = XlsxDecimal(negative: false, digits: [], exponent: 0)

    var isZero: Bool { digits.isEmpty }

    /// Parses a decimal or scientific number; nil for anything else (including "NaN", "INF"
    /// and exponents beyond ±400, which no cell holds).
    init?(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while let f = bytes.first, f == 0x20 { bytes = bytes.dropFirst() }
        while let l = bytes.last, l == 0x20 { bytes = bytes.dropLast() }
        negative = false
        if let f = bytes.first, f == UInt8(ascii: "-") || f == UInt8(ascii: "+") {
            negative = f == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var all: [UInt8] = []
        var fractionDigits = 0
        var seenPoint = false, seenDigit = false
        var exp = 0
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b >= 0x30 && b <= 0x39 {
                all.append(b - 0x30); seenDigit = true
                if seenPoint { fractionDigits += 1 }
            } else if b == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else if b == UInt8(ascii: "e") || b == UInt8(ascii: "E") {
                guard seenDigit else { return nil }
                let rest = String(decoding: bytes[(i + 1)...], as: UTF8.self)
                guard let e = Int(rest.hasPrefix("+") ? String(rest.dropFirst()) : rest), abs(e) <= 400 else { return nil }
                exp = e
                i = bytes.endIndex
                break
            } else {
                return nil
            }
            i += 1
        }
        guard seenDigit, all.count <= 1000 else { return nil }
        let firstNonZero = all.firstIndex { $0 != 0 } ?? all.count
        digits = Array(all[firstNonZero...])
        exponent = exp - fractionDigits
        normalise()
    }

    init(negative: Bool, digits: [UInt8], exponent: Int) {
        self.negative = negative
        self.digits = digits
        self.exponent = exponent
        normalise()
    }

    /// Drops trailing zero digits into the exponent, and leading zeros.
    private mutating func normalise() {
        if let first = digits.firstIndex(where: { $0 != 0 }), first > 0 { digits.removeFirst(first) }
        if digits.allSatisfy({ $0 == 0 }) { digits = []; exponent = 0; negative = false; return }
        while let last = digits.last, last == 0 { digits.removeLast(); exponent += 1 }
    }

    /// The value times 10^k.
    func shifted(by k: Int) -> XlsxDecimal {
        XlsxDecimal(negative: negative, digits: digits, exponent: exponent + k)
    }

    var magnitude: XlsxDecimal { XlsxDecimal(negative: false, digits: digits, exponent: exponent) }

    /// The exponent of the leading digit (123.4 → 2, 0.05 → -2); nil for zero.
    var leadingExponent: Int? { digits.isEmpty ? nil : exponent + digits.count - 1 }

    /// Rounded to `places` digits after the decimal point, halves away from zero.
    func rounded(places: Int) -> XlsxDecimal {
        let keep = digits.count + exponent + places   // digits kept
        guard keep < digits.count else { return self }
        guard keep >= 0 else { return .zero }
        var kept = Array(digits[..<keep])
        let roundUp = digits[keep] >= 5
        var exp = exponent + (digits.count - keep)
        if roundUp {
            var i = kept.count - 1
            while i >= 0 {
                if kept[i] == 9 { kept[i] = 0; i -= 1 } else { kept[i] += 1; break }
            }
            if i < 0 { kept.insert(1, at: 0) }
        }
        if kept.isEmpty && !roundUp { return .zero }
        if kept.isEmpty { kept = [1]; exp = -places }
        return XlsxDecimal(negative: negative, digits: kept, exponent: exp)
    }

    /// Rounded to `significant` significant digits, halves away from zero.
    func rounded(significant: Int) -> XlsxDecimal {
        guard let lead = leadingExponent else { return self }
        return rounded(places: significant - 1 - lead)
    }

    /// Integer digits (at least one, "0" for a value below 1) and exactly `places` fraction
    /// digits of the magnitude, which must already be rounded to `places`.
    func split(places: Int) -> (integer: [UInt8], fraction: [UInt8]) {
        let pointAt = digits.count + exponent          // digits before the point
        var integer: [UInt8] = []
        var fraction: [UInt8] = []
        if pointAt > 0 {
            integer = pointAt >= digits.count ? digits + [UInt8](repeating: 0, count: pointAt - digits.count) : Array(digits[..<pointAt])
        }
        if integer.isEmpty { integer = [0] }
        let fractionSource: [UInt8] = pointAt >= digits.count ? [] :
            pointAt >= 0 ? Array(digits[pointAt...]) : [UInt8](repeating: 0, count: -pointAt) + digits
        fraction = Array(fractionSource.prefix(places))
        if fraction.count < places { fraction += [UInt8](repeating: 0, count: places - fraction.count) }
        return (integer, fraction)
    }

    /// The shortest plain decimal text ("0.3", "-12", "1234.5").
    var plain: String {
        if digits.isEmpty { return "0" }
        let places = max(0, -exponent)
        let (integer, fraction) = split(places: places)
        var s = negative ? "-" : ""
        s += Self.text(integer)
        if !fraction.isEmpty { s += "." + Self.text(fraction) }
        return s
    }

    static func text(_ digits: [UInt8]) -> String {
        String(decoding: digits.map { $0 + 0x30 }, as: UTF8.self)
    }

    /// The value as a Double (for serial dates and fraction approximations only).
    var double: Double { Double(plainScientific) ?? 0 }

    private var plainScientific: String {
        digits.isEmpty ? "0" : (negative ? "-" : "") + Self.text(digits) + "e\(exponent)"
    }

    /// Whether the value is below zero, below or equal, and so on (for format conditions).
    func compare(_ other: XlsxDecimal) -> Int {
        if negative != other.negative { return negative ? -1 : 1 }
        let m = Self.compareMagnitude(self, other)
        return negative ? -m : m
    }

    private static func compareMagnitude(_ a: XlsxDecimal, _ b: XlsxDecimal) -> Int {
        switch (a.leadingExponent, b.leadingExponent) {
        case (nil, nil): return 0
        case (nil, _): return -1
        case (_, nil): return 1
        case let (x?, y?) where x != y: return x < y ? -1 : 1
        default:
            let n = max(a.digits.count, b.digits.count)
            for i in 0..<n {
                let x = i < a.digits.count ? a.digits[i] : 0, y = i < b.digits.count ? b.digits[i] : 0
                if x != y { return x < y ? -1 : 1 }
            }
            return 0
        }
    }
}
