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
        index = WordIndex(words: words, directions: directions)
    }

    /// Every role word of the clause lists in one PCRE2 alternation, longest first, so that a
    /// clause is scanned once ("公共" is matched whole and hides its 共; "上年结转" its 上年).
    struct WordIndex: @unchecked Sendable {
        struct Kind: OptionSet, Sendable {
            let rawValue: Int
            static let change = Kind(rawValue: 1), share = Kind(rawValue: 2), target = Kind(rawValue: 4)
            static let total = Kind(rawValue: 8), actual = Kind(rawValue: 16), comparison = Kind(rawValue: 32)
            static let beforeYear = Kind(rawValue: 64), previous = Kind(rawValue: 128), exception = Kind(rawValue: 256)
            static let direction = Kind(rawValue: 512), totalException = Kind(rawValue: 1024)
        }
        let regex: Regex?
        let kinds: [String: Kind]

        init(words: RoleWords, directions: [String]) {
            var kinds: [String: Kind] = [:]
            func add(_ list: [String], _ k: Kind) { for w in list where !w.isEmpty { kinds[w, default: []].insert(k) } }
            add(words.change, .change); add(words.share, .share); add(words.target, .target)
            add(words.total, .total); add(words.actual, .actual); add(words.comparison, .comparison)
            add(words.comparisonBeforeYear, .beforeYear); add(words.previousPeriod, .previous)
            add(words.previousPeriodExceptions, .exception); add(directions, .direction)
            add(words.totalExceptions, .totalException)
            self.kinds = kinds
            let alternation = kinds.keys.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }.map(Regex.escape).joined(separator: "|")
            regex = try? Regex(alternation)
        }

        /// The role words of `text`, with their byte ranges, left to right.
        func scan(_ text: [UInt8]) -> [(kind: Kind, range: Range<Int>)] {
            guard let regex else { return [] }
            return regex.matches(in: text).map { m in
                (kinds[String(decoding: text[m.range], as: UTF8.self)] ?? [], m.range)
            }
        }
    }
    let index: WordIndex

    static let clauseMarks = ScalarTable(scalarsOf: "，,；;。：:、")
    static let statementEnds = ScalarTable(scalarsOf: "；;。")

    /// Sets `role` and `period` on every quantity and year figure of `document`.
    public func assign(_ figures: inout [Figure], in document: Document) {
        let lines = document.lines
        for i in figures.indices {
            let f = figures[i]
            guard f.kind.isQuantity || f.kind == .year else { continue }
            let clauseStart = lines.back(from: f.location.start, to: Self.clauseMarks)
            // A figure alone at the start of its clause (most table cells): no word gives it a role
            // but its direction or a comparison sign.
            if f.location.start - clauseStart < 2 && !f.text.hasPrefix("≥") && !f.text.hasPrefix("≤") {
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
        let text = Array(clause.utf8)
        let found = index.scan(text)
        let all = found.reduce(WordIndex.Kind()) { $0.union($1.kind) }
        if f.kind == .year { return isBase(text, found) ? .base : .stated }
        if f.direction != nil || f.kind == .percentagePoints || all.contains(.change) { return .change }
        if f.kind == .percent && all.contains(.share) { return .share }
        if isBase(text, found) { return .base }
        if all.contains(.target) || f.text.hasPrefix("≥") || f.text.hasPrefix("≤") { return .target }
        let statement = statement()
        if words.targetHeaders.contains(where: statement.contains) { return .target }
        let total = all.contains(.total)
        if words.partOpeners.contains(where: { statement.contains($0) }) && !total { return .part }
        if total { return .total }
        if all.contains(.actual) { return .actual }
        return .stated
    }

    /// Whether the clause makes the figure after it a previous-period base: a comparison word
    /// with no direction word after it (较2021年的…, 比上年…), or a previous-period word (not
    /// 上年结转 …) with none — over the words already found in the clause.
    func isBase(_ text: [UInt8], _ found: [(kind: WordIndex.Kind, range: Range<Int>)]) -> Bool {
        func directionAfter(_ i: Int) -> Bool { found.contains { $0.kind.contains(.direction) && $0.range.lowerBound >= i } }
        for w in found where w.kind.contains(.comparison) {
            if !directionAfter(w.range.upperBound) { return true }
        }
        for w in found where w.kind.contains(.beforeYear) {
            let j = w.range.upperBound
            if j + 4 < text.count, text[j..<(j + 4)].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
               text[(j + 4)...].starts(with: Self.nian), !directionAfter(j) { return true }
        }
        if found.contains(where: { $0.kind.contains(.exception) }) { return false }
        for w in found where w.kind.contains(.previous) {
            if !directionAfter(w.range.upperBound) { return true }
        }
        return false
    }

    static let nian = Array("年".utf8)

    /// "上年" when the clause names the previous period, a year such as "2021" when it names one.
    public func period(in clause: String) -> String? {
        if words.previousPeriod.contains(where: clause.contains), !words.previousPeriodExceptions.contains(where: clause.contains) {
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
