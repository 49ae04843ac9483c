import Foundation

/// Rule families, after rules.md §2.
public enum RuleFamily: String, Codable, Sendable {
    case table, department, tableVsNarrative = "table-vs-narrative", narrative, target, score, date, format
}

/// What a rule is: its stable id and name from rules.md, default severity, description in
/// Chinese and English, and report snippets that must and must not trigger it. `↓` in a
/// triggering example marks where the primary figure starts. Examples are flattened text.
///
/// `severity` is the rule's default level (rules.md); `levels` lists every level the rule can
/// give, highest first: a rule whose binding or arithmetic is less certain in some cases (a
/// rounding gap, a guessed column) gives a lower level there, and a few give a higher one for
/// a graver case (F08: a blank amount is a warning, a precision slip a note).
public struct RuleDescription: Sendable {
    public var id: String
    public var name: String
    public var family: RuleFamily
    public var severity: Severity
    public var levels: [Severity]
    public var summary: Localized
    public var triggering: [String]
    public var nonTriggering: [String]

    public init(id: String, name: String, family: RuleFamily, severity: Severity, also: [Severity] = [],
                summary: Localized, triggering: [String], nonTriggering: [String]) {
        self.id = id; self.name = name; self.family = family; self.severity = severity
        self.levels = Set([severity] + also).sorted(by: >)
        self.summary = summary; self.triggering = triggering; self.nonTriggering = nonTriggering
    }
}

/// One consistency rule. Rules are pure functions of the context.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    init()
    func check(_ context: RuleContext) -> [Finding]
}

/// A rule that reads the findings of every other rule (`RuleContext.earlier`), such as S03
/// (a high score despite target problems) and N08 (a problems section that admits none); the
/// registry runs these after all others.
public protocol SummaryRule: Rule {}

/// What rules see: the document, its figures and facts, settings, and a finding factory that
/// applies severities from Lexicons/rules.yaml and the user's configuration.
///
/// A class: rules receive it, and their closures capture it, thousands of times per document;
/// as a struct (≈ 4 KB with the facts inline) each of those was a copy.
///
/// Its inputs are constants, so what it derives from them on first use (see `Derived`) stays valid.
public final class RuleContext {
    public let document: Document
    public let figures: [Figure]
    public let facts: ReportFacts
    public let lexicons: Lexicons
    public let configuration: Configuration
    /// Findings of rules that ran before (rules run in registry order), for rules like S03.
    public var earlier: [Finding] = []

    /// Quantities only, in reading order; thresholds of a scoring standard (role `criterion`)
    /// are left out: they are not figures of the report.
    public let quantities: [Figure]

    public init(document: Document, figures: [Figure], facts: ReportFacts, lexicons: Lexicons, configuration: Configuration) {
        self.document = document
        self.figures = figures
        self.quantities = figures.filter { $0.kind.isQuantity && $0.role != .criterion }
        self.facts = facts
        self.lexicons = lexicons
        self.configuration = configuration
    }

    /// Structures several rules need, computed on first use for this document's figures and facts.
    private struct Derived {
        var totalPartGroups: [(Figure, [Figure])]?
        var growthEnumerations: [Growth.Enumeration]?
        var growthPairs: [Growth.Pair]?
        var targets: Targets.Spans?
        var tableSums: [(Figure, [Figure])]?
        var threePublicEntries: [ThreePublicTables.Entry]?
        /// `clause(before:)` by figure start: many rules ask for the same figures' clauses.
        var clauses: [Int: String] = [:]
        var figuresBySentence: [Int: [Figure]]?
        var quantitiesBySentence: [Int: [Figure]]?
        /// Quantities ordered by start offset, with their starts, for range queries.
        var byStart: (figures: [Figure], starts: [Int])?
    }
    private var derived = Derived()

    /// Totals with their parts in the narrative ("共…，其中…"), see `TotalVsParts.groups`.
    public var totalPartGroups: [(Figure, [Figure])] {
        if let v = derived.totalPartGroups { return v }
        let v = TotalVsParts.groups(self); derived.totalPartGroups = v; return v
    }

    /// The cells of the report's 三公 tables, see `ThreePublicTables.entries`.
    var threePublicEntries: [ThreePublicTables.Entry] {
        if let v = derived.threePublicEntries { return v }
        let v = ThreePublicTables.entries(self); derived.threePublicEntries = v; return v
    }

    /// Enumerations of values with their rates, see `Growth.enumerations`.
    public var growthEnumerations: [Growth.Enumeration] {
        if let v = derived.growthEnumerations { return v }
        let v = Growth.enumerations(self); derived.growthEnumerations = v; return v
    }

    /// Value–rate pairs, see `Growth.pairs`.
    public var growthPairs: [Growth.Pair] {
        if let v = derived.growthPairs { return v }
        let v = Growth.pairs(self); derived.growthPairs = v; return v
    }

    /// Total cells with the cells they add up, see `GenericTableSums.pairs`.
    public var tableSums: [(Figure, [Figure])] {
        if let v = derived.tableSums { return v }
        let v = GenericTableSums.pairs(self); derived.tableSums = v; return v
    }

