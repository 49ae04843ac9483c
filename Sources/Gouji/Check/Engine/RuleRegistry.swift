/// Every rule, in the order they run: the rule files under Check/Rules/ register themselves
/// (the RegisterRules build plugin lists them), ordered as rules.md §2 lists them (by family,
/// then number), with the summary rules, which read the others' findings, last.
public enum RuleRegistry {
    public static let all: [any Rule.Type] =
        declared.sorted { order($0.description.id) < order($1.description.id) }
        + declaredSummaries.sorted { order($0.description.id) < order($1.description.id) }.map { $0 as any Rule.Type }

    public static var descriptions: [RuleDescription] { all.map { $0.description } }

    public static func rule(id: String) -> (any Rule.Type)? { all.first { $0.description.id == id } }

    /// Families in the order of rules.md §2.
    static let familyPrefixes = ["T", "D", "X", "N", "G", "S", "DT", "F"]

    /// (family position, number) of an id such as "DT04".
    static func order(_ id: String) -> (Int, Int) {
        let prefix = String(id.prefix { $0.isLetter })
        let number = Int(id.dropFirst(prefix.count)) ?? 0
        return (familyPrefixes.firstIndex(of: prefix) ?? familyPrefixes.count, number)
    }
}
