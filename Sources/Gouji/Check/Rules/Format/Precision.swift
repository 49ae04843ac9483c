import Foundation

/// F08: figures written to a consistent precision, and no value left blank. 万元 amounts with
/// more than two decimals among amounts with two (89.974 beside 89.97) must still add up at two;
/// execution rates of the funds table, or the rates of one list, with different decimals; a rate word with its number missing
/// ("同比增长 %"), an amount left blank ("安排资金    万元"), a template prompt left in
/// ("（200字以内）", "（请简要说明…）") and a year or number still "20X年" (the "XX" and "（此处…）"
/// placeholders are F05's).
public struct Precision: Rule {
    public static let description = RuleDescription(
        id: "F08", name: "precision", family: .format, severity: .info, also: [.warning],
        summary: Localized(zh: "数值精度应一致（万元金额保留两位小数、同列比率小数位一致），不应留有空白数值或模板提示语",
                           en: "Figures share one precision (万元 to two decimals, one column's rates alike), with no blank value or template prompt left"),
        triggering: [
            "开展整体支出绩效评价的2个项目，评价结果等级为↓“”的2个。\n",
            "完成预算资金89.97万元，其中本年财政拨款↓89.974万元。项目资金年初预算90万元，全年预算89.97万元，上年结转0.00万元。\n",
            "2021年，科技型中小企业入库达到529家，同比增长↓ %。\n",
            "（一）项目基本概况↓（200字以内）\n项目背景：提升全市科技水平。\n",
            "\t项目资金（万元）\n\t年初预算数\n\t全年预算数\n\t全年执行数\n\t执行率\n\n\t年度资金总额\n\t100\n\t100\n\t98.1\n\t98.1%\n\n\t其中：本年财政拨款\n\t80\n\t80\n\t78.76\n\t↓98.45%\n\n",
        ],
        nonTriggering: [
            "开展整体支出绩效评价的2个项目，评价结果等级为“优”的2个。\n",
            "完成预算资金89.97万元，其中本年财政拨款89.97万元。项目资金年初预算90万元，全年预算89.97万元，上年结转0.00万元。\n",
            "2021年，科技型中小企业入库达到529家，同比增长28.71%。\n",
            "（一）项目基本概况\n项目背景：提升全市科技水平，预计2022年底前完成。年度资金执行率为",
        ])

    public init() {}

    public func check(_ c: RuleContext) -> [Finding] {
        var out: [Finding] = []
        let tail = Self.truncatedTail(c)
        out += moneyPrecision(c, tail: tail)
        out += ratePrecision(c, tail: tail)
        out += blanks(c, tail: tail)
        return out
    }

    /// Where a possibly cut-off end of the text starts: the last non-empty line, when the text
    /// does not end with a closing mark (a truncated copy ends mid-sentence). Nothing found from
    /// there on is reported: the value may just have been cut off.
    static func truncatedTail(_ c: RuleContext) -> Int {
        let lines = c.document.lines
        var n = lines.lineStarts.count
        while n > 0, lines.lineText(n).isBlank { n -= 1 }
        guard n > 0 else { return Int.max }
        let last = lines.lineText(n).trimmedWhitespace
        if let end = last.unicodeScalars.last, "。！？!?；;）)」”\"》】".unicodeScalars.contains(end) { return Int.max }
        // A table cell line is a whole cell, not a cut sentence.
        if lines.lineText(n).hasPrefix("\t") && !last.containsBytes(of: "，") { return Int.max }
        return lines.lineStarts[n - 1]
    }

    // MARK: 万元 amounts to more than two decimals

