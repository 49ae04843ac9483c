import XCTest
@testable import Gouji

final class EncodingTests: XCTestCase {
    static let variants: [(file: String, encoding: String)] = [
        ("gb18030", "GB18030"), ("utf16le-bom", "UTF-16LE"), ("utf16be-bom", "UTF-16BE"),
        ("utf8-bom", "UTF-8"), ("crlf", "UTF-8"), ("cr", "UTF-8"),
    ]

    func testEveryVariantReadsLikeTheSeed() throws {
        let seed = try Fixtures.readSeed()
        XCTAssertEqual(seed.encoding, "UTF-8")
        for (name, encoding) in Self.variants {
            let doc = try DocumentReader().read(path: Fixtures.corpus("seed/encodings/yueyang-2021-keji.\(name).txt"))
            XCTAssertEqual(doc.encoding, encoding, name)
            XCTAssertEqual(doc.text, seed.text, name)
            XCTAssertEqual(doc.paragraphs.map(\.text), seed.paragraphs.map(\.text), name)
            XCTAssertEqual(doc.paragraphs.map(\.location), seed.paragraphs.map(\.location), name)
            XCTAssertEqual(doc.tables.count, seed.tables.count, name)
            for (d, s) in zip(doc.tables, seed.tables) {
                XCTAssertEqual(d.rows.map { $0.map(\.text) }, s.rows.map { $0.map(\.text) }, "\(name) table \(s.index)")
                XCTAssertEqual(d.rows.map { $0.map(\.location) }, s.rows.map { $0.map(\.location) }, "\(name) table \(s.index)")
                XCTAssertEqual(d.caption?.text, s.caption?.text, name)
            }
        }
    }

    func testLineEndingsAreNormalised() {
        XCTAssertEqual(EncodingDetector.normaliseNewlines("a\r\nb\rc\n\r\nd"), "a\nb\nc\n\nd")
    }
}
