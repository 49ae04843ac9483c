import Foundation

/// F06: cover fields are filled (主管部门, one 评价类型 chosen), and every part of the template was
/// found; what could not be bound is reported so a reviewer knows which checks were skipped.
public struct RequiredFields: Rule {
    public static let description = RuleDescription(
        id: "F06", name: "required-fields", family: .format, severity: .info,
        summary: Localized(zh: "封面要素应填写完整；未能识别的表格部分会导致相应检查被跳过", en: "Cover fields are filled; template parts that could not be read skip their checks"),
        triggering: ["评价类型：↓项目实施过程评价   项目完成结果评价\n↓主管部门：      \n\t绩效自评综合得分\n\t98\n\n\t评价等次\n\t优秀\n\n",
            """
            评价类型：↓项目实施过程评价 项目完成结果评价
            主管部门：县农业农村局
            \t绩效自评综合得分
            \t91

            \t评价等次
            \t优秀


            """,
            """
            评价类型：项目完成结果评价
            ↓主管部门：
            \t绩效自评综合得分
            \t86

            \t评价等次
            \t良好


            """,
        ],
        nonTriggering: ["评价类型：项目完成结果评价\n主管部门：岳阳市科学技术局\n\t绩效自评综合得分\n\t98\n\n\t评价等次\n\t优秀\n\n",
            """
            评价类型：项目完成结果评价
            主管部门：县农业农村局
            \t绩效自评综合得分
            \t91

            \t评价等次
            \t优秀


            """,
            """
            评价类型：项目实施过程评价
            主管部门：市文化旅游广电局
            \t绩效自评综合得分
            \t86

            \t评价等次
            \t良好


            """,
        ])

    public init() {}

    static let skipped: [String: (String, String)] = [
        "funds": ("资金表", "T01–T06、X01"), "expenses": ("支出明细表", "T04、DT01"), "indicators": ("绩效指标表", "T07–T11、G02–G08"),
        "goals": ("定性目标/年度总体目标", "G01、X04"), "total_score": ("综合得分", "S01–S03、X03"), "grade": ("评价等次", "S01、X03"),
    ]

    public func check(_ c: RuleContext) -> [Finding] {
        var out: [Finding] = []
        if let dept = c.facts.fields["department"], dept.empty {
            // Point at the label (the value is empty, so there is nothing else to underline).
            let line = c.document.lines.lineText(dept.location.line)
            let lineStart = c.document.lines.lineStarts[dept.location.line - 1]
            var location = dept.location
            let label = "主管部门"
            if let r = line.literalRange(of: label) {
                let offset = line[..<r.lowerBound].unicodeScalars.count
                location = c.document.lines.location(start: lineStart + offset, end: lineStart + offset + label.unicodeScalars.count, part: dept.location.part)
            }
            if let f = c.finding(Self.description, message: Localized(zh: "封面“主管部门”未填写", en: "The cover's 主管部门 is blank"), locations: [location]) { out.append(f) }
        }
        if let type = c.facts.fields["evaluation_type"], case let line = c.document.lines.lineText(type.location.line),
           line.containsBytes(of: "过程评价") && line.containsBytes(of: "结果评价"), !["■", "√", "☑", "✔", "☒"].contains(where: { line.containsBytes(of: $0) }) {
            if let f = c.finding(Self.description, message: Localized(zh: "“评价类型”列出了两种类型却未勾选其一", en: "评价类型 lists both types without marking one"), locations: [type.location]) { out.append(f) }
        }
        guard c.facts.family != "unknown" else { return out }
        for part in c.facts.unbound {
            guard let (name, rules) = Self.skipped[part] else { continue }
            if let f = c.finding(Self.description,
                                 message: Localized(zh: "未能识别“\(name)”，相关检查（\(rules)）已跳过", en: "Could not read the \(part) part; its checks (\(rules)) were skipped"),
                                 locations: []) { out.append(f) }
        }
        return out
    }
}
