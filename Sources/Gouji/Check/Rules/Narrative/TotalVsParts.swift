import Foundation

/// N01: a total stated in the narrative ("共…X", "X，其中 a、b、c", "X。A a，B b，C c") equals the
/// sum of its listed parts.
public struct TotalVsParts: Rule {
    public static let description = RuleDescription(
        id: "N01", name: "total-vs-parts", family: .narrative, severity: .error, also: [.warning],
        summary: Localized(zh: "文字中所述合计应等于其列举分项之和（共/合计/累计…其中…）",
                           en: "A total stated in the text equals the sum of the parts it lists (共/合计/累计 … 其中 …)"),
        triggering: [
            "全年支出决算500万元。其中：基本支出300万元，占↓40%；项目支出200万元，占↓60%。",
            "省级资金转移支付↓124.23万元，为美丽乡村建设25万元，河堤维修加固工程100万元，农村改厕项目资金21.24万元。",
            "共向上争取资金↓9783.6万元。其中A专项660万元；B专项5623.6万元；C专项3600万元。",
            "安排资金↓2050万元，其中中央资金400万元、省级资金660万元、市级资金580万元、县级资金200万元。",
            "本年支出合计↓812.6万元，其中基本支出512.3万元、项目支出310.3万元。",
            "共争取项目↓12个，其中年初下达8个、年中追加5个。",
            "实施项目共↓15个，年初批复预算8个项目985万元，年中增加8个项目。",
            "三公经费支出合计587.64万元，同比减少↓146.03万元。其中：因公出国（境）经费0万元，同比减少0万元；公务用车购置及运行费585.53万元，同比减少144.92万元；公务接待费2.11万元，同比减少2.11万元。",
            "本项目共完成预算资金↓89.97万元，其中：30万元用于预算编制；30万元用于审计；35万元用于设计。",
        ],
        nonTriggering: [
            "全年支出决算500万元。其中：基本支出300万元，占60%；项目支出200万元，占40%。",
            "市级资金260.3万元，为奖励督查10万元，大别山区水环境生态补偿资金250万元等。",
            "共向上争取资金9883.6万元。其中A专项660万元；B专项5623.6万元；C专项3600万元。",
            "安排资金2040万元，其中科技重大专项400万元、重点研发计划660万元、技术创新引导专项580万元、创新平台专项200万元，基础研究计划200万元。",
            "累计为86家企业实现首贷，24家企业进入后备库，56家企业入选担保库。",
            "在职42人，其中党员31人、女职工17人。",
            "实际到位127万元，其中县市区配套资金应到位25万元、实际到位22万元。",
            "共开展培训12场，其中3月5场、6月4场，其余在下半年。",
            "完成4120户，较2021年的3470户增长18.73%，其中A类3280户、B类610户、C类230户。",
            "一般公共预算支出1000万元，其中教育支出300万元、科学技术支出200万元。",
            "实施项目共16个，年初批复预算8个项目985万元，年中增加8个项目。",
            "共培训120人，较上年增加20人，培训满意度98%。",
            "三公经费支出合计587.64万元，同比减少147.03万元。其中：因公出国（境）经费0万元，同比减少0万元；公务用车购置及运行费585.53万元，同比减少144.92万元；公务接待费2.11万元，同比减少2.11万元。",
        ])

    public init() {}

