import Foundation
import Gouji

// Mutation harness: injects one known error into the raw text of a clean report, so that the
// checker's recall on each kind of error can be measured (issue "The checker").
//
// Everything here is deterministic: candidates are found with the pipeline's own extraction and
// fact binding (so offsets are exact), and a candidate is chosen with a SplitMix64 generator
// seeded from the report's name, the class and `Mutator.seed`. The same report, seed and
// lexicons always give the same mutants.

/// The kinds of injected error (numbering as in the issue).
public enum MutationClass: Int, CaseIterable, Sendable, Codable, Comparable {
    case tableTotal = 1, narrativeTotal, narrativePart, digitTypo, transposition, unitSlip, malformedNumber,
         balance, rateOrScore, gradeVsScore, voucherDate, twoValues, growthBase, metStatus, deviationReason

    public static func < (a: MutationClass, b: MutationClass) -> Bool { a.rawValue < b.rawValue }

    /// Short English title for tables.
    public var title: String {
        switch self {
        case .tableTotal: return "table total changed"
        case .narrativeTotal: return "narrative total changed (X … 其中)"
        case .narrativePart: return "narrative part changed (after 其中)"
        case .digitTypo: return "one-digit typo in a checked figure"
        case .transposition: return "adjacent digits transposed"
        case .unitSlip: return "unit slip 元 ↔ 万元"
        case .malformedNumber: return "malformed number in a value cell"
        case .balance: return "结余 ≠ 到位 − 支出"
        case .rateOrScore: return "wrong 执行率 / 得分 (funds row)"
        case .gradeVsScore: return "grade contradicts score"
        case .voucherDate: return "voucher date outside the period"
        case .twoValues: return "same subject, two values"
        case .growthBase: return "growth rate on the wrong base"
        case .metStatus: return "≥ target marked met, actual below"
        case .deviationReason: return "unmet target, no deviation reason"
        }
    }
}

/// One replacement in the original text, by Unicode-scalar offsets (`start..<end` is replaced).
public struct TextEdit: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var replacement: String
    /// The part of `replacement` (scalar offsets relative to it) that is the mutated figure;
    /// nil when the edit is collateral (e.g. filling a reason cell). May be empty (an emptied cell).
    public var target: Range<Int>?

    public init(start: Int, end: Int, replacement: String, target: Range<Int>? = nil) {
        self.start = start; self.end = end; self.replacement = replacement; self.target = target
    }
}

/// A report with one injected error.
public struct Mutant: Sendable {
    public var mutationClass: MutationClass
    /// The report's file name without extension.
    public var report: String
    public var path: String
    /// The edits, sorted by position, in the original text.
    public var edits: [TextEdit]
    /// The mutated text.
    public var text: String
    /// Spans (scalar offsets in `text`) of the mutated figure(s): a finding must touch one of them.
    public var targets: [Range<Int>]
    /// 1-based line (in `text`) of the first target.
    public var line: Int
    /// What was written before and after, for reports: “35.82” → “39.40”.
    public var before: String
    public var after: String
    /// Why this candidate and what the error is, in a few words.
    public var note: String
}

/// Builds mutants of a clean report. See the file header for determinism.
public struct Mutator: Sendable {
    public var pipeline: Pipeline
    public var seed: UInt64

    public init(pipeline: Pipeline = Pipeline(), seed: UInt64 = 0x6F75_6A69) {
        self.pipeline = pipeline
        self.seed = seed
    }

    /// One mutant per class that applies to the document, in class order.
    public func mutants(of document: Document, report: String) -> [Mutant] {
        let result = pipeline.check(document: document)
        let context = Context(document: document, figures: result.figures, facts: result.facts ?? ReportFacts())
        return MutationClass.allCases.compactMap { mutant($0, context: context, report: report) }
    }

