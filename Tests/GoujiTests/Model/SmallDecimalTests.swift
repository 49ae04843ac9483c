import Foundation
import XCTest
@testable import Gouji

/// Decimal's operators within Gouji (SmallDecimal's fast path; in this module the operators
/// are Foundation's) give the very Decimal Foundation gives, byte for byte, on random operands of every kind reports hold and some
/// they do not: zero written with places, negative values, 22-digit mantissas, exponents far
/// from zero, divisors that do and do not terminate.
final class SmallDecimalTests: XCTestCase {
    private struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state ^ (state >> 29)
        }
    }

    private static let posix = Locale(identifier: "en_US_POSIX")

    private func bytes(_ d: Decimal) -> [UInt8] {
        var d = d
        return withUnsafeBytes(of: &d) { Array($0) }
    }

    private func randomText(_ g: inout Generator) -> String {
        switch Int.random(in: 0..<40, using: &g) {
        case 0: return "0"
        case 1: return "0.000"
        case 2: return ["2", "4", "100", "10000", "3", "7", "12", "0.5", "1.05"][Int.random(in: 0..<9, using: &g)]
        default: break
        }
        let digits = Int.random(in: 1...(Int.random(in: 0..<10, using: &g) == 0 ? 22 : 9), using: &g)
        var text = Int.random(in: 0..<3, using: &g) == 0 ? "-" : ""
        for _ in 0..<digits { text.append(String(Int.random(in: 0...9, using: &g))) }
        let places = Int.random(in: 0...min(digits - 1, 6), using: &g)
        if places > 0 { text.insert(".", at: text.index(text.endIndex, offsetBy: -places)) }
        if Int.random(in: 0..<20, using: &g) == 0 { text += "e\(Int.random(in: -40...40, using: &g))" }
        return text
    }

    func testOperatorsGiveFoundationsDecimals() {
        XCTAssertTrue(SmallDecimal.layoutIsKnown)
        var g = Generator(state: 2021)
        var fast = 0
        for _ in 0..<100_000 {
            let a = Decimal(string: randomText(&g), locale: Self.posix)!
            let b = Decimal(string: randomText(&g), locale: Self.posix)!
            let context = "\(a) and \(b)"
            if case .small = SmallDecimal.read(a), case .small = SmallDecimal.read(b) { fast += 1 }
            XCTAssertEqual(bytes(SmallDecimal.add(a, b)), bytes(a + b), "sum of " + context)
            XCTAssertEqual(bytes(SmallDecimal.subtract(a, b)), bytes(a - b), "difference of " + context)
            XCTAssertEqual(bytes(SmallDecimal.multiply(a, b)), bytes(a * b), "product of " + context)
            XCTAssertEqual(bytes(SmallDecimal.divide(a, b)), bytes(a / b), "quotient of " + context)
            XCTAssertEqual(SmallDecimal.isLess(a, b), a < b, context)
            XCTAssertEqual(SmallDecimal.isLess(b, a), a > b, context)
            XCTAssertEqual(SmallDecimal.isEqual(a, b), a == b, context)
        }
        // Most pairs take the fast path, so the comparison above is about it.
        XCTAssertGreaterThan(fast, 80_000)
    }

    func testEdgeCases() {
        let a = Decimal(string: "1.5")!
        XCTAssertEqual(bytes(SmallDecimal.subtract(a, a)), bytes(Decimal()))   // Foundation's zero: all bytes 0
        XCTAssertEqual(bytes(SmallDecimal.add(Decimal(string: "0.000")!, a)), bytes(a))
        XCTAssertEqual(SmallDecimal.divide(Decimal(string: "100")!, 4).plain, "25")
        XCTAssertEqual(bytes(SmallDecimal.divide(1, 3)), bytes(Decimal(1) / 3))
        XCTAssertTrue(SmallDecimal.divide(1, 0).isNaN)
        XCTAssertFalse(SmallDecimal.isEqual(.nan, 1))
        // An exponent beyond −128…127 is Foundation's to handle.
        let huge = Decimal(string: "9e127")!
        XCTAssertEqual(bytes(SmallDecimal.add(huge, huge)), bytes(huge + huge))
        XCTAssertEqual(bytes(SmallDecimal.divide(huge, Decimal(string: "1e-100")!)), bytes(huge / Decimal(string: "1e-100")!))
    }

    /// Interval arithmetic (Gouji's operators) on the seed's 9783.6 stays exact.
    func testIntervalArithmeticIsExact() {
        let sum = Interval.stated(Decimal(string: "9783.6")!, decimals: 1) + Interval.stated(100, decimals: 0)
        XCTAssertEqual(bytes(sum.lo), bytes(Decimal(string: "9883.55")!))
        XCTAssertEqual(sum.mid.plain, "9883.6")
    }

    /// Nonzero figures parse to Foundation's Decimal byte for byte; zero to a zero of equal value.
    func testParsedPlainTextIsFoundationsDecimal() {
        var g = Generator(state: 44)
        var nonzero = 0
        for _ in 0..<20_000 {
            let text = randomText(&g)
            guard !text.contains("e"), let parsed = Decimal(plain: text) else { continue }
            let foundation = Decimal(string: text, locale: Self.posix)!
            if foundation.isZero {
                XCTAssertTrue(parsed.isZero, text)
            } else {
                nonzero += 1
                XCTAssertEqual(bytes(parsed), bytes(foundation), text)
            }
        }
        XCTAssertGreaterThan(nonzero, 15_000)
    }
}
