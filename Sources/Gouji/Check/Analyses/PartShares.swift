import Foundation

/// Shares stated beside the parts of a total: "支出决算500万元。其中：基本支出300万元，占60%；项目支出
/// 200万元，占40%" gives (part 300万元, total 500万元, share 60%). A share counts only right after its
/// part (no other quantity between, within the part's clause chain) and only when its words name
/// no other whole: "占", "占比", "占总支出的", "占合计的" — not "占全省的" or "占预算的".
public enum PartShares {
    public struct Share {
        public var part: Figure
        public var total: Figure
        public var share: Figure
    }

    /// Words between 占 and the number that still mean "of the total".
    static let wholeWords = ["总", "合计", "全部"]

    public static func shares(_ c: RuleContext) -> [Share] {
        var out: [Share] = []
        var seen = Set<Int>()
        let lines = c.document.lines
        for (total, parts) in c.totalPartGroups where total.value > 0 {
            for p in parts {
                let end = c.statementEnd(after: p)
                guard p.location.end < end,
                      let s = c.quantities(startingIn: p.location.end..<end).first,
                      s.kind == .percent, s.role == .share, s.direction == nil, !seen.contains(s.location.start) else { continue }
                let between = lines.text(from: p.location.end, to: s.location.start)
                guard let zhan = between.range(of: "占") else { continue }
                // Only a comma (and 其中/分别) before 占; after it, words of the total or nothing.
                let lead = between[..<zhan.lowerBound].filter { !"，,、 ".contains($0) }
                guard lead.isEmpty else { continue }
                let named = between[zhan.upperBound...].replacingOccurrences(of: "比", with: "").replacingOccurrences(of: "为", with: "")
                    .replacingOccurrences(of: "的", with: "").trimmingCharacters(in: .whitespaces)
                guard named.isEmpty || wholeWords.contains(where: { named.contains($0) }) else { continue }
                seen.insert(s.location.start)
                out.append(Share(part: p, total: total, share: s))
            }
        }
        return out
    }
}