    public func check(_ c: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        var seen: [(Decimal, [Decimal])] = []
        /// The finding of each (total, parts) already reported, by their values.
        var findingOf: [[Decimal]: Int] = [:]
        let groups = c.totalPartGroups
        // A statement restated elsewhere (a table cell repeating the text) is as certain as its
        // most certain copy.
        var classified: [(Figure, [Figure], Partition)] = groups.map { ($0.0, $0.1, Partition.classify(total: $0.0, parts: $0.1, c, groups: groups)) }
        var exhaustive: [[Decimal]: Partition] = [:]
        for (total, parts, partition) in classified where partition.isExhaustive {
            let key = [total.value] + parts.map(\.value)
            if exhaustive[key] == nil { exhaustive[key] = partition }
        }
        for i in classified.indices where !classified[i].2.isExhaustive {
            if let twin = exhaustive[[classified[i].0.value] + classified[i].1.map(\.value)] { classified[i].2 = twin }
        }
        for (total, parts, partition) in classified.sorted(by: { !$0.0.inTable && $1.0.inTable }) {
            // Only an exhaustive partition is certain; a list of unknown extent is a warning at most,
            // and only when its parts exceed the total (a list short of it may simply be partial).
            let sum = parts.reduce(Decimal(0)) { $0 + $1.value }
            switch partition {
            case .partial, .overlapping: continue
            case .unknown where sum <= total.value && !Self.unitSlipBalances(total: total, parts: parts, sum: sum): continue
            // Figures of the next sentence are parts of a total only when they are known to be all of it.
            case .unknown where Self.listOpener(after: total, to: parts[0].location.start, c) == nil: continue
            default: break
            }
            // The changes of an exhaustive partition add up to the change of its total
            // ("合计585.53万元，同比减少144.92万元。其中：…0万元，同比减少0万元；…585.53万元，同比减少144.92万元；…0.00万元，同比减少0.11万元").
            if partition.isExhaustive, let changes = Self.changes(of: total, parts: parts, c),
               let f = SumCheck.check(Self.description, c, total: changes.total, parts: changes.parts,
                                      what: Localized(zh: "所述合计的增减额", en: "The stated change of the total")) {
                let changeKey = [changes.total.value] + changes.parts.map(\.value)
                if findingOf[changeKey] == nil { findingOf[changeKey] = findings.count }
                findings.append(f); seen.append((changes.total.value, changes.parts.map(\.value)))
            }
            guard var finding = SumCheck.check(Self.description, c, total: total, parts: parts,
                                               what: Localized(zh: "所述合计", en: "The stated total")) else { continue }
            if !partition.isExhaustive && finding.rule == Self.description.id && finding.severity > .warning {
                finding.severity = c.level(of: Self.description, inCase: .warning)
                finding.message.zh += "（未能确认所列分项即为全部，按警告报告）"
                finding.message.en += " (the list is not known to be complete, so this is a warning)"
            }
            // The same total and parts restated elsewhere (a table cell repeating the text) join one finding.
            let key = (total.value, parts.map(\.value))
            if let i = findingOf[[key.0] + key.1], findings[i].figures.first?.value == key.0 {
                findings[i].figures += [total]
                findings[i].suggestions += finding.suggestions.filter { $0.location == total.location }
                findings[i].message.zh += "（第\(total.location.line)行同样表述）"
                findings[i].message.en += " (restated on line \(total.location.line))"
                continue
            }
            findingOf[[key.0] + key.1] = findings.count
            findings.append(finding)
            seen.append(key)
        }
        findings += shareFindings(c)
        // Prefer the narrative statement as the primary location.
        return findings.map { f in
            var f = f
            if let i = f.figures.firstIndex(where: { !$0.inTable && $0.value == f.figures[0].value }), i > 0, f.figures[0].inTable {
                f.figures.swapAt(0, i)
                if let j = f.suggestions.firstIndex(where: { $0.location == f.figures[0].location }) { f.suggestions.swapAt(0, j) }
            }
            return f
        }
    }