    func moneyPrecision(_ c: RuleContext, tail: Int) -> [Finding] {
        let wan = c.quantities.filter { $0.kind == .money && $0.writtenUnit == "万元" && !$0.malformed }
        let fine = wan.filter { $0.decimals > 2 && $0.location.start < tail }
        let coarse = wan.filter { $0.decimals <= 2 }
        guard !fine.isEmpty, coarse.count > fine.count, coarse.contains(where: { $0.decimals == 2 }) else { return [] }
        // The sums each fine figure takes part in: table totals, narrative totals, the funds grid.
        var groups: [(Figure, [Figure])] = c.tableSums + c.totalPartGroups
        if let funds = c.facts.funds {
            for column in funds.columns {
                guard let total = funds.totals[column]?.figure else { continue }
                let parts = funds.sources.compactMap { funds.cells[$0]?[column]?.figure }
                if parts.count == funds.sources.count, !parts.isEmpty { groups.append((total, parts)) }
            }
        }
        var out: [Finding] = []
        for f in fine {
            let rounded = f.value.divided(by: f.factor).rounded(2)
            let containing = groups.filter { g in g.0.location.start == f.location.start || g.1.contains { $0.location.start == f.location.start } }
            // Each of those sums, every member at two decimals.
            var broken: [(Figure, [Figure], Arithmetic.SumVerdict)] = []
            for (total, parts) in containing {
                guard Arithmetic.sum(total: total, parts: parts).severity == nil else { continue }   // already failing: another rule's
                let t = Self.atTwoDecimals(total), p = parts.map(Self.atTwoDecimals)
                let v = Arithmetic.sum(total: t, parts: p)
                if v.severity != nil { broken.append((t, p, v)) }
            }
            var message = Localized(zh: "金额 \(f.text) 保留了 \(f.decimals) 位小数，报告其余万元金额为 2 位小数",
                                    en: "The amount \(f.text) has \(f.decimals) decimals; the report's other 万元 amounts have 2")
            var arithmetic: Localized? = nil
            var suggestions: [Suggestion] = []
            if let (t, p, v) = broken.first {
                message.zh += "；按 2 位小数，相关合计不再相符"
                message.en += "; at 2 decimals, a sum it belongs to no longer holds"
                arithmetic = Localized(zh: "\(Arithmetic.terms(p, unitOf: t)) = \(Arithmetic.inUnit(v.sum, of: t))（万元），合计 \(Arithmetic.inUnit(t.value, of: t))，差 \(Arithmetic.inUnit(v.difference, of: t))",
                                       en: "\(Arithmetic.terms(p, unitOf: t)) = \(Arithmetic.inUnit(v.sum, of: t)) (万元); total \(Arithmetic.inUnit(t.value, of: t)); difference \(Arithmetic.inUnit(v.difference, of: t))")
            } else {
                if !containing.isEmpty {
                    message.zh += "；按 2 位小数（\(rounded.plain)）相关合计仍然相符"
                    message.en += "; at 2 decimals (\(rounded.plain)) its sums still hold"
                }
                suggestions.append(Suggestion(location: f.location, original: f.text,
                                              replacement: Arithmetic.replacement(for: Self.atTwoDecimals(f), value: rounded.times(f.factor), surface: f.text),
                                              reason: Localized(zh: "统一保留 2 位小数", en: "use 2 decimals like the other amounts")))
            }
            if let finding = c.finding(Self.description, message: message, arithmetic: arithmetic,
                                       figures: [f] + (broken.first.map { [$0.0] + $0.1 }?.filter { $0.location.start != f.location.start } ?? []),
                                       suggestions: suggestions) {
                out.append(finding)
            }
        }
        return out
    }

    /// A 万元 figure rounded (half up) to two decimals, as if it had been written so.
    static func atTwoDecimals(_ f: Figure) -> Figure {
        guard f.decimals > 2, f.factor != 0 else { return f }
        var g = f.with(value: f.value.divided(by: f.factor).rounded(2).times(f.factor))
        g.decimals = 2
        g.number = f.number.rounded(2)
        return g
    }

    // MARK: Rates of the funds table's rate column or of one list with different decimals

