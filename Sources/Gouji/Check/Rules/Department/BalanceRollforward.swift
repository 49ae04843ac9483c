import Foundation

/// D07: 年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出 (per fund type too: 财政拨款结转结余
/// with 财政拨款收入 and 财政拨款支出), in the narrative and in a 收入支出决算 table; and 本年收入合计
/// = the income categories listed (财政拨款收入 + 事业收入 + 经营收入 + 其他收入 …).
public struct BalanceRollforward: Rule {
    public static let description = RuleDescription(
        id: "D07", name: "balance-rollforward", family: .department, severity: .error, also: [.warning, .info],
        summary: Localized(zh: "年末结转和结余应等于年初结转和结余加本年收入减本年支出；本年收入合计应等于所列各类收入之和",
                           en: "Closing balance = opening balance + income − expenditure; 本年收入合计 equals the income categories listed"),
        triggering: [
            "2021年度本单位年初结转和结余18.2万元，本年收入合计1438.25万元，本年支出合计1421.63万元，年末结转和结余↓44.82万元。\n",
            "年初财政拨款结转结余10万元，本年财政拨款收入100万元，财政拨款支出95万元，年末财政拨款结转结余↓25万元。\n",
            "\t收入支出决算总表\n\n\t单位：万元\n\n\t项目\n\t金额\n\t项目\n\t金额\n\n\t一、财政拨款收入\n\t1425.05\n\t一、基本支出\n\t983.36\n\n\t二、其他收入\n\t13.2\n\t二、项目支出\n\t438.27\n\n\t本年收入合计\n\t1438.25\n\t本年支出合计\n\t1421.63\n\n\t年初结转和结余\n\t18.2\n\t年末结转和结余\n\t↓43.82\n\n",
            "\t收入支出决算总表\n\n\t单位：万元\n\n\t项目\n\t金额\n\t项目\n\t金额\n\n\t一、财政拨款收入\n\t1425.05\n\t一、基本支出\n\t983.36\n\n\t二、其他收入\n\t13.2\n\t二、项目支出\n\t438.27\n\n\t本年收入合计\n\t↓1448.25\n\t本年支出合计\n\t1421.63\n\n",
        ],
        nonTriggering: [
            "2021年度本单位年初结转和结余18.2万元，本年收入合计1438.25万元，本年支出合计1421.63万元，年末结转和结余34.82万元。\n",
            "收入合计1976.82万元，其中财政拨款收入1958.42万元、其他收入18.4万元；支出合计1968.35万元。年初结转结余24.16万元，年末结转结余32.63万元。\n",
            "\t收入支出决算总表\n\n\t单位：万元\n\n\t项目\n\t金额\n\t项目\n\t金额\n\n\t一、财政拨款收入\n\t1425.05\n\t一、基本支出\n\t983.36\n\n\t二、其他收入\n\t13.2\n\t二、项目支出\n\t438.27\n\n\t本年收入合计\n\t1438.25\n\t本年支出合计\n\t1421.63\n\n\t年初结转和结余\n\t18.2\n\t年末结转和结余\n\t34.82\n\n",
        ])

    public init() {}

    enum Role { case opening, income, expenditure, closing, fundAdd, distribution }