    /// (total, parts) pairs: parts after 其中 in the same clause chain (up to ；or 。), or — for a
    /// total marked with 共/合计/累计 in its own clause — the figures of the same kind listed in the
    /// next sentence of the same paragraph. When some leading run of the parts already adds up to
    /// the total, the rest belong to another statement and the pair passes.
    static func groups(_ c: RuleContext) -> [(Figure, [Figure])] {
        var out: [(Figure, [Figure])] = []
        let figures = c.quantities
        var markedTotals = Set<Int>()
        // For each figure, the index just past the last figure of its block (figures are in
        // reading order), and whether a later figure of its block is of its family and neither a
        // base nor a change: worked out in one backward pass, not by scanning the rest of the
        // paragraph for every figure (quadratic on a report written as one line).
        var blockEnd = [Int](repeating: figures.count, count: figures.count)
        var laterOfFamily = [Bool](repeating: false, count: figures.count)
        var unitsAfter: [FigureKind: Set<String>] = [:]
        for k in figures.indices.reversed() {
            if k + 1 < figures.count && figures[k + 1].block == figures[k].block {
                blockEnd[k] = blockEnd[k + 1]
            } else {
                blockEnd[k] = k + 1
                unitsAfter = [:]
            }
            let f = figures[k]
            if let units = unitsAfter[f.kind] {
                laterOfFamily[k] = f.kind == .money || units.contains { u in u == f.unit || u.startsWithBytes(f.unit) || f.unit.startsWithBytes(u) }
            }
            if f.role != .base && f.role != .change { unitsAfter[f.kind, default: []].insert(f.unit) }
        }
        var bySentence: [Int: [Figure]]? = nil   // made at the first marked total
        for (i, f) in figures.enumerated() where (f.kind == .money || f.kind == .count) && !f.approximate && f.direction == nil
            && ![.base, .change, .share].contains(f.role) {
            let ownClause = c.clause(before: f)
            let sentenceEnd = c.statementEnd(after: f)
            // 其中 right after this figure (no other figure of its kind in between).
            if let (qiStart, openerLength) = Self.listOpener(after: f, to: sentenceEnd, c) {
                let between = figures[(i + 1)...].prefix { $0.location.start < qiStart }
                if !between.contains(where: { sameFamily($0, f) && $0.role != .base && $0.role != .change }) {
                    // "其中：a；b；c。": a list opened with a colon runs to the end of the sentence.
                    let colon = c.document.lines.scalar(at: qiStart + openerLength).map { $0 == "：" || $0 == ":" } ?? false
                    var listEnd = colon ? c.document.lines.forward(from: f.location.end, to: ScalarTable(scalarsOf: "。")) : sentenceEnd
                    // "…3374.3万元(其中建筑工程3292万元)，二批…": a list opened inside brackets ends
                    // at the closing bracket.
                    if let open = c.document.lines.scalar(at: qiStart - 1), open == "(" || open == "（" {
                        listEnd = min(listEnd, c.document.lines.forward(from: qiStart, to: Self.closingBrackets))
                    }
                    func candidates(to end: Int) -> [Figure] {
                        Array((qiStart + 1 < end ? c.quantities(startingIn: (qiStart + 1)..<end) : []).filter { sameFamily($0, f) && !$0.approximate && $0.direction == nil && $0.role != .base && $0.role != .change && $0.role != .share && !isInAside($0, after: f, c) })
                    }
                    if let parts = exhaustiveParts(f, candidates(to: listEnd), c), parts.count >= 2 { out.append((f, parts)); continue }
                    // "其中A 20万元，占40%；B 30万元，占60%。": items parted by ； run to the 。 when,
                    // together, they add up to the total exactly.
                    if !colon, listEnd < c.document.lines.forward(from: f.location.end, to: ScalarTable(scalarsOf: "。")) {
                        let longer = candidates(to: c.document.lines.forward(from: f.location.end, to: ScalarTable(scalarsOf: "。")))
                        let widths = longer.reduce(f.intervalWidth) { $0 + $1.intervalWidth }
                        if longer.count >= 2, longer.allSatisfy({ $0.block == f.block }),
                           Arithmetic.balances(difference: f.value - longer.reduce(Decimal(0)) { $0 + $1.value }, widths: widths) {
                            out.append((f, longer))
                        }
                    }
                    continue
                }
            }
            // "…支出4.647万元（…），比上年增长58.65%。⏎⏎其中：购置1,088万元…；运行维护3,559万元…": the
            // next paragraph opens with 其中 and lists the parts of the last figure of its kind.
            if let parts = nextParagraphParts(i, f, figures, blockEnd: blockEnd, laterOfFamily: laterOfFamily, c) { out.append((f, parts)); continue }
            // 共/合计/累计 in the figure's own clause, or a parallel total right after a marked one
            // ("累计…共271个，争取资金9783.6万元").
            let marked = c.lexicons.roles.hasTotalWord(ownClause)
            let parallel = i > 0 && markedTotals.contains(i - 1) && figures[i - 1].sentence == f.sentence && figures[i - 1].kind != f.kind
            guard marked || parallel else {
                // "…下达上级资金755.19万元。其中：中央级124.23万元，…": an unmarked figure whose next
                // sentence opens with 其中 is the total of that list.
                if let parts = nextSentenceParts(i, f, figures, c) { out.append((f, parts)) }
                continue
            }
            markedTotals.insert(i)
            // "共15个…，年初批复8个…，年中增加8个": later clauses of the same sentence that name the
            // members of a fixed partition (年初/年中, 中央/省/市 …) are its parts; only an exhaustive
            // partition is taken from a sentence without 其中.
            if marked {
                let rest = figures[(i + 1)...].prefix { $0.sentence == f.sentence }
                let candidates = rest.filter { sameFamily($0, f) && !$0.approximate && $0.role != .base && $0.role != .share && !isInAside($0, after: f, c) }
                if candidates.count >= 2, !rest.contains(where: { sameFamily($0, f) && c.lexicons.roles.hasTotalWord(c.clause(before: $0)) }),
                   Partition.classify(total: f, parts: Array(candidates), c, groups: []).isExhaustive {
                    out.append((f, Array(candidates)))
                    continue
                }
            }
            if bySentence == nil { bySentence = Dictionary(grouping: figures, by: \.sentence) }
            let next = (bySentence![f.sentence + 1] ?? []).filter { $0.block == f.block }
            let nextText = next.isEmpty ? "" : c.document.lines.text(from: next[0].location.start, to: next.last!.location.end)
            // "…共X。其中：a；b；c。": the next sentence opens the list of parts.
            let opensList = c.document.lines.text(from: c.statementEnd(after: f) + 1, to: next.first?.location.start ?? 0).trimmedSpaces.hasPrefix("其中")
            if c.lexicons.roles.hasTotalWord(nextText) || (nextText.containsBytes(of: "其中") && !opensList) { continue }
            // A list opened by 其中 belongs to the last figure of its kind before it.
            if opensList, c.quantities(inSentence: f.sentence).contains(where: { $0.location.start > f.location.start && sameFamily($0, f) && $0.role != .base && $0.role != .change }) { continue }
            // A list opened by 其中 runs to the end of its sentence (its items may be parted by ；).
            var listed = next
            if opensList, let first = next.first {
                let end = c.document.lines.forward(from: first.location.start, to: ScalarTable(scalarsOf: "。"))
                listed = first.location.start < end ? c.quantities(startingIn: first.location.start..<end).filter { $0.block == f.block } : []
            }
            let candidates = listed.filter { sameFamily($0, f) && !$0.approximate && $0.direction == nil && !isInAside($0, after: f, c) }
            guard candidates.count >= 2, candidates.allSatisfy({ $0.value <= f.value }),
                  let parts = exhaustiveParts(f, candidates, c) else { continue }
            out.append((f, parts))
        }
        return out
    }

