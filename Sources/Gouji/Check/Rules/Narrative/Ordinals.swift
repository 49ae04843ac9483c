import Foundation

/// N09: heading ordinals run in sequence at each level, without gaps or duplicates
/// (（一）（二）…, 一、二、…, 1. 2. …). The first style met in a section is its top level; a lower
/// level restarts when a higher one appears.
public struct Ordinals: Rule {
    public static let description = RuleDescription(
        id: "N09", name: "ordinals", family: .narrative, severity: .warning,
        summary: Localized(zh: "标题序号应连续，不重复、不跳号", en: "Heading ordinals run in sequence without gaps or duplicates"),
        triggering: ["（一）项目基本概况\n↓（一）项目资金使用\n（二）项目组织实施\n（四）项目绩效\n",
            """
            一、部门基本情况
            二、部门整体支出情况
            ↓四、部门整体支出绩效情况
            五、存在的问题

            """,
            """
            （一）项目概况
            （二）资金投入情况
            ↓（二）资金管理情况
            （三）项目实施情况

            """,
        ],
        nonTriggering: ["（一）项目基本概况\n一、背景\n二、建设\n（二）项目组织实施\n1.内容\n2.内容\n（三）综合评价\n1.内容\n",
            """
            一、部门基本情况
            二、部门整体支出情况
            三、部门整体支出绩效情况
            四、存在的问题

            """,
            """
            （一）项目概况
            1.项目背景
            2.项目内容
            （二）资金投入情况
            （三）项目实施情况

            """,
        ])

    public init() {}

    enum Style: String { case paren = "（一）", chinese = "一、", arabicDot = "1.", arabicComma = "1、", arabicParen = "（1）" }

