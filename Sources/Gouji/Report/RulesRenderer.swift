import Foundation

/// Lists the rules from their descriptions (the same ones the example tests run), as text or
/// as a Markdown table for the docs.
public enum RulesRenderer {
    static func example(_ d: RuleDescription) -> String {
        (d.triggering.first ?? "").replacingOccurrences(of: "\t", with: "⇥").replacingOccurrences(of: "\n", with: "⏎")
    }

    public static func text(_ lexicons: Lexicons, configuration: Configuration, lang: Language) -> String {
        var out = ""
        for d in RuleRegistry.descriptions {
            let levels = configuration.levels(of: d, lexicons: lexicons)
            let severity = levels.isEmpty ? (lang == .zh ? "已关闭" : "off") : levels.map { $0.label(lang) }.joined(separator: "/")
            out += "\(d.id)\t\(d.name)\t\(severity)\t\(d.family.rawValue)\n"
            out += "  \(d.summary.text(lang))\n"
            out += "  \(lang == .zh ? "例" : "e.g."): \(example(d))\n"
        }
        out += lang == .zh ? "共 \(RuleRegistry.descriptions.count) 条规则。\n" : "\(RuleRegistry.descriptions.count) rules.\n"
        return out
    }

    public static func markdown(lang: Language) -> String {
        var out = "| id | name | severity | family | \(lang == .zh ? "说明" : "description") | \(lang == .zh ? "触发示例" : "triggering example") |\n|---|---|---|---|---|---|\n"
        for d in RuleRegistry.descriptions {
            let ex = example(d).replacingOccurrences(of: "|", with: "\\|")
            out += "| \(d.id) | \(d.name) | \(d.levels.map(\.rawValue).joined(separator: "/")) | \(d.family.rawValue) | \(d.summary.text(lang)) | `\(ex.count > 80 ? String(ex.prefix(80)) + "…" : ex)` |\n"
        }
        return out
    }

    struct RuleOut: Encodable {
        var id: String, name: String, family: String, severity: String?, levels: [String]
        var default_severity: String, description: String, example: String
    }
    struct RulesOut: Encodable {
        var tool = JSONOutput.Tool()
        var rules: [RuleOut]
    }

    /// Every rule as JSON (`GET /api/rules` of `gouji serve`): severity is nil (and levels
    /// empty) when the configuration turns the rule off; levels lists every level it can give.
    public static func json(_ lexicons: Lexicons, configuration: Configuration, lang: Language) -> String {
        JSONOutput.encode(RulesOut(rules: RuleRegistry.descriptions.map { d in
            RuleOut(id: d.id, name: d.name, family: d.family.rawValue,
                    severity: configuration.severity(of: d, lexicons: lexicons)?.rawValue,
                    levels: configuration.levels(of: d, lexicons: lexicons).map(\.rawValue),
                    default_severity: d.severity.rawValue, description: d.summary.text(lang), example: d.triggering.first ?? "")
        }))
    }
}