    func ratePrecision(_ c: RuleContext, tail: Int) -> [Finding] {
        var runs: [[Figure]] = []
        // The execution rates of the funds table (total and source rows): one measure, one column.
        if let funds = c.facts.funds {
            let rates = ([funds.rate] + funds.sources.map { funds.sourceRates[$0] }).compactMap { $0?.figure }.filter { $0.kind == .percent }
            if rates.count >= 2 { runs.append(rates) }
        }
        // Lists of rates in one sentence ("同比增长28.71%、32.6%").
        runs += c.growthEnumerations.map(\.rates)
        var out: [Finding] = []
        for run in runs {
            let decimal = run.filter { $0.decimals > 0 && $0.location.start < tail }
            let places = Set(decimal.map(\.decimals))
            guard decimal.count >= 2, places.count > 1 else { continue }
            // The usual number of decimals (the fewer on a tie, so that the finding is the same on every run).
            func count(_ p: Int) -> Int { decimal.filter { $0.decimals == p }.count }
            let most = places.sorted().reduce(-1) { best, p in best < 0 || count(p) > count(best) ? p : best }
            let odd = decimal.filter { $0.decimals != most }
            let shown = decimal.map(\.text).joined(separator: "、")
            if let f = c.finding(Self.description,
                                 message: Localized(zh: "同一栏（或同一列举）中的比率小数位数不一致：\(shown)", en: "Rates of one column or one list have different decimals: \(shown)"),
                                 figures: odd + decimal.filter { $0.decimals == most }) {
                out.append(f)
            }
        }
        return out
    }

    // MARK: Blank values and template prompts

