import Foundation

/// F04: a unit written in a target or actual cell conflicts with the row's 计量单位 (度量单位)
/// cell, or an indicator marked 定性 carries a unit.
public struct UnitColumnConflict: Rule {
    public static let description = RuleDescription(
        id: "F04", name: "unit-column-conflict", family: .format, severity: .warning,
        summary: Localized(zh: "指标值或完成值中写的单位应与计量单位栏一致；定性指标不应有计量单位",
                           en: "A unit written in a target or actual cell agrees with the 计量单位 column; a qualitative indicator has no unit"),
        triggering: [
            "\t绩效指标（90分）\n\t一级指标\n\t二级指标\n\t三级指标\n\t指标性质\n\t指标值\n\t度量单位\n\t完成值\n\t权重\n\t得分\n\t未完成原因分析\n\n\t\n\t产出指标\n\t质量指标\n\t验收合格率\n\t≥\n\t95\n\t%\n\t↓28.8万元\n\t10\n\t10\n\t\n\n",
            "\t绩效指标（90分）\n\t一级指标\n\t二级指标\n\t三级指标\n\t指标性质\n\t指标值\n\t度量单位\n\t完成值\n\t权重\n\t得分\n\t未完成原因分析\n\n\t\n\t产出指标\n\t成本指标\n\t建设单价\n\t≤\n\t↓2.8万元\n\t元\n\t27600\n\t5\n\t5\n\t\n\n",
            "\t绩效指标（90分）\n\t一级指标\n\t二级指标\n\t三级指标\n\t指标性质\n\t指标值\n\t度量单位\n\t完成值\n\t权重\n\t得分\n\t未完成原因分析\n\n\t\n\t效益指标\n\t社会效益指标\n\t群众就医便利程度\n\t定性\n\t明显改善\n\t↓次\n\t明显改善\n\t10\n\t10\n\t\n\n",
        ],
        nonTriggering: [
            "\t绩效指标（90分）\n\t一级指标\n\t二级指标\n\t三级指标\n\t指标性质\n\t指标值\n\t度量单位\n\t完成值\n\t权重\n\t得分\n\t未完成原因分析\n\n\t\n\t产出指标\n\t质量指标\n\t验收合格率\n\t≥\n\t95\n\t%\n\t96.5%\n\t10\n\t10\n\t\n\n",
            "\t绩效指标（90分）\n\t一级指标\n\t二级指标\n\t三级指标\n\t指标性质\n\t指标值\n\t度量单位\n\t完成值\n\t权重\n\t得分\n\t未完成原因分析\n\n\t\n\t产出指标\n\t成本指标\n\t建设单价\n\t≤\n\t2.8万元\n\t万元/座\n\t2.76\n\t5\n\t5\n\t\n\n\t\n\t\n\t数量指标\n\t新建收集房\n\t≥\n\t40个\n\t座\n\t42\n\t5\n\t5\n\t\n\n",
            "\t绩效指标（90分）\n\t一级指标\n\t二级指标\n\t三级指标\n\t指标性质\n\t指标值\n\t度量单位\n\t完成值\n\t权重\n\t得分\n\t未完成原因分析\n\n\t\n\t效益指标\n\t社会效益指标\n\t群众就医便利程度\n\t定性\n\t明显改善\n\t/\n\t明显改善\n\t10\n\t10\n\t\n\n",
        ])

    public init() {}

    /// What a unit measures, as far as the lexicons tell (nil: a unit they do not know).
    enum UnitClass: Equatable {
        case money(Decimal), percent, count, measure(String), score
    }

    static func unitClass(_ unit: String, _ lexicons: Lexicons) -> UnitClass? {
        // A rate unit ("万元/座", "元/人") is classed by its numerator.
        let head = unit.split(separator: "/").first.map(String.init) ?? unit
        if let factor = lexicons.patterns.moneyFactors[head] { return .money(factor) }
        if ["%", "％", "百分比", "百分率", "个百分点", "百分点"].contains(head) { return .percent }
        if lexicons.units.scoreWords.contains(head) { return .score }
        if lexicons.units.countWords.contains(head) { return .count }
        if lexicons.units.measureWords[head] != nil { return .measure(head) }
        return nil
    }

    /// What a figure's own unit measures.
    static func figureClass(_ f: Figure, _ lexicons: Lexicons) -> UnitClass? {
        switch f.kind {
        case .money: return .money(f.factor)
        case .percent, .percentagePoints: return .percent
        case .score: return .score
        case .count: return .count
        case .measure: return unitClass(f.writtenUnit, lexicons)
        default: return nil
        }
    }

    public func check(_ c: RuleContext) -> [Finding] {
        var out: [Finding] = []
        for row in c.facts.indicators {
            guard let unit = row.unit?.trimmedWhitespace, !unit.isEmpty, !IndicatorStatus.placeholders.contains(unit) else { continue }
            let name = row.content?.text.trimmedWhitespace ?? row.level2
            if let nature = row.nature, nature.containsBytes(of: "定性") {
                let cell = Self.cell(of: row, holding: unit, c)
                if let f = c.finding(Self.description,
                                     message: Localized(zh: "定性指标“\(name)”填了计量单位“\(unit)”", en: "The qualitative indicator “\(name)” has the unit “\(unit)”"),
                                     locations: cell.map { [$0.location] } ?? [row.location],
                                     suggestions: cell.map { [Suggestion(location: $0.location, original: $0.text, replacement: "/", reason: Localized(zh: "定性指标不填计量单位", en: "a qualitative indicator takes no unit"))] } ?? []) {
                    out.append(f)
                }
                continue
            }
            guard let column = Self.unitClass(unit, c.lexicons) else { continue }
            for f in row.targetFigures + row.actualFigures where f.unitSource == nil && !f.writtenUnit.isEmpty {
                guard let own = Self.figureClass(f, c.lexicons), own != column else { continue }
                if own == .count && column == .count { continue }
                var suggestions: [Suggestion] = []
                if case .money(let k) = column, case .money = own, k != 0 {
                    let restated = f.value.divided(by: k)
                    suggestions.append(Suggestion(location: f.location, original: f.text, replacement: restated.plain,
                                                  reason: Localized(zh: "按计量单位“\(unit)”写作 \(restated.plain)", en: "restate it in the column's unit \(unit): \(restated.plain)")))
                }
                if let finding = c.finding(Self.description,
                                           message: Localized(zh: "指标“\(name)”的“\(f.text)”写的单位“\(f.writtenUnit)”与计量单位栏“\(unit)”不一致",
                                                              en: "The indicator “\(name)”: “\(f.text)” is written in \(f.writtenUnit), but its 计量单位 is \(unit)"),
                                           figures: [f], suggestions: suggestions) {
                    out.append(finding)
                }
            }
        }
        return out
    }

    /// The cell of an indicator's table row whose text is `text` (the row is the one holding
    /// the indicator's content or target cell).
    static func cell(of row: IndicatorRow, holding text: String, _ c: RuleContext) -> Cell? {
        guard let anchor = (row.content ?? row.target)?.location else { return nil }
        for t in c.document.tables {
            for cells in t.rows where cells.contains(where: { $0.location.start <= anchor.start && anchor.start <= $0.location.end }) {
                return cells.first { $0.trimmed == text && $0.location.start != anchor.start }
            }
        }
        return nil
    }
}
