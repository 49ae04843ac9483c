import Foundation

/// The PCRE2 pattern that finds every numeric token in one pass, built from Lexicons data.
/// Alternatives are tried in order at each position, so non-quantities that contain digits
/// (document numbers, date ranges, dates, years, phone numbers, list markers) win over quantities.
public final class FigurePatterns: @unchecked Sendable {
    public let token: Regex
    public let tokenGroups: TokenGroups
    /// `token` compiled anchored, and the scalars its matches can start with: the extractor
    /// tries the pattern only there (`Regex.matches(in:at:)`), with the same matches.
    let anchoredToken: Regex
    let tokenStarts: MatchStarts
    /// Unit words and what they make a number: money factor, or kind.
    public let moneyFactors: [String: Decimal]
    public let scales: [String: Decimal]
    public let countWords: Set<String>
    public let ordinalCounts: Set<String>
    public let unitInParentheses: Regex
    public let heading: Regex
    /// What each unit word the pattern can capture makes of a number, decided once per word in
    /// the order the extractor asks (money, %, 百分点, ‰, score, count, measure): one byte-keyed
    /// lookup per figure instead of a chain of lookups with Unicode-normalised hashing.
    let unitWords: [ByteKey: UnitWord]

    enum UnitWord {
        case money(factor: Decimal), percent, percentagePoints, permille, score, count, measure
    }