    /// A % or 个百分点 right after a word, with the number missing ("增长 %", "提高  个百分点").
    static let rateBlank = try! Regex(#"(?<=\p{Han})(?:[ \t\x{00A0}\x{3000}_＿]*[%％]|[ \t\x{00A0}\x{3000}_＿]+个百分点)"#)
    /// An amount left blank: a word or a colon, then at least two blanks, then 万元 or 元.
    static let amountBlank = try! Regex(#"(?<=[\p{Han}：:])[ \t\x{00A0}\x{3000}_＿]{2,}(?:万元|亿元|元)"#)
    /// Rate words: with one of them the blank is a missing value for certain.
    static let rateWords = ["占", "比重", "占比", "增长", "增幅", "下降", "降幅", "减少", "提高", "降低", "上升", "增加", "为", "达", "达到", "率", "约", "完成", "超"]
    /// Template prompts: word-count limits ("（200字以内）", "（限500字）"; a count in 万 is a
    /// length reported, not a limit) and 请-instructions ("（请简要说明…）").
    static let prompt = try! Regex(#"[（(]\s*(?:限|不超过|不少于|不多于|控制在|字数)?\s*(?:\d{2,4}|[一二三四五六七八九十百千]+)\s*字\s*(?:以内|以下|以上|左右|内)[^（）()\n]{0,6}[）)]|[（(]\s*(?:限|不超过|不少于|不多于|控制在|字数)\s*(?:\d{2,4}|[一二三四五六七八九十百千]+)\s*字[^（）()\n]{0,6}[）)]|[（(]\s*请[^（）()\n]{0,10}?(?:填写|填报|简述|简要说明|说明|描述|列明|勾选|选择|概述|注明)[^（）()\n]{0,30}[）)]"#)
    /// A year, month or amount still held by X: "20X年", "202x年", "x月", "×个" (runs F05 takes, "XX" and "××", are left to it).
    static let xPlaceholder = try! Regex(#"(?<![A-Za-z0-9])(?:(?:19|20)\d?)?[Xxｘ×Ｘ]{1,3}(?![A-Za-z])(?=\s*(?:年|月|日|万元|元|个|家|项|人|%|％))"#)

    static let xScalars = ScalarTable(scalarsOf: "Xxｘ×Ｘ")

    /// A value left blank between quotation marks after a word ("评价结果等级为“”的2个").
    static let emptyQuote = try! Regex(#"(?<=\p{Han})“[ \t\x{00A0}\x{3000}_＿]*”"#)

    func blanks(_ c: RuleContext, tail: Int) -> [Finding] {
        let text = c.document.text
        let mayHaveBlank = text.containsBytes(of: "%") || text.containsBytes(of: "％") || text.containsBytes(of: "个百分点") || text.containsBytes(of: "元")
        let mayHavePrompt = text.containsBytes(of: "字") || text.containsBytes(of: "请")
        let mayHaveX = Self.xScalars.occurs(in: text)
        let mayHaveEmptyQuote = text.contains("“”") || text.contains("“ ") || text.contains("“\u{3000}")
        guard mayHaveBlank || mayHavePrompt || mayHaveX || mayHaveEmptyQuote else { return [] }
        // Blanks only in sentences: a header ("执行率 %", a paragraph of column titles) is no blank.
        func isSentence(_ t: String) -> Bool { t.containsBytes(of: "，") || t.containsBytes(of: "。") || t.containsBytes(of: "；") }
        var texts: [(String, SourceLocation, Bool)] = c.document.paragraphs.map { ($0.text, $0.location, isSentence($0.text)) }
        for t in c.document.tables { for row in t.rows { for cell in row { texts.append((cell.text, cell.location, isSentence(cell.text))) } } }
        var out: [Finding] = []
        for (body, location, sentence) in texts {
            func at(_ s: Int, _ e: Int) -> SourceLocation { c.document.lines.location(start: location.start + s, end: location.start + e, part: location.part) }
            if mayHaveBlank && sentence {
                for (regex, what) in [(Self.rateBlank, "rate"), (Self.amountBlank, "amount")] {
                    for (s, e) in regex.matchesWithOffsets(body) where location.start + e <= tail {
                        // The blank itself: from the first blank (or the unit) to the unit.
                        let loc = at(s, e)
                        let before = String(body.unicodeScalars.prefix(s).suffix(3))
                        if what == "amount" && before.containsBytes(of: "单位") { continue }   // "单位：  万元" states a unit
                        let known = what == "amount" || Self.rateWords.contains { before.hasSuffix($0) }
                        // The words the blank follows, back to a punctuation mark (at most six).
                        let word = String(String.UnicodeScalarView(body.unicodeScalars.prefix(s).suffix(6).reversed().prefix { $0.properties.isIdeographic || $0 == "：" || $0 == ":" }.reversed()))
                        if let f = c.finding(Self.description, severity: known ? .warning : .info,
                                             message: Localized(zh: what == "rate" ? "“\(word)\(c.text(loc))”缺少数值" : "“\(word)\(c.text(loc))”金额空缺",
                                                                en: what == "rate" ? "“\(word)\(c.text(loc))”: the number is missing" : "“\(word)\(c.text(loc))”: the amount is blank"),
                                             locations: [loc]) {
                            out.append(f)
                        }
                    }
                }
            }
            if mayHaveEmptyQuote && sentence {
                for (s, e) in Self.emptyQuote.matchesWithOffsets(body) where location.start + e <= tail {
                    let loc = at(s, e)
                    let word = String(String.UnicodeScalarView(body.unicodeScalars.prefix(s).suffix(10).reversed().prefix { $0.properties.isIdeographic }.reversed()))
                    if let f = c.finding(Self.description, severity: .warning,
                                         message: Localized(zh: "“\(word)\(c.text(loc))”：引号内内容空缺", en: "“\(word)\(c.text(loc))”: nothing between the quotation marks"),
                                         locations: [loc]) {
                        out.append(f)
                    }
                }
            }
            if mayHavePrompt {
                for (s, e) in Self.prompt.matchesWithOffsets(body) where location.start + e <= tail {
                    let loc = at(s, e)
                    let found = c.text(loc)
                    // A paragraph or cell holding nothing but the instruction was never filled in
                    // (a warning); a prompt inside a note that carries figures is the form's own
                    // printed guidance (a note).
                    let filledIn = body.replacingOccurrences(of: found, with: "").unicodeScalars.contains { $0.properties.numericType == .decimal }
                    if let f = c.finding(Self.description, severity: filledIn ? .info : .warning,
                                         message: Localized(zh: "文中残留模板提示语“\(found)”", en: "Template prompt “\(found)” left in the text"),
                                         locations: [loc],
                                         suggestions: [Suggestion(location: loc, original: found, replacement: "", reason: Localized(zh: "删除提示语", en: "remove the prompt"))]) {
                        out.append(f)
                    }
                }
            }
            if mayHaveX {
                let taken = Artefacts.placeholders.matchesWithOffsets(body)
                for (s, e) in Self.xPlaceholder.matchesWithOffsets(body) where location.start + e <= tail {
                    guard !taken.contains(where: { $0.0 < e && s < $0.1 }) else { continue }
                    let loc = at(s, e)
                    let found = c.text(loc)
                    if let f = c.finding(Self.description, severity: .warning,
                                         message: Localized(zh: "文中残留占位符“\(found)”，数值未填写", en: "Placeholder “\(found)” left in the text: the value is not filled in"),
                                         locations: [loc]) {
                        out.append(f)
                    }
                }
            }
        }
        return out
    }
}
