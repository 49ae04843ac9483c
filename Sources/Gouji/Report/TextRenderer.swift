import Foundation

/// rustc/clang-style diagnostics:
///
/// ```
/// 错误[N01]: 分项之和与合计不符
///   --> report.txt:3:8
///    |
///  3 | 共争取资金9783.6万元，其中A 660万元、B 5623.6万元。
///    |           ^^^^^^^^^          -------    ---------- 分项
///    |           |                  |
///    |           |                  分项
///    |           合计
///    = 计算: 660 + 5623.6 = 6283.6 ≠ 9783.6
///    = 建议: “9783.6万元” → “6283.6万元”（按分项之和更正）
/// ```
///
/// The primary figure (the finding's first) is underlined with `^`, the other figures on the
/// same line with `-`, each labelled with its subject (or its kind). Colours are used only
/// when `color` is true (the CLI passes it for a terminal without NO_COLOR).
public struct TextRenderer: Sendable {
    public var lang: Language
    public var color: Bool

    public init(lang: Language = .zh, color: Bool = false) { self.lang = lang; self.color = color }

    public func render(_ results: [CheckResult]) -> String {
        var out = ""
        for r in results {
            if let error = r.error(lang) {
                out += paint(lang == .zh ? "无法读取" : "unreadable", "1;31") + ": \(r.path): \(error)\n\n"
                continue
            }
            if r.template == "unknown" {
                // Said once per document: without a known form, the table rules had nothing to bind.
                let tables = r.document?.tables.filter { !$0.rows.isEmpty }.count ?? 0
                out += paint(lang == .zh ? "说明" : "note", "1;36")
                    + (lang == .zh ? ": \(r.path): 未识别出已知的自评表格式（\(tables) 个表格）：按表格式核对的规则未运行，表格只核对其合计行\n\n"
                                   : ": \(r.path): no known self-evaluation form recognised (\(tables) tables): the form's table rules did not run; tables are checked only for their total rows\n\n")
            }
            for f in r.findings { out += render(f, in: r) + "\n" }
        }
        out += summary(results) + "\n"
        return out
    }

