import XCTest
@testable import Gouji

final class FigureExtractorTests: XCTestCase {
    struct Gold: Decodable {
        var surface: String
        var start: Int
        var end: Int
        var line: Int
        var kind: String
        var is_quantity: Bool
        var value: Double?
        var unit: String?
    }

    /// Every hand-labelled quantity of the seed is found with the same span, kind and exact value,
    /// and no labelled non-quantity is reported as a quantity.
    func testSeedAgainstGold() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.corpus("seed/yueyang-2021-keji.gold.json")))
        let gold = try JSONDecoder().decode([Gold].self, from: data)
        let doc = try Fixtures.readSeed()
        let figures = Pipeline().extract(document: doc)
        let quantities = figures.filter { $0.kind.isQuantity }
        var missing: [String] = []
        for g in gold where g.is_quantity {
            guard let f = quantities.first(where: { $0.location.start == g.start && $0.location.line == g.line }) else {
                missing.append("\(g.line):\(g.surface)"); continue
            }
            XCTAssertEqual(f.kind.rawValue, g.kind == "score" ? "score" : g.kind, "\(g.line) \(g.surface)")
            // Gold values are written as JSON numbers; compare through their decimal text.
            let expected = Decimal(string: String(format: "%.4f", g.value ?? 0))!
            XCTAssertEqual(f.value, expected, "\(g.line) \(g.surface)")
        }
        XCTAssertEqual(missing, [], "quantities not found")
        let goldQuantityStarts = Set(gold.filter(\.is_quantity).map(\.start))
        let extra = quantities.filter { !goldQuantityStarts.contains($0.location.start) }.map { "\($0.location.line):\($0.text)" }
        XCTAssertEqual(extra, [], "figures reported as quantities that the gold says are not")
        XCTAssertEqual(quantities.count, 139)
    }

    func testForms() throws {
        let doc = try FlatTextReader(layout: Lexicons.builtIn.layout).read(
            text: "共投入资金１２３.５万元，约100余个单位，不低于95%，提高3个百分点，合计壹万伍仟元整，一千二百三十万元。",
            path: "t", encoding: "UTF-8")
        let f = Pipeline().extract(document: doc).filter { $0.kind.isQuantity }
        XCTAssertEqual(f.map(\.value), [1_235_000, 100, 95, 3, 15000, 12_300_000])
        XCTAssertEqual(f.map(\.kind), [.money, .count, .percent, .percentagePoints, .money, .money])
        XCTAssertEqual(f[1].approximate, true)
        XCTAssertEqual(f[2].comparator, .atLeast)
        XCTAssertEqual(f[3].direction, "up")
    }
}
