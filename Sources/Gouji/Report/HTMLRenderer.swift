import Foundation

/// A self-contained HTML report (`gouji check --format html`): one file with inline CSS and
/// JavaScript, no network access and no external fonts (a Content-Security-Policy forbids
/// both).
///
/// Each document is shown as read — paragraphs and tables as real `<table>`s with merged
/// cells — with every extracted figure wrapped in `<span class="fig" …>` carrying its kind,
/// value and unit as data attributes; figures involved in findings also get `flag` and
/// `flag-<severity>`. A findings panel lists each finding with its message, arithmetic and
/// suggestions; clicking one scrolls to its figures and highlights them; checkboxes filter by
/// severity and by rule (the page script recomputes the `flag` classes from the filters).
/// All document text is HTML-escaped.
public struct HTMLRenderer: Sendable {
    public var lang: Language

    public init(lang: Language = .zh) { self.lang = lang }

    func t(_ zh: String, _ en: String) -> String { lang == .zh ? zh : en }

    /// Escapes text for element content and quoted attribute values.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    func esc(_ s: String) -> String { Self.escape(s) }

    public func render(_ results: [CheckResult]) -> String {
        var rules: [String: (name: String, count: Int)] = [:]
        var severityCounts: [Severity: Int] = [:]
        for r in results {
            for f in r.findings {
                rules[f.rule, default: (f.name, 0)].count += 1
                severityCounts[f.severity, default: 0] += 1
            }
        }
        var html = """
        <!DOCTYPE html>
        <html lang="\(lang == .zh ? "zh-CN" : "en")">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
        <meta name="generator" content="gouji \(JSONOutput.version)">
        <title>\(t("勾稽检查报告", "Gouji report"))</title>
        <style>\(Self.css)</style>
        </head>
        <body>
        <header>
        <h1>\(t("勾稽 · 绩效自评报告数字勾稽检查", "Gouji · cross-check of report figures"))</h1>
        <p class="summary">\(esc(TextRenderer(lang: lang).summary(results)))</p>
        <div id="filters"><span class="filter-group"><b>\(t("级别", "Severity"))</b>
        """
        for s in Severity.allCases.reversed() {
            html += "<label><input type=\"checkbox\" class=\"f-sev\" value=\"\(s.rawValue)\" checked> <span class=\"badge sev-\(s.rawValue)\">\(esc(s.label(lang)))</span> \(severityCounts[s] ?? 0)</label>\n"
        }
        html += "</span><span class=\"filter-group\"><b>\(t("规则", "Rules"))</b>\n"
        for id in rules.keys.sorted() {
            let info = rules[id]!
            html += "<label><input type=\"checkbox\" class=\"f-rule\" value=\"\(esc(id))\" checked> \(esc(id)) <small>\(esc(info.name))</small> \(info.count)</label>\n"
        }
        html += "</span></div>\n</header>\n<div class=\"layout\">\n<aside id=\"panel\">\n"
        for (d, r) in results.enumerated() { html += panel(r, doc: d) }
        html += "</aside>\n<main>\n"
        for (d, r) in results.enumerated() { html += section(r, doc: d) }
        html += "</main>\n</div>\n<script>\(Self.script)</script>\n</body>\n</html>\n"
        return html
    }

    // MARK: - Findings panel

    func findingID(_ d: Int, _ k: Int) -> String { "d\(d)-k\(k)" }

