import Foundation

/// G08: an actual matches its target's level (省级 vs 市级); an actual at another level does
/// not report the target.
public struct LevelAndScope: Rule {
    public static let description = RuleDescription(
        id: "G08", name: "level-and-scope", family: .target, severity: .warning,
        summary: Localized(zh: "实际完成值应与目标同一层级（省级/市级）", en: "An actual is at the same level (provincial, municipal) as its target"),
        triggering: ["\t项目绩效定量目标（指标）及完成情况\n\t一级指标\n\t二级指标\n\t指标内容\n\t指标（目标）值\n\t实际完成值\n\n\t\n\t项目产出指标\n\t质量指标\n\t申报省级星创天地2家。\n\t申报省级星创天地2家。\n\t获批市级星创天地↓7家。\n\n"],
        nonTriggering: ["\t项目绩效定量目标（指标）及完成情况\n\t一级指标\n\t二级指标\n\t指标内容\n\t指标（目标）值\n\t实际完成值\n\n\t\n\t项目产出指标\n\t质量指标\n\t申报省级星创天地2家。\n\t申报省级星创天地2家。\n\t获批省级星创天地2家。\n\n"])

    public init() {}

    public func check(_ c: RuleContext) -> [Finding] {
        var out: [Finding] = []
        for row in c.facts.indicators {
            for t in row.targetFigures {
                guard let s = t.subject, let lt = Targets.level(t, c.lexicons) else { continue }
                let same = row.actualFigures.filter { $0.subject == s && $0.kind == t.kind }
                guard !same.isEmpty, !same.contains(where: { Targets.level($0, c.lexicons) == lt || Targets.level($0, c.lexicons) == nil }) else { continue }
                let a = same[0]
                if let f = c.finding(Self.description,
                                     message: Localized(zh: "目标为\(lt)\(s) \(t.text)，实际完成报的是\(Targets.level(a, c.lexicons)!)\(s) \(a.text)，层级不同，不能视为完成",
                                                        en: "The target is \(lt) \(s) \(t.text) but the actual reports \(Targets.level(a, c.lexicons)!) \(s) \(a.text): a different level"),
                                     figures: [a, t]) { out.append(f) }
            }
        }
        return out
    }
}
