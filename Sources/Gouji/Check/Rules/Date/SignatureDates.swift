import Foundation

/// DT05: the signature blocks (评价组组长（签字）, 项目单位负责人（签章）…) carry a date, and a filled
/// date is not before 报告日期; blank date slots ("年 月 日") are a completeness note.
public struct SignatureDates: Rule {
    public static let description = RuleDescription(
        id: "DT05", name: "signature-dates", family: .date, severity: .info,
        summary: Localized(zh: "签字（签章）栏应填写日期，且不早于报告日期", en: "Signature blocks are dated, not before the report date"),
        triggering: [
            "报告日期：2023年5月26日\n\t绩效自评综合得分\n\t96\n\n\t评价组组长（签字）：李卫东\n\n\n                ↓2023年5月20日\n\n",
            "报告日期：2022年6月22日\n\t绩效自评综合得分\n\t98\n\n\t评价组组长（签字）：\n\n\n                ↓年   月   日\n\n\t项目单位意见：\n\n\n        项目单位负责人（签章）：\n                年   月   日\n\n",
            "报告日期：2023年5月26日\n\t绩效自评综合得分\n\t96\n\n\t评价组组长（签字）：李卫东\n\n\n                2023年5月26日\n\n\t财政部门归口业务科室意见：\n\n\n        财政部门归口业务科室负责人（签章）：\n                ↓年   月   日\n\n",
        ],
        nonTriggering: [
            "报告日期：2023年5月26日\n\t绩效自评综合得分\n\t96\n\n\t评价组组长（签字）：李卫东\n\n\n                2023年5月26日\n\n\t项目单位意见：同意。\n\n\n        项目单位负责人（签章）：\n                2023年5月28日\n\n",
            "报告日期：2023年5月26日\n\t绩效自评综合得分\n\t96\n\n填报人（签名）：王建平                联系电话：0730-8721356\n",
            "报告日期：2023年5月26日\n\t绩效自评综合得分\n\t96\n\n经单位负责人签字确认后报送，时间为2023年5月20日。\n",
        ])

    public init() {}

    /// What marks a signature line: the label's bracketed 签字/签章/签名/盖章, or the word with a colon.
    static let markers = ["（签字）", "（签章）", "（签名）", "（盖章）", "(签字)", "(签章)", "(签名)", "(盖章)", "签字：", "签章：", "签名：", "盖章："]
    /// A date slot, blank ("年   月   日") or filled ("2023年5月26日"), as a whole line …
    static let slotLine = try! Regex(#"^\s*(\d{4})?\s*年\s*(\d{1,2})?\s*月\s*(\d{1,2})?\s*日\s*$"#)
    /// … or at the end of the signature line itself.
    static let slotTail = try! Regex(#"(\d{4})?\s*年\s*(\d{1,2})?\s*月\s*(\d{1,2})?\s*日\s*$"#)

    struct Slot {
        var block: String
        var date: DateParts?
        var location: SourceLocation
    }

    public func check(_ c: RuleContext) -> [Finding] {
        guard c.document.text.containsBytes(of: "签") else { return [] }
        let lines = c.document.lines
        let count = lines.lineStarts.count
        var slots: [Slot] = []
        // The lines holding a marker, found by searching the text's bytes (not line by line).
        var marked = Set<Int>()
        let end = lines.scalarCount
        for marker in Self.markers {
            var from = 0
            while from < end, let at = lines.offset(of: marker, from: from, to: end) {
                marked.insert(lines.location(start: at, end: at).line)
                from = at + 1
            }
        }
        for n in marked.sorted() where n <= count {
            let text = lines.lineText(n)
            guard let marker = Self.markers.first(where: { text.containsBytes(of: $0) }), let r = text.literalRange(of: marker) else { continue }
            let block = String(text[..<r.lowerBound]).trimmingCharacters(in: .whitespaces)
            let after = String(text[r.upperBound...])
            var found: Slot? = nil
            if let m = Self.slotTail.firstMatch(in: after) {
                let offset = text[..<r.upperBound].unicodeScalars.count
                found = slot(m, in: after, line: n, offset: offset, block: block, c)
            } else {
                // The slot on one of the next three lines, before the next signature line.
                var k = n + 1
                while k <= min(count, n + 3) {
                    let next = lines.lineText(k)
                    if Self.markers.contains(where: { next.containsBytes(of: $0) }) { break }
                    if let m = Self.slotLine.firstMatch(in: next) { found = slot(m, in: next, line: k, offset: 0, block: block, c); break }
                    k += 1
                }
            }
            if let found { slots.append(found) }
        }
        guard !slots.isEmpty else { return [] }
        var out: [Finding] = []
        if let report = c.facts.reportDate, let rd = report.date, rd.day > 0 {
            for s in slots {
                guard let d = s.date, d < rd else { continue }
                // The date as a figure when the extractor read one there, else its location.
                let figure = c.figures.first { $0.kind == .date && $0.location.start == s.location.start }
                if let f = c.finding(Self.description,
                                     message: Localized(zh: "“\(s.block)”的签字日期 \(d.description) 早于报告日期 \(rd.description)",
                                                        en: "The signature date of “\(s.block)”, \(d.description), is before the report date \(rd.description)"),
                                     arithmetic: Localized(zh: "\(d.description) < \(rd.description)", en: "\(d.description) < \(rd.description)"),
                                     figures: figure.map { [$0, report] } ?? [],
                                     locations: figure == nil ? [s.location, report.location] : []) { out.append(f) }
            }
        }
        let blank = slots.filter { $0.date == nil }
        if !blank.isEmpty {
            let names = blank.map { $0.block.isEmpty ? "签字栏" : $0.block }
            let message = blank.count == slots.count
                ? Localized(zh: "\(slots.count) 处签字（签章）栏均未填写日期", en: "None of the \(slots.count) signature blocks is dated")
                : Localized(zh: "签字（签章）栏未填写日期：\(names.joined(separator: "、"))", en: "Signature blocks without a date: \(names.joined(separator: ", "))")
            if let f = c.finding(Self.description, message: message, locations: blank.map(\.location)) { out.append(f) }
        }
        return out
    }

    /// The slot a match found; its location starts at the slot's first character (the year or 年).
    func slot(_ m: Regex.Match, in text: String, line: Int, offset: Int, block: String, _ c: RuleContext) -> Slot {
        let bytes = Array(text.utf8)
        func number(_ i: Int) -> Int? { m.range(at: i).flatMap { Int(String(decoding: bytes[$0], as: UTF8.self)) } }
        var start = m.range.lowerBound
        while start < m.range.upperBound, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") { start += 1 }
        var end = m.range.upperBound
        while end > start, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") { end -= 1 }
        let u = UTF8Text(text)
        let lineStart = c.document.lines.lineStarts[line - 1] + offset
        let location = c.document.lines.location(start: lineStart + u.scalarOffset(start), end: lineStart + u.scalarOffset(end))
        var date: DateParts? = nil
        if let y = number(1), let mo = number(2), let d = number(3), (1...12).contains(mo), (1...31).contains(d) {
            date = DateParts(year: y, month: mo, day: d)
        }
        return Slot(block: block, date: date, location: location)
    }
}
