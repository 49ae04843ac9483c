import Foundation

/// rustc-style diagnostics: headline, location, source line with the figure underlined,
/// `= 计算:` with the arithmetic and `= 建议:` with the suggestion.
public struct TextRenderer: Sendable {
    public var lang: Language
    public var color: Bool

    public init(lang: Language = .zh, color: Bool = false) { self.lang = lang; self.color = color }

    public func render(_ results: [CheckResult]) -> String {
        var out = ""
        for r in results {
            if let error = r.error {
                out += "gouji: \(r.path): \(error)\n"
                continue
            }
            for f in r.findings { out += render(f, in: r) + "\n" }
        }
        out += summary(results) + "\n"
        return out
    }

    func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

    public func render(_ f: Finding, in r: CheckResult) -> String {
        let sevColor = f.severity == .error ? "1;31" : f.severity == .warning ? "1;33" : "1;36"
        var out = paint("\(f.severity.label(lang))[\(f.rule)]", sevColor) + paint(": \(f.message.text(lang))", "1") + "\n"
        let loc = f.primaryLocation
        if let loc { out += "  --> \(r.path):\(loc.line):\(loc.column)\n" }
        if let doc = r.document {
            var shown = Set<Int>()
            var spans = f.figures.map { ($0.location, $0.text) }
            spans += f.locations.map { ($0, "") }
            let width = String(spans.map(\.0.line).max() ?? 0).count
            out += String(repeating: " ", count: width) + " |\n"
            for (i, (l, _)) in spans.enumerated() where !shown.contains(l.line) || i == 0 {
                shown.insert(l.line)
                let lineText = doc.lines.lineText(l.line).replacingOccurrences(of: "\t", with: " ")
                let onLine = spans.filter { $0.0.line == l.line }
                let (shownText, offset) = window(lineText, around: l.column - 1)
                let num = String(l.line).padding(toLength: width, withPad: " ", startingAt: 0)
                out += "\(num) | \(shownText)\n"
                var marks = ""
                for (j, span) in onLine.enumerated() {
                    let col = span.0.column - 1 - offset
                    guard col >= 0 else { continue }
                    let prefix = String(shownText.prefix(col))
                    let pad = displayWidth(prefix)
                    let len = max(1, displayWidth(String(doc.lines.text(from: span.0.start, to: span.0.end).prefix(40))))
                    let mark = String(repeating: (i == 0 && j == 0) ? "^" : "-", count: len)
                    let current = displayWidth(marks)
                    if pad >= current {
                        marks += String(repeating: " ", count: pad - current) + mark
                    }
                }
                out += String(repeating: " ", count: width) + " | " + paint(marks, sevColor) + "\n"
            }
        }
        if let a = f.arithmetic { out += "  = \(lang == .zh ? "计算" : "arithmetic"): \(a.text(lang))\n" }
        for s in f.suggestions.prefix(3) {
            out += "  = \(lang == .zh ? "建议" : "help"): \(s.reason.text(lang))"
            if !s.replacement.isEmpty || !s.original.isEmpty {
                out += lang == .zh ? "（第\(s.location.line)行 “\(s.original)” → “\(s.replacement)”）" : " (line \(s.location.line): “\(s.original)” → “\(s.replacement)”)"
            }
            out += "\n"
        }
        return out
    }

    /// Long lines are cut to a window of about 60 characters around the column.
    func window(_ line: String, around column: Int) -> (String, Int) {
        let chars = Array(line)
        guard chars.count > 70 else { return (line, 0) }
        let start = max(0, min(column - 20, chars.count - 60))
        let end = min(chars.count, start + 60)
        return ((start > 0 ? "…" : "") + String(chars[start..<end]) + (end < chars.count ? "…" : ""), start - (start > 0 ? 1 : 0))
    }

    /// Terminal columns: CJK and full-width characters take two.
    func displayWidth(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { w, u in
            let v = u.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
            return w + (wide ? 2 : 1)
        }
    }

    public func summary(_ results: [CheckResult]) -> String {
        let e = results.reduce(0) { $0 + $1.count(.error) }
        let w = results.reduce(0) { $0 + $1.count(.warning) }
        let i = results.reduce(0) { $0 + $1.count(.info) }
        let unreadable = results.filter { $0.error != nil }.count
        if lang == .zh {
            return "共检查 \(results.count) 份文档：\(e) 个错误，\(w) 个警告，\(i) 个提示" + (unreadable > 0 ? "，\(unreadable) 份无法读取" : "") + "。"
        }
        return "\(results.count) document(s) checked: \(e) error(s), \(w) warning(s), \(i) info(s)" + (unreadable > 0 ? ", \(unreadable) unreadable" : "") + "."
    }
}