    /// The mutant of one class, or nil when the class does not apply to the document.
    public func mutant(_ mutationClass: MutationClass, of document: Document, report: String) -> Mutant? {
        let result = pipeline.check(document: document)
        let context = Context(document: document, figures: result.figures, facts: result.facts ?? ReportFacts())
        return mutant(mutationClass, context: context, report: report)
    }

    func mutant(_ c: MutationClass, context x: Context, report: String) -> Mutant? {
        var rng = SplitMix64(seed: seed ^ fnv1a(report) ^ (UInt64(c.rawValue) &* 0x9E37_79B9_7F4A_7C15))
        let plans: [Plan]
        switch c {
        case .tableTotal: plans = x.tableTotals()
        case .narrativeTotal: plans = x.narrativeTotals()
        case .narrativePart: plans = x.narrativeParts()
        case .digitTypo: plans = x.digitTypos(&rng)
        case .transposition: plans = x.transpositions(&rng)
        case .unitSlip: plans = x.unitSlips()
        case .malformedNumber: plans = x.malformedNumbers()
        case .balance: plans = x.balances()
        case .rateOrScore: plans = x.ratesOrScores()
        case .gradeVsScore: plans = x.grades()
        case .voucherDate: plans = x.vouchers()
        case .twoValues: plans = x.twoValues()
        case .growthBase: plans = x.growthRates()
        case .metStatus: plans = x.metStatus()
        case .deviationReason: plans = x.deviationReasons()
        }
        guard !plans.isEmpty else { return nil }
        let plan = plans[Int(rng.next() % UInt64(plans.count))]
        return x.apply(plan, class: c, report: report)
    }
}

/// A chosen mutation before it is applied.
struct Plan {
    var edits: [TextEdit]
    var note: String
}

/// Deterministic 64-bit generator (Steele, Lea, Flood 2014).
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

func fnv1a(_ s: String) -> UInt64 {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for b in s.utf8 { h ^= UInt64(b); h = h &* 0x100_0000_01B3 }
    return h
}

// MARK: - Decimal helpers

enum Dec {
    /// `value` written with exactly `decimals` places (round half up).
    static func format(_ value: Decimal, decimals: Int) -> String {
        var v = value, r = Decimal()
        NSDecimalRound(&r, &v, decimals, .plain)
        var s = NSDecimalNumber(decimal: r).stringValue
        if decimals > 0 {
            if !s.contains(".") { s += "." }
            let have = s.count - 1 - (s.firstIndex(of: ".").map { s.distance(from: s.startIndex, to: $0) } ?? 0)
            if have < decimals { s += String(repeating: "0", count: decimals - have) }
        }
        return s
    }

    static func decimals(of literal: String) -> Int {
        guard let dot = literal.firstIndex(of: ".") else { return 0 }
        return literal.distance(from: dot, to: literal.endIndex) - 1
    }

    static func unit(_ decimals: Int) -> Decimal {
        var u = Decimal(1)
        for _ in 0..<decimals { u /= 10 }
        return u
    }

    static func double(_ d: Decimal) -> Double { NSDecimalNumber(decimal: d).doubleValue }

    /// A value about 10% away from `value` at the same precision, never equal to it.
    static func bumped(_ literal: String) -> String? {
        guard let v = Decimal(string: literal) else { return nil }
        let d = decimals(of: literal)
        var new = format(v * Decimal(string: "1.1")!, decimals: d)
        if Decimal(string: new) == v { new = format(v + unit(d) * 10, decimals: d) }
        return new
    }
}

// MARK: - Candidate search

struct Context {
    let document: Document
    let figures: [Figure]
    let facts: ReportFacts
    let scalars: [Unicode.Scalar]

    init(document: Document, figures: [Figure], facts: ReportFacts) {
        self.document = document; self.figures = figures; self.facts = facts
        scalars = Array(document.text.unicodeScalars)
    }

