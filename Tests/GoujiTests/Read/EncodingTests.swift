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

    /// Plain GB2312 text is told from Big5 without ICU, and only when the evidence is clear;
    /// the answer is ICU's on both Corpus encodings.
    func testPlainGB2312IsRecognisedWithoutICU() throws {
        func bytes(_ name: String) throws -> [UInt8] {
            [UInt8](try Data(contentsOf: URL(fileURLWithPath: Fixtures.corpus("seed/encodings/yueyang-2021-keji.\(name).txt"))))
        }
        let gb = try bytes("gb18030"), big5 = try bytes("big5")
        let gbSample = gb[..<EncodingDetector.sampleEnd(gb)], big5Sample = big5[..<EncodingDetector.sampleEnd(big5)]
        XCTAssertTrue(EncodingDetector.isPlainGB2312(gbSample))
        XCTAssertEqual(EncodingDetector.detect(sample: gbSample), "GB18030")   // ICU agrees
        XCTAssertFalse(EncodingDetector.isPlainGB2312(big5Sample))              // Big5 goes to ICU
        XCTAssertEqual(EncodingDetector.detect(big5), "Big5")

        let 项目: [UInt8] = [0xCF, 0xEE, 0xC4, 0xBF]   // 项目 in GB2312
        let enough = Array(repeating: 项目, count: 32).flatMap { $0 }   // 64 two-byte characters
        XCTAssertTrue(EncodingDetector.isPlainGB2312(enough[...]))
        XCTAssertTrue(EncodingDetector.isPlainGB2312((Array("2021".utf8) + enough + [0xCF])[...]))   // cut inside a character
        XCTAssertFalse(EncodingDetector.isPlainGB2312(enough.dropLast(2)))                           // 63: too few
        XCTAssertFalse(EncodingDetector.isPlainGB2312((enough + [0xA1, 0x41])[...]))                  // Big5 ，
        XCTAssertFalse(EncodingDetector.isPlainGB2312((enough + [0x81, 0x30, 0x81, 0x30])[...]))      // GB18030 four bytes
        XCTAssertFalse(EncodingDetector.isPlainGB2312((enough + [0x88, 0xA1])[...]))                  // GBK lead below A1
    }

    func testLineEndingsAreNormalised() {
        XCTAssertEqual(EncodingDetector.normaliseNewlines("a\r\nb\rc\n\r\nd"), "a\nb\nc\n\nd")
    }
}
