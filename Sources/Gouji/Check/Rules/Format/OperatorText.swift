import Foundation

/// F09: a target's operator is written in one of the accepted forms (≥ ≤ ＞ ＜ >= <= ≧ ≦,
/// 不低于/不少于/以上, 不高于/不超过/以内/控制在…内, 达到/为/=). Other operator text ("大于等于",
/// "≥=", "=>", "⩾") is not read as the operator it means, so the target's met status and
/// score are not checked, or are checked against the wrong operator.
public struct OperatorText: Rule {
    public static let description = RuleDescription(
        id: "F09", name: "operator-text", family: .format, severity: .info,
        summary: Localized(zh: "指标值的运算符应使用规范写法（≥ ≤ ＞ ＜ = 或 不低于、不超过、以上、以内等）", en: "A target's operator is written in an accepted form (≥ ≤ ＞ ＜ =, 不低于, 不超过, 以上, 以内 …)"),
        triggering: [
            "\t绩效指标\n\t一级指标\n\t二级指标\n\t三级指标\n\t年度指标值\n\t实际完成值\n\t分值\n\t得分\n\t偏差原因分析及改进措施\n\n\t\n\t产出指标\n\t数量指标\n\t培训人次\n\t↓大于等于500人次\n\t520人次\n\t10\n\t10\n\t\n\n",
            "\t绩效指标\n\t一级指标\n\t二级指标\n\t三级指标\n\t年度指标值\n\t实际完成值\n\t分值\n\t得分\n\t偏差原因分析及改进措施\n\n\t\n\t产出指标\n\t质量指标\n\t验收合格率\n\t↓≥=95%\n\t96%\n\t10\n\t10\n\t\n\n",
            "\t绩效指标（90分）\n\t一级指标\n\t二级指标\n\t三级指标\n\t指标性质\n\t指标值\n\t度量单位\n\t完成值\n\t权重\n\t得分\n\t未完成原因分析\n\n\t\n\t产出指标\n\t时效指标\n\t清运周期\n\t↓=<\n\t2\n\t天\n\t2\n\t5\n\t5\n\t\n\n",
        ],
        nonTriggering: [
            "\t绩效指标\n\t一级指标\n\t二级指标\n\t三级指标\n\t年度指标值\n\t实际完成值\n\t分值\n\t得分\n\t偏差原因分析及改进措施\n\n\t\n\t产出指标\n\t数量指标\n\t培训人次\n\t≥500人次\n\t520人次\n\t10\n\t10\n\t\n\n",
            "\t绩效指标\n\t一级指标\n\t二级指标\n\t三级指标\n\t年度指标值\n\t实际完成值\n\t分值\n\t得分\n\t偏差原因分析及改进措施\n\n\t\n\t产出指标\n\t时效指标\n\t办结时限\n\t不超过30天\n\t25天\n\t10\n\t10\n\t\n\n\t\n\t\n\t成本指标\n\t单位成本\n\t控制在2.8万元以内\n\t2.76万元\n\t10\n\t10\n\t\n\n",
            "\t绩效指标（90分）\n\t一级指标\n\t二级指标\n\t三级指标\n\t指标性质\n\t指标值\n\t度量单位\n\t完成值\n\t权重\n\t得分\n\t未完成原因分析\n\n\t\n\t产出指标\n\t时效指标\n\t清运周期\n\t≤\n\t2\n\t天\n\t2\n\t5\n\t5\n\t\n\n",
        ])

    public init() {}

    /// Operator text that is not an accepted form, and the accepted form it stands for (nil when
    /// its meaning is unclear). Longer forms first: the pattern tries them in this order. Cells
    /// are matched after full-width signs are made half-width (＞＝ is read as >=, accepted;
    /// ＝＞ as =>, not), so only the half-width forms are listed.
    static let unaccepted: [(String, String?)] = [
        ("大于或等于", "≥"), ("高于或等于", "≥"), ("多于或等于", "≥"), ("大于等于", "≥"),
        ("小于或等于", "≤"), ("低于或等于", "≤"), ("少于或等于", "≤"), ("小于等于", "≤"),
        ("≥=", "≥"), ("=≥", "≥"), ("≧=", "≥"), ("=>", "≥"), (">>", nil),
        ("≤=", "≤"), ("=≤", "≤"), ("≦=", "≤"), ("=<", "≤"), ("<<", nil),
        ("⩾", "≥"), ("⩽", "≤"), ("≮", "≥"), ("≯", "≤"), ("≠", nil), ("==", "="),
        ("大于", "＞"), ("小于", "＜"), ("等于", "="),
    ]
    /// One of the unaccepted forms right before a number (spaces between allowed), or ending the
    /// cell (a 指标性质 cell holds the operator alone). 大于 and 小于 after 不 are accepted words
    /// (不大于, 不小于).
    static let pattern: Regex = {
        let alternatives = unaccepted.map { Regex.escape($0.0) }.joined(separator: "|")
        return try! Regex("(?<!不)(?:\(alternatives))(?=\\s*[0-9]|\\s*$)")
    }()
    /// Every unaccepted form starts with one of these (most cells have none of them).
    static let firstScalars = Set(unaccepted.compactMap { $0.0.unicodeScalars.first })

    public func check(_ c: RuleContext) -> [Finding] {
        var out: [Finding] = []
        for row in c.facts.indicators {
            let name = row.content?.text.trimmedWhitespace ?? row.level2
            var cells: [SourceLocation] = []
            if let t = row.target, !t.empty { cells.append(t.location) }
            if let nature = row.nature, !nature.isEmpty, let cell = UnitColumnConflict.cell(of: row, holding: nature, c) { cells.append(cell.location) }
            for location in cells {
                let text = Normalizer.normalize(c.text(location))
                guard text.unicodeScalars.contains(where: { Self.firstScalars.contains($0) }) else { continue }
                for (s, e) in Self.pattern.matchesWithOffsets(text) {
                    let at = c.document.lines.location(start: location.start + s, end: location.start + e, part: location.part)
                    let written = c.text(at)
                    let accepted = Self.unaccepted.first { $0.0 == Normalizer.normalize(written) }?.1
                    let fix = accepted.map { Suggestion(location: at, original: written, replacement: $0, reason: Localized(zh: "写作“\($0)”", en: "write “\($0)”")) }
                    if let f = c.finding(Self.description,
                                         message: Localized(zh: "指标“\(name)”的运算符“\(written)”不是规范写法，达标判断和计分会因此跳过或误读" + (accepted.map { "（应写作“\($0)”）" } ?? ""),
                                                            en: "The operator “\(written)” of the indicator “\(name)” is not an accepted form, so its met status and score are skipped or misread" + (accepted.map { " (write “\($0)”)" } ?? "")),
                                         locations: [at], suggestions: fix.map { [$0] } ?? []) {
                        out.append(f)
                    }
                }
            }
        }
        return out
    }
}