    /// The share stated beside a part is part ÷ total ("其中：基本支出300万元，占60%"), allowing for
    /// the rounding of all three figures; bound from the prose, so a warning at most.
    func shareFindings(_ c: RuleContext) -> [Finding] {
        PartShares.shares(c).compactMap { x in
            let exact = x.part.value / x.total.value * 100
            if Growth.agrees(stated: x.share.number, decimals: x.share.decimals, exact: exact) { return nil }
            guard let range = Growth.rateRange(numerator: x.part.interval, base: x.total.interval) else { return nil }
            let gap = Growth.gap(stated: x.share, range: range)
            guard gap > 0 else { return nil }
            let severity = c.level(of: Self.description, inCase: gap <= Decimal.pow10(-x.share.decimals) ? .info : .warning)
            let fixed = exact.rounded(max(x.share.decimals, 2))
            return c.finding(Self.description, severity: severity,
                             message: Localized(zh: "占比 \(x.share.text) 与 \(x.part.text) ÷ 合计 \(x.total.text) = \(fixed.plain)% 不符",
                                                en: "The share \(x.share.text) differs from \(x.part.text) / the total \(x.total.text) = \(fixed.plain)%"),
                             arithmetic: Localized(zh: "\(x.part.number.plain) ÷ \(Arithmetic.inUnit(x.total.value, of: x.part)) = \(exact.display(4))%",
                                                   en: "\(x.part.number.plain) / \(Arithmetic.inUnit(x.total.value, of: x.part)) = \(exact.display(4))%"),
                             figures: [x.share, x.part, x.total],
                             suggestions: [Suggestion(location: x.share.location, original: x.share.text,
                                                      replacement: Arithmetic.replacement(for: x.share, value: exact.rounded(x.share.decimals), surface: x.share.text),
                                                      reason: Localized(zh: "按分项 ÷ 合计重算占比", en: "recompute the share as part / total"))])
        }
    }

