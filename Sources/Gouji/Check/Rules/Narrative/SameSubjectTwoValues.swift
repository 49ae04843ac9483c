import Foundation

/// N02: the same subject, level and measure (总数/新增) is given two different values.
public struct SameSubjectTwoValues: Rule {
    public static let description = RuleDescription(
        id: "N02", name: "same-subject-two-values", family: .narrative, severity: .error, also: [.warning, .info],
        summary: Localized(zh: "同一主体、同一口径在报告中出现两个不同数值", en: "The same subject and measure is given two different values"),
        triggering: ["新增首次认定高新技术企业91个，总数达359家，增幅33.95%。\n2021年，高新技术企业达到↓618家，同比增长32.62%。",
            """
            全年累计发放创业担保贷款2860万元，扶持创业1432人。
            2023年，全市累计发放创业担保贷款↓2680万元，带动就业3100人。
            """,
        ],
        nonTriggering: ["新增首次认定高新技术企业91个，总数达359家，增幅33.95%。\n2021年，高新技术企业达到359家，同比增长33.95%。",
            """
            2022年末全县规模以上工业企业达到126家，较上年增加9家。
            截至2022年底，全县规模以上工业企业共126家，产值同比增长8.6%。
            """,
            """
            全年累计发放创业担保贷款2860万元，扶持创业1432人。
            2023年，全市累计发放创业担保贷款2860万元，带动就业3100人。
            """,
        ])

    public init() {}

    /// The parts joined by "|", into one string of the right capacity (`joined` cost more than
    /// the rest of the grouping).
    static func key(_ parts: [String]) -> ByteKey {
        var s = ""
        s.reserveCapacity(parts.reduce(parts.count) { $0 + $1.utf8.count })
        for (i, p) in parts.enumerated() {
            if i > 0 { s += "|" }
            s += p
        }
        return ByteKey(s)
    }

    public func check(_ c: RuleContext) -> [Finding] {
        var groups: [ByteKey: [Figure]] = [:]
        let partsOfTotals = Set(c.totalPartGroups.flatMap { $0.1.map(\.location.start) })
        for f in c.quantities where f.subject != nil && !f.approximate && f.direction == nil && f.kind != .percent && !c.isTarget(f)
            && ![.base, .change, .share, .target, .part].contains(f.role) {
            if let measure = Targets.measureClass(f) {
                let key = Self.key([f.subject!, f.kind.rawValue, f.unit == "家" || f.unit == "个" ? "个" : f.unit, Targets.level(f, c.lexicons) ?? "", measure])
                groups[key, default: []].append(f)
            } else if let phrase = [f.subjectPhrase, f.subject].compactMap({ $0 }).first(where: { $0.utf8.count >= 4 && $0.hasAtLeast(4) }), f.kind == .count || f.kind == .money, !partsOfTotals.contains(f.location.start),
                      !c.clause(before: f).containsBytes(of: "其中") {
                // Without a measure word, the same full phrase twice ("查处各类违法案件216件" restated).
                let key = Self.key(["phrase", phrase, f.kind.rawValue, f.unit])
                groups[key, default: []].append(f)
            }
        }
        var out: [Finding] = []
        let pairs = c.growthPairs
        for (_, figs) in groups.sorted(by: { $0.value[0].location.start < $1.value[0].location.start }) {
            let distinct = Dictionary(grouping: figs, by: \.value)
            guard distinct.count >= 2 else { continue }
            // A restatement is made in another sentence, not within one list.
            if figs.allSatisfy({ $0.sentence == figs[0].sentence }) { continue }
            let firsts = distinct.values.map { $0[0] }.sorted { $0.location.start < $1.location.start }
            let a = firsts[0], b = firsts[1]
            // Two values in one paragraph or cell are compared there (本年/上年, 预算/决算), and two
            // periods are two subjects.
            if a.kind == .money && a.block == b.block || a.period != b.period { continue }
            let sa = Targets.stage(a, c.lexicons), sb = Targets.stage(b, c.lexicons)
            // Amounts share their subject words far more often than counts do ("支出", "资金"):
            // a money pair found by its words is a warning at most.
            // and two values both read from prose are a warning at most: an error needs one of them
            // bound by a table.
            let prose = !(a.inTable || b.inTable)
            // Two prose mentions matched by their words alone, with no measure word (总数/累计/新增)
            // saying they count the same thing, are a guess (a note) unless the same words are
            // restated around another number.
            // Two amounts both read from prose are a guess too: amounts share their subject words
            // (实际完成, 已支付) across funds, projects and years far more often than counts do.
            let guess = prose && (a.kind == .money || Targets.measureClass(a) == nil && Targets.measureClass(b) == nil
                && c.clause(before: a).trimmedSpaces != c.clause(before: b).trimmedSpaces)
            let severity: Severity = guess ? .info : ((sa != nil && sb != nil && sa != sb) || a.kind == .money || prose ? .warning : .error)
            // Show what each value's growth rate implies.
            var notes: [(String, String)] = []
            for f in firsts.prefix(2) {
                guard let p = pairs.first(where: { $0.value.location == f.location }) else { continue }
                let base = Growth.impliedBase(p)
                let whole = base.lo.rounded(0, .up)
                let baseText = base.containsInteger ? whole.plain : base.mid.display(2)
                notes.append(("\(f.number.plain) ÷ (1 + \(p.rate.number.plain)%) ≈ \(base.mid.display(2))，上年约 \(baseText)，增量 \((f.number - (base.containsInteger ? whole : base.mid)).display(2))",
                              "\(f.number.plain) / (1 + \(p.rate.number.plain)%) ≈ \(base.mid.display(2)), prior year about \(baseText), increase \((f.number - (base.containsInteger ? whole : base.mid)).display(2))"))
            }
            if let n = c.quantities.first(where: { $0.subject == a.subject && $0.scopes.contains("新增") && !c.isTarget($0) }) {
                notes.append(("另报新增 \(n.text)", "an increase of \(n.text) is also stated"))
            }
            let subject = a.subject!
            if let f = c.finding(Self.description, severity: severity,
                                 message: Localized(zh: "“\(subject)”\(Targets.measureClass(a).map { "的" + $0 } ?? "")前后不一：第\(a.location.line)行为 \(a.text)，第\(b.location.line)行为 \(b.text)",
                                                    en: "“\(subject)” is given two values: \(a.text) on line \(a.location.line), \(b.text) on line \(b.location.line)"),
                                 arithmetic: notes.isEmpty ? nil : Localized(zh: notes.map(\.0).joined(separator: "；"), en: notes.map(\.1).joined(separator: "; ")),
                                 figures: firsts,
                                 suggestions: [Suggestion(location: b.location, original: b.text, replacement: a.text,
                                                          reason: Localized(zh: "保留一个数值并写明口径（如首次认定/有效期内总数、全市/市本级）", en: "keep one value and state its scope"))]) {
                out.append(f)
            }
        }
        return out
    }
}
