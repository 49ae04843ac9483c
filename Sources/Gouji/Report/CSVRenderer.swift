import Foundation

/// CSV output (`gouji check --format csv`): one row per finding, RFC 4180 (fields with a comma,
/// quote, CR or LF are quoted, quotes doubled; rows end with CRLF).
///
/// The text starts with a UTF-8 byte-order mark: Excel only recognises a CSV file as UTF-8
/// (and shows the Chinese correctly instead of mojibake) when the BOM is present.
/// Unreadable documents get one row with severity `unreadable` and the reason as message.
public enum CSVRenderer {
    public static let byteOrderMark = "\u{FEFF}"

    public static func header(_ lang: Language) -> [String] {
        lang == .zh
            ? ["文件", "规则", "名称", "级别", "行", "列", "说明", "计算", "数字", "建议"]
            : ["path", "rule", "name", "severity", "line", "column", "message", "arithmetic", "figures", "suggestion"]
    }

    public static func render(_ results: [CheckResult], lang: Language = .zh) -> String {
        var rows: [[String]] = [header(lang)]
        for r in results {
            if let error = r.error {
                rows.append([r.path, "", "", "unreadable", "", "", error, "", "", ""])
                continue
            }
            for f in r.findings {
                let loc = f.primaryLocation
                let figures = f.figures.map { "\($0.text)@\($0.location.line):\($0.location.column)" }.joined(separator: "; ")
                let suggestions = f.suggestions.map { $0.summary(lang) }.joined(separator: "; ")
                rows.append([r.path, f.rule, f.name, f.severity.rawValue,
                             loc.map { String($0.line) } ?? "", loc.map { String($0.column) } ?? "",
                             f.message.text(lang), f.arithmetic?.text(lang) ?? "", figures, suggestions])
            }
        }
        return byteOrderMark + rows.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// One RFC 4180 field. A field starting with `=`, `+` or `@` (text copied from a report)
    /// gets a leading apostrophe so that spreadsheet programs do not run it as a formula.
    public static func field(_ raw: String) -> String {
        var s = raw
        if let first = s.unicodeScalars.first, first == "=" || first == "+" || first == "@" { s = "'" + s }
        let needsQuotes = s.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
