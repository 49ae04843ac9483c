import Foundation
import XCTest
@testable import Gouji

/// The byte-wise text and Decimal helpers that replaced Foundation calls on hot paths must give
/// Foundation's results: each is checked against the call it replaced, on the seed's own texts
/// and on edge cases (full-width and ideographic spaces, line breaks, empty strings).
final class FastTextTests: XCTestCase {
    /// Every line and every cell text of the seed, plus edge cases.
    lazy var samples: [String] = {
        let document = try! Fixtures.readSeed()
        var texts = document.text.components(separatedBy: "\n")
        for t in document.tables { for row in t.rows { for cell in row { texts.append(cell.text) } } }
        texts += ["", " ", "\u{3000}", "\t预 期 目 标\u{3000}\n", "\n\n项目\n", "\u{A0}资金（万元）：\u{2003}", "a\u{0301}b ", "  5.8. ", "其中：其中：x", ",,1,234,,"]
        return texts
    }()

    func testTrimmingMatchesFoundation() {
        for s in samples {
            XCTAssertEqual(s.trimmedSpaces, s.trimmingCharacters(in: .whitespaces), "trimmedSpaces of \(s.debugDescription)")
            XCTAssertEqual(s.trimmedWhitespace, s.trimmingCharacters(in: .whitespacesAndNewlines), "trimmedWhitespace of \(s.debugDescription)")
            XCTAssertEqual(s.compacted, String(s.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init)), "compacted of \(s.debugDescription)")
        }
    }

    func testSearchAndReplaceMatchFoundation() {
        let needles = ["其中", "：", "万元", "合计", ",", "2021", "", "不存在的词"]
        for s in samples {
            for n in needles where !n.isEmpty {
                XCTAssertEqual(s.contains(n), s.range(of: n) != nil, "contains \(n) in \(s.debugDescription)")
                XCTAssertEqual(s.literalRange(of: n), s.range(of: n), "range of \(n) in \(s.debugDescription)")
                XCTAssertEqual(s.replacingAll(n, with: "#"), s.replacingOccurrences(of: n, with: "#"), "replace \(n) in \(s.debugDescription)")
                XCTAssertEqual(s.startsWithBytes(n), s.hasPrefix(n), "prefix \(n) of \(s.debugDescription)")
                XCTAssertEqual(s.endsWithBytes(n), s.hasSuffix(n), "suffix \(n) of \(s.debugDescription)")
            }
        }
        // Against a naive search: needles from every position of every sample (short, at the
        // 64-byte boundary, long), repeated bytes, and offsets to start from.
        func naive(_ h: [UInt8], _ n: [UInt8], from: Int) -> Int? {
            guard n.count <= h.count else { return nil }
            return (from...(h.count - n.count)).first { h[$0..<$0 + n.count].elementsEqual(n) }
        }
        for s in samples + ["aaaaaaaaab", String(repeating: "项", count: 40) + "目"] where !s.isEmpty {
            let h = Array(s.utf8)
            let scalars = Array(s.unicodeScalars)
            for start in stride(from: 0, to: scalars.count, by: max(1, scalars.count / 7)) {
                for length in [1, 2, 3, 22, 23, 60] where start + length <= scalars.count {
                    var view = String.UnicodeScalarView()
                    view.append(contentsOf: scalars[start..<start + length])
                    let needle = String(view)
                    for from in [0, 1, h.count / 2] where from + needle.utf8.count <= h.count {
                        XCTAssertEqual(s.byteOffset(of: needle, from: from), naive(h, Array(needle.utf8), from: from),
                                       "\(needle.debugDescription) in \(s.debugDescription) from \(from)")
                    }
                }
            }
        }
        XCTAssertEqual("aaaaaaaaab".byteOffset(of: "aab"), 7)
        XCTAssertEqual("abcabc".byteOffset(of: "c", from: 3), 5)
        XCTAssertNil("abc".byteOffset(of: "abcd"))
        XCTAssertTrue("项目资金".hasBytes("资金", at: 6))
        XCTAssertFalse("项目资金".hasBytes("资金", at: 7))
    }

    func testNormalizerChangesOnlyHalfWidthForms() {
        XCTAssertEqual(Normalizer.normalize("１２．５％，（万元）\u{3000}＋－＜＝＞"), "12.5%，（万元） +-<=>")
        let plain = "预算执行率为100%，（一）项目"
        XCTAssertEqual(Normalizer.normalize(plain), plain)
    }

    /// The byte test that lets most texts skip normalising agrees with `halfWidth` on every
    /// sample and on every scalar of the Basic Multilingual Plane, alone and between others.
    func testFullWidthByteTestMatchesScalarTest() {
        func scalarTest(_ s: String) -> Bool { s.unicodeScalars.contains { Normalizer.halfWidth($0) != nil } }
        for s in samples { XCTAssertEqual(Normalizer.hasFullWidth(s), scalarTest(s), s.debugDescription) }
        for v in 0..<0x10000 {
            guard let u = Unicode.Scalar(UInt32(v)) else { continue }
            let s = "a" + String(Character(u)) + "，"
            XCTAssertEqual(Normalizer.hasFullWidth(s), scalarTest(s), "U+\(String(v, radix: 16))")
        }
    }

    /// The byte test for white space agrees with `isSpace` on every sample and on every scalar
    /// of the Basic Multilingual Plane between others.
    func testWhiteSpaceByteTestMatchesScalarTest() {
        for s in samples { XCTAssertEqual(s.hasWhiteSpace, s.unicodeScalars.contains { $0.isSpace }, s.debugDescription) }
        for v in Array(0..<0x10000) + [0x1F600] {
            guard let u = Unicode.Scalar(UInt32(v)) else { continue }
            for s in [String(Character(u)), "项" + String(Character(u)) + "目"] {
                XCTAssertEqual(s.hasWhiteSpace, u.isSpace, "U+\(String(v, radix: 16))")
                XCTAssertEqual(s.compacted, String(String.UnicodeScalarView(s.unicodeScalars.filter { !$0.isSpace })), "U+\(String(v, radix: 16))")
            }
        }
    }

    /// The line index, which decodes the UTF-8 itself, slices and counts like the standard
    /// library on every sample, with 2-, 3- and 4-byte scalars.
    func testLineIndexSlicesLikeStandardLibrary() {
        for s in samples + ["é😀项\n\u{85}x", "😀", "a\u{0301}\n\n"] {
            let index = LineIndex(s)
            let scalars = Array(s.unicodeScalars)
            XCTAssertEqual(index.scalarCount, scalars.count, s.debugDescription)
            XCTAssertEqual(index.lineStarts.count, scalars.filter { $0 == "\n" }.count + 1, s.debugDescription)
            for (a, b) in [(0, scalars.count), (1, scalars.count), (0, scalars.count / 2), (scalars.count / 3, scalars.count - 1)] where a <= b {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[a..<b])
                XCTAssertEqual(Array(index.text(from: a, to: b).utf8), Array(String(view).utf8), "\(s.debugDescription) \(a)..<\(b)")
                XCTAssertEqual(Array(UTF8Text(s).string(scalars: a..<b).utf8), Array(String(view).utf8), "\(s.debugDescription) \(a)..<\(b)")
            }
            XCTAssertEqual(UTF8Text(s).scalars, scalars, s.debugDescription)
            let marks = ScalarTable(scalarsOf: "“”\"《》（）()😀\n")
            XCTAssertEqual(marks.occurs(in: s), s.unicodeScalars.contains(where: marks.contains), s.debugDescription)
        }
    }

    /// A phrase that starts and ends with no strip word, space or punctuation comes out of
    /// stripping whole, whatever ICU's word boundaries: checked by segmenting anyway, on every
    /// subject phrase of the seed and the Corpus reports and on each of their suffixes.
    func testUnsegmentedPhrasesStripLikeSegmentedOnes() throws {
        let resolver = SubjectResolver(lexicons: .builtIn)
        let dir = Fixtures.corpus("reports")
        let paths = [Fixtures.seed] + (try FileManager.default.contentsOfDirectory(atPath: dir)).filter { $0.hasSuffix(".txt") }.map { dir + "/" + $0 }
        var phrases = Set<String>()
        for path in paths {
            for f in Pipeline().check(path: path).figures {
                guard let p = f.subjectPhrase else { continue }
                let scalars = Array(p.unicodeScalars)
                for i in 0..<scalars.count {
                    var v = String.UnicodeScalarView(); v.append(contentsOf: scalars[i...]); phrases.insert(String(v))
                }
            }
        }
        phrases.formUnion(["项目资金", "资金为", "新增企业", " 企业", "企业。", "高新技术企业", "完成", "为"])
        var fast = 0, memo: [ByteKey: String] = [:], memo2: [ByteKey: String] = [:]
        for p in phrases.sorted() {
            if SubjectResolver.keepsWhole(p, resolver.lexicons.vocabulary) { fast += 1 }
            XCTAssertEqual(resolver.stripped(p, words: &memo), resolver.stripped(p, words: &memo2, shortcut: false), p)
        }
        XCTAssertGreaterThan(fast, phrases.count / 10)
        XCTAssertLessThan(fast, phrases.count)
    }

    /// The heading-ordinal shortcut (first scalar after white space) never turns away a text
    /// the ordinal pattern matches.
    func testOrdinalShortcutKeepsEveryMatch() {
        var matched = 0
        for text in samples + ["１.内容", "\u{3000}（一）项目", "[注]一、背景", "\u{2003}3、", "٣.", "(1)", "  十二、", "无序号"] {
            let u = UTF8Text(text)
            guard !Ordinals.pattern.matches(in: u.bytes).isEmpty else { continue }
            matched += 1
            let first = text.unicodeScalars.first { !$0.isSpace }
            XCTAssertTrue(first.map(Ordinals.canLead) == true, text.debugDescription)
        }
        XCTAssertGreaterThan(matched, 10)
    }

    /// The ordinal pattern with possessive leading white space matches exactly where and what
    /// the backtracking original matched, on every line and cell of the seed and on texts
    /// pushed right by runs of white space.
    func testPossessiveOrdinalPatternMatchesTheOriginal() throws {
        let original = try Regex(#"^\s*(?:\[[^\]]*\])?\s*(?:(?<paren>[（(]\s*(?<pn>[一二三四五六七八九十]+)\s*[)）])|(?<chinese>(?<cn>[一二三四五六七八九十]+)、)|(?<adot>(?<an>\d{1,2})\s*[.．](?!\d))|(?<acomma>(?<an2>\d{1,2})\s*、)|(?<aparen>[（(]\s*(?<an3>\d{1,2})\s*[)）]))"#)
        var texts = samples + ["[注] 一、背景", "[注]\u{3000}（二）", "[未闭合 1.", " [a] [b] 2、", "\t\t12 .内容", "1.5万元"]
        for pad in [" ", "\u{3000}", " \t"] {
            texts += ["2022年5月18日", "（三）预算执行", "3.", "[x]4、"].map { String(repeating: pad, count: 60) + $0 }
        }
        var matched = 0
        for text in texts {
            let bytes = Array(text.utf8)
            let a = original.firstMatch(in: bytes), b = Ordinals.pattern.firstMatch(in: bytes)
            XCTAssertEqual(a?.ranges, b?.ranges, text.debugDescription)
            if b != nil { matched += 1 }
        }
        XCTAssertGreaterThan(matched, 20)
    }

    /// The byte-wise label tests give the scalar-wise answers: `isNormal` on every line and
    /// cell of the seed and on edge cases, and `appendNormalized` appends `normalize`'s bytes.
    func testLabelNormalFormOnBytes() {
        func scalarIsNormal(_ text: String) -> Bool {
            for u in text.unicodeScalars where u.isSpace || u == "（" || u == "(" { return false }
            let last = text.unicodeScalars.last
            return last != "：" && last != ":"
        }
        var normal = 0
        for text in samples + ["资金（万元）", "资金(万元)", "合计：", "合计:", "合计：：", "：", "\u{85}x", "x\u{202F}y", "全角（", "项目ＸＸ"] {
            XCTAssertEqual(Labels.isNormal(text), scalarIsNormal(text), text.debugDescription)
            if scalarIsNormal(text) { normal += 1 }
            var bytes: [UInt8] = [1]
            Labels.appendNormalized(text, to: &bytes)
            XCTAssertEqual(bytes, [1] + Array(Labels.normalize(text).utf8), text.debugDescription)
        }
        XCTAssertGreaterThan(normal, 10)
    }

    /// The one-pass numeric-cell test answers as normalising, trimming and scanning did, on
    /// every line and cell of the seed and on full-width, signed and spaced numbers.
    func testNumericCellTestMatchesNormalisedScan() {
        let builder = TableContextBuilder(patterns: Lexicons.builtIn.patterns)
        let signs = Set("-+≥≤".unicodeScalars), marks = Set(".,%-+≥≤<>=#元万亿".unicodeScalars)
        func reference(_ text: String) -> Bool {
            let t = Normalizer.normalize(text).trimmedSpaces.unicodeScalars
            guard let first = t.first, ("0"..."9").contains(first) || signs.contains(first) else { return false }
            return t.allSatisfy { ("0"..."9").contains($0) || marks.contains($0) }
        }
        var numeric = 0
        for text in samples + ["１２３．５", "\u{3000}58.00\u{3000}", "5 8", "≥98%", "-", "+3", "  \t", "5.8.", "1,234万元", "12\n", "－５", "100分"] {
            XCTAssertEqual(builder.isNumeric(text), reference(text), text.debugDescription)
            if reference(text) { numeric += 1 }
        }
        XCTAssertGreaterThan(numeric, 20)
    }

    /// `isBlank` answers as `allSatisfy(\.isWhitespace)` and `containsByte` as a scan of the
    /// UTF-8, on every line and cell of the seed and on white space of every kind.
    func testBlankAndByteTestsMatchCharacterScans() {
        var blank = 0
        for text in samples + ["\u{3000}\u{A0}\u{2028}", " \u{301}", "\r\n", "\u{85}", "\u{200B}", "\u{FEFF}", "\t\t", "a "] {
            XCTAssertEqual(text.isBlank, text.allSatisfy(\.isWhitespace), text.debugDescription)
            if text.isBlank { blank += 1 }
            for byte: UInt8 in [0x09, 0x0D, 0x0A, 0x20] {
                XCTAssertEqual(text.containsByte(byte), text.utf8.contains(byte), text.debugDescription)
            }
        }
        XCTAssertGreaterThan(blank, 3)
    }

    /// `hasAtLeast(n)` answers as `count >= n`, and `compactedBytes` is the UTF-8 of
    /// `compacted`, on every line and cell of the seed and on texts with joining marks.
    func testCharacterCountShortcutsMatchCount() {
        for text in samples + ["e\u{301}e\u{301}e\u{301}", "项目\u{301}资金", "\r\n\r\n", "👨‍👩‍👧项目", "🇨🇳🇨🇳", "项目资", "ab"] {
            for n in 0...20 { XCTAssertEqual(text.hasAtLeast(n), text.count >= n, "\(text.debugDescription) \(n)") }
            XCTAssertEqual(text.compactedBytes, Array(text.compacted.utf8), text.debugDescription)
        }
    }

    /// The one-pass kind hint gives the answer of asking each hint word in turn, for labels and
    /// headings from the seed's cells and for hint words side by side.
    func testKindHintMatchesWordByWordSearch() {
        func reference(_ label: String, _ header: String) -> FigureKind? {
            func has(_ word: String) -> Bool { label.contains(word) || header.contains(word) }
            if has("得分") || has("分值") || has("总分") || has("权重") { return .score }
            if has("率") || has("满意度") { return .percent }
            if has("邮编") || has("邮政编码") { return .postcode }
            if has("电话") { return .phone }
            if has("编制数") || has("人数") { return .count }
            return nil
        }
        let labels = Array(Set(samples.map(\.compacted))).sorted().prefix(300) + ["联系电话邮编", "满意度得分", "人数率", "编制数", "总分值", "邮政编", "权"]
        var hinted = 0
        for label in labels {
            for header in ["", "得分", "执行率", "电话", "金额"] {
                XCTAssertEqual(TableContextBuilder.kindHint(label: label, header: header), reference(label, header), "\(label) | \(header)")
                if reference(label, header) != nil { hinted += 1 }
            }
        }
        XCTAssertGreaterThan(hinted, 100)
    }

    /// A search in the line index's bytes finds what a search of the sliced text finds, at the
    /// same scalar offset, over the seed's text and every sub-range edge.
    func testLineIndexSearchMatchesSlicedText() throws {
        let text = try Fixtures.readSeed().text
        let index = LineIndex(text)
        let n = index.scalarCount
        var found = 0
        for needle in ["其中", "。", "万元", "a", "😀", "其中：其中"] {
            for (a, b) in [(0, n), (100, n), (0, n / 2), (n / 3, n / 3 + 40), (n, n), (5, 4), (-3, 10), (n - 2, n + 10)] {
                let slice = index.text(from: a, to: b)
                let expected = slice.byteOffset(of: needle).map { max(0, min(a, n)) + slice.utf8.prefix($0).filter { !UTF8.isContinuation($0) }.count }
                XCTAssertEqual(index.offset(of: needle, from: a, to: b), expected, "\(needle) \(a)..<\(b)")
                if expected != nil { found += 1 }
            }
        }
        XCTAssertGreaterThan(found, 8)
    }

    /// A cell's lines split on bytes and its label cut at the first parenthesis on bytes are
    /// what character-wise splitting and cutting give, on the seed's cells and odd texts.
    func testCellLinesAndUnitStripOnBytes() {
        let builder = TableContextBuilder(patterns: Lexicons.builtIn.patterns)
        for text in samples + ["a\r\nb\n\nc", "资金（万元）", "资金(万元)（元）", "（", "x\t\ny", "\n \n项目\n"] {
            let reference = (text.containsByte(0x09) ? text.replacingAll("\t", with: " ") : text)
                .split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.allSatisfy(\.isWhitespace) }
            XCTAssertEqual(FlatRenderer.cellLines(text).map { Array($0.utf8) }, reference.map { Array($0.utf8) }, text.debugDescription)
            let cut = text.unicodeScalars.firstIndex(where: { $0 == "（" || $0 == "(" }).map { String(text.unicodeScalars[..<$0]) } ?? text
            XCTAssertEqual(Array(builder.stripUnit(text).utf8), Array(cut.utf8), text.debugDescription)
        }
    }

    /// The numbers a date is read from, found on bytes, are the character-wise runs of ASCII
    /// digits, on every line and cell of the seed and on texts where a character holds a digit
    /// and a mark, or a digit run is too long for an Int.
    func testDateNumbersMatchCharacterSplit() {
        let edge = ["2022年6月22日", "2021.2.6#", "2021-02-06", "2021年度", "1\u{301}2年", "\u{0600}2021年", "2021\u{200D}年",
                    "٣年", "１２月", "99999999999999999999年1月", "2021年\r\n3月", "（2020年度）", "a1b22c333", "", "年月"]
        var onBytes = 0
        for text in samples + edge {
            let reference = text.split(whereSeparator: { !$0.isASCII || !$0.isNumber }).compactMap { Int($0) }
            XCTAssertEqual(DateParser.numbers(in: text), reference, text.debugDescription)
            if DateParser.digitRuns(text) != nil { onBytes += 1 }
        }
        XCTAssertNil(DateParser.digitRuns("1\u{301}2年"))
        XCTAssertNil(DateParser.digitRuns("\u{0600}2021年"))
        XCTAssertEqual(DateParser.digitRuns("2022年6月22日"), [2022, 6, 22])
        XCTAssertGreaterThan(onBytes, samples.count / 2)
    }

    /// A figure's interval width, computed directly, equals the width of its interval, for
    /// every figure of the seed and the Corpus reports and for odd decimals and factors.
    func testIntervalWidthMatchesInterval() throws {
        let dir = Fixtures.corpus("reports")
        let paths = [Fixtures.seed] + (try FileManager.default.contentsOfDirectory(atPath: dir)).filter { $0.hasSuffix(".txt") }.map { dir + "/" + $0 }
        var figures = paths.flatMap { Pipeline().check(path: $0).figures }
        let location = SourceLocation(line: 1, column: 1, start: 0, end: 1)
        for (number, decimals, factor) in [("0.05", 2, "10000"), ("-3.125", 3, "1"), ("12", 0, "100000000"), ("7.5", 1, "-1"), ("1.0", 1, "0.001")] {
            figures.append(Figure(text: number, value: 0, unit: "元", writtenUnit: "元", kind: .money, location: location,
                                  decimals: decimals, factor: Decimal(string: factor)!, number: Decimal(string: number)!, inTable: false))
        }
        for f in figures {
            XCTAssertEqual(f.intervalWidth, f.interval.width, "\(f.text) ×\(f.factor)")
        }
        XCTAssertGreaterThan(figures.count, 1000)
    }

    /// A scalar table holds exactly the scalars its property or member string names, in and
    /// beyond the Basic Multilingual Plane.
    func testScalarTableMatchesProperty() {
        let terminal = ScalarTable { $0.properties.isSentenceTerminal }
        let marks = ScalarTable(scalarsOf: "，,；;。：:\n😀")
        let markSet = Set("，,；;。：:\n😀".unicodeScalars)
        for v in Array(0..<0x10000) + [0x1F600, 0x1F601, 0x11047, 0x10FFFF] {
            guard let u = Unicode.Scalar(UInt32(v)) else { continue }
            XCTAssertEqual(terminal.contains(u), u.properties.isSentenceTerminal, "U+\(String(v, radix: 16))")
            XCTAssertEqual(marks.contains(u), markSet.contains(u), "U+\(String(v, radix: 16))")
            XCTAssertEqual(NumericScalars.contains(u), u.properties.numericType != nil && (v >= 0x80 || (0x30...0x39).contains(v)),
                           "U+\(String(v, radix: 16))")
            var view = String.UnicodeScalarView()
            view.append(contentsOf: ["项", u, "a", "\u{3000}"])
            XCTAssertEqual(NumericScalars.occur(in: String(view)), NumericScalars.contains(u), "U+\(String(v, radix: 16))")
        }
        for s in samples {
            XCTAssertEqual(NumericScalars.occur(in: s), s.unicodeScalars.contains(where: NumericScalars.contains), s.debugDescription)
        }
    }

    func testDecimalPlainMatchesFoundation() {
        XCTAssertTrue(SmallDecimal.layoutIsKnown)
        var generator = SystemRandomNumberGenerator()
        for i in 0..<20_000 {
            let mantissa = UInt64.random(in: 0...(i % 2 == 0 ? 999_999 : UInt64.max / 2), using: &generator)
            let d = Decimal(sign: i % 3 == 0 ? .minus : .plus, exponent: Int.random(in: -12...12, using: &generator), significand: Decimal(mantissa))
            XCTAssertEqual(d.plain, NSDecimalNumber(decimal: d).stringValue)
        }
        let sum = Decimal(string: "1.10")! + Decimal(string: "2.30")!
        XCTAssertEqual(sum.plain, "3.4")
    }

    func testDecimalScalingAndParsingAreExact() {
        let posix = Locale(identifier: "en_US_POSIX")
        for text in ["5623.6", "-0.5", "58000.00", "0", "0.00", "97836000", "12345678901234.5678", "007", "123456789012345678901234"] {
            let parsed = Decimal(plain: text)
            XCTAssertEqual(parsed, Decimal(string: text, locale: posix), text)
            for n in [-8, -4, 0, 3, 4, 8] {
                XCTAssertEqual(parsed!.shifted(by: n), parsed! * Decimal.pow10(n), "\(text) × 10^\(n)")
            }
            XCTAssertEqual(parsed!.times(10000), parsed! * 10000, text)
            XCTAssertEqual(parsed!.divided(by: 10000), parsed! / 10000, text)
            XCTAssertEqual(parsed!.times(Decimal(string: "0.5")!), parsed! * Decimal(string: "0.5")!, text)
        }
        // Odd inputs give what the Foundation-only parser gave.
        func foundationOnly(_ text: String) -> Decimal? {
            guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }),
                  text.filter({ $0 == "." }).count <= 1 else { return nil }
            return Decimal(string: text, locale: posix)
        }
        for odd in ["", "-", ".", "1.", ".5", "-0", "1.2.3", "1-2", "--1", "１２"] {
            XCTAssertEqual(Decimal(plain: odd), foundationOnly(odd), odd)
        }
        XCTAssertEqual(Decimal.halfUnit(2), Decimal(string: "0.005"))
    }

    func testSentenceShortcutMatchesICU() {
        let segmenter = Segmenter()
        for text in samples + ["资金使用合规。项目完成", "完成率100%! 好", "一\u{2029}二", "A. B"] {
            XCTAssertEqual(segmenter.sentences(text), segmenter.boundaries(text, kind: 3), text.debugDescription)
        }
    }

    /// Boundaries are scalar offsets also when a scalar takes two UTF-16 units.
    func testBoundariesCountScalarsBeyondTheBMP() {
        let segmenter = Segmenter()
        XCTAssertEqual(segmenter.boundaries("甲。😀乙。丙", kind: 3), [0..<2, 2..<5, 5..<6])
        XCTAssertEqual(segmenter.boundaries("甲。乙。丙", kind: 3), [0..<2, 2..<4, 4..<5])
        XCTAssertEqual(segmenter.words("𠀀项目资金").joined(), "𠀀项目资金")
        let ranges = segmenter.boundaries("𠀀项目资金", kind: 1)   // UBRK_WORD
        XCTAssertEqual(ranges.first?.lowerBound, 0)
        XCTAssertEqual(ranges.last?.upperBound, 5)
        XCTAssertTrue(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
    }

    /// The domain-word merge with prefix pruning against the merge it replaced (every run of up
    /// to six segments, longest first).
    func testWordMergeMatchesExhaustiveMerge() {
        let vocabulary = Lexicons.builtIn.vocabulary
        let segmenter = Segmenter()
        func exhaustive(_ text: String) -> [String] {
            var pieces = segmenter.words(text)
            var i = 0
            while i < pieces.count {
                var merged = false
                var j = min(pieces.count, i + 6)
                while j > i + 1 {
                    let candidate = pieces[i..<j].joined()
                    if vocabulary.domainWords.contains(candidate) {
                        pieces.replaceSubrange(i..<j, with: [candidate]); merged = true; break
                    }
                    j -= 1
                }
                if !merged { i += 1 }
            }
            return pieces
        }
        var compared = 0
        for line in samples {
            for clause in line.split(whereSeparator: { "，。；：、".contains($0) }).map(String.init) where !clause.isEmpty {
                XCTAssertEqual(segmenter.words(clause, domainWords: vocabulary.domainWords, domainPrefixes: vocabulary.domainPrefixes),
                               exhaustive(clause), clause)
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 300)
    }

    /// The one-pass bracket removal of `Labels.normalize` against the remove-first-span loop
    /// it replaced.
    func testBracketRemovalMatchesRepeatedRemoval() {
        func reference(_ text: [Unicode.Scalar], _ open: Unicode.Scalar, _ close: Unicode.Scalar) -> [Unicode.Scalar] {
            var scalars = text
            while let o = scalars.firstIndex(of: open), let c = scalars[(o + 1)...].firstIndex(of: close) {
                scalars.removeSubrange(o...c)
            }
            return scalars
        }
        let edge = ["（a（b）c）d", "（）", "（", "）（", "a（b", "(x)(y)z(", "资金（万元）（含配套", "（(a）b)", "))((", "(((a)))"]
        for s in samples + edge {
            let scalars = Array(s.unicodeScalars)
            for (open, close) in [("（", "）"), ("(", ")")] as [(Unicode.Scalar, Unicode.Scalar)] {
                let expected = reference(scalars, open, close)
                XCTAssertEqual(Labels.removingBracketed(scalars, [open], [close]), expected, "brackets in \(s.debugDescription)")
                var view = String.UnicodeScalarView()
                view.append(contentsOf: expected)
                let bytes = Labels.removingBracketed(Array(s.utf8), Array(String(open).utf8), Array(String(close).utf8))
                XCTAssertEqual(String(decoding: bytes, as: UTF8.self), String(view), "brackets in the UTF-8 of \(s.debugDescription)")
            }
        }
    }

    /// The number a suggestion replaces in a figure's surface: the scan against the regular
    /// expression it replaced.
    func testSurfaceNumberScanMatchesRegularExpression() {
        let edge = ["≥95%", "约1,234.5万元", "5.8.", "12.", ".5", "１２３", "第3季度共4项", "无数字", "1,,2.3.4", "٣٤.٥"]
        let figures = Pipeline().extract(document: try! Fixtures.readSeed()).map(\.text)
        for s in samples + edge + figures {
            let scalars = Array(s.unicodeScalars)
            let expected = s.range(of: #"\d[\d,]*(\.\d+)?"#, options: .regularExpression).map {
                s.unicodeScalars.distance(from: s.unicodeScalars.startIndex, to: $0.lowerBound)
                    ..< s.unicodeScalars.distance(from: s.unicodeScalars.startIndex, to: $0.upperBound)
            }
            XCTAssertEqual(Arithmetic.firstNumber(scalars), expected, "number in \(s.debugDescription)")
        }
    }

    /// Aliases looked up by last scalar give the first alias of the longest-first list that the
    /// phrase ends with.
    func testAliasLookupMatchesLinearScan() {
        let lexicons = Lexicons.builtIn
        let resolver = SubjectResolver(lexicons: lexicons)
        let phrases = lexicons.vocabulary.aliases.flatMap { [$0.alias, "新增" + $0.alias, $0.alias + "数"] } + samples
        for p in phrases {
            let expected = lexicons.vocabulary.aliases.first { p.hasSuffix($0.alias) }?.canonical
            XCTAssertEqual(resolver.canonicalName(p), expected, "alias of \(p.debugDescription)")
        }
    }

    /// The bytes the web-page sniffer looks at, against the scalar-by-scalar walk it replaced.
    func testHTMLSniffWindowMatchesScalarWalk() {
        func reference(_ text: String) -> [UInt8] {
            var bytes: [UInt8] = []
            for u in text.unicodeScalars.prefix(4096) {
                if bytes.isEmpty && (u == "\u{FEFF}" || u.isSpace) { continue }
                UTF8.encode(u) { bytes.append($0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0) }
            }
            return bytes
        }
        let page = try! String(contentsOfFile: Fixtures.corpus("seed/yueyang-2021-keji.txt"), encoding: .utf8)
        let edge = ["\u{FEFF}  <HTML><Body>表</BODY>", String(repeating: " ", count: 5000) + "<p>", String(repeating: "表", count: 5000),
                    "\u{3000}\u{FEFF}<TABLE><TR><TD>1</TD>", String(repeating: "\u{FEFF}", count: 4096) + "<html>", page]
        for s in samples + edge {
            XCTAssertEqual(HTMLReader.sniffWindow(s), reference(s), "window of \(s.prefix(40).debugDescription)")
        }
    }

    /// The word lists checked against the text before each figure, and the strip words checked
    /// at both ends of a subject phrase: the index by last (first) scalar finds the same first
    /// word as the linear scan.
    func testWordIndexMatchesLinearScan() {
        let v = Lexicons.builtIn.vocabulary
        let lists = [v.comparatorPrefixes.map(\.word), v.directionWords, Lexicons.builtIn.units.approxBefore, v.strip.sorted()]
        let texts = samples + lists.flatMap { $0.flatMap { ["总数" + $0, $0, $0 + "了", String($0.dropFirst()), $0 + "企业"] } }
        for list in lists {
            XCTAssertFalse(list.contains(""), "an empty word would match every text")
            let index = WordIndex(list)
            for t in texts {
                XCTAssertEqual(index.firstIndex(endingOf: t), list.firstIndex { t.hasSuffix($0) }, "\(list.prefix(3)) on \(t.debugDescription)")
                XCTAssertEqual(index.firstIndex(startingOf: t), list.firstIndex { t.hasPrefix($0) }, "\(list.prefix(3)) on \(t.debugDescription)")
            }
        }
    }
}