    func panel(_ r: CheckResult, doc d: Int) -> String {
        var html = "<section class=\"panel-doc\"><h2><a href=\"#doc-\(d)\">\(esc(r.path))</a></h2>\n"
        if let error = r.error {
            return html + "<p class=\"unreadable\">\(t("无法读取", "Unreadable")): \(esc(error))</p></section>\n"
        }
        if r.findings.isEmpty {
            return html + "<p class=\"clean\">\(t("未发现问题。", "No findings."))</p></section>\n"
        }
        let ids = FigureIDs(r, doc: d)
        html += "<ol class=\"findings\">\n"
        for (k, f) in r.findings.enumerated() {
            let targets = f.figures.compactMap { ids.id(for: $0.location) } + f.locations.map { "at:\($0.start)" }
            html += "<li class=\"finding sev-\(f.severity.rawValue)\" id=\"\(findingID(d, k))\" tabindex=\"0\" data-doc=\"\(d)\" data-rule=\"\(esc(f.rule))\" data-sev=\"\(f.severity.rawValue)\" data-targets=\"\(esc(targets.joined(separator: " ")))\">\n"
            html += "<div class=\"head\"><span class=\"badge sev-\(f.severity.rawValue)\">\(esc(f.severity.label(lang)))</span> <code>\(esc(f.rule))</code> <small>\(esc(f.name))</small>"
            if let loc = f.primaryLocation {
                html += " <span class=\"where\">\(t("第 \(loc.line) 行", "line \(loc.line)"))</span>"
            }
            html += "</div>\n<div class=\"msg\">\(esc(f.message.text(lang)))</div>\n"
            if let a = f.arithmetic {
                html += "<div class=\"arith\">\(t("计算", "Arithmetic")): \(esc(a.text(lang)))</div>\n"
            }
            if !f.figures.isEmpty {
                html += "<div class=\"figs\">" + f.figures.map { "<span class=\"chip\">\(esc($0.text))</span>" }.joined(separator: " ") + "</div>\n"
            }
            if !f.suggestions.isEmpty {
                html += "<ul class=\"sugg\">\n"
                for s in f.suggestions {
                    html += "<li>\(t("建议", "Suggestion")): "
                    if !s.original.isEmpty || !s.replacement.isEmpty {
                        html += "<del>\(esc(s.original))</del> → <ins>\(esc(s.replacement))</ins> "
                    }
                    html += "<span class=\"reason\">\(esc(s.reason.text(lang)))</span>"
                    if s.location.line != f.primaryLocation?.line { html += " <span class=\"where\">\(t("第 \(s.location.line) 行", "line \(s.location.line)"))</span>" }
                    if s.safe { html += " <span class=\"safe\">\(t("可自动修复", "fixable"))</span>" }
                    html += "</li>\n"
                }
                html += "</ul>\n"
            }
            html += "</li>\n"
        }
        return html + "</ol></section>\n"
    }

    // MARK: - Document view

    /// Ids of the figure spans of one document: every extracted figure plus any finding figure
    /// the extractor's list lacks, keyed by their scalar range.
    struct FigureIDs {
        struct Key: Hashable { var start: Int; var end: Int }
        var ids: [Key: String] = [:]
        var spans: [(figure: Figure, id: String)] = []
        var findingsOf: [Key: [Int]] = [:]

        init(_ r: CheckResult, doc d: Int) {
            var all = r.figures
            for f in r.findings { all += f.figures }
            for fig in all {
                let key = Key(start: fig.location.start, end: fig.location.end)
                guard ids[key] == nil, fig.location.end > fig.location.start else { continue }
                let id = "d\(d)-f\(spans.count)"
                ids[key] = id
                spans.append((fig, id))
            }
            spans.sort { ($0.figure.location.start, -$0.figure.location.end) < ($1.figure.location.start, -$1.figure.location.end) }
            for (k, f) in r.findings.enumerated() {
                for fig in f.figures { findingsOf[Key(start: fig.location.start, end: fig.location.end), default: []].append(k) }
            }
        }

        func id(for l: SourceLocation) -> String? { ids[Key(start: l.start, end: l.end)] }