    /// The leading white space is possessive: no ordinal starts with white space, and with
    /// backtracking two adjacent `\s*` split a run of n spaces n² ways (a date pushed right by
    /// 60 spaces cost 165,000 cycles to fail).
    static let pattern = try! Regex(#"^\s*+(?:\[[^\]]*+\]\s*+)?(?:(?<paren>[（(]\s*(?<pn>[一二三四五六七八九十]+)\s*[)）])|(?<chinese>(?<cn>[一二三四五六七八九十]+)、)|(?<adot>(?<an>\d{1,2})\s*[.．](?!\d))|(?<acomma>(?<an2>\d{1,2})\s*、)|(?<aparen>[（(]\s*(?<an3>\d{1,2})\s*[)）]))"#)

    public func check(_ c: RuleContext) -> [Finding] {
        var out: [Finding] = []
        var order: [Style] = []            // styles in order of first appearance = levels
        var last: [Style: (Int, SourceLocation)] = [:]
        var problems: [Style: [(String, String, SourceLocation)]] = [:] // zh, en, location
        var captionOrdinal: (Style, Int)? = nil
        for block in c.document.blocks {
            guard case .paragraph(let p) = block else {
                // A table caption such as 五、 starts a new section.
                if case .table(let t) = block, let caption = t.caption {
                    flush(&out, c, problems); problems = [:]; order = []; last = [:]
                    let p = Paragraph(index: -1, text: caption.text, location: caption.location)
                    captionOrdinal = Self.ordinal(p, c).map { ($0.0, $0.1) }
                }
                continue
            }
            guard let (style, n, loc) = Self.ordinal(p, c) else { continue }
            if !order.contains(style) { order.append(style) }
            let level = order.firstIndex(of: style)!
            // A heading resets the levels below it.
            for lower in order[(level + 1)...] { last[lower] = nil }
            var expected = (last[style]?.0 ?? 0) + 1
            // The first heading after a table may continue the captions' numbering (三、 table, 四、 text).
            if last[style] == nil, let (cs, cn) = captionOrdinal, cs == style, n == cn + 1 { expected = n }
            // A list that starts again at 1 after reaching 2 or more is a new list (a table of
            // contents followed by the body, a new part); the first heading of a level may continue
            // numbering from text before an excerpt: neither is a gap. A second 1 right after a
            // lone 1 is a duplicate.
            if n == 1 && (last[style]?.0 ?? 0) >= 2 || last[style] == nil && captionOrdinal?.0 != style {
                last[style] = (n, loc); continue
            }
            if n != expected {
                let shown = Self.render(style, n), wanted = Self.render(style, expected)
                if n < expected {
                    problems[style, default: []].append(("第\(loc.line)行“\(shown)”重复（应为“\(wanted)”）", "line \(loc.line): “\(shown)” repeats (expected “\(wanted)”)", loc))
                } else {
                    let missing = (expected..<n).map { Self.render(style, $0) }.joined(separator: "、")
                    problems[style, default: []].append(("第\(loc.line)行“\(shown)”之前缺少“\(missing)”", "line \(loc.line): “\(missing)” missing before “\(shown)”", loc))
                }
            }
            last[style] = (n, loc)
        }
        flush(&out, c, problems)
        return out
    }

    func flush(_ out: inout [Finding], _ c: RuleContext, _ problems: [Style: [(String, String, SourceLocation)]]) {
        for (style, list) in problems.sorted(by: { $0.value[0].2.start < $1.value[0].2.start }) {
            if let f = c.finding(Self.description,
                                 message: Localized(zh: "“\(style.rawValue)”级标题序号不连续：" + list.map(\.0).joined(separator: "；"),
                                                    en: "Headings of level “\(style.rawValue)” are out of sequence: " + list.map(\.1).joined(separator: "; ")),
                                 locations: list.map(\.2),
                                 suggestions: []) { out.append(f) }
        }
    }

    /// Whether a heading ordinal can start with `u` (after white space): "[", an opening
    /// parenthesis, 一 … 十, or a decimal digit (`\d` under PCRE2_UCP).
    static func canLead(_ u: Unicode.Scalar) -> Bool { leadMarks.contains(u) || u.properties.numericType == .decimal }
    private static let leadMarks = ScalarTable(scalarsOf: "[（(一二三四五六七八九十")

    static func ordinal(_ p: Paragraph, _ c: RuleContext) -> (Style, Int, SourceLocation)? {
        // Most paragraphs cannot match: decided on their first scalar, without the regex and
        // the offset tables of the whole paragraph.
        guard let first = p.text.unicodeScalars.first(where: { !$0.isSpace }), canLead(first) else { return nil }
        // The pattern is anchored at the paragraph's start: offsets are counted over the match
        // only, not mapped for the whole paragraph.
        let bytes = Array(p.text.utf8)
        guard let m = pattern.firstMatch(in: bytes) else { return nil }
        let g = Self.groups
        func value(_ group: Int?) -> String? { m.range(at: group).map { String(decoding: bytes[$0], as: UTF8.self) } }
        func scalarOffset(_ byte: Int) -> Int { bytes[..<byte].reduce(0) { UTF8.isContinuation($1) ? $0 : $0 + 1 } }
        let whole = m.range
        var startByte = whole.lowerBound
        while startByte < whole.upperBound, [0x20, 0x09].contains(bytes[startByte]) { startByte += 1 }
        for n in g.styles { if let r = m.range(at: n) { startByte = r.lowerBound } }
        let loc = c.document.lines.location(start: p.location.start + scalarOffset(startByte), end: p.location.start + scalarOffset(whole.upperBound))
        if let s = value(g.pn), let n = ChineseNumerals.value(s) { return (.paren, NSDecimalNumber(decimal: n).intValue, loc) }
        if let s = value(g.cn), let n = ChineseNumerals.value(s) { return (.chinese, NSDecimalNumber(decimal: n).intValue, loc) }
        if let s = value(g.an), let n = Int(s) { return (.arabicDot, n, loc) }
        if let s = value(g.an2), let n = Int(s) { return (.arabicComma, n, loc) }
        if let s = value(g.an3), let n = Int(s) { return (.arabicParen, n, loc) }
        return nil
    }

    /// The pattern's group numbers, looked up once by name.
    private static let groups = (
        styles: ["paren", "chinese", "adot", "acomma", "aparen"].map { pattern.groups[$0] },
        pn: pattern.groups["pn"], cn: pattern.groups["cn"], an: pattern.groups["an"],
        an2: pattern.groups["an2"], an3: pattern.groups["an3"])

    static func render(_ style: Style, _ n: Int) -> String {
        let cn = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"]
        let c = n < cn.count ? cn[n] : String(n)
        switch style {
        case .paren: return "（\(c)）"
        case .chinese: return "\(c)、"
        case .arabicDot: return "\(n)."
        case .arabicComma: return "\(n)、"
        case .arabicParen: return "（\(n)）"
        }
    }
}
