/// The levels of each rule under one or more configurations (one per checked file): what SARIF
/// rule metadata and `gouji rules` describe, so that they never disagree with the findings.
public struct RuleLevels: Sendable, Equatable {
    /// The level of a finding in the rule's default case, after preset and configuration.
    public var standard: Severity
    /// Every level the rule can give, highest first.
    public var all: [Severity]

    public init(standard: Severity, all: [Severity]) { self.standard = standard; self.all = all }

    /// By rule id, for the rules that are on in at least one configuration. Where the checked
    /// files' configurations differ, the highest default and the union of levels are listed.
    public static func merged(_ configurations: [Configuration], lexicons: Lexicons) -> [String: RuleLevels] {
        var out: [String: RuleLevels] = [:]
        for d in RuleRegistry.descriptions {
            var standard: Severity?
            var levels: Set<Severity> = []
            for c in configurations.isEmpty ? [Configuration()] : configurations {
                guard let s = c.severity(of: d, lexicons: lexicons) else { continue }
                standard = max(standard ?? s, s)
                levels.formUnion(c.levels(of: d, lexicons: lexicons))
            }
            if let standard { out[d.id] = RuleLevels(standard: standard, all: levels.sorted(by: >)) }
        }
        return out
    }
}
