import Foundation

/// F05: conversion artefacts ("[bookmark: _GoBack]", "错误！未定义书签") and placeholders
/// ("XX", "×××", "（此处填写…）") left in the text.
public struct Artefacts: Rule {
    public static let description = RuleDescription(
        id: "F05", name: "artefacts-placeholders", family: .format, severity: .warning, also: [.info],
        summary: Localized(zh: "文中残留转换痕迹或占位符", en: "Conversion artefacts or placeholders left in the text"),
        triggering: ["↓[bookmark: _GoBack]一、项目背景\n", "项目负责人为↓×××。\n", "项目全年预算数↓*元，执行数↓*元，完成预算的100%。\n",
                     "项目全年预算数78.↓*元。\n"],
        nonTriggering: ["一、项目背景\n", "注：*为约束性指标。\n", "项目全年预算数78.5元，执行数78.5元。\n"])

    public init() {}

    static let artefacts = try! Regex(#"\[bookmark:[^\]]*\]|错误！未定义书签。?|错误!未定义书签。?|Error! Bookmark not defined\."#)
    /// Placeholders, and asterisks written where an amount should be ("预算数*元", "78.*元",
    /// "执行数*,"), as masked copies and unfilled forms leave them.
    static let placeholders = try! Regex(#"[×Ｘ]{2,}|(?<![A-Za-z])XX+(?![A-Za-z])|（此处[^）]*）|\(此处[^)]*\)|(?<=[数为额计])\*+(?=[万亿千]?元|[,，。;；])|(?<=\d[.．])\*+(?=[万亿千]?元)|(?<![\*\w])\*+(?=[万亿千]?元)"#)

    /// Every match of the two patterns contains one of these (a byte search over the whole
    /// text rules most reports out before any pattern runs).
    static let markers = ["[bookmark:", "未定义书签", "Error! Bookmark", "×", "Ｘ", "XX", "此处", "*"]

    public func check(_ c: RuleContext) -> [Finding] {
        guard Self.markers.contains(where: { c.document.text.containsBytes(of: $0) }) else { return [] }
        var out: [Finding] = []
        var texts: [(String, SourceLocation)] = c.document.paragraphs.map { ($0.text, $0.location) }
        for t in c.document.tables { for row in t.rows { for cell in row { texts.append((cell.text, cell.location)) } } }
        for (text, location) in texts {
            for (regex, artefact) in [(Self.artefacts, true), (Self.placeholders, false)] {
                for (s, e) in regex.matchesWithOffsets(text) {
                    let loc = c.document.lines.location(start: location.start + s, end: location.start + e, part: location.part)
                    let found = c.text(loc)
                    if let f = c.finding(Self.description, severity: artefact ? .info : .warning,
                                         message: Localized(zh: artefact ? "文中残留转换痕迹“\(found)”" : "文中残留占位符“\(found)”", en: artefact ? "Conversion artefact “\(found)” left in the text" : "Placeholder “\(found)” left in the text"),
                                         locations: [loc],
                                         suggestions: artefact ? [Suggestion(location: loc, original: found, replacement: "", reason: Localized(zh: "删除", en: "remove it"), safe: true)] : []) {
                        out.append(f)
                    }
                }
            }
        }
        return out
    }
}