    /// The figures of one sentence (`Figure.sentence`), in reading order. Rules look figures up
    /// by sentence instead of scanning the document, which made a long document quadratic.
    public func figures(inSentence sentence: Int) -> [Figure] {
        if derived.figuresBySentence == nil { derived.figuresBySentence = Dictionary(grouping: figures, by: \.sentence) }
        return derived.figuresBySentence![sentence] ?? []
    }

    /// The quantities of one sentence, in reading order.
    public func quantities(inSentence sentence: Int) -> [Figure] {
        if derived.quantitiesBySentence == nil { derived.quantitiesBySentence = Dictionary(grouping: quantities, by: \.sentence) }
        return derived.quantitiesBySentence![sentence] ?? []
    }

    /// The quantities that start within `range` (scalar offsets), in order of their start: a
    /// binary search, not a scan.
    public func quantities(startingIn range: Range<Int>) -> ArraySlice<Figure> {
        if derived.byStart == nil {
            let sorted = quantities.enumerated().sorted { ($0.element.location.start, $0.offset) < ($1.element.location.start, $1.offset) }.map(\.element)
            derived.byStart = (sorted, sorted.map { $0.location.start })
        }
        let (sorted, starts) = derived.byStart!
        func lowerBound(_ x: Int) -> Int {
            var lo = 0, hi = starts.count
            while lo < hi { let mid = (lo + hi) / 2; if starts[mid] < x { lo = mid + 1 } else { hi = mid } }
            return lo
        }
        return sorted[lowerBound(range.lowerBound)..<lowerBound(range.upperBound)]
    }

    /// Whether a figure sits in a target cell or the goal text (see `Targets.Spans`).
    public func isTarget(_ f: Figure) -> Bool {
        if derived.targets == nil { derived.targets = Targets.Spans(facts) }
        return derived.targets!.contains(f)
    }

    public func setting(_ key: String, _ fallback: Decimal) -> Decimal {
        configuration.setting(key, lexicons: lexicons, default: fallback)
    }

    /// A finding of `rule` with its configured severity (`severity` overrides the rule's default
    /// for findings whose level depends on the case, e.g. warning vs error by size).
    public func finding(_ rule: RuleDescription, severity: Severity? = nil, message: Localized, arithmetic: Localized? = nil,
                        figures: [Figure] = [], locations: [SourceLocation] = [], suggestions: [Suggestion] = []) -> Finding? {
        guard let level = configuration.severity(of: rule, inCase: severity, lexicons: lexicons) else { return nil }
        return Finding(rule: rule.id, name: rule.name, severity: level, message: message, arithmetic: arithmetic,
                       figures: figures, locations: locations, suggestions: suggestions)
    }

    /// The effective level of a finding of `rule` that a rule lowers after the fact (a sum whose
    /// list is not known to be complete): the same settling as `finding(_:severity:…)`.
    public func level(of rule: RuleDescription, inCase level: Severity) -> Severity {
        configuration.severity(of: rule, inCase: level, lexicons: lexicons) ?? level
    }

    /// For a figure in a table cell, the texts of its whole row (labels give the context).
    public func rowText(of f: Figure) -> String? {
        guard f.inTable else { return nil }
        func search(_ t: Table) -> String? {
            for row in t.rows {
                for cell in row {
                    if cell.location.start <= f.location.start && f.location.start <= cell.location.end {
                        return row.map(\.text).joined(separator: " ")
                    }
                    for n in cell.nested { if let r = search(n) { return r } }
                }
            }
            return nil
        }
        for t in document.tables { if let r = search(t) { return r } }
        return nil
    }

    static let clauseMarks = ScalarTable(scalarsOf: "，,；;。：:、")
    static let statementEnds = ScalarTable(scalarsOf: "；;。")

    /// The clause before a figure: back to the previous clause mark (，；。：、) or the line start.
    public func clause(before f: Figure) -> String {
        if let known = derived.clauses[f.location.start] { return known }
        let text = document.lines.text(from: clauseStart(of: f), to: f.location.start)
        derived.clauses[f.location.start] = text
        return text
    }

    /// Scalar offset where the clause containing `f` starts.
    public func clauseStart(of f: Figure) -> Int {
        document.lines.back(from: f.location.start, to: Self.clauseMarks)
    }

    /// Where the statement that follows a figure ends: the next ；or 。 (or the end of the line).
    public func statementEnd(after f: Figure) -> Int {
        document.lines.forward(from: f.location.end, to: Self.statementEnds)
    }

    /// Whether a figure is glued to another number with no separator ("合格率20100%100%20"): table
    /// cells run together when a page was copied, and the figure's digits may belong to its
    /// neighbours, so no rule can be certain of it.
    public func isGlued(_ f: Figure) -> Bool {
        func digit(_ u: Unicode.Scalar?) -> Bool { u.map { $0.isASCII && $0.properties.numericType == .decimal } ?? false }
        let after = document.lines.scalar(at: f.location.end), before = document.lines.scalar(at: f.location.start - 1)
        return digit(after) || digit(before) || after == "$" || after == "^" || before == "$" || before == "^"
    }

    /// Text of a location in the document.
    public func text(_ l: SourceLocation) -> String { document.lines.text(from: l.start, to: l.end) }
}
