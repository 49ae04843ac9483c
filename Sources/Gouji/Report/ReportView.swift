import Foundation

/// The check results as data for a page that builds its own DOM (the `gouji serve` workbench):
/// each document's blocks cut into text runs and figure runs with the same figure ids, finding
/// ids and targets as the HTML report, and each finding with its message, arithmetic and
/// suggestions. The page sets every text as `textContent`; nothing here is markup.
public enum ReportView {
    struct Segment: Encodable {
        var text: String
        var fig: String?, kind: String?, value: String?, unit: String?, subject: String?
        var findings: [String]?, sev: String?
    }
    struct Block: Encodable {
        /// "p", "caption" or "cell"; a table is a block of type "table" with rows.
        var type: String
        var line: Int?
        var at: [String]?
        var segments: [Segment]?
        var rows: [[Block]]?
        var colspan: Int?, rowspan: Int?
        var caption: [Block]?
    }
    struct SuggestionOut: Encodable {
        var original: String, replacement: String, reason: String, safe: Bool
        var start: Int, end: Int, line: Int
    }
    struct FindingOut: Encodable {
        var id: String, rule: String, name: String, severity: String, message: String
        var arithmetic: String?, line: Int?, figures: [String], targets: [String]
        var suggestions: [SuggestionOut]
    }
    struct DocumentOut: Encodable {
        var path: String, format: String?, encoding: String?, template: String, error: String?
        /// The text the suggestion offsets refer to (text documents only: a page may edit it).
        var text: String?
        var figures: Int
        var summary: [String: Int]
        var findings: [FindingOut]
        var blocks: [Block]
    }
    struct Out: Encodable {
        var tool = JSONOutput.Tool()
        var lang: String
        var summary: String
        var documents: [DocumentOut]
    }

    public static func json(_ results: [CheckResult], lang: Language) -> String {
        JSONOutput.encode(Out(lang: lang.rawValue, summary: TextRenderer(lang: lang).summary(results),
                              documents: results.enumerated().map { document($1, doc: $0, lang: lang) }), pretty: false)
    }

    static func document(_ r: CheckResult, doc d: Int, lang: Language) -> DocumentOut {
        let ids = HTMLRenderer.FigureIDs(r, doc: d)
        var anchors: [Int] = []
        for f in r.findings { anchors += f.locations.map(\.start) }
        anchors.sort()
        func at(_ l: SourceLocation) -> [String]? {
            let inside = Set(anchors.filter { $0 >= l.start && $0 <= l.end })
            return inside.isEmpty ? nil : inside.sorted().map { "at:\($0)" }
        }
        func segments(_ text: String, from start: Int) -> [Segment] {
            ids.segments(text, from: start).map { run in
                guard let (fig, id) = run.figure else { return Segment(text: run.text) }
                let findings = ids.findingsOf[.init(start: fig.location.start, end: fig.location.end)] ?? []
                return Segment(text: run.text, fig: id, kind: fig.kind.rawValue, value: fig.value.plain, unit: fig.unit,
                               subject: fig.subject, findings: findings.isEmpty ? nil : findings.map { "d\(d)-k\($0)" },
                               sev: findings.map { r.findings[$0].severity }.max()?.rawValue)
            }
        }
        var blocks: [Block] = []
        for block in r.document?.blocks ?? [] {
            switch block {
            case .paragraph(let p):
                blocks.append(Block(type: "p", line: p.location.line, at: at(p.location), segments: segments(p.text, from: p.location.start)))
            case .table(let table):
                let caption = table.caption.map { c in
                    [Block(type: "caption", line: c.location.line, at: at(c.location), segments: segments(c.text, from: c.location.start))]
                }
                let rows = HTMLRenderer.TableLayout(table).rows.map { row in
                    row.map { placed in
                        Block(type: "cell", line: placed.cell.location.line, at: at(placed.cell.location),
                              segments: segments(placed.cell.text, from: placed.cell.location.start),
                              colspan: placed.colspan > 1 ? placed.colspan : nil, rowspan: placed.rowspan > 1 ? placed.rowspan : nil)
                    }
                }
                blocks.append(Block(type: "table", rows: rows, caption: caption))
            }
        }
        let findings = r.findings.enumerated().map { k, f in
            FindingOut(id: "d\(d)-k\(k)", rule: f.rule, name: f.name, severity: f.severity.rawValue,
                       message: f.message.text(lang), arithmetic: f.arithmetic?.text(lang), line: f.primaryLocation?.line,
                       figures: f.figures.map(\.text),
                       targets: f.figures.compactMap { ids.id(for: $0.location) } + f.locations.map { "at:\($0.start)" },
                       suggestions: f.suggestions.map {
                           SuggestionOut(original: $0.original, replacement: $0.replacement, reason: $0.reason.text(lang),
                                         safe: $0.safe, start: $0.location.start, end: $0.location.end, line: $0.location.line)
                       })
        }
        return DocumentOut(path: r.path, format: r.document?.format.rawValue, encoding: r.document?.encoding,
                           template: r.template, error: r.error,
                           text: r.document?.format == .text ? r.document?.text : nil,
                           figures: r.figures.count,
                           summary: ["error": r.count(.error), "warning": r.count(.warning), "info": r.count(.info)],
                           findings: findings, blocks: blocks)
    }
}
