import Foundation
import GRDB

/// A summary of an audit store: documents by family and status, findings by rule and severity,
/// the documents with the most errors and the unreadable ones. Rendered as self-contained HTML
/// (inline CSS and SVG, no network, all text escaped), CSV or JSON.
public struct AuditReport: Codable, Sendable {
    public struct Totals: Codable, Sendable {
        public var documents = 0, ok = 0, unreadable = 0, figures = 0, findings = 0
        public var errors = 0, warnings = 0, infos = 0, documentsWithErrors = 0
    }
    public struct FamilyRow: Codable, Sendable { public var family: String, status: String, documents: Int }
    public struct RuleRow: Codable, Sendable {
        public var rule: String, name: String, severity: String, findings: Int, documents: Int
    }
    public struct DocumentRow: Codable, Sendable {
        public var id: Int64, path: String, family: String, status: String, error: String?
        public var errors: Int, warnings: Int, infos: Int
        /// Where the document's own report is, when one was written (relative to the report).
        public var link: String?
    }
    public struct RunRow: Codable, Sendable {
        public var id: Int64, started: String, finished: String?, rulesVersion: String, toolVersion: String
        public var checked: Int, skipped: Int, unreadable: Int
    }

    public var tool = JSONOutput.Tool()
    public var generated: String
    public var database: String
    public var totals = Totals()
    public var byFamily: [FamilyRow] = []
    public var byRule: [RuleRow] = []
    public var topDocuments: [DocumentRow] = []
    public var unreadable: [DocumentRow] = []
    public var runs: [RunRow] = []

    /// Reads the summary; `top` bounds the document lists (the store may hold millions).
    public static func load(store: AuditStore, top: Int = 50) throws -> AuditReport {
        var report = AuditReport(generated: AuditStore.timestamp(), database: store.path)
        try store.pool.read { db in
            if let row = try Row.fetchOne(db, sql: """
                SELECT count(*) AS documents, coalesce(sum(status = 'ok'), 0) AS ok, coalesce(sum(status = 'unreadable'), 0) AS unreadable,
                  coalesce(sum(errors), 0) AS errors, coalesce(sum(warnings), 0) AS warnings, coalesce(sum(infos), 0) AS infos,
                  coalesce(sum(errors > 0), 0) AS with_errors FROM documents
                """) {
                report.totals.documents = row["documents"]; report.totals.ok = row["ok"]
                report.totals.unreadable = row["unreadable"]; report.totals.errors = row["errors"]
                report.totals.warnings = row["warnings"]; report.totals.infos = row["infos"]
                report.totals.documentsWithErrors = row["with_errors"]
            }
            report.totals.figures = try Int.fetchOne(db, sql: "SELECT count(*) FROM figures") ?? 0
            report.totals.findings = try Int.fetchOne(db, sql: "SELECT count(*) FROM findings") ?? 0
            report.byFamily = try Row.fetchAll(db, sql: """
                SELECT family, status, count(*) AS n FROM documents GROUP BY family, status ORDER BY n DESC, family, status
                """).map { FamilyRow(family: $0["family"], status: $0["status"], documents: $0["n"]) }
            report.byRule = try Row.fetchAll(db, sql: """
                SELECT rule, name, severity, count(*) AS n, count(DISTINCT document_id) AS d FROM findings
                GROUP BY rule, name, severity ORDER BY n DESC, rule, severity
                """).map { RuleRow(rule: $0["rule"], name: $0["name"], severity: $0["severity"], findings: $0["n"], documents: $0["d"]) }
            func documents(_ sql: String) throws -> [DocumentRow] {
                try Row.fetchAll(db, sql: sql, arguments: [top]).map {
                    DocumentRow(id: $0["id"], path: $0["path"], family: $0["family"], status: $0["status"], error: $0["error"],
                                errors: $0["errors"], warnings: $0["warnings"], infos: $0["infos"])
                }
            }
            report.topDocuments = try documents("""
                SELECT id, path, family, status, error, errors, warnings, infos FROM documents WHERE errors > 0
                ORDER BY errors DESC, warnings DESC, path LIMIT ?
                """)
            report.unreadable = try documents("""
                SELECT id, path, family, status, error, errors, warnings, infos FROM documents WHERE status = 'unreadable'
                ORDER BY path LIMIT ?
                """)
            report.runs = try Row.fetchAll(db, sql: "SELECT * FROM runs ORDER BY id DESC LIMIT 20").map {
                RunRow(id: $0["id"], started: $0["started"], finished: $0["finished"], rulesVersion: $0["rules_version"],
                       toolVersion: $0["tool_version"], checked: $0["checked"], skipped: $0["skipped"], unreadable: $0["unreadable"])
            }
        }
        return report
    }

