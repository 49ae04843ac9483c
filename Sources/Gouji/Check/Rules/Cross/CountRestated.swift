import Foundation

/// X02: a count or amount given in a table cell and again in the text for the same subject and
/// scope carries the same number.
public struct CountRestated: Rule {
    public static let description = RuleDescription(
        id: "X02", name: "count-target-restated", family: .tableVsNarrative, severity: .error,
        summary: Localized(zh: "表格与文字中同一主体、同一口径的数值应一致", en: "A figure given in a table and in the text for the same subject and scope is the same"),
        triggering: ["\t实际完成值\n\t累计向上争取科技项目共271个。\n\n累计向上争取科技项目共↓217个。\n",
            """
            \t实际完成值
            \t全年开展送戏下乡演出126场。

            全年开展送戏下乡演出↓162场。

            """,
            """
            | 三级指标 | 年度指标值 | 实际完成值 |
            | 培训农民 | 500人次 | 全年培训新型职业农民620人次 |
            | 示范基地 | 3个 | 建成示范基地3个 |

            全年培训新型职业农民↓650人次，建成示范基地3个。
            """,
        ],
        nonTriggering: ["\t实际完成值\n\t累计向上争取科技项目共271个。\n\n累计向上争取科技项目共271个。\n",
            """
            \t实际完成值
            \t全年开展送戏下乡演出126场。

            全年开展送戏下乡演出126场。

            """,
            """
            | 三级指标 | 年度指标值 | 实际完成值 |
            | 培训农民 | 500人次 | 全年培训新型职业农民620人次 |
            | 示范基地 | 3个 | 建成示范基地3个 |

            全年培训新型职业农民620人次，建成示范基地3个。
            """,
        ])

    public init() {}

    public func check(_ c: RuleContext) -> [Finding] {
        var out: [Finding] = []
        func key(_ f: Figure) -> ByteKey? {
            guard f.kind == .count || f.kind == .money, !f.approximate, f.direction == nil,
                  let phrase = f.subjectPhrase?.trimmedSpaces, phrase.utf8.count >= 4, phrase.hasAtLeast(4) else { return nil }
            return ByteKey(phrase + "|" + f.kind.rawValue + "|" + f.unit)
        }
        let table = c.quantities.filter { $0.inTable && !c.isTarget($0) }
        // Text figures by key, in reading order (the key is computed once per figure).
        var text: [ByteKey: [Figure]] = [:]
        for n in c.quantities where !n.inTable { if let k = key(n) { text[k, default: []].append(n) } }
        var reported = Set<ByteKey>()
        // Per key, the first text figure whose value differs from the first one: with it, the
        // first text figure that differs from a table figure is found without a scan.
        var firstOther: [ByteKey: Figure] = [:]
        for (k, list) in text { if let o = list.dropFirst().first(where: { $0.value != list[0].value }) { firstOther[k] = o } }
        for t in table {
            guard let k = key(t), !reported.contains(k), let candidates = text[k] else { continue }
            let differing = candidates[0].value != t.value ? candidates[0] : firstOther[k]
            if let n = differing {
                reported.insert(k)
                if let f = c.finding(Self.description,
                                     message: Localized(zh: "“\(t.subjectPhrase!)”在表中为 \(t.text)（第\(t.location.line)行），文中为 \(n.text)（第\(n.location.line)行）",
                                                        en: "“\(t.subjectPhrase!)” is \(t.text) in the table (line \(t.location.line)) but \(n.text) in the text (line \(n.location.line))"),
                                     arithmetic: Localized(zh: "\(t.number.plain) ≠ \(n.number.plain)", en: "\(t.number.plain) ≠ \(n.number.plain)"),
                                     figures: [n, t],
                                     suggestions: [Suggestion(location: n.location, original: n.text, replacement: t.text, reason: Localized(zh: "两处统一为同一数值", en: "state one value in both places"))]) {
                    out.append(f)
                }
            }
        }
        return out
    }
}