    func text(_ r: Range<Int>) -> String {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: scalars[max(0, r.lowerBound)..<min(r.upperBound, scalars.count)])
        return String(v)
    }

    func isDigit(_ i: Int) -> Bool { i >= 0 && i < scalars.count && ("0"..."9").contains(scalars[i]) }

    /// The ASCII number literal inside a location (digits and one run of "." between digits).
    func numberSpan(_ loc: SourceLocation) -> Range<Int>? {
        var i = loc.start
        while i < loc.end, !isDigit(i) { i += 1 }
        guard i < loc.end else { return nil }
        var j = i
        // A thousands separator belongs to the number ("1,055.4"): the span is all of it.
        while j < loc.end, isDigit(j) || ((scalars[j] == "." || scalars[j] == ",") && isDigit(j + 1)) { j += 1 }
        return i..<j
    }

    func numberSpan(_ f: Figure) -> Range<Int>? { numberSpan(f.location) }

    /// Edit putting `new` over the number of a figure; the new number is the target.
    func numberEdit(_ span: Range<Int>, _ new: String) -> TextEdit {
        TextEdit(start: span.lowerBound, end: span.upperBound, replacement: new, target: 0..<new.unicodeScalars.count)
    }

    /// The ~10% change of a figure's number.
    func bump(_ f: Figure?) -> TextEdit? {
        guard let f, let span = numberSpan(f), let new = Dec.bumped(text(span)) else { return nil }
        return numberEdit(span, new)
    }

    /// The trimmed text span of a bound cell.
    func trimmedSpan(_ loc: SourceLocation) -> Range<Int> {
        var s = loc.start, e = min(loc.end, scalars.count)
        while s < e, scalars[s].properties.isWhitespace { s += 1 }
        while e > s, scalars[e - 1].properties.isWhitespace { e -= 1 }
        return s..<e
    }

    func describe(_ f: Figure) -> String { "l.\(f.location.line) “\(f.text)”" }

    var isNational: Bool {
        facts.family == "national-project" || facts.funds?.columns.contains("adjusted") == true
    }

    // 1. table totals: funds totals, 支出合计, department parent rows (三公, 公务用车, 项目支出, 公用经费), 总分.
    func tableTotals() -> [Plan] {
        var out: [Plan] = []
        if let funds = facts.funds {
            for col in funds.columns {
                if let f = funds.totals[col]?.figure, f.value != 0, let e = bump(f) {
                    out.append(Plan(edits: [e], note: "funds total \(funds.labels[col] ?? col) \(describe(f))"))
                }
            }
        }
        if let f = facts.expenseTotal?.figure, let e = bump(f) { out.append(Plan(edits: [e], note: "支出合计 \(describe(f))")) }
        if let data = facts.data {
            for row in ["three_public", "vehicles", "project", "public_funds"] {
                for (col, v) in (data.rows[row] ?? [:]).sorted(by: { $0.key < $1.key }) {
                    if let f = v.figure, f.value != 0, let e = bump(f) {
                        out.append(Plan(edits: [e], note: "\(data.labels[row] ?? row) \(col) \(describe(f))"))
                    }
                }
            }
        }
        if let f = facts.indicatorTotalScore?.figure, let e = bump(f) {
            out.append(Plan(edits: [e], note: "总分 \(describe(f))"))
        }
        return out
    }

    /// Narrative groups "X，其中 a、b、c" whose parts add up to X: the total figure and its parts
    /// (same kind, up to ；or 。).
    func narrativeGroups() -> [(total: Figure, parts: [Figure])] {
        let narrative = figures.filter { !$0.inTable && ($0.kind == .money || $0.kind == .count) }
        var groups: [(Figure, [Figure])] = []
        for f in narrative where !f.approximate && f.direction == nil {
            var i = f.location.end
            var skipped = 0
            while i < scalars.count, skipped < 2, "，,：: ".unicodeScalars.contains(scalars[i]) { i += 1; skipped += 1 }
            guard i + 1 < scalars.count, scalars[i] == "其", scalars[i + 1] == "中" else { continue }
            var stop = i
            while stop < scalars.count, !"；;。\n".unicodeScalars.contains(scalars[stop]) { stop += 1 }
            let parts = narrative.filter {
                $0.location.start > i && $0.location.end <= stop && $0.kind == f.kind && $0.unit == f.unit
                    && $0.direction == nil && !$0.approximate
            }
            // Only a list that adds up to its total in the clean text is a partition the text
            // states; changing a figure of any other list injects no inconsistency.
            if parts.count >= 2, parts.reduce(Decimal(0), { $0 + $1.value }) == f.value { groups.append((f, parts)) }
        }
        return groups
    }

    // 2.
    func narrativeTotals() -> [Plan] {
        narrativeGroups().compactMap { g in
            bump(g.total).map { Plan(edits: [$0], note: "total \(describe(g.total)) of \(g.parts.count) parts") }
        }
    }

    // 3.
    func narrativeParts() -> [Plan] {
        narrativeGroups().flatMap { g in
            g.parts.filter { $0.value != 0 }.compactMap { p in
                bump(p).map { Plan(edits: [$0], note: "part \(describe(p)) of total \(describe(g.total))") }
            }
        }
    }

    /// Figures that take part in a table check: funds grid, expense lines, department data,
    /// funds rate and score, indicator scores and the total score. Nonzero, written in ASCII digits.
    func checkedFigures() -> [Figure] {
        var out: [Figure?] = []
        if let funds = facts.funds {
            for col in funds.columns {
                out.append(funds.totals[col]?.figure)
                for src in funds.sources { out.append(funds.cells[src]?[col]?.figure) }
            }
            out += [funds.rate?.figure, funds.score?.figure]
        }
        out += facts.expenses.map { $0.amount?.figure }
        out.append(facts.expenseTotal?.figure)
        if let data = facts.data {
            for row in data.rows.keys.sorted() {
                for col in (data.rows[row] ?? [:]).keys.sorted() { out.append(data.rows[row]?[col]?.figure) }
            }
        }
        out += facts.indicators.map { $0.score?.figure }
        out.append(facts.indicatorTotalScore?.figure)
        return out.compactMap { $0 }.filter { $0.value != 0 && numberSpan($0) != nil }
    }

    // 4. one digit of the integer part replaced (a typo that changes the value by ≥ 1 unit).
    func digitTypos(_ rng: inout SplitMix64) -> [Plan] {
        checkedFigures().compactMap { f in
            guard let span = numberSpan(f) else { return nil }
            let lit = Array(text(span).unicodeScalars)
            let intLen = lit.firstIndex(of: ".") ?? lit.count
            let pos = Int(rng.next() % UInt64(intLen))
            let d = Int(lit[pos].value - 48)
            var nd = (d + 1 + Int(rng.next() % 8)) % 10
            if pos == 0, intLen > 1, nd == 0 { nd = d == 9 ? 8 : 9 }
            var new = lit
            new[pos] = Unicode.Scalar(UInt8(48 + nd))
            var v = String.UnicodeScalarView(); v.append(contentsOf: new)
            return Plan(edits: [numberEdit(span, String(v))], note: "typo in \(describe(f))")
        }
    }

    // 5. two adjacent, different digits swapped (never across the point, never a leading zero).
    func transpositions(_ rng: inout SplitMix64) -> [Plan] {
        checkedFigures().compactMap { f in
            guard let span = numberSpan(f) else { return nil }
            let lit = Array(text(span).unicodeScalars)
            let pairs = (0..<max(0, lit.count - 1)).filter { i in
                lit[i] != "." && lit[i + 1] != "." && lit[i] != lit[i + 1]
                    && !(i == 0 && lit[1] == "0" && (lit.count > 2 && lit[2] != "."))
            }
            guard !pairs.isEmpty else { return nil }
            let i = pairs[Int(rng.next() % UInt64(pairs.count))]
            var new = lit
            new.swapAt(i, i + 1)
            var v = String.UnicodeScalarView(); v.append(contentsOf: new)
            return Plan(edits: [numberEdit(span, String(v))], note: "transposition in \(describe(f))")
        }
    }

    // 6. 元 ↔ 万元 on a money figure that is a narrative total or part, or a table cell with a written unit.
    func unitSlips() -> [Plan] {
        var money = narrativeGroups().filter { $0.total.kind == .money }.flatMap { [$0.total] + $0.parts }
        money += figures.filter { $0.inTable && $0.kind == .money && $0.unitSource == nil && $0.comparator == nil }
            .filter { f in checkedFigures().contains { $0.location == f.location } }
        return money.compactMap { f in
            guard let span = numberSpan(f) else { return nil }
            let after = text(span.upperBound..<min(scalars.count, span.upperBound + 2))
            let old: String, new: String
            if after == "万元" { old = "万元"; new = "元" } else if after.hasPrefix("元") { old = "元"; new = "万元" } else { return nil }
            let end = span.upperBound + old.unicodeScalars.count
            let replacement = text(span) + new
            return Plan(edits: [TextEdit(start: span.lowerBound, end: end, replacement: replacement,
                                         target: 0..<replacement.unicodeScalars.count)],
                        note: "unit \(old) → \(new) on \(describe(f))")
        }
    }

    // 7. a trailing point on a decimal number that is the whole value cell ("5.8" → "5.8.").
    func malformedNumbers() -> [Plan] {
        figures.filter { $0.inTable && $0.kind.isQuantity && $0.decimals > 0 }.compactMap { f in
            guard let span = numberSpan(f) else { return nil }
            let cell = document.tables.lazy.flatMap { $0.rows.joined() }.first { $0.location.start <= span.lowerBound && span.upperBound <= $0.location.end }
            guard let cell, cell.trimmed == text(span) else { return nil }
            let new = text(span) + "."
            return Plan(edits: [numberEdit(span, new)], note: "trailing point on \(describe(f))")
        }
    }

    // 8. Hunan grid: the 结余 of the total and of one source raised by one unit of the first
    //    decimal (as in the flawed feiyi report), so the sources still add up and only T02 fails.
    func balances() -> [Plan] {
        guard let funds = facts.funds, funds.columns.contains("balance"),
              let total = funds.totals["balance"]?.figure, let tspan = numberSpan(total) else { return [] }
        let sources = funds.sources.filter { funds.cells[$0]?["balance"]?.figure?.value != 0 }
        let candidates = sources.isEmpty ? funds.sources.filter { funds.cells[$0]?["received"]?.figure?.value != 0 } : sources
        return candidates.compactMap { src in
            guard let f = funds.cells[src]?["balance"]?.figure, let span = numberSpan(f),
                  let tv = Decimal(string: text(tspan)), let sv = Decimal(string: text(span)) else { return nil }
            let d = max(Dec.decimals(of: text(tspan)), 1)
            let step = Dec.unit(1)
            return Plan(edits: [numberEdit(tspan, Dec.format(tv + step, decimals: d)),
                                numberEdit(span, Dec.format(sv + step, decimals: d))],
                        note: "结余 +0.1 on total \(describe(total)) and \(funds.labels[src] ?? src) \(describe(f))")
        }
    }

    // 9. national funds row: 执行率 − 2 points or 得分 − 0.5.
    func ratesOrScores() -> [Plan] {
        guard let funds = facts.funds else { return [] }
        var out: [Plan] = []
        if let f = funds.rate?.figure, let span = numberSpan(f), let v = Decimal(string: text(span)) {
            let d = Dec.decimals(of: text(span))
            out.append(Plan(edits: [numberEdit(span, Dec.format(v - 2, decimals: d))], note: "执行率 −2 on \(describe(f))"))
        }
        if let f = funds.score?.figure, let span = numberSpan(f), let v = Decimal(string: text(span)) {
            let d = Dec.decimals(of: text(span))
            let step = d > 0 ? Decimal(string: "0.5")! : 1
            out.append(Plan(edits: [numberEdit(span, Dec.format(v - step, decimals: max(d, d > 0 ? 1 : 0)))],
                            note: "执行得分 −\(step) on \(describe(f))"))
        }
        return out
    }

    // 10. the grade cell set to a label of another band (top band → 合格/中, else → 优秀/优).
    func grades() -> [Plan] {
        guard let g = facts.fields["grade"] else { return [] }
        let span = trimmedSpan(g.location)
        let old = text(span)
        let long = ["优秀", "良好", "合格", "中等", "一般", "不合格", "较差"]
        let new: String
        if old == "优秀" { new = "合格" } else if old == "优" { new = "中" }
        else if long.contains(old) { new = "优秀" } else if ["良", "中", "差"].contains(old) { new = "优" } else { return [] }
        return [Plan(edits: [numberEdit(span, new)], note: "grade l.\(g.location.line) “\(old)” → “\(new)”")]
    }

    // 11. a voucher date moved to the year after the period (a year is added when the voucher has none).
    func vouchers() -> [Plan] {
        guard let period = facts.period else { return [] }
        let year = period.end.year + 1
        return facts.expenses.compactMap { line in
            guard let v = line.voucher, !v.empty else { return nil }
            let span = trimmedSpan(v.location)
            let old = text(span)
            let scal = Array(old.unicodeScalars)
            let new: String
            if scal.count >= 5, scal[0..<4].allSatisfy({ ("0"..."9").contains($0) }), scal[4] == "年" {
                var rest = String.UnicodeScalarView(); rest.append(contentsOf: scal[4...])
                new = String(year) + String(rest)
            } else if let first = scal.first, ("0"..."9").contains(first), old.contains("月") {
                new = "\(year)年" + old
            } else { return nil }
            return Plan(edits: [numberEdit(span, new)], note: "voucher l.\(v.location.line) “\(old)” → “\(new)” (period \(period.text))")
        }
    }

    /// The paragraph holding a scalar offset.
    func paragraph(at offset: Int) -> Paragraph? {
        document.paragraphs.first { $0.location.start <= offset && offset < $0.location.end }
    }

    // 12. a narrative sentence with a count copied right after itself, the count changed in the copy.
    //     Counts that take part in a 其中 sum or sit in a clause with a growth or change word are
    //     skipped, so that only the two values of one subject contradict each other.
    func twoValues() -> [Plan] {
        let grouped = Set(narrativeGroups().flatMap { [$0.total] + $0.parts }.map(\.location.start))
        // Only a value stated as this period's (not a target, base, change or part, and with no
        // other period named): a second value of a target or of last year is no contradiction.
        return figures.filter { !$0.inTable && $0.kind == .count && $0.subject != nil && !$0.approximate && $0.direction == nil
            && [.stated, .actual, .total].contains($0.role) && $0.period == nil && $0.comparator == nil }
            .filter { !grouped.contains($0.location.start) }
            .compactMap { f in
                guard let p = paragraph(at: f.location.start), let span = numberSpan(f),
                      let v = Decimal(string: text(span)), Dec.decimals(of: text(span)) == 0 else { return nil }
                var cs = f.location.start, ce = f.location.end
                while cs > p.location.start, !"。；".unicodeScalars.contains(scalars[cs - 1]) { cs -= 1 }
                while ce < p.location.end, !"。；".unicodeScalars.contains(scalars[ce]) { ce += 1 }
                let clause = text(cs..<ce)
                if ["较上年", "比上年", "同比", "增长", "下降", "增加", "减少", "提高", "其中"].contains(where: clause.contains) { return nil }
                var s = f.location.start
                while s > p.location.start, scalars[s - 1] != "。" { s -= 1 }
                var e = f.location.end
                while e < p.location.end, scalars[e] != "。" { e += 1 }
                if e < p.location.end { e += 1 }
                // A line without sentence punctuation is a table row laid out as text
                // ("牛养殖数量 3头 3头"): a copy of it is another row, not a second value.
                guard text(s..<e).unicodeScalars.contains(where: { "。，；,".unicodeScalars.contains($0) }) else { return nil }
                let step = max(1, (Dec.double(v) / 10).rounded())
                let new = Dec.format(v + Decimal(step), decimals: 0)
                let copy = text(s..<span.lowerBound) + new + text(span.upperBound..<e)
                let offset = span.lowerBound - s
                return Plan(edits: [TextEdit(start: e, end: e, replacement: copy,
                                             target: offset..<(offset + new.unicodeScalars.count))],
                            note: "sentence with \(describe(f)) repeated with \(new)")
            }
    }

    // 13. a growth rate (较上年 / 同比 / 比上年 … 增长/下降 x%) changed by +1 point, where the
    //     error is decidable: the base or increment is written, or the value is a count and
    //     no integer base fits the new rate.
    func growthRates() -> [Plan] {
        figures.filter { !$0.inTable && $0.kind == .percent && $0.direction != nil }.compactMap { f in
            guard let p = paragraph(at: f.location.start), let span = numberSpan(f),
                  let g = Decimal(string: text(span).replacingOccurrences(of: ",", with: "")) else { return nil }
            var s = f.location.start
            while s > p.location.start, !"。；".unicodeScalars.contains(scalars[s - 1]) { s -= 1 }
            let before = text(s..<f.location.start)
            guard let marker = ["较上年", "比上年", "同比"].compactMap({ before.range(of: $0, options: .backwards) }).max(by: { $0.lowerBound < $1.lowerBound })
            else { return nil }
            let afterMarker = before[marker.upperBound...]
            let stated = afterMarker.contains { $0.isASCII && $0.isNumber }
            let value = figures.last { $0.location.start >= s && $0.location.end <= f.location.start && !$0.inTable
                && $0.kind.isQuantity && $0.kind != .percent && $0.direction == nil }
            let d = Dec.decimals(of: text(span))
            var newRate = g + 1
            // The value the rate belongs to must be in the same statement for the rate to be decidable.
            guard value != nil else { return nil }
            if !stated {
                guard let value, value.kind == .count, value.decimals == 0 else { return nil }
                let v = Dec.double(value.number), u = Dec.double(Dec.unit(d))
                let sign: Double = f.direction == "down" ? -1 : 1
                func integerBaseFits(_ r: Decimal) -> Bool {
                    let rr = Dec.double(r)
                    let lo = v / (1 + sign * (rr + u) / 100), hi = v / (1 + sign * (rr - 0.5 * u) / 100)
                    return floor(max(lo, hi)) >= min(lo, hi)
                }
                var tries = 0
                while integerBaseFits(newRate), tries < 10 { newRate += 1; tries += 1 }
                if integerBaseFits(newRate) { return nil }
            }
            let new = Dec.format(newRate, decimals: d)
            return Plan(edits: [numberEdit(span, new)],
                        note: "growth rate \(describe(f)) → \(new)%" + (stated ? " (base/increment written)" : " (count \(value.map(describe) ?? ""))"))
        }
    }

    /// Indicator rows with a ≥ target, a numeric actual, and (optionally) weight and score.
    func atLeastRows() -> [(row: IndicatorRow, target: Figure, actual: Figure)] {
        facts.indicators.compactMap { row in
            guard let t = row.targetFigures.first ?? row.target?.figure,
                  let a = row.actualFigures.first ?? row.actual?.figure, a.comparator == nil else { return nil }
            let op = t.comparator ?? (row.nature?.contains("≥") == true ? .atLeast : nil)
            guard op == .atLeast, t.value > 0 else { return nil }
            return (row, t, a)
        }
    }

    /// The actual of a ≥ row lowered to 90% of the target, at the actual's precision.
    func lowered(_ t: Figure, _ a: Figure) -> TextEdit? {
        guard let span = numberSpan(a) else { return nil }
        let d = Dec.decimals(of: text(span))
        var new = Dec.format(t.number * Decimal(string: "0.9")!, decimals: d)
        if let n = Decimal(string: new), n >= t.number { new = Dec.format(t.number - 1, decimals: d) }
        return numberEdit(span, new)
    }

    // 14. a met ≥ row with a full score: actual lowered below the target; the score stays full.
    //     An empty reason cell is filled with a reason, so that only the met status and the
    //     score (G02/G05/T10) can reveal the error, not the missing reason (G03).
    func metStatus() -> [Plan] {
        atLeastRows().compactMap { r in
            guard let w = r.row.weight?.figure, let sc = r.row.score?.figure, w.value == sc.value, w.value > 0,
                  r.actual.value >= r.target.value, let edit = lowered(r.target, r.actual) else { return nil }
            var edits = [edit]
            if let reason = r.row.reason, reason.text.trimmedWhitespace.isEmpty {
                let at = reason.location.start
                edits.append(TextEdit(start: at, end: trimmedSpan(reason.location).upperBound,
                                      replacement: "受客观因素影响，实际完成值略低于目标值。"))
            }
            return Plan(edits: edits.sorted { $0.start < $1.start },
                        note: "actual \(describe(r.actual)) lowered below target \(r.target.text), score \(sc.text)/\(w.text) kept")
        }
    }

    // 15. national form: an unmet ≥ row whose reason is emptied; when no row is unmet, a met row
    //     with an empty reason gets its actual lowered. The actual and the reason cell are targets.
    func deviationReasons() -> [Plan] {
        guard isNational else { return [] }
        let rows = atLeastRows().filter { $0.row.reason != nil }
        let unmet = rows.filter { $0.actual.value < $0.target.value && !($0.row.reason!.text.trimmedWhitespace.isEmpty) }
        if !unmet.isEmpty {
            return unmet.compactMap { r in
                guard let aspan = numberSpan(r.actual) else { return nil }
                let reason = r.row.reason!
                let rspan = trimmedSpan(reason.location)
                return Plan(edits: [TextEdit(start: aspan.lowerBound, end: aspan.upperBound, replacement: text(aspan),
                                             target: 0..<(aspan.count)),
                                    TextEdit(start: rspan.lowerBound, end: rspan.upperBound, replacement: "", target: 0..<0)],
                            note: "reason of unmet \(describe(r.actual)) (target \(r.target.text)) emptied")
            }
        }
        return rows.filter { $0.actual.value >= $0.target.value && $0.row.reason!.text.trimmedWhitespace.isEmpty }
            .compactMap { r in
                guard let edit = lowered(r.target, r.actual) else { return nil }
                let at = trimmedSpan(r.row.reason!.location).lowerBound
                return Plan(edits: [edit, TextEdit(start: at, end: at, replacement: "", target: 0..<0)],
                            note: "actual \(describe(r.actual)) lowered below target \(r.target.text), reason cell empty")
            }
    }

    // MARK: apply

    func apply(_ plan: Plan, class c: MutationClass, report: String) -> Mutant {
        let edits = plan.edits.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        var out = String.UnicodeScalarView()
        var targets: [Range<Int>] = []
        var cursor = 0
        var before: [String] = [], after: [String] = []
        for e in edits {
            out.append(contentsOf: scalars[cursor..<e.start])
            let base = out.count
            out.append(contentsOf: e.replacement.unicodeScalars)
            if let t = e.target { targets.append((base + t.lowerBound)..<(base + t.upperBound)) }
            cursor = e.end
            if e.start != e.end || !e.replacement.isEmpty {
                before.append(text(e.start..<e.end)); after.append(e.replacement)
            }
        }
        out.append(contentsOf: scalars[cursor...])
        let mutated = String(out)
        let line = LineIndex(mutated).line(of: targets.first?.lowerBound ?? 0)
        return Mutant(mutationClass: c, report: report, path: document.path, edits: edits, text: mutated,
                      targets: targets, line: line,
                      before: before.map { "“\($0)”" }.joined(separator: " + "),
                      after: after.map { "“\($0)”" }.joined(separator: " + "), note: plan.note)
    }
}