    /// Where the list of `f`'s parts opens: 其中 later in its sentence, or a word of
    /// `list_openers` (roles.yaml) right after the figure and a comma ("省级资金124.23万元，为A 25万元，
    /// B 0.71万元…"). The opener's start and length in scalars.
    static func listOpener(after f: Figure, to sentenceEnd: Int, _ c: RuleContext) -> (Int, Int)? {
        let lines = c.document.lines
        if let q = lines.offset(of: "其中", from: f.location.end, to: sentenceEnd) { return (q, 2) }
        var i = f.location.end
        guard let comma = lines.scalar(at: i), comma == "，" || comma == "," else { return nil }
        i += 1
        let ahead = lines.text(from: i, to: min(i + 4, sentenceEnd))
        guard let opener = c.lexicons.roles.listOpeners.first(where: { ahead.hasPrefix($0) }) else { return nil }
        return (i, opener.unicodeScalars.count)
    }

    /// The parts to check: nil when a leading run of at least two already adds up to the total
    /// (the rest is another statement); otherwise the run joined by 、 (if it has two or more
    /// items) or all the candidates.
    static func exhaustiveParts(_ total: Figure, _ candidates: [Figure], _ c: RuleContext) -> [Figure]? {
        guard candidates.count >= 2 else { return candidates }
        // Running sums, so that each prefix is tested as `Arithmetic.sum` would without re-adding it.
        var sum = candidates[0].value
        var widths = total.intervalWidth + candidates[0].intervalWidth
        for (k, f) in candidates.enumerated().dropFirst() {
            sum += f.value
            widths += f.intervalWidth
            if Arithmetic.balances(difference: total.value - sum, widths: widths) {
                // All of them adding up is the list itself (its changes may still be checked).
                return k == candidates.count - 1 ? candidates : nil
            }
        }
        var run = [candidates[0]]
        for f in candidates.dropFirst() {
            let between = c.document.lines.text(from: run.last!.location.end, to: f.location.start)
            if between.containsBytes(of: "、") && !between.containsBytes(of: "，") && !between.containsBytes(of: ",") { run.append(f) } else { break }
        }
        if run.count >= 2 && run.count < candidates.count {
            // The item after the 、 run may close the list with a comma ("…200万元，基础研究计划200万元。").
            return run
        }
        return candidates
    }


    /// Whether the parts add up to the total once one figure is read in 万元 for 元 (or the
    /// reverse, or 千元/亿元): a unit slip is certain whatever the extent of the list.
    static func unitSlipBalances(total: Figure, parts: [Figure], sum: Decimal) -> Bool {
        guard total.kind == .money else { return false }
        let widths = parts.reduce(total.intervalWidth) { $0 + $1.intervalWidth }
        for k in [Decimal(10000), 1000, 100000000] {
            for p in parts {
                for v in [p.value * k, p.value / k] where Arithmetic.balances(difference: total.value - (sum - p.value + v), widths: widths * k) { return true }
            }
            for v in [total.value * k, total.value / k] where Arithmetic.balances(difference: v - sum, widths: widths * k) { return true }
        }
        return false
    }

    /// The change stated right after the total and after each part (同比减少144.92万元), when every
    /// one of them has one and all go the same way; nil otherwise.
    static func changes(of total: Figure, parts: [Figure], _ c: RuleContext) -> (total: Figure, parts: [Figure])? {
        func change(after f: Figure, before limit: Int) -> Figure? {
            guard f.location.end + 1 < limit, let x = c.quantities(startingIn: (f.location.end + 1)..<limit).first(where: { sameFamily($0, f) }),
                  x.direction != nil, x.role == .change else { return nil }
            return x
        }
        guard let t = change(after: total, before: parts[0].location.start) else { return nil }
        var out: [Figure] = []
        for (k, p) in parts.enumerated() {
            let limit = k + 1 < parts.count ? parts[k + 1].location.start : c.statementEnd(after: p)
            guard let x = change(after: p, before: limit) else { return nil }
            out.append(x)
        }
        // All one way (a zero change may be written either way): the magnitudes add up. Changes
        // both ways are left alone.
        guard out.allSatisfy({ $0.direction == t.direction || $0.value == 0 }) else { return nil }
        return (t, out)
    }

