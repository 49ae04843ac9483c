import Foundation

/// G06: the same subject carries the same target wherever the targets name it (指标内容 and
/// 指标值 of a row, other indicator rows).
public struct TargetConsistency: Rule {
    public static let description = RuleDescription(
        id: "G06", name: "target-consistency", family: .target, severity: .error,
        summary: Localized(zh: "同一事项在各处目标中应为同一数值", en: "The same subject carries the same target everywhere"),
        triggering: ["\t项目绩效定量目标（指标）及完成情况\n\t一级指标\n\t二级指标\n\t指标内容\n\t指标（目标）值\n\t实际完成值\n\n\t\n\t项目产出指标\n\t数量指标\n\t向上争取科技项目200个。\n\t向上争取科技项目↓250个。\n\t累计向上争取科技项目共271个。\n\n"],
        nonTriggering: ["\t项目绩效定量目标（指标）及完成情况\n\t一级指标\n\t二级指标\n\t指标内容\n\t指标（目标）值\n\t实际完成值\n\n\t\n\t项目产出指标\n\t数量指标\n\t向上争取科技项目200个。\n\t向上争取科技项目200个。\n\t累计向上争取科技项目共271个。\n\n"])

    public init() {}

    public func check(_ c: RuleContext) -> [Finding] {
        var targets: [Figure] = []
        for row in c.facts.indicators {
            if let content = row.content, content.location.start < content.location.end {
                targets += c.quantities(startingIn: content.location.start..<content.location.end)
            }
            targets += row.targetFigures
        }
        var out: [Finding] = []
        var seen = Set<String>()
        // Pairs of targets of one subject and kind, in order (grouped first: comparing every
        // target with every other made a long document quadratic).
        // Targets of one kind, subject and level, in order. The first pair that disagrees is
        // the first target and the first later one with another value (comparing every target
        // with every other made a long document quadratic); one finding per subject and level.
        let levels = targets.map { Targets.level($0, c.lexicons) }
        var groups: [String: [Int]] = [:]
        var order: [String] = []
        for (i, t) in targets.enumerated() {
            guard let s = t.subject else { continue }
            let key = "\(t.kind)|\(s)|\(levels[i] ?? "")"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(i)
        }
        var pairs: [(Int, Int)] = []
        for key in order {
            let group = groups[key]!
            if let j = group.dropFirst().first(where: { targets[$0].value != targets[group[0]].value }) { pairs.append((group[0], j)) }
        }
        for (i, j) in pairs.sorted(by: { $0 < $1 }) {
            let a = targets[i], b = targets[j], s = a.subject!
            let key = "\(s)|\(levels[i] ?? "")"
            guard !seen.contains(key) else { continue }
            seen.insert(key)
            if let f = c.finding(Self.description,
                                 message: Localized(zh: "“\((levels[i] ?? "") + s)”的目标前后不一：第\(a.location.line)行为 \(a.text)，第\(b.location.line)行为 \(b.text)",
                                                    en: "The target for “\(s)” differs: \(a.text) on line \(a.location.line), \(b.text) on line \(b.location.line)"),
                                 arithmetic: Localized(zh: "\(a.number.plain) ≠ \(b.number.plain)", en: "\(a.number.plain) ≠ \(b.number.plain)"),
                                 figures: [b, a],
                                 suggestions: [Suggestion(location: b.location, original: b.text, replacement: a.text, reason: Localized(zh: "统一目标值", en: "use one target value"))]) {
                out.append(f)
            }
        }
        return out
    }
}
