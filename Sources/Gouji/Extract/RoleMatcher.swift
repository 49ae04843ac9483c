import Foundation

/// What a figure is doing in the clause it stands in. Rules consume roles instead of positions:
/// a previous-period base is never a total, an actual value is never a claim that a target is met.
public enum FigureRole: String, Codable, Sendable, CaseIterable {
    /// A value stated with no more specific role.
    case stated
    /// A previous-period value something is compared with ("较2021年的3470户", "上年为…").
    case base
    /// A value to be achieved ("目标…", "不少于…", "计划…").
    case target
    /// A value achieved ("完成…", "实际…", "达到87.1%").
    case actual
    /// A change against a base ("增长18.73%", "减少221万元", "提高2个百分点").
    case change
    /// A share of a whole ("占总支出的35%").
    case share
    /// An item of a 其中/包括 list.
    case part
    /// A sum ("共…", "合计…").
    case total
    /// A threshold of a scoring standard ("预算完成率100%计满分", "每低于5%扣2分"): not a figure of
    /// the report; no rule checks it.
    case criterion
}

/// Gives each figure its role and the period its clause names, from the words of
/// Lexicons/roles.yaml found in the clause before it (back to the previous ，；。：、 or the line
/// start). One matcher for every rule: the words are data, not lists inside rule files.
public struct RoleMatcher: Sendable {
    public var words: RoleWords
    public var directions: [String]
    let bytes: Bytes

    public init(lexicons: Lexicons) {
        words = lexicons.roles
        directions = lexicons.units.directions.keys.sorted { $0.count > $1.count }
        let utf8 = { (list: [String]) in list.map { Array($0.utf8) } }
        bytes = Bytes(comparison: utf8(words.comparison), comparisonBeforeYear: utf8(words.comparisonBeforeYear),
                      previousPeriod: utf8(words.previousPeriod), exceptions: utf8(words.previousPeriodExceptions),
                      directions: utf8(directions))
    }

    static let clauseMarks = ScalarTable(scalarsOf: "，,；;。：:、")
    static let statementEnds = ScalarTable(scalarsOf: "；;。")

    /// Sets `role` and `period` on every quantity and year figure of `document`.
    public func assign(_ figures: inout [Figure], in document: Document) {
        let lines = document.lines
        for i in figures.indices {
            let f = figures[i]
            guard f.kind.isQuantity || f.kind == .year else { continue }
            let clauseStart = lines.back(from: f.location.start, to: Self.clauseMarks)
            if isCriterion(lines.text(from: clauseStart, to: f.location.start))
                || isCriterion(lines.text(from: f.location.end, to: lines.forward(from: f.location.end, to: Self.clauseMarks))) {
                figures[i].role = .criterion
                continue
            }
            // A figure alone at the start of its clause (most table cells): no word gives it a role
            // but its direction or a comparison sign.
            // A one-character word ("，占40%") is a word, not a lead-in.
            if f.location.start - clauseStart < 2 && !f.text.hasPrefix("≥") && !f.text.hasPrefix("≤")
                && !(f.location.start - clauseStart == 1 && lines.scalar(at: clauseStart).map { $0.properties.isIdeographic } == true) {
                if f.direction != nil || f.kind == .percentagePoints { figures[i].role = .change }
                continue
            }
            let clause = lines.text(from: clauseStart, to: f.location.start)
            figures[i].period = period(in: clause)
            figures[i].role = role(of: f, clause: clause) {
                let statementStart = lines.back(from: f.location.start, to: Self.statementEnds)
                return statementStart < clauseStart ? lines.text(from: statementStart, to: f.location.start) : clause
            }
        }
    }

    /// The role of `f` given the clause and the statement (back to ；。) before it.
    /// `statement` gives the text back to the previous ；。 (asked for only when the clause does not decide).
    public func role(of f: Figure, clause: String, statement: () -> String) -> FigureRole {
        if f.kind == .year { return isBase(clause) ? .base : .stated }
        if f.direction != nil || f.kind == .percentagePoints || words.change.contains(where: clause.containsBytes(of:)) { return .change }
        if f.kind == .percent && words.share.contains(where: clause.containsBytes(of:)) { return .share }
        if isBase(clause) { return .base }
        if words.target.contains(where: clause.containsBytes(of:)) || f.text.hasPrefix("≥") || f.text.hasPrefix("≤") { return .target }
        let statement = statement()
        if words.targetHeaders.contains(where: statement.containsBytes(of:)) { return .target }
        if words.partOpeners.contains(where: { statement.containsBytes(of: $0) }) && !words.hasTotalWord(clause) { return .part }
        if words.hasTotalWord(clause) { return .total }
        if words.actual.contains(where: clause.containsBytes(of:)) { return .actual }
        return .stated
    }

    /// Whether the clause makes the figure after it a previous-period base: a comparison word
    /// with no direction word after it, or a previous-period word (not 上年结转 …) with none.
    /// Searched in the clause's UTF-8 bytes (it runs for every figure).
    public func isBase(_ clause: String) -> Bool {
        let text = Array(clause.utf8)
        func find(_ w: [UInt8], from start: Int) -> Int? {
            guard !w.isEmpty, text.count - start >= w.count else { return nil }
            var i = start
            while i + w.count <= text.count {
                if text[i] == w[0] && text[i..<(i + w.count)].elementsEqual(w) { return i }
                i += 1
            }
            return nil
        }
        func directionAfter(_ i: Int) -> Bool { bytes.directions.contains { find($0, from: i) != nil } }
        for w in bytes.comparison {
            if let i = find(w, from: 0), !directionAfter(i + w.count) { return true }
        }
        for w in bytes.comparisonBeforeYear {
            var from = 0
            while let i = find(w, from: from) {
                let j = i + w.count
                if j + 4 < text.count, text[j..<(j + 4)].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                   text[(j + 4)...].starts(with: Self.nian), !directionAfter(j) { return true }
                from = j
            }
        }
        var exception: Bool? = nil
        for w in bytes.previousPeriod {
            guard let i = find(w, from: 0) else { continue }
            if exception == nil { exception = bytes.exceptions.contains { find($0, from: 0) != nil } }
            if exception! { continue }
            if !directionAfter(i + w.count) { return true }
        }
        return false
    }

    static let nian = Array("年".utf8)

    /// Whether `text` holds a word of a scoring standard.
    public func isCriterion(_ text: String) -> Bool { words.criterion.contains(where: text.containsBytes(of:)) }

    /// The role words as UTF-8, made once.
    struct Bytes: Sendable {
        var comparison: [[UInt8]], comparisonBeforeYear: [[UInt8]], previousPeriod: [[UInt8]], exceptions: [[UInt8]], directions: [[UInt8]]
    }

    /// "上年" when the clause names the previous period, a year such as "2021" when it names one.
    public func period(in clause: String) -> String? {
        if words.previousPeriod.contains(where: clause.containsBytes(of:)), !words.previousPeriodExceptions.contains(where: clause.containsBytes(of:)) {
            return "上年"
        }
        // A year: four ASCII digits (not part of a longer number) followed by 年.
        let b = Array(clause.utf8), nian = Self.nian
        var i = 0
        while i + 4 + nian.count <= b.count {
            if (i == 0 || !(b[i - 1] >= 0x30 && b[i - 1] <= 0x39)), b[i..<(i + 4)].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
               b[(i + 4)...].starts(with: nian) {
                let year = String(decoding: b[i..<(i + 4)], as: UTF8.self)
                if let y = Int(year), (1990...2100).contains(y) { return year }
            }
            i += 1
        }
        return nil
    }
}