    public init(units: Units) throws {
        var factors: [String: Decimal] = [:]
        for (k, v) in units.money { factors[k] = Decimal(plain: v) ?? 1 }
        moneyFactors = factors
        var sc: [String: Decimal] = [:]
        for (k, v) in units.scales { sc[k] = Decimal(plain: v) ?? 1 }
        scales = sc
        countWords = Set(units.countWords)
        ordinalCounts = Set(units.ordinalCounts)

        func alternation(_ words: [String]) -> String {
            words.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }.map(Regex.escape).joined(separator: "|")
        }
        let unitWords = Array(units.money.keys) + ["%", "‰", "个百分点", "百分点"] + units.scoreWords
            + units.countWords + Array(units.measureWords.keys)
        let unitsAlt = alternation(unitWords)
        // Chinese numerals count things (五类, 一名); 学前三年 or 三公 are names, not measures.
        let countAlt = alternation(units.countWords + Array(units.money.keys))
        let scalesAlt = alternation(Array(units.scales.keys))
        let cmpAlt = alternation(units.comparators.keys.filter { $0.unicodeScalars.allSatisfy { !$0.properties.isIdeographic } })
        let cn = "零〇一二两三四五六七八九十百千万亿"
        let upper = "壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬億"
        let upperBig = "万亿"
        let ymd = #"\d{4}\s*[./年]\s*\d{1,2}(?:\s*[./月]\s*\d{1,2}\s*[日号]?)?\s*月?"#
        let pattern = [
            // 岳市科发〔2013〕4号, 财预〔2020〕10号
            #"(?<docno>[〔\[【(（]\s*(?:19|20)\d{2}\s*[〕\]】)）]\s*第?\s*\d+\s*号)"#,
            // 2021.01-2021.12, 2016年1月起至2016年12月止
            #"(?<daterange>"# + ymd + #"\s*起?\s*(?:-|—|–|~|～|至|到)+\s*"# + ymd + #"\s*止?)"#,
            // 2022年6月22日, 2021.2.6#, 2021-02-06
            #"(?<date>\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?|\d{4}[./-]\d{1,2}[./-]\d{1,2}(?!\d)\s*#?)"#,
            #"(?<year>(?<!\d)(?:19|20)\d{2}\s*年(?:度)?(?![0-9]))"#,
            #"(?<phone>(?<![\d.])(?:1[3-9]\d{9}|0\d{2,3}-\d{7,8})(?![\d.]))"#,
            // 1. 2、 （一） (1) 一、 目标1 at the start of a line (1.2021年: the marker, then a year), and 第三 anywhere
            #"(?<marker>(?m:^)[ \t]*(?:\d{1,2}\s*[.、](?![\d])|\d{1,2}\s*\.(?=(?:19|20)\d{2}\s*年(?!\d))|[（(]\s*[\d一二三四五六七八九十]+\s*[)）]|[一二三四五六七八九十]+、)|目标\s*\d+|第[一二三四五六七八九十\d]+)"#,
            // Financial uppercase amounts.
            "(?<upper>[\(upper)][\(upper)\(upperBig)零〇元圆角分整]*[元圆][\(upper)零角分整]*)",
            // Quantities.
            "(?<qty>(?:(?<cmp>\(cmpAlt))\\s*)?(?<sign>[-+])?"
                + #"(?<num>(?<![\d.,A-Za-z])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![A-Za-z])"#
                // 一批3374.3万元: a batch named by its numeral, not a count.
                + "|(?<![第\(cn)])[零〇一二两三四五六七八九十][\(cn)]*(?=(?:\(scalesAlt))?(?:\(countAlt)))(?!批\\s*[\\d（(]))"
                + #"(?:\s*(?<rsep>-|~|～|至|到|—)\s*(?<num2>\d+(?:\.\d+)?))?"#
                // "100 %", "769.70 万元": one space before the percent sign or a money unit does not
                // part the number from it (PDF and web copies space them).
                + "(?<approx>余|多)?(?:[ \\t](?=万元|亿元|千元|元|万|亿))?(?<scale>\(scalesAlt))?(?:[ \\t](?=%))?(?<unit>\(unitsAlt))?(?<approx2>左右|以上|以下|以内|余|多)?)",
        ].joined(separator: "|")
        var kinds: [ByteKey: UnitWord] = [:]
        for word in unitWords where kinds[ByteKey(word)] == nil {
            let kind: UnitWord
            if let factor = factors[word] { kind = .money(factor: factor) }
            else if word == "%" { kind = .percent }
            else if word == "个百分点" || word == "百分点" { kind = .percentagePoints }
            else if word == "‰" { kind = .permille }
            else if units.scoreWords.contains(word) { kind = .score }
            else if countWords.contains(word) { kind = .count }
            else { kind = .measure }
            kinds[ByteKey(word)] = kind
        }
        self.unitWords = kinds
        token = try Regex(pattern)
        tokenGroups = TokenGroups(token)
        anchoredToken = try Regex(pattern, anchored: true)
        // The first scalar of every alternative above: brackets of document numbers, digits
        // (\d with UCP is any decimal digit; every scalar with a numeric type is taken), 目标,
        // 第, uppercase and Chinese numerals, signs and comparators; list markers start a line.
        let firstScalars = Set("〔[【(（目第-+".unicodeScalars).union(cn.unicodeScalars).union(upper.unicodeScalars)
            .union(units.comparators.keys.compactMap { $0.unicodeScalars.first })
        tokenStarts = MatchStarts(scalars: ScalarTable { firstScalars.contains($0) || NumericScalars.contains($0) })
        unitInParentheses = try Regex("[（(]\\s*(?:单位\\s*[:：]\\s*)?(?<unit>\(unitsAlt))\\s*[)）]|单位\\s*[:：]\\s*(?<unit2>\(unitsAlt))")
        heading = try Regex(#"^\s*(?:[（(]\s*[一二三四五六七八九十]+\s*[)）]|[一二三四五六七八九十]+、|\d{1,2}\s*[.、](?!\d)|\d{1,2}\s*\.(?=(?:19|20)\d{2}\s*年(?!\d)))"#)
    }
}

/// Group numbers of the named groups of `FigurePatterns.token`, looked up once instead of by
/// name for every match.
public struct TokenGroups: Sendable {
    let approx: Int?
    let approx2: Int?
    let cmp: Int?
    let date: Int?
    let daterange: Int?
    let docno: Int?
    let marker: Int?
    let num: Int?
    let num2: Int?
    let phone: Int?
    let scale: Int?
    let sign: Int?
    let unit: Int?
    let upper: Int?
    let year: Int?

    init(_ regex: Regex) {
        approx = regex.groups["approx"]
        approx2 = regex.groups["approx2"]
        cmp = regex.groups["cmp"]
        date = regex.groups["date"]
        daterange = regex.groups["daterange"]
        docno = regex.groups["docno"]
        marker = regex.groups["marker"]
        num = regex.groups["num"]
        num2 = regex.groups["num2"]
        phone = regex.groups["phone"]
        scale = regex.groups["scale"]
        sign = regex.groups["sign"]
        unit = regex.groups["unit"]
        upper = regex.groups["upper"]
        year = regex.groups["year"]
    }
}