    /// 年初/年末 (财政拨款) 结转(和)结余, in a clause or a label.
    static let balance = try! Regex(#"(年初|年末)(财政拨款)?结转(?:和|及|与|、)?结余"#)
    /// Income categories of the 收入支出决算总表: together they are the year's income.
    static let incomeCategories: Set<String> = ["一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入",
                                                "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"]
    /// Words of items that take part in the roll-forward besides the four totals: with one of
    /// them in the paragraph, the four-term identity is not the whole story.
    static let confounders = ["结余分配", "事业基金", "弥补", "专用基金", "提取", "所得税", "缴回", "调整", "调剂", "上缴财政"]

    public func check(_ c: RuleContext) -> [Finding] {
        let text = c.document.text
        let hasBalance = text.containsBytes(of: "结余")
        guard hasBalance || text.containsBytes(of: "本年收入") || text.containsBytes(of: "收入合计") else { return [] }
        var out: [Finding] = []
        if hasBalance { out += narrativeRollforward(c) }
        out += narrativeIncomeParts(c)
        out += tables(c)
        return out
    }

    // MARK: The narrative

    /// The role a narrative figure's clause gives it, with its fund scope ("" or "财政拨款"):
    /// 年初/年末(财政拨款)结转(和)结余; (本年)(财政拨款)收入合计 or 本年收入, likewise 支出. What
    /// comes before the total word may only say whose or which year's it is ("2019年度本单位收入
    /// 合计"); "事业收入", "基本支出合计" or "一般公共预算财政拨款收入" are parts, not totals.
    static func role(ofClause raw: String) -> (Role, String)? {
        // Most clauses name none of the four: decided before the clause is compacted.
        guard raw.containsBytes(of: "收入") || raw.containsBytes(of: "支出") || raw.containsBytes(of: "结余") || raw.containsBytes(of: "结转") else { return nil }
        var clause = raw.compacted
        // A comparison with another year is not this year's total.
        if ["上年", "较", "同比", "比上", "总计", "增加", "减少", "增长", "下降", "占"].contains(where: { clause.containsBytes(of: $0) }) { return nil }
        if let m = balance.firstMatch(in: clause) {
            let bytes = Array(clause.utf8)
            let which = m.range(at: 1).map { String(decoding: bytes[$0], as: UTF8.self) }
            return (which == "年初" ? .opening : .closing, m.range(at: 2) == nil ? "" : "财政拨款")
        }
        if let r = clause.range(of: "其中", options: .backwards) { clause = String(clause[r.upperBound...]) }
        for (word, role) in [("收入", Role.income), ("支出", Role.expenditure)] {
            for suffix in [word + "合计", word] where clause.hasSuffix(suffix) {
                var head = String(clause.dropLast(suffix.count))
                var scope = ""
                if head.hasSuffix("财政拨款") { head = String(head.dropLast(4)); scope = "财政拨款" }
                // A bare 收入/支出 is a total only as 本年收入 (or 财政拨款收入).
                if suffix == word && scope.isEmpty && !(head.hasSuffix("本年") || head.hasSuffix("全年")) { continue }
                if head.isEmpty || totalHeads.contains(where: { head.hasSuffix($0) }) { return (role, scope) }
            }
        }
        return nil
    }

    /// What may come right before 收入合计 / 支出合计 in a total's clause.
    static let totalHeads = ["本年", "全年", "年度", "年", "单位", "部门", "本单位", "本部门"]

    func narrativeRollforward(_ c: RuleContext) -> [Finding] {
        var out: [Finding] = []
        let money = c.quantities.filter { $0.kind == .money && !$0.inTable && !$0.approximate && $0.direction == nil && !$0.malformed }
        for (_, figures) in Dictionary(grouping: money, by: \.block).sorted(by: { $0.key < $1.key }) {
            var byScope: [String: [Role: [Figure]]] = [:]
            for f in figures {
                guard let (role, scope) = Self.role(ofClause: c.clause(before: f)) else { continue }
                byScope[scope, default: [:]][role, default: []].append(f)
            }
            for scope in byScope.keys.sorted() {
                let roles = byScope[scope]!
                // Exactly one figure for each of the four: otherwise the binding is not certain.
                guard let o = roles[.opening], o.count == 1, let i = roles[.income], i.count == 1,
                      let e = roles[.expenditure], e.count == 1, let cl = roles[.closing], cl.count == 1 else { continue }
                let paragraph = (figures[0].location.line...figures.last!.location.line).map { c.document.lines.lineText($0) }.joined()
                let confounder = Self.confounders.first { paragraph.containsBytes(of: $0) }
                if let f = rollforward(c, opening: o[0], income: i[0], expenditure: e[0], closing: cl[0], added: [], subtracted: [],
                                       scope: scope, certain: confounder == nil, confounder: confounder) {
                    out.append(f)
                }
            }
        }
        return out
    }

    /// 本年收入合计 followed in its paragraph by income categories without 其中 (N01 checks the
    /// 其中 lists): checked when every listed part is a category; a list that does not close
    /// with 其他收入 may have left a category out, so it is a warning at most.
    func narrativeIncomeParts(_ c: RuleContext) -> [Finding] {
        var out: [Finding] = []
        let grouped = Set(c.totalPartGroups.map(\.0.location.start))
        let money = c.quantities.filter { $0.kind == .money && !$0.inTable && $0.direction == nil && !$0.malformed }
        for (n, f) in money.enumerated() {
            guard !f.approximate, !grouped.contains(f.location.start), let (role, scope) = Self.role(ofClause: c.clause(before: f)),
                  role == .income, scope == "" else { continue }
            var parts: [Figure] = [], names: [String] = []
            for g in money[(n + 1)...] {
                guard g.block == f.block, let name = Self.category(c.clause(before: g)), !names.contains(name) else { break }
                parts.append(g); names.append(name)
            }
            guard parts.count >= 2, !parts.contains(where: \.approximate) else { continue }
            guard var finding = SumCheck.check(Self.description, c, total: f, parts: parts,
                                               what: Localized(zh: "所述本年收入合计", en: "The stated year's income"), partNames: names) else { continue }
            if !names.contains("其他收入"), finding.severity == .error {
                finding.severity = c.level(of: Self.description, inCase: .warning)
                finding.message.zh += "（所列收入未以“其他收入”收尾，可能漏列类别）"
                finding.message.en += " (the list does not close with 其他收入; a category may be missing)"
            }
            out.append(finding)
        }
        return out
    }

    /// The income category a clause or label names ("其中财政拨款收入", "一、事业收入"), if any.
    static func category(_ raw: String) -> String? {
        var s = raw.compacted
        for prefix in ["其中：", "其中:", "其中", "包括", "含"] where s.hasPrefix(prefix) { s = String(s.dropFirst(prefix.count)) }
        s = stripOrdinal(s)
        return incomeCategories.contains(s) ? s : (s.hasPrefix("本年") && incomeCategories.contains(String(s.dropFirst(2))) ? String(s.dropFirst(2)) : nil)
    }

    /// A label without its list ordinal ("一、", "（一）", "1.", "2、").
    static func stripOrdinal(_ s: String) -> String {
        var scalars = Array(s.unicodeScalars)
        let numerals = "一二三四五六七八九十0123456789".unicodeScalars
        if let first = scalars.first, first == "（" || first == "(" {
            if let close = scalars.firstIndex(where: { $0 == "）" || $0 == ")" }), close > 1, scalars[1..<close].allSatisfy({ numerals.contains($0) }) {
                scalars.removeFirst(close + 1)
            }
        } else {
            let run = scalars.prefix { numerals.contains($0) }.count
            if run > 0, run < scalars.count, "、.．".unicodeScalars.contains(scalars[run]) { scalars.removeFirst(run + 1) }
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars)
        return String(out)
    }

    // MARK: The arithmetic

    func rollforward(_ c: RuleContext, opening: Figure, income: Figure, expenditure: Figure, closing: Figure,
                     added: [Figure], subtracted: [Figure], scope: String, certain: Bool, confounder: String?) -> Finding? {
        let minus = ([expenditure] + subtracted).map { $0.with(value: -$0.value) }
        let v = Arithmetic.sum(total: closing, parts: [opening, income] + added + minus)
        guard var severity = v.severity else { return nil }
        let expected = v.sum
        let unit = Arithmetic.unitLabel(closing)
        let unitZh = unit.isEmpty ? "" : "（\(unit)）", unitEn = unit.isEmpty ? "" : " (\(unit))"
        func n(_ x: Decimal) -> String { Arithmetic.inUnit(x, of: closing) }
        let opName = "年初\(scope)结转结余", inName = scope.isEmpty ? "本年收入" : "财政拨款收入"
        let exName = scope.isEmpty ? "本年支出" : "财政拨款支出", clName = "年末\(scope)结转结余"
        var terms = "\(n(opening.value)) + \(n(income.value))"
        for a in added { terms += " + \(n(a.value))" }
        terms += " − \(n(expenditure.value))"
        for s in subtracted { terms += " − \(n(s.value))" }
        var note = Localized(zh: "", en: "")
        if !certain { severity = min(severity, .warning) }
        if let confounder {
            note = Localized(zh: "（段落提到“\(confounder)”，其金额未计入）", en: " (the paragraph mentions “\(confounder)”, whose amount is not counted)")
        }
        // "收入合计" written as 收入总计 (opening included): then closing = income − expenditure.
        if added.isEmpty && subtracted.isEmpty, Arithmetic.sum(total: closing, parts: [income] + minus).severity == nil {
            severity = .info
            note = Localized(zh: "（\(clName)恰等于收入减支出，所述收入似已含年初结转结余，即“收入总计”口径）",
                             en: " (the closing balance equals income − expenditure: the income stated seems to include the opening balance, i.e. 收入总计)")
        }
        var suggestions = [Suggestion(location: closing.location, original: closing.text,
                                      replacement: Arithmetic.replacement(for: closing, value: expected, surface: closing.text),
                                      reason: Localized(zh: "\(clName)改为 \(n(expected))\(unit)", en: "set the closing balance to \(n(expected)) \(unit)"))]
        // One figure typed wrong: the value that would restore the identity, for each of the others.
        let decimals = max(closing.decimals, opening.decimals, income.decimals, expenditure.decimals)
        if TypoDiagnosis.oneDigit(closing.number, expected / closing.factor, decimals: decimals) || TypoDiagnosis.transposition(closing.number, expected / closing.factor, decimals: decimals) {
            suggestions[0].reason.zh += "（仅一位数字之差，疑为笔误）"; suggestions[0].reason.en += " (one digit apart: a likely typo)"
        } else {
            for (f, corrected, name) in [(opening, opening.value - v.difference, opName), (income, income.value - v.difference, inName), (expenditure, expenditure.value + v.difference, exName)] {
                guard corrected >= 0, f.factor != 0 else { continue }
                let cn = corrected / f.factor
                guard TypoDiagnosis.oneDigit(f.number, cn, decimals: max(f.decimals, decimals)) || TypoDiagnosis.transposition(f.number, cn, decimals: max(f.decimals, decimals)) else { continue }
                suggestions.append(Suggestion(location: f.location, original: f.text, replacement: Arithmetic.replacement(for: f, value: corrected, surface: f.text),
                                              reason: Localized(zh: "或\(name)应为 \(Arithmetic.inUnit(corrected, of: f))\(Arithmetic.unitLabel(f))（仅一位数字之差，疑为笔误）",
                                                                en: "or the \(name) should be \(Arithmetic.inUnit(corrected, of: f)) \(Arithmetic.unitLabel(f)) (one digit apart: a likely typo)")))
            }
        }
        return c.finding(Self.description, severity: severity,
                         message: Localized(zh: "\(clName) \(closing.text) 与 \(opName) + \(inName) − \(exName) = \(n(expected))\(unit) 不符，相差 \(n(v.difference.magnitude))\(unit)" + note.zh,
                                            en: "The closing balance \(closing.text) ≠ opening balance + income − expenditure = \(n(expected)) \(unit); difference \(n(v.difference.magnitude)) \(unit)" + note.en),
                         arithmetic: Localized(zh: "\(terms) = \(n(expected))\(unitZh)，所述 \(n(closing.value))，差 \(n(v.difference))（容差 ±\(Arithmetic.inUnit(v.tolerance, of: closing, decimals: 4))）",
                                               en: "\(terms) = \(n(expected))\(unitEn); stated \(n(closing.value)); difference \(n(v.difference)) (tolerance ±\(Arithmetic.inUnit(v.tolerance, of: closing, decimals: 4)))"),
                         figures: [closing, opening, income, expenditure] + added + subtracted, suggestions: suggestions)
    }

    // MARK: Tables (收入支出决算总表: label cells, each followed by its amount)

    func tables(_ c: RuleContext) -> [Finding] {
        let amounts = c.quantities.filter { ($0.kind == .money || $0.kind == .number) && $0.inTable && !$0.malformed }
        guard !amounts.isEmpty else { return [] }
        let index = FigureIndex(amounts)
        var out: [Finding] = []
        for table in c.document.tables {
            // Only a table naming income, spending or balances can hold the roll-forward.
            guard table.rows.contains(where: { $0.contains { $0.compact.containsBytes(of: "收入") || $0.compact.containsBytes(of: "结余") || $0.compact.containsBytes(of: "结转") } }) else { continue }
            // Label → (amount, label column), in reading order; 行次 columns are skipped.
            var skip = Set<Int>()
            for row in table.rows { for (k, cell) in row.enumerated() where cell.compact == "行次" { skip.insert(k) } }
            var pairs: [(label: String, amount: Figure, column: Int)] = []
            for row in table.rows {
                var k = 0
                while k < row.count {
                    let label = Self.stripOrdinal(row[k].compact)
                    guard !label.isEmpty, index.figures(in: row[k].location).isEmpty else { k += 1; continue }
                    var values: [Figure] = []
                    var j = k + 1
                    while j < row.count {
                        if skip.contains(j) { j += 1; continue }
                        let figs = index.figures(in: row[j].location)
                        if figs.isEmpty && !row[j].trimmed.isEmpty { break }   // the next label
                        values += figs
                        j += 1
                    }
                    if values.count == 1 { pairs.append((label, values[0], k)) }
                    k = j
                }
            }
            guard pairs.count >= 2 else { continue }
            func one(_ test: (String) -> Bool) -> (label: String, amount: Figure, column: Int)? {
                let found = pairs.filter { test($0.label) }
                return found.count == 1 ? found[0] : nil
            }
            let income = one { $0 == "本年收入合计" || $0 == "收入合计" }
            // 本年收入合计 against the categories above it in its column.
            if let income {
                let parts = pairs.filter { $0.column == income.column && $0.amount.location.start < income.amount.location.start && Self.incomeCategories.contains($0.label) }
                let labels = parts.map(\.label)
                let generic = labels.contains("财政拨款收入") && labels.contains { $0 != "财政拨款收入" && $0.hasSuffix("财政拨款收入") }
                if parts.count >= 2, Set(labels).count == labels.count, !generic,
                   let f = SumCheck.check(Self.description, c, total: income.amount, parts: parts.map(\.amount),
                                          what: Localized(zh: "表中“\(income.label)”", en: "The table's \(income.label)"), partNames: labels) {
                    out.append(f)
                }
            }
            func balance(_ which: String) -> (label: String, amount: Figure, column: Int)? {
                one { l in Self.balance.firstMatch(in: l).map { $0.range.lowerBound == 0 && $0.range.upperBound == l.utf8.count } == true && l.hasPrefix(which) && !l.containsBytes(of: "财政拨款") }
            }
            guard let income, let opening = balance("年初"), let closing = balance("年末"),
                  let expenditure = one({ $0 == "本年支出合计" || $0 == "支出合计" }) else { continue }
            let added = [one { $0.containsBytes(of: "事业基金弥补") }].compactMap { $0?.amount }
            let subtracted = [one { $0 == "结余分配" }].compactMap { $0?.amount }
            if let f = rollforward(c, opening: opening.amount, income: income.amount, expenditure: expenditure.amount, closing: closing.amount,
                                   added: added, subtracted: subtracted, scope: "", certain: true, confounder: nil) {
                out.append(f)
            }
        }
        return out
    }
}
