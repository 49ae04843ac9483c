import Foundation

/// Whether a list of parts after a total ("X，其中 a、b、c") is a partition of it, which decides
/// how certain a mismatch is. Only an exhaustive partition can give an error; a list that says it
/// is partial (主要/等/其余/部分) or whose parts may overlap (党员/女职工) gives nothing.
public enum Partition: Equatable, Sendable {
    /// The parts are a fixed exhaustive set (中央/省/市/县/其它, 基本支出/项目支出, the 三公 items …),
    /// the report adds the same items up elsewhere (a parallel count list that sums exactly), or
    /// the number of items announced ("五类") is the number listed.
    case exhaustive(String)
    /// Nothing says whether the list is whole.
    case unknown
    /// The list says it is not the whole (主要…, …等, 其余…, 部分…).
    case partial(String)
    /// The parts may overlap or are not of one kind (attributes such as 党员/女职工; 应到位 next to 实际到位).
    case overlapping(String)

    static let sentenceEnds = ScalarTable(scalarsOf: "。！？")

    public var isExhaustive: Bool { if case .exhaustive = self { return true } else { return false } }

    /// Classifies `parts` of `total` in the document of `c`, with the words of Lexicons/roles.yaml.
    public static func classify(total: Figure, parts: [Figure], _ c: RuleContext, groups: [(Figure, [Figure])]) -> Partition {
        guard let first = parts.first, let last = parts.last else { return .unknown }
        let words = c.lexicons.roles
        let lines = c.document.lines
        // The words naming each part: from the end of the previous figure (or the total) to the part.
        // The words naming each part: from the previous part (or the total) to it, within its sentence.
        var labels: [String] = []
        var previousEnd = total.location.end
        for p in parts {
            let sentenceStart = lines.back(from: p.location.start, to: Self.sentenceEnds)
            labels.append(lines.text(from: max(previousEnd, sentenceStart), to: p.location.start))
            previousEnd = p.location.end
        }
        let opening = lines.text(from: total.location.end, to: first.location.start)
        let closing = lines.text(from: last.location.end, to: lines.forward(from: last.location.end, to: RuleContext.statementEnds))
        // A list that says it is partial.
        if let w = words.partialList.first(where: { w in
            w == "等" ? closing.hasPrefix("等") || labels.dropFirst().contains { $0.hasPrefix("等") } : (opening.containsBytes(of: w) || closing.containsBytes(of: w))
        }) { return .partial(w) }
        // Parts that are attributes of the total's members, or of different stages (应到位 vs 实际到位).
        if let w = words.overlappingAttributes.first(where: { w in labels.contains { $0.containsBytes(of: w) } }) { return .overlapping(w) }
        let stages = Set(parts.map(\.role).filter { $0 == .target || $0 == .actual })
        if stages.count > 1 { return .overlapping("目标/实际") }
        // A fixed exhaustive set: every part is named by a word of one partition.
        // Each part must be named by a different member (年初结转结余 and 年末结转结余 are not 年初/年中).
        for set in words.partitions {
            let candidates = labels.map { label in set.filter { label.containsBytes(of: $0) } }
            if !candidates.contains(where: \.isEmpty), distinctMembers(candidates) {
                return .exhaustive(set.prefix(3).joined(separator: "/"))
            }
        }
        // The same items listed in the report's own expense detail table, which adds them up.
        let expenses = c.facts.expenses.map { $0.content.compacted }.filter { !$0.isEmpty }
        if expenses.count == parts.count, c.facts.expenseTotal != nil {
            let cores = labels.map { label in
                String(label.compacted.unicodeScalars.filter { $0.properties.isIdeographic }).replacingOccurrences(of: "其中", with: "")
            }
            if cores.allSatisfy({ core in !core.isEmpty && expenses.contains { $0.containsBytes(of: core) || core.containsBytes(of: $0) } }) {
                return .exhaustive("支出明细表")
            }
        }
        // The number of items announced before the total ("五类科技计划…") equals the number listed.
        let before = lines.text(from: lines.back(from: total.location.start, to: RuleContext.statementEnds), to: total.location.start)
        if let announced = announcedCount(before), announced == parts.count { return .exhaustive("\(announced)项") }
        // A parallel list the report adds up exactly ("共271个，争取资金9783.6万元。…10项，资金660万元；
        // …260项，5623.6万元；…1项，资金3600万"): each part has a companion figure of another kind
        // just before it, and the companions add up exactly to a figure of their kind in the
        // total's sentence.
        var companions: [Figure] = []
        var from = total.location.end
        for p in parts {
            guard from < p.location.start, let q = c.quantities(startingIn: from..<p.location.start).last(where: { $0.location.end <= p.location.start && $0.kind != total.kind && $0.kind != .percent }) else { break }
            companions.append(q); from = p.location.end
        }
        if companions.count == parts.count, let kind = companions.first?.kind, companions.allSatisfy({ $0.kind == kind && $0.unit == companions[0].unit }) {
            let sum = companions.reduce(Decimal(0)) { $0 + $1.value }
            if let other = c.quantities(inSentence: total.sentence).first(where: { $0.kind == kind && $0.value == sum && $0.location.end <= total.location.start }) {
                return .exhaustive("\(other.text) = \(companions.map(\.text).joined(separator: " + "))")
            }
        }
        _ = groups
        return .unknown
    }

    /// Whether each label can be given a member of its own (a system of distinct representatives,
    /// by backtracking: lists are short).
    static func distinctMembers(_ candidates: [[String]]) -> Bool {
        var used = Set<String>()
        func assign(_ k: Int) -> Bool {
            if k == candidates.count { return true }
            for m in candidates[k] where !used.contains(m) {
                used.insert(m)
                if assign(k + 1) { return true }
                used.remove(m)
            }
            return false
        }
        return candidates.count <= 12 && assign(0)
    }

    /// "五类…", "3个…" right before a total: the announced number of items.
    static func announcedCount(_ text: String) -> Int? {
        let numerals = Array("二三四五六七八九十")
        let chars = Array(text)
        for i in stride(from: chars.count - 1, through: 1, by: -1) where "类项批种".contains(chars[i]) || (chars[i] == "方" && i + 1 < chars.count && chars[i + 1] == "面") {
            if let n = numerals.firstIndex(of: chars[i - 1]), i < 2 || !numerals.contains(chars[i - 2]) && chars[i - 2] != "一" { return n + 2 }
        }
        return nil
    }
}
