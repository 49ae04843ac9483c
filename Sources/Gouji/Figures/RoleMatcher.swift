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
}

/// Gives each figure its role and the period its clause names, from the words of
/// Lexicons/roles.yaml found in the clause before it (back to the previous ，；。：、 or the line
/// start). One matcher for every rule: the words are data, not lists inside rule files.
public struct RoleMatcher: Sendable {
    public var words: RoleWords
    public var directions: [String]

    public init(lexicons: Lexicons) {
        words = lexicons.roles
        directions = lexicons.units.directions.keys.sorted { $0.count > $1.count }
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
            let clause = lines.text(from: clauseStart, to: f.location.start)
            let statementStart = lines.back(from: f.location.start, to: Self.statementEnds)
            let statement = statementStart < clauseStart ? lines.text(from: statementStart, to: f.location.start) : clause
            figures[i].period = period(in: clause)
            figures[i].role = role(of: f, clause: clause, statement: statement)
        }
    }

    /// The role of `f` given the clause and the statement (back to ；。) before it.
    public func role(of f: Figure, clause: String, statement: String) -> FigureRole {
        if f.kind == .year { return isBase(clause) ? .base : .stated }
        if f.direction != nil || f.kind == .percentagePoints || words.change.contains(where: clause.contains) { return .change }
        if f.kind == .percent && words.share.contains(where: clause.contains) { return .share }
        if isBase(clause) { return .base }
        if words.target.contains(where: clause.contains) || words.targetHeaders.contains(where: statement.contains)
            || f.text.hasPrefix("≥") || f.text.hasPrefix("≤") { return .target }
        if words.partOpeners.contains(where: { statement.contains($0) }) && !words.hasTotalWord(clause) { return .part }
        if words.hasTotalWord(clause) { return .total }
        if words.actual.contains(where: clause.contains) { return .actual }
        return .stated
    }

    /// Whether the clause makes the figure after it a previous-period base: a comparison word
    /// with no direction word after it, or a previous-period word (not 上年结转 …) with none.
    public func isBase(_ clause: String) -> Bool {
        for word in words.comparison {
            guard let r = clause.range(of: word) else { continue }
            let rest = String(clause[r.upperBound...])
            if !directions.contains(where: rest.contains) { return true }
        }
        for word in words.comparisonBeforeYear {
            var from = clause.startIndex
            while let r = clause.range(of: word, range: from..<clause.endIndex) {
                let rest = clause[r.upperBound...]
                let digits = rest.prefix(4)
                if digits.count == 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }), rest.dropFirst(4).first == "年",
                   !directions.contains(where: String(rest).contains) { return true }
                from = r.upperBound
            }
        }
        for word in words.previousPeriod {
            guard let r = clause.range(of: word) else { continue }
            if words.previousPeriodExceptions.contains(where: clause.contains) { continue }
            let rest = String(clause[r.upperBound...])
            if !directions.contains(where: rest.contains) { return true }
        }
        return false
    }

    /// "上年" when the clause names the previous period, a year such as "2021" when it names one.
    public func period(in clause: String) -> String? {
        if words.previousPeriod.contains(where: clause.contains), !words.previousPeriodExceptions.contains(where: clause.contains) {
            return "上年"
        }
        let scalars = Array(clause.unicodeScalars)
        var i = 0
        while i + 4 < scalars.count {
            if scalars[i..<(i + 4)].allSatisfy({ $0.properties.numericType == .decimal && $0.isASCII }), scalars[i + 4] == "年",
               i == 0 || !(scalars[i - 1].isASCII && scalars[i - 1].properties.numericType == .decimal) {
                let year = String(String.UnicodeScalarView(scalars[i..<(i + 4)]))
                if let y = Int(year), (1990...2100).contains(y) { return year }
            }
            i += 1
        }
        return nil
    }
}