        /// A block's text cut into plain runs and figure runs (overlapping figures: the first
        /// is kept), for the block starting at scalar offset `start`.
        func segments(_ text: String, from start: Int) -> [(text: String, figure: (Figure, String)?)] {
            let scalars = Array(text.unicodeScalars)
            let end = start + scalars.count
            var out: [(text: String, figure: (Figure, String)?)] = []
            var cursor = 0
            func run(_ upTo: Int) -> String? {
                guard upTo > cursor else { return nil }
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[cursor..<upTo])
                cursor = upTo
                return String(view)
            }
            // First span starting at or after `start` (spans are sorted by start).
            var lo = 0, hi = spans.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if spans[mid].figure.location.start < start { lo = mid + 1 } else { hi = mid }
            }
            var k = lo
            while k < spans.count, spans[k].figure.location.start < end {
                let (fig, id) = spans[k]
                k += 1
                let s = fig.location.start - start, e = min(fig.location.end, end) - start
                guard s >= cursor, e > s else { continue } // overlapping spans: keep the first
                if let plain = run(s) { out.append((plain, nil)) }
                out.append((run(e) ?? "", (fig, id)))
            }
            if let plain = run(scalars.count) { out.append((plain, nil)) }
            return out
        }
    }

    /// The cells of a table as drawn: vertical-merge continuations left out, each other cell
    /// with its column and row span (the last cell of a short row spans to the table's width).
    struct TableLayout {
        struct Placed { var cell: Cell; var colspan: Int; var rowspan: Int }
        var rows: [[Placed]] = []

        init(_ table: Table) {
            let width = table.grid.map(\.count).max() ?? 0
            // Grid column of each physical cell, to find the continuations of a vertical merge.
            var columns: [[Int]] = []
            for row in table.rows {
                var c = 0
                columns.append(row.map { cell in defer { c += max(1, cell.span) }; return c })
            }
            for (r, row) in table.rows.enumerated() {
                var placed: [Placed] = []
                for (i, cell) in row.enumerated() where cell.verticalMerge != .continuation {
                    let column = columns[r][i]
                    var colspan = max(1, cell.span)
                    if i == row.count - 1, column + colspan < width { colspan = width - column }
                    var rowspan = 1
                    if cell.verticalMerge == .restart {
                        var below = r + 1
                        while below < table.rows.count,
                              let j = columns[below].firstIndex(of: column),
                              table.rows[below][j].verticalMerge == .continuation {
                            rowspan += 1; below += 1
                        }
                    }
                    placed.append(Placed(cell: cell, colspan: colspan, rowspan: rowspan))
                }
                rows.append(placed)
            }
        }
    }

    func section(_ r: CheckResult, doc d: Int) -> String {
        var html = "<section class=\"doc\" id=\"doc-\(d)\">\n<h2>\(esc(r.path))"
        if r.error == nil {
            html += " <small>\(esc(r.template))"
            if let doc = r.document { html += " · \(esc(doc.format.rawValue)) · \(esc(doc.encoding))" }
            html += " · \(t("数字", "figures")) \(r.figures.count)</small>"
        }
        html += "</h2>\n"
        guard let document = r.document else {
            return html + "<p class=\"unreadable\">\(t("无法读取", "Unreadable")): \(esc(r.error ?? ""))</p></section>\n"
        }
        let ids = FigureIDs(r, doc: d)
        var anchors: [Int] = []
        for f in r.findings { anchors += f.locations.map(\.start) }
        let context = Context(doc: d, result: r, ids: ids, anchors: anchors.sorted())
        html += "<div class=\"body\">\n"
        for block in document.blocks {
            switch block {
            case .paragraph(let p):
                html += "<p\(context.anchorAttribute(p.location)) data-line=\"\(p.location.line)\">\(context.markup(p.text, from: p.location.start))</p>\n"
            case .table(let table):
                html += self.table(table, context)
            }
        }
        return html + "</div>\n</section>\n"
    }

    func table(_ table: Table, _ context: Context) -> String {
        var html = ""
        if let caption = table.caption {
            html += "<p class=\"caption\"\(context.anchorAttribute(caption.location)) data-line=\"\(caption.location.line)\">\(context.markup(caption.text, from: caption.location.start))</p>\n"
        }
        html += "<table data-table=\"\(table.index)\">\n"
        for row in TableLayout(table).rows {
            html += "<tr>"
            for placed in row {
                let cell = placed.cell
                html += "<td"
                if placed.colspan > 1 { html += " colspan=\"\(placed.colspan)\"" }
                if placed.rowspan > 1 { html += " rowspan=\"\(placed.rowspan)\"" }
                html += context.anchorAttribute(cell.location)
                html += " data-line=\"\(cell.location.line)\">\(context.markup(cell.text, from: cell.location.start))</td>"
            }
            html += "</tr>\n"
        }
        return html + "</table>\n"
    }

    struct Context {
        var doc: Int
        var result: CheckResult
        var ids: FigureIDs
        var anchors: [Int]

        /// `data-at` listing the finding locations (not figures) that fall in this block.
        func anchorAttribute(_ l: SourceLocation) -> String {
            let inside = anchors.filter { $0 >= l.start && $0 <= l.end }
            guard !inside.isEmpty else { return "" }
            return " data-at=\"\(Array(Set(inside)).sorted().map { "at:\($0)" }.joined(separator: " "))\""
        }

        /// The block text escaped, with the figures inside `start..<start+count` wrapped in spans.
        func markup(_ text: String, from start: Int) -> String {
            var out = ""
            for segment in ids.segments(text, from: start) {
                let escaped = HTMLRenderer.escape(segment.text).replacingOccurrences(of: "\n", with: "<br>")
                guard let (fig, id) = segment.figure else { out += escaped; continue }
                let findings = ids.findingsOf[FigureIDs.Key(start: fig.location.start, end: fig.location.end)] ?? []
                var classes = "fig"
                var attributes = ""
                if !findings.isEmpty {
                    let worst = findings.map { result.findings[$0].severity }.max()!
                    classes += " flag flag-\(worst.rawValue)"
                    attributes += " data-findings=\"\(findings.map { "d\(doc)-k\($0)" }.joined(separator: " "))\""
                }
                if fig.inTable { attributes += " data-in-table=\"1\"" }
                if let subject = fig.subject { attributes += " data-subject=\"\(HTMLRenderer.escape(subject))\"" }
                let title = "\(fig.kind.rawValue): \(fig.value.plain) \(fig.unit)" + (fig.subject.map { " · \($0)" } ?? "")
                out += "<span class=\"\(classes)\" id=\"\(id)\" data-kind=\"\(fig.kind.rawValue)\" data-value=\"\(HTMLRenderer.escape(fig.value.plain))\" data-unit=\"\(HTMLRenderer.escape(fig.unit))\"\(attributes) title=\"\(HTMLRenderer.escape(title))\">"
                out += escaped
                out += "</span>"
            }
            return out
        }
    }

    // MARK: - Inline assets

    /// The report's style sheet (also served by `gouji serve` for its page).
    public static let css = """
    :root{--err:#c62828;--err-bg:#ffcdd2;--warn:#b26a00;--warn-bg:#ffe0a3;--info:#1565c0;--info-bg:#cfe3ff;}
    *{box-sizing:border-box}
    body{margin:0;font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;color:#222;background:#f6f6f4;font-size:15px;line-height:1.6}
    header{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid #ddd;padding:8px 16px}
    h1{font-size:18px;margin:0 0 4px}
    .summary{margin:0 0 4px}
    #filters label{margin-right:12px;white-space:nowrap;cursor:pointer}
    .filter-group{display:inline-block;margin-right:24px}
    .filter-group b{margin-right:8px}
    .layout{display:flex;align-items:flex-start}
    #panel{width:38%;max-width:560px;position:sticky;top:var(--header,96px);max-height:calc(100vh - var(--header,96px));overflow:auto;padding:8px 12px;border-right:1px solid #ddd;background:#fafafa}
    main{flex:1;padding:8px 24px;min-width:0}
    h2{font-size:16px;margin:12px 0 6px;word-break:break-all}
    h2 small{color:#777;font-weight:normal}
    .findings{list-style:none;padding:0;margin:0}
    .finding{background:#fff;border:1px solid #ddd;border-left:5px solid #999;border-radius:4px;padding:6px 8px;margin:0 0 8px;cursor:pointer}
    .finding.sev-error{border-left-color:var(--err)}.finding.sev-warning{border-left-color:var(--warn)}.finding.sev-info{border-left-color:var(--info)}
    .finding.active{outline:2px solid #333}
    .finding .head .where{color:#777;font-size:12px;float:right}
    .sugg .where{color:#777;font-size:12px}
    .msg{font-weight:600}
    .arith{font-family:ui-monospace,"Noto Sans Mono CJK SC",monospace;font-size:13px;background:#f2f2f2;padding:2px 4px;margin:4px 0;white-space:pre-wrap}
    .chip{display:inline-block;border:1px solid #ccc;border-radius:3px;padding:0 4px;font-size:13px;margin:2px 2px 0 0}
    .sugg{margin:4px 0 0;padding-left:18px;font-size:14px}
    del{color:var(--err)}ins{color:#2e7d32;text-decoration:none;font-weight:600}
    .reason{color:#555}.safe{font-size:12px;border:1px solid #2e7d32;color:#2e7d32;border-radius:3px;padding:0 3px}
    .badge{display:inline-block;border-radius:3px;padding:0 5px;font-size:12px;color:#fff;background:#777}
    .badge.sev-error{background:var(--err)}.badge.sev-warning{background:var(--warn)}.badge.sev-info{background:var(--info)}
    .doc{background:#fff;border:1px solid #ddd;border-radius:4px;padding:8px 16px;margin:0 0 16px}
    .body p{margin:2px 0;white-space:pre-wrap;word-break:break-word}
    .body p.caption{font-weight:600;margin-top:10px}
    table{border-collapse:collapse;margin:6px 0 12px;max-width:100%}
    td{border:1px solid #999;padding:2px 6px;vertical-align:top;white-space:pre-wrap;word-break:break-word}
    .fig{border-bottom:1px dotted #888;white-space:nowrap}
    .fig.flag{border-radius:2px;padding:0 1px;border-bottom:2px solid}
    .fig.flag-error{background:var(--err-bg);border-bottom-color:var(--err)}
    .fig.flag-warning{background:var(--warn-bg);border-bottom-color:var(--warn)}
    .fig.flag-info{background:var(--info-bg);border-bottom-color:var(--info)}
    .focus{outline:3px solid #000;outline-offset:1px;animation:pulse 1s ease-in-out 2}
    [data-at].focus{background:#fff3b0}
    @keyframes pulse{50%{outline-color:#ff0}}
    .unreadable{color:var(--err);font-weight:600}.clean{color:#2e7d32}
    .hidden{display:none}
    @media print{header,#panel{position:static;max-height:none}.layout{display:block}#panel{width:auto;max-width:none}}
    """

    static let script = """
    (function () {
      'use strict';
      var findings = Array.prototype.slice.call(document.querySelectorAll('li.finding'));
      var rank = { info: 0, warning: 1, error: 2 };
      function checked(cls) {
        var set = {};
        document.querySelectorAll('input.' + cls).forEach(function (box) { set[box.value] = box.checked; });
        return set;
      }
      function targets(li) {
        var out = [];
        (li.dataset.targets || '').split(' ').forEach(function (t) {
          if (!t) return;
          if (t.indexOf('at:') === 0) {
            document.querySelectorAll('#doc-' + li.dataset.doc + ' [data-at]').forEach(function (el) {
              if (el.dataset.at.split(' ').indexOf(t) >= 0) out.push(el);
            });
          } else {
            var el = document.getElementById(t);
            if (el) out.push(el);
          }
        });
        return out;
      }
      function apply() {
        var sev = checked('f-sev'), rule = checked('f-rule');
        document.querySelectorAll('.fig.flag').forEach(function (el) {
          el.classList.remove('flag', 'flag-error', 'flag-warning', 'flag-info');
          delete el.dataset.sev;
        });
        findings.forEach(function (li) {
          var visible = sev[li.dataset.sev] !== false && rule[li.dataset.rule] !== false;
          li.classList.toggle('hidden', !visible);
          if (!visible) return;
          targets(li).forEach(function (el) {
            if (!el.classList.contains('fig')) return;
            var current = el.dataset.sev;
            if (current && rank[current] >= rank[li.dataset.sev]) return;
            if (current) el.classList.remove('flag-' + current);
            el.classList.add('flag', 'flag-' + li.dataset.sev);
            el.dataset.sev = li.dataset.sev;
          });
        });
      }
      function focus(li, instant) {
        findings.forEach(function (other) { other.classList.remove('active'); });
        document.querySelectorAll('.focus').forEach(function (el) { el.classList.remove('focus'); });
        li.classList.add('active');
        var els = targets(li);
        els.forEach(function (el) { el.classList.add('focus'); });
        if (els.length) els[0].scrollIntoView({ behavior: instant ? 'auto' : 'smooth', block: 'center' });
        li.scrollIntoView({ block: 'nearest' });
      }
      findings.forEach(function (li) {
        li.addEventListener('click', function () { focus(li); });
        li.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); focus(li); } });
      });
      document.querySelectorAll('#filters input').forEach(function (box) { box.addEventListener('change', apply); });
      // The findings panel sticks below the header, whatever its height.
      function layout() {
        var h = document.querySelector('header').offsetHeight;
        document.documentElement.style.setProperty('--header', h + 'px');
      }
      window.addEventListener('resize', layout);
      layout();
      apply();
      // A link to #finding=<id> opens the report on that finding.
      var wanted = /^#finding=(.+)$/.exec(window.location.hash);
      if (wanted) {
        var li = document.getElementById(decodeURIComponent(wanted[1]));
        if (li && li.classList.contains('finding')) focus(li, true);
      }
      document.body.setAttribute('data-ready', '1');
    })();
    """
}