    func paint(_ s: String, _ code: String) -> String { color && !s.isEmpty ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

    func severityColor(_ s: Severity) -> String { s == .error ? "1;31" : s == .warning ? "1;33" : "1;36" }
    let gutterColor = "1;34"

    /// One underlined span of a source line.
    struct Span {
        var location: SourceLocation
        var label: String
        var primary: Bool
    }

    public func render(_ f: Finding, in r: CheckResult) -> String {
        let sevColor = severityColor(f.severity)
        var out = paint("\(f.severity.label(lang))[\(f.rule)]", sevColor) + paint(": \(f.message.text(lang))", "1") + "\n"
        var spans: [Span] = []
        for (i, fig) in f.figures.enumerated() {
            spans.append(Span(location: fig.location, label: label(for: fig), primary: i == 0))
        }
        for (i, l) in f.locations.enumerated() {
            spans.append(Span(location: l, label: lang == .zh ? "相关位置" : "related", primary: f.figures.isEmpty && i == 0))
        }
        let lineNumbers = Array(Set(spans.map(\.location.line))).sorted()
        let width = max(2, String(lineNumbers.last ?? 0).count)
        let gutter = String(repeating: " ", count: width + 1)
        if let loc = f.primaryLocation {
            var arrow = "\(r.path):\(loc.line):\(loc.column)"
            let primaryFigure = f.figures.first
            if primaryFigure?.inTable == true || loc.part?.hasPrefix("t") == true {
                arrow += lang == .zh ? "（表格单元格" : " (table cell"
                if let part = loc.part { arrow += " \(part)" }
                arrow += lang == .zh ? "）" : ")"
            } else if let part = loc.part {
                arrow += " (\(part))"
            }
            out += String(repeating: " ", count: width) + paint("--> ", gutterColor) + arrow + "\n"
        }
        if let doc = r.document, !lineNumbers.isEmpty {
            out += gutter + paint("|", gutterColor) + "\n"
            var previous: Int?
            for line in lineNumbers {
                if let p = previous, line > p + 1 { out += paint("...", gutterColor) + "\n" }
                previous = line
                out += renderLine(line, spans: spans.filter { $0.location.line == line }, doc: doc,
                                  width: width, severity: f.severity)
            }
        }
        let eq = String(repeating: " ", count: width + 1) + paint("=", gutterColor)
        if let a = f.arithmetic {
            out += "\(eq) \(lang == .zh ? "计算" : "arithmetic"): \(a.text(lang))\n"
        }
        for s in f.suggestions {
            out += "\(eq) \(lang == .zh ? "建议" : "help"): " + s.summary(lang)
            if s.location.line != f.primaryLocation?.line { out += lang == .zh ? " 第\(s.location.line)行" : " at line \(s.location.line)" }
            if s.safe { out += lang == .zh ? " [可自动修复]" : " [fixable]" }
            out += "\n"
        }
        return out
    }

    /// The label of an underlined figure: its subject (with scope words), else its kind.
    func label(for f: Figure) -> String {
        if let subject = f.subject, !subject.isEmpty {
            return f.scopes.isEmpty ? subject : f.scopes.joined() + subject
        }
        switch (f.kind, lang) {
        case (.money, .zh): return "金额"
        case (.count, .zh): return "数量"
        case (.percent, .zh), (.permille, .zh): return "比例"
        case (.percentagePoints, .zh): return "百分点"
        case (.score, .zh): return "分数"
        case (.date, .zh), (.dateRange, .zh), (.year, .zh): return "日期"
        case (_, .zh): return "数字"
        case (.percentagePoints, .en): return "percentage points"
        case (.dateRange, .en): return "date range"
        case (_, .en): return f.kind.rawValue
        }
    }

    /// The source line, the underline row and the label rows for the spans on `line`.
    func renderLine(_ line: Int, spans lineSpans: [Span], doc: Document, width: Int, severity: Severity) -> String {
        let bar = paint("|", gutterColor)
        let gutter = String(repeating: " ", count: width + 1)
        // A long line (a page copied as one line) is cut around the focus first: each finding
        // then costs the same whatever the line's length.
        let full = doc.lines.lineRange(line)
        let focusSpan = lineSpans.first { $0.primary } ?? lineSpans[0]
        var lineStart = full.lowerBound, lineStop = full.upperBound
        if full.count > Self.longLine {
            lineStart = max(full.lowerBound, focusSpan.location.start - Self.longLine / 4)
            lineStop = min(full.upperBound, max(focusSpan.location.end, focusSpan.location.start) + Self.longLine / 4)
        }
        let lineText = doc.lines.text(from: lineStart, to: lineStop).replacingOccurrences(of: "\t", with: " ")
        let lineLength = lineText.count
        let shown = lineSpans.filter { $0.location.start >= lineStart && $0.location.start <= lineStop }
        /// The span's first character, counted from the cut's start.
        func column(_ l: SourceLocation) -> Int {
            lineStart == full.lowerBound ? l.column - 1 : doc.lines.text(from: lineStart, to: l.start).count
        }
        func characters(_ l: SourceLocation) -> Range<Int> {
            let from = min(max(0, column(l)), lineLength)
            let scalars = max(0, min(l.end, lineStop) - l.start)
            let covered = doc.lines.text(from: l.start, to: l.start + scalars).count
            return from..<min(lineLength, from + covered)
        }
        let (shownText, offset, visible) = window(lineText, spans: shown.map { characters($0.location) },
                                                  focus: characters(focusSpan.location),
                                                  cut: (lineStart > full.lowerBound, lineStop < full.upperBound))
        let num = String(repeating: " ", count: width - String(line).count) + String(line)
        var out = paint(num, gutterColor) + " " + bar + " " + shownText + "\n"

        // Place each span at its display column; overlapping spans after the first are dropped.
        struct Placed { var pad: Int; var length: Int; var span: Span }
        var placed: [Placed] = []
        let lineEnd = doc.lines.lineStarts.count > line ? doc.lines.lineStarts[line] - 1 : doc.lines.scalarCount
        for span in shown.sorted(by: { $0.location.column < $1.location.column }) {
            let col = column(span.location) - offset
            guard col >= 0, col < visible || (col == 0 && visible == 0) else { continue }
            let pad = displayWidth(String(shownText.prefix(col)))
            let end = min(span.location.end, lineEnd)
            let covered = doc.lines.text(from: span.location.start, to: max(end, span.location.start))
            let shownPart = String(Array(shownText)[col..<visible].prefix(covered.count))
            let length = max(1, displayWidth(shownPart))
            if let last = placed.last, pad < last.pad + last.length { continue }
            placed.append(Placed(pad: pad, length: length, span: span))
        }
        guard !placed.isEmpty else { return out }
        let sevColor = severityColor(severity)
        func mark(_ p: Placed) -> String {
            paint(String(repeating: p.span.primary ? "^" : "-", count: p.length), p.span.primary ? sevColor : gutterColor)
        }
        // Underline row, with the rightmost span's label inline.
        var row = ""
        var cursor = 0
        for p in placed {
            row += String(repeating: " ", count: p.pad - cursor) + mark(p)
            cursor = p.pad + p.length
        }
        let last = placed[placed.count - 1]
        row += " " + paint(last.span.label, last.span.primary ? sevColor : gutterColor)
        out += gutter + bar + " " + row + "\n"
        // The other labels hang below their spans, right to left, rustc style.
        let hanging = placed.dropLast()
        for k in stride(from: hanging.count - 1, through: 0, by: -1) {
            var connectors = ""
            var labelRow = ""
            var c = 0
            for (j, p) in hanging.enumerated() where j <= k {
                connectors += String(repeating: " ", count: p.pad - c) + paint("|", gutterColor)
                if j < k {
                    labelRow += String(repeating: " ", count: p.pad - c) + paint("|", gutterColor)
                } else {
                    labelRow += String(repeating: " ", count: p.pad - c) + paint(p.span.label, p.span.primary ? sevColor : gutterColor)
                }
                c = p.pad + 1
            }
            out += gutter + bar + " " + connectors + "\n"
            out += gutter + bar + " " + labelRow + "\n"
        }
        return out
    }

    /// Widest source line shown, in terminal columns; longer lines are cut to a window.
    static let maxLineWidth = 100
    /// Lines longer than this (in scalars) are cut around the finding before the window is found.
    static let longLine = 2000

    /// Cuts a long line to a window of at most `maxLineWidth` columns that shows all the spans
    /// (0-based character ranges) when they fit, else the `focus` span, with up to 20 columns
    /// of context on its left. Returns the shown text, the number of characters of the line
    /// before the window's first character (a leading "…" counts as one) and the number of
    /// characters of the shown text that are not a trailing "…".
    /// `cut` says that `line` is a cut of a longer line, on the left and on the right: those
    /// ends are marked "…" too.
    func window(_ line: String, spans: [Range<Int>], focus: Range<Int>, cut: (left: Bool, right: Bool) = (false, false))
        -> (text: String, offset: Int, visible: Int) {
        let chars = Array(line)
        let widths = chars.map { TextWidth.columns(String($0)) }
        let limit = Self.maxLineWidth
        guard widths.reduce(0, +) > limit || cut.left || cut.right else { return (line, 0, chars.count) }
        func clamp(_ i: Int) -> Int { max(0, min(chars.count, i)) }
        var start = clamp(focus.lowerBound), end = clamp(max(focus.upperBound, focus.lowerBound + 1))
        let lo = clamp(spans.map(\.lowerBound).min() ?? start), hi = clamp(spans.map(\.upperBound).max() ?? end)
        if widths[lo..<hi].reduce(0, +) <= limit - 10 { start = lo; end = max(hi, lo + 1) }
        end = min(end, chars.count)
        var width = widths[start..<end].reduce(0, +)
        while width > limit, end > start + 1 { end -= 1; width -= widths[end] }
        var left = 20
        while start > 0, left >= widths[start - 1], width + widths[start - 1] <= limit {
            start -= 1; width += widths[start]; left -= widths[start]
        }
        while end < chars.count, width + widths[end] <= limit { width += widths[end]; end += 1 }
        while start > 0, width + widths[start - 1] <= limit { start -= 1; width += widths[start] }
        let ellipsis = start > 0 || cut.left
        return ((ellipsis ? "…" : "") + String(chars[start..<end]) + (end < chars.count || cut.right ? "…" : ""),
                start - (ellipsis ? 1 : 0), (ellipsis ? 1 : 0) + end - start)
    }

    /// Terminal columns: CJK and full-width characters take two, combining marks none.
    func displayWidth(_ s: String) -> Int {
        TextWidth.columns(s)
    }

    public func summary(_ results: [CheckResult]) -> String {
        let e = results.reduce(0) { $0 + $1.count(.error) }
        let w = results.reduce(0) { $0 + $1.count(.warning) }
        let i = results.reduce(0) { $0 + $1.count(.info) }
        let unreadable = results.filter { $0.error != nil }.count
        let accepted = results.reduce(0) { $0 + $1.accepted }, baselined = results.reduce(0) { $0 + $1.baselined }
        if lang == .zh {
            return "共检查 \(results.count) 份文档：\(e) 个错误，\(w) 个警告，\(i) 个提示" + (unreadable > 0 ? "，\(unreadable) 份无法读取" : "")
                + (accepted > 0 ? "；另有 \(accepted) 条已在配置中接受" : "") + (baselined > 0 ? "；另有 \(baselined) 条已记入基线，未列出" : "") + "。"
        }
        return "\(results.count) document(s) checked: \(e) error(s), \(w) warning(s), \(i) info(s)" + (unreadable > 0 ? ", \(unreadable) unreadable" : "")
            + (accepted > 0 ? "; \(accepted) accepted in the configuration" : "") + (baselined > 0 ? "; \(baselined) in the baseline, not shown" : "") + "."
    }
}

/// Display width of text in a terminal (East Asian wide and full-width characters take two
/// columns, combining marks and zero-width characters none).
public enum TextWidth {
    public static func columns(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { $0 + columns($1) }
    }

    public static func columns(_ u: Unicode.Scalar) -> Int {
        let v = u.value
        if v == 0x200B || v == 0x200C || v == 0x200D || v == 0xFEFF { return 0 }
        switch u.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return 0
        default: break
        }
        let wide = (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x20000...0x3FFFD).contains(v)
        return wide ? 2 : 1
    }
}

extension Suggestion {
    /// The suggestion in one phrase: “original” → “replacement”（reason）, or an insertion, a
    /// deletion, or only the reason when the suggestion names no text.
    public func summary(_ lang: Language) -> String {
        let reason = self.reason.text(lang)
        switch (original.isEmpty, replacement.isEmpty, lang) {
        case (true, true, _): return reason
        case (true, false, .zh): return "插入“\(replacement)”（\(reason)）"
        case (true, false, .en): return "insert \"\(replacement)\" (\(reason))"
        case (false, true, .zh): return "删除“\(original)”（\(reason)）"
        case (false, true, .en): return "delete \"\(original)\" (\(reason))"
        case (false, false, .zh): return "“\(original)” → “\(replacement)”（\(reason)）"
        case (false, false, .en): return "\"\(original)\" → \"\(replacement)\" (\(reason))"
        }
    }
}
