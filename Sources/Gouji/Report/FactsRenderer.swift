import Foundation

/// Shows the bound facts of a report with their locations (`gouji facts`).
public enum FactsRenderer {
    static func show(_ v: BoundValue?) -> String {
        guard let v else { return "—" }
        let value = v.figure.map { f in
            f.kind.isQuantity ? " = \(f.value.plain)\(f.unit.isEmpty ? "" : " " + f.unit)" : f.date.map { " = \($0.description)" } ?? ""
        } ?? ""
        let text = v.empty ? "(空)" : v.text.replacingOccurrences(of: "\n", with: "⏎")
        return "\(text.count > 60 ? String(text.prefix(60)) + "…" : text)\(value)  @L\(v.location.line):\(v.location.column)"
    }

    public static func text(_ facts: ReportFacts, path: String) -> String {
        var out = "# \(path)\nfamily: \(facts.family)  variant: \(facts.variant)  confidence: \(facts.confidence)\n"
        for key in facts.fields.keys.sorted() { out += "\(key): \(show(facts.fields[key]))\n" }
        if let p = facts.period { out += "period: \(p.start.description) … \(p.end.description)\n" }
        if let d = facts.reportDate?.date { out += "report date: \(d.description)\n" }
        if let f = facts.funds {
            out += "\nfunds (\(f.unit)):\n"
            out += "  total: " + f.columns.map { "\(f.labels[$0] ?? $0)=\(show(f.totals[$0]))" }.joined(separator: "; ") + "\n"
            for s in f.sources {
                out += "  \(f.labels[s] ?? s): " + f.columns.map { "\(f.labels[$0] ?? $0)=\(show(f.cells[s]?[$0]))" }.joined(separator: "; ") + "\n"
            }
            if f.weight != nil || f.rate != nil || f.score != nil {
                out += "  分值=\(show(f.weight)); 执行率=\(show(f.rate)); 得分=\(show(f.score))\n"
            }
        }
        if !facts.expenses.isEmpty || facts.expenseTotal != nil {
            out += "\nexpenses (unit \(facts.expenseUnit ?? "?"), \(facts.expenseUnitSource ?? "-")):\n"
            for e in facts.expenses {
                out += "  \(e.content): \(show(e.amount)); voucher \(e.voucher?.text ?? "—")\(e.voucherDate.map { " (" + $0.date!.description + ")" } ?? "")\n"
            }
            out += "  total: \(show(facts.expenseTotal))\n"
        }
        if !facts.goalTargets.isEmpty || facts.goalTargetText != nil {
            out += "\ngoals:\n"
            for g in facts.goalTargets {
                out += "  \(g.figure.subject ?? "?") [\(g.figure.scopes.joined(separator: ","))] \(g.figure.text) @L\(g.figure.location.line):\(g.figure.location.column)\n"
            }
            out += "  actual: \(show(facts.goalActualText))\n"
        }
        if !facts.indicators.isEmpty {
            out += "\nindicators:\n"
            for i in facts.indicators {
                out += "  \(i.level1) / \(i.level2): \(show(i.content))\n"
                out += "    target: \(show(i.target))\n    actual: \(show(i.actual))\n"
                if i.weight != nil || i.score != nil { out += "    分值: \(show(i.weight)); 得分: \(show(i.score)); 偏差原因: \(show(i.reason))\n" }
            }
            if facts.indicatorTotalScore != nil { out += "  总分: \(show(facts.indicatorTotalWeight)) / \(show(facts.indicatorTotalScore))\n" }
        }
        if !facts.unbound.isEmpty { out += "\nnot bound: \(facts.unbound.joined(separator: ", "))\n" }
        return out
    }
}
