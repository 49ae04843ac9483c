import Foundation

/// G01 (with G08): each target item has a reported result for the same subject at the same
/// level; a result at another level (市级 for a 省级 target) does not count.
public struct ActualPresent: Rule {
    public static let description = RuleDescription(
        id: "G01", name: "actual-present", family: .target, severity: .error,
        summary: Localized(zh: "每个目标都应有同一主体、同一层级的实际完成情况", en: "Every target has a reported result for the same subject and level"),
        triggering: ["\t项目绩效定性目标及实施计划完成情况\n\t预期目标\n\t实际完成\n\n\t\n\t目标1：申报省级孵化器1个、省级工程技术研究中心↓2家。\n\t申报省级孵化器1个。\n\n"],
        nonTriggering: ["\t项目绩效定性目标及实施计划完成情况\n\t预期目标\n\t实际完成\n\n\t\n\t目标1：申报省级孵化器1个、省级工程技术研究中心2家。\n\t申报省级孵化器1个、省级工程技术研究中心2家。\n\n"])

    public init() {}

    public func check(_ c: RuleContext) -> [Finding] {
        var out: [Finding] = []
        let results = c.quantities.filter { !c.isTarget($0) }
        for goal in c.facts.goalTargets {
            let g = goal.figure
            guard let subject = g.subject else { continue }
            let level = Targets.level(g, c.lexicons)
            // Lazy: the subjects are compared only until a result answers the goal.
            let sameSubject = results.lazy.filter { $0.kind == g.kind && Targets.sameSubject($0.subject, subject) }
            // A result counts unless both state a level and the levels differ (G08).
            if sameSubject.contains(where: { level == nil || Targets.level($0, c.lexicons) == nil || Targets.level($0, c.lexicons) == level }) { continue }
            let name = (level ?? "") + subject
            let other = sameSubject.first
            let message: Localized
            if let other {
                let otherLevel = Targets.level(other, c.lexicons) ?? ""
                message = Localized(zh: "目标“\(name)\(g.text)”没有对应的实际完成情况：报告只有\(otherLevel)\(subject) \(other.text)（第\(other.location.line)行），层级不同（G08）",
                                    en: "Target “\(name) \(g.text)” has no reported result: only \(otherLevel) \(subject) \(other.text) (line \(other.location.line)) appears, a different level (G08)")
            } else {
                message = Localized(zh: "目标“\(name)\(g.text)”在报告中没有任何实际完成情况", en: "Target “\(name) \(g.text)” has no reported result anywhere in the report")
            }
            if let f = c.finding(Self.description, message: message,
                                 figures: [g] + (other.map { [$0] } ?? []),
                                 locations: c.facts.goalActualText.map { [$0.location] } ?? [],
                                 suggestions: [Suggestion(location: c.facts.goalActualText?.location ?? g.location, original: "", replacement: "",
                                                          reason: Localized(zh: "补报“\(name)”的实际完成数，或注明未完成及偏差原因", en: "report the result for “\(name)”, or mark it unmet with a reason"))]) {
                out.append(f)
            }
        }
        return out
    }
}