    /// One document as `gouji check --format json` prints it, rebuilt from the stored rows
    /// (the audit record, not a re-check of the file as it is now).
    public static func documentJSON(store: AuditStore, id: Int64) throws -> String? {
        try store.pool.read { db -> String? in
            guard let doc = try Row.fetchOne(db, sql: "SELECT * FROM documents WHERE id = ?", arguments: [id]) else { return nil }
            let findings = try Row.fetchAll(db, sql: "SELECT * FROM findings WHERE document_id = ? ORDER BY seq", arguments: [id])
            func raw(_ s: String?) -> Any { s.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) } ?? [] }
            let findingObjects: [[String: Any]] = findings.map { f in
                ["rule": f["rule"] as String, "name": f["name"] as String, "severity": f["severity"] as String,
                 "message": f["message"] as String, "arithmetic": (f["arithmetic"] as String?) ?? NSNull(),
                 "figures": raw(f["figures"]), "locations": raw(f["locations"]), "suggestions": raw(f["suggestions"])]
            }
            let document: [String: Any] = [
                "path": doc["path"] as String, "template": doc["family"] as String,
                "template_confidence": doc["template_confidence"] as Double,
                "error": (doc["error"] as String?) ?? NSNull(), "findings": findingObjects,
                "summary": ["error": doc["errors"] as Int, "warning": doc["warnings"] as Int, "info": doc["infos"] as Int],
                "content_hash": (doc["content_hash"] as String?) ?? NSNull(), "rules_version": doc["rules_version"] as String,
                "checked_at": doc["checked_at"] as String,
            ]
            let out: [String: Any] = ["tool": ["name": "gouji", "version": JSONOutput.version], "documents": [document]]
            let data = try JSONSerialization.data(withJSONObject: out, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            return String(decoding: data, as: UTF8.self) + "\n"
        }
    }

    // MARK: Rendering

    public func json() -> String { JSONOutput.encode(self) + "\n" }

    /// As `gouji check --format csv` writes: a byte-order mark and CRLF rows, so that Excel
    /// opens the Chinese as UTF-8.
    public func csv() -> String {
        var out = CSVRenderer.byteOrderMark + "section,family,status,rule,name,severity,path,errors,warnings,infos,count\r\n"
        func row(_ fields: [String]) { out += fields.map(Self.csvField).joined(separator: ",") + "\r\n" }
        row(["totals", "", "", "", "", "", "", String(totals.errors), String(totals.warnings), String(totals.infos), String(totals.documents)])
        for f in byFamily { row(["family", f.family, f.status, "", "", "", "", "", "", "", String(f.documents)]) }
        for r in byRule { row(["rule", "", "", r.rule, r.name, r.severity, "", "", "", "", String(r.findings)]) }
        for d in topDocuments {
            row(["document", d.family, d.status, "", "", "", d.path, String(d.errors), String(d.warnings), String(d.infos), ""])
        }
        for d in unreadable { row(["unreadable", d.family, d.status, "", "", "", d.path, "", "", "", d.error ?? ""]) }
        return out
    }

    /// HTML escaping and CSV fields are the renderers' (one definition for every output).
    static func escape(_ s: String) -> String { HTMLRenderer.escape(s) }
    static func csvField(_ s: String) -> String { CSVRenderer.field(s) }

    /// A horizontal bar chart of findings per rule, stacked by severity, as inline SVG.
    func chart(lang: Language) -> String {
        var perRule: [(rule: String, name: String, counts: [String: Int])] = []
        for r in byRule {
            if let i = perRule.firstIndex(where: { $0.rule == r.rule }) {
                perRule[i].counts[r.severity, default: 0] += r.findings
            } else {
                perRule.append((r.rule, r.name, [r.severity: r.findings]))
            }
        }
        perRule.sort { $0.counts.values.reduce(0, +) > $1.counts.values.reduce(0, +) }
        guard !perRule.isEmpty else {
            return "<p>" + (lang == .zh ? "没有发现问题。" : "No findings.") + "</p>"
        }
        let maxCount = max(1, perRule.map { $0.counts.values.reduce(0, +) }.max() ?? 1)
        let labelWidth = 260, barWidth = 440, rowHeight = 24
        let height = perRule.count * rowHeight + 10
        let colors = ["error": "#c62828", "warning": "#ef6c00", "info": "#1565c0"]
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(labelWidth + barWidth + 80)\" height=\(quote(height)) aria-label=\"\(lang == .zh ? "各规则问题数" : "Findings per rule")\">\n"
        for (i, r) in perRule.enumerated() {
            let y = 5 + i * rowHeight
            let total = r.counts.values.reduce(0, +)
            svg += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 16)\" text-anchor=\"end\" font-size=\"13\">\(Self.escape(r.rule + " " + r.name))</text>\n"
            var x = labelWidth
            for severity in ["error", "warning", "info"] {
                guard let n = r.counts[severity], n > 0 else { continue }
                let w = max(1, n * barWidth / maxCount)
                svg += "<rect x=\"\(x)\" y=\"\(y + 3)\" width=\"\(w)\" height=\"\(rowHeight - 6)\" fill=\"\(colors[severity]!)\"><title>\(Self.escape("\(r.rule) \(severity): \(n)"))</title></rect>\n"
                x += w
            }
            svg += "<text x=\"\(x + 6)\" y=\"\(y + 16)\" font-size=\"13\">\(total)</text>\n"
        }
        return svg + "</svg>"
    }

    private func quote(_ n: Int) -> String { "\"\(n)\"" }

    public func html(lang: Language = .zh) -> String {
        let zh = lang == .zh
        func t(_ z: String, _ e: String) -> String { Self.escape(zh ? z : e) }
        func td(_ s: String, numeric: Bool = false) -> String { "<td\(numeric ? " class=\"n\"" : "")>\(Self.escape(s))</td>" }
        func pathCell(_ d: DocumentRow) -> String {
            guard let link = d.link else { return td(d.path) }
            return "<td><a href=\"\(Self.escape(link))\">\(Self.escape(d.path))</a></td>"
        }
        var h = """
        <!DOCTYPE html>
        <html lang="\(zh ? "zh-CN" : "en")">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(t("勾稽审计报告", "Gouji audit report"))</title>
        <style>
        body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;color:#222;max-width:1100px}
        table{border-collapse:collapse;margin:0.5em 0 1.5em}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}
        th{background:#f3f3f3}td.n{text-align:right;font-variant-numeric:tabular-nums}.error{color:#c62828}.muted{color:#666}
        .cards{display:flex;gap:1em;flex-wrap:wrap}.card{border:1px solid #ddd;border-radius:6px;padding:0.6em 1em}.card b{font-size:1.4em;display:block}
        </style>
        </head>
        <body>
        <h1>\(t("勾稽审计报告", "Gouji audit report"))</h1>
        <p class="muted">\(Self.escape(database)) · \(t("生成于", "generated")) \(Self.escape(generated)) · gouji \(Self.escape(tool.version))</p>
        <div class="cards">
        <div class="card"><b>\(totals.documents)</b>\(t("份文档", "documents"))</div>
        <div class="card"><b>\(totals.unreadable)</b>\(t("无法读取", "unreadable"))</div>
        <div class="card"><b>\(totals.documentsWithErrors)</b>\(t("份含错误", "with errors"))</div>
        <div class="card"><b>\(totals.errors)</b>\(t("错误", "errors"))</div>
        <div class="card"><b>\(totals.warnings)</b>\(t("警告", "warnings"))</div>
        <div class="card"><b>\(totals.infos)</b>\(t("提示", "infos"))</div>
        <div class="card"><b>\(totals.figures)</b>\(t("个数字", "figures"))</div>
        </div>

        """
        h += "<h2>\(t("各规则问题数", "Findings per rule"))</h2>\n" + chart(lang: lang) + "\n"
        h += "<h2>\(t("按模板与状态", "Documents by family and status"))</h2>\n<table><tr><th>\(t("模板", "Family"))</th><th>\(t("状态", "Status"))</th><th>\(t("文档数", "Documents"))</th></tr>\n"
        for f in byFamily { h += "<tr>" + td(f.family) + td(f.status) + td(String(f.documents), numeric: true) + "</tr>\n" }
        h += "</table>\n"
        h += "<h2>\(t("按规则与级别", "Findings by rule and severity"))</h2>\n<table><tr><th>\(t("规则", "Rule"))</th><th>\(t("名称", "Name"))</th><th>\(t("级别", "Severity"))</th><th>\(t("问题数", "Findings"))</th><th>\(t("涉及文档", "Documents"))</th></tr>\n"
        for r in byRule {
            h += "<tr>" + td(r.rule) + td(r.name) + "<td class=\"\(Self.escape(r.severity))\">\(Self.escape(Severity(rawValue: r.severity)?.label(lang) ?? r.severity))</td>"
                + td(String(r.findings), numeric: true) + td(String(r.documents), numeric: true) + "</tr>\n"
        }
        h += "</table>\n"
        h += "<h2>\(t("错误最多的文档", "Documents with the most errors"))</h2>\n<table><tr><th>\(t("文档", "Document"))</th><th>\(t("模板", "Family"))</th><th>\(t("错误", "Errors"))</th><th>\(t("警告", "Warnings"))</th><th>\(t("提示", "Infos"))</th></tr>\n"
        for d in topDocuments {
            h += "<tr>" + pathCell(d) + td(d.family) + td(String(d.errors), numeric: true) + td(String(d.warnings), numeric: true) + td(String(d.infos), numeric: true) + "</tr>\n"
        }
        if topDocuments.isEmpty { h += "<tr><td colspan=\"5\" class=\"muted\">\(t("无", "none"))</td></tr>\n" }
        h += "</table>\n"
        h += "<h2>\(t("无法读取的文档", "Unreadable documents"))</h2>\n<table><tr><th>\(t("文档", "Document"))</th><th>\(t("原因", "Reason"))</th></tr>\n"
        for d in unreadable { h += "<tr>" + pathCell(d) + td(d.error ?? "") + "</tr>\n" }
        if unreadable.isEmpty { h += "<tr><td colspan=\"2\" class=\"muted\">\(t("无", "none"))</td></tr>\n" }
        h += "</table>\n"
        h += "<h2>\(t("运行记录", "Runs"))</h2>\n<table><tr><th>#</th><th>\(t("开始", "Started"))</th><th>\(t("结束", "Finished"))</th><th>\(t("规则版本", "Rules version"))</th><th>\(t("检查", "Checked"))</th><th>\(t("跳过", "Skipped"))</th><th>\(t("无法读取", "Unreadable"))</th></tr>\n"
        for r in runs {
            h += "<tr>" + td(String(r.id), numeric: true) + td(r.started) + td(r.finished ?? (zh ? "未完成" : "interrupted")) + td(r.rulesVersion)
                + td(String(r.checked), numeric: true) + td(String(r.skipped), numeric: true) + td(String(r.unreadable), numeric: true) + "</tr>\n"
        }
        h += "</table>\n</body>\n</html>\n"
        return h
    }
}
