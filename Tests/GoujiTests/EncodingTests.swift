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

    /// The seed in traditional characters, encoded in Big5, reads as the same text in UTF-8.
    func testBig5ReadsLikeItsUTF8Original() throws {
        let big5 = try DocumentReader().read(path: Fixtures.corpus("seed/encodings/yueyang-2021-keji.big5.txt"))
        let utf8 = try DocumentReader().read(path: Fixtures.corpus("seed/encodings/yueyang-2021-keji.traditional.txt"))
        XCTAssertEqual(big5.encoding, "Big5")
        XCTAssertEqual(big5.text, utf8.text)
        XCTAssertEqual(big5.tables.count, utf8.tables.count)
    }

    /// The detector's sample gets the answer the whole file gets, for GB18030 and Big5, after
    /// an ASCII preamble, and for text shorter than the sample.
    func testDetectionSampleAgreesWithWholeFile() throws {
        var files: [[UInt8]] = []
        for name in ["gb18030", "big5"] {
            files.append([UInt8](try Data(contentsOf: URL(fileURLWithPath: Fixtures.corpus("seed/encodings/yueyang-2021-keji.\(name).txt")))))
        }
        files += files.map { Array(repeating: UInt8(ascii: "x"), count: 30_000) + $0 }
        files += files.map { Array($0.prefix(700)) }
        files.append([UInt8](try Data(contentsOf: URL(fileURLWithPath: Fixtures.corpus("hostile/invalid-utf8.txt")))))
        for bytes in files {
            let whole = EncodingDetector.detect(sample: bytes.prefix(EncodingDetector.sampleLimit))
            XCTAssertEqual(EncodingDetector.detect(bytes), whole, "\(bytes.count) bytes")
        }
        // The reports are sampled, not read whole; short texts are read whole.
        XCTAssertLessThan(EncodingDetector.sampleEnd(files[0]), files[0].count / 2)
        XCTAssertLessThan(EncodingDetector.sampleEnd(files[2]), 30_000 + files[0].count / 2)
        XCTAssertEqual(EncodingDetector.sampleEnd(files[4]), 700)
        XCTAssertEqual(EncodingDetector.detect(files[0]), "GB18030")
        XCTAssertEqual(EncodingDetector.detect(files[1]), "Big5")
    }

    func testLineEndingsAreNormalised() {
        XCTAssertEqual(EncodingDetector.normaliseNewlines("a\r\nb\rc\n\r\nd"), "a\nb\nc\n\nd")
    }
}
