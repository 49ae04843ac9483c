import Foundation

/// The JSON contract of `gouji check --format json` and `gouji extract --format json`
/// (DESIGN.md): field names here may be added to, never renamed or removed.
public enum JSONRenderer {
    struct FigureOut: Encodable {
        var text: String, value: String, unit: String, kind: String
        var line: Int, column: Int, start: Int, end: Int
        var subject: String?, in_table: Bool
        var part: String?, approximate: Bool, comparator: String?, scopes: [String]
        var written_unit: String, unit_source: String?
        var role: String, period: String?

        init(_ f: Figure) {
            text = f.text; value = f.value.plain; unit = f.unit; kind = f.kind.rawValue
            line = f.location.line; column = f.location.column; start = f.location.start; end = f.location.end
            subject = f.subject; in_table = f.inTable; part = f.location.part; approximate = f.approximate
            comparator = f.comparator?.rawValue; scopes = f.scopes; written_unit = f.writtenUnit; unit_source = f.unitSource
            role = f.role.rawValue; period = f.period
        }
    }
    struct LocationOut: Encodable {
        var line: Int, column: Int, start: Int, end: Int, part: String?
        init(_ l: SourceLocation) { line = l.line; column = l.column; start = l.start; end = l.end; part = l.part }
    }
    struct SuggestionOut: Encodable {
        var line: Int, column: Int, start: Int, end: Int, part: String?
        var original: String, replacement: String, reason: String, safe: Bool
        init(_ s: Suggestion, _ lang: Language) {
            line = s.location.line; column = s.location.column; start = s.location.start; end = s.location.end
            part = s.location.part; original = s.original; replacement = s.replacement
            reason = s.reason.text(lang); safe = s.safe
        }
    }
    struct FindingOut: Encodable {
        var rule: String, name: String, severity: String, message: String, arithmetic: String?
        var figures: [FigureOut], locations: [LocationOut], suggestions: [SuggestionOut]
        init(_ f: Finding, _ lang: Language) {
            rule = f.rule; name = f.name; severity = f.severity.rawValue; message = f.message.text(lang)
            arithmetic = f.arithmetic?.text(lang); figures = f.figures.map(FigureOut.init)
            locations = f.locations.map(LocationOut.init); suggestions = f.suggestions.map { SuggestionOut($0, lang) }
        }
    }
    struct CheckDocument: Encodable {
        var path: String, template: String, template_confidence: Double, error: String?
        var findings: [FindingOut]
        var summary: [String: Int]
        enum CodingKeys: String, CodingKey { case path, template, template_confidence, error, findings, summary }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(path, forKey: .path)
            try c.encode(template, forKey: .template)
            try c.encode(template_confidence, forKey: .template_confidence)
            try c.encode(error, forKey: .error) // explicit null, as the contract shows
            try c.encode(findings, forKey: .findings)
            try c.encode(summary, forKey: .summary)
        }
    }
    struct CheckOut: Encodable {
        var tool = JSONOutput.Tool()
        var documents: [CheckDocument]
    }
    struct ExtractDocument: Encodable {
        var path: String, error: String?, figures: [FigureOut]
    }
    struct ExtractOut: Encodable {
        var tool = JSONOutput.Tool()
        var documents: [ExtractDocument]
    }

    public static func check(_ results: [CheckResult], lang: Language = .zh, pretty: Bool = true) -> String {
        JSONOutput.encode(CheckOut(documents: results.map { checkDocument($0, lang: lang) }), pretty: pretty)
    }

    /// One document's object, as in the `documents` array (also one line of `batch --format jsonl`).
    public static func checkLine(_ result: CheckResult, lang: Language = .zh) -> String {
        JSONOutput.encode(checkDocument(result, lang: lang), pretty: false)
    }

    static func checkDocument(_ r: CheckResult, lang: Language) -> CheckDocument {
        CheckDocument(path: r.path, template: r.template, template_confidence: r.templateConfidence,
                      error: r.error, findings: r.findings.map { FindingOut($0, lang) },
                      summary: Self.summary(r))
    }

    public static func extract(_ results: [CheckResult], pretty: Bool = true) -> String {
        JSONOutput.encode(ExtractOut(documents: results.map {
            ExtractDocument(path: $0.path, error: $0.error, figures: $0.figures.map(FigureOut.init))
        }), pretty: pretty)
    }

    /// Counts by severity; `accepted` and `baselined` only when some findings were left out.
    static func summary(_ r: CheckResult) -> [String: Int] {
        var out = ["error": r.count(.error), "warning": r.count(.warning), "info": r.count(.info)]
        if r.accepted > 0 { out["accepted"] = r.accepted }
        if r.baselined > 0 { out["baselined"] = r.baselined }
        return out
    }
}