    /// The parts listed by the next sentence of `f`'s paragraph when it opens with 其中 and `f` is
    /// the last figure of its kind in its own sentence; the list runs to the 。 that ends it.
    static func nextSentenceParts(_ i: Int, _ f: Figure, _ figures: [Figure], _ c: RuleContext) -> [Figure]? {
        guard f.role != .part else { return nil }
        let rest = figures[(i + 1)...].prefix { $0.sentence == f.sentence }
        if rest.contains(where: { sameFamily($0, f) && $0.role != .base && $0.role != .change }) { return nil }
        let lines = c.document.lines
        let sentenceEnd = c.statementEnd(after: f)
        guard let first = figures[(i + 1 + rest.count)...].first, first.block == f.block, first.sentence == f.sentence + 1 else { return nil }
        let opening = lines.text(from: sentenceEnd + 1, to: first.location.start).trimmedSpaces
        guard opening.hasPrefix("其中"), !opening.containsBytes(of: "\n") else { return nil }
        let end = lines.forward(from: first.location.start, to: ScalarTable(scalarsOf: "。"))
        let candidates = figures[(i + 1 + rest.count)...].prefix { $0.location.start < end && $0.block == f.block }
            .filter { sameFamily($0, f) && !$0.approximate && $0.direction == nil && $0.role != .base && $0.role != .change
                && $0.role != .share && !isInAside($0, after: first, c) }
        guard candidates.count >= 2, candidates.allSatisfy({ $0.value <= f.value }) else { return nil }
        return exhaustiveParts(f, Array(candidates), c)
    }

    /// The parts listed by a paragraph that opens with 其中 right after the paragraph of `f`, when
    /// `f` is the last figure of its kind there.
    static func nextParagraphParts(_ i: Int, _ f: Figure, _ figures: [Figure], blockEnd: [Int], laterOfFamily: [Bool], _ c: RuleContext) -> [Figure]? {
        guard !f.inTable, !laterOfFamily[i] else { return nil }
        // The rest of f's paragraph, then the next paragraph's figures (figures are in reading order).
        let next = figures[blockEnd[i]...]
        guard let first = next.first, first.block == f.block + 1, !first.inTable else { return nil }
        let later = next.prefix { $0.block == first.block }
        let gap = c.document.lines.text(from: f.location.end, to: first.location.start).split(separator: "\n", omittingEmptySubsequences: false)
        guard gap.count >= 2, gap.dropFirst().dropLast().allSatisfy({ $0.allSatisfy(\.isWhitespace) }),
              gap.last!.trimmingCharacters(in: .whitespaces).hasPrefix("其中") else { return nil }
        let parts = later.filter { sameFamily($0, f) && !$0.approximate && $0.direction == nil
            && $0.role != .base && $0.role != .change && $0.role != .share && !isInAside($0, after: first, c) }
        return parts.count >= 2 ? parts : nil
    }

    /// Whether a figure sits in a parenthetical opened after `total` ("…769.70万元（其中：购置费0万元…）"):
    /// a sub-list of one part, not a part of the total.
    static func isInAside(_ f: Figure, after total: Figure, _ c: RuleContext) -> Bool {
        let between = c.document.lines.text(from: total.location.end, to: f.location.start)
        var depth = 0
        for ch in between { if ch == "（" || ch == "(" { depth += 1 } else if (ch == "）" || ch == ")") && depth > 0 { depth -= 1 } }
        return depth > 0
    }

    static let closingBrackets = ScalarTable(scalarsOf: ")）")

    static func sameFamily(_ a: Figure, _ b: Figure) -> Bool {
        a.kind == b.kind && (a.kind == .money || a.unit == b.unit || a.unit.startsWithBytes(b.unit) || b.unit.startsWithBytes(a.unit))
    }

}
