import Foundation

/// Which figures are targets and which are reported results, for the target rules.
public enum Targets {
    /// Where the targets are: goal figures by start, indicator content and target cells by span.
    /// A figure in one of them is a target, any other quantity a reported result
    /// (`RuleContext.isTarget(_:)` keeps one per document).
    public struct Spans: Sendable {
        var goalStarts: Set<Int> = []
        var cells: [Range<Int>] = []

        public init(_ facts: ReportFacts) {
            goalStarts = Set(facts.goalTargets.map { $0.figure.location.start })
            var ranges: [Range<Int>] = []
            for row in facts.indicators {
                for cell in [row.content, row.target] {
                    if let l = cell?.location, l.start < l.end { ranges.append(l.start..<l.end) }
                }
            }
            // Sorted and merged, so that a figure is looked up by binary search.
            for r in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
                if let last = cells.last, r.lowerBound <= last.upperBound {
                    cells[cells.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
                } else {
                    cells.append(r)
                }
            }
        }

        public func contains(_ f: Figure) -> Bool {
            let s = f.location.start
            if goalStarts.contains(s) { return true }
            var lo = 0, hi = cells.count
            while lo < hi { let mid = (lo + hi) / 2; if cells[mid].upperBound <= s { lo = mid + 1 } else { hi = mid } }
            return lo < cells.count && cells[lo].contains(s)
        }
    }

    /// The level scope (省级, 市级 …) of a figure, normalised (省 → 省级).
    public static func level(_ f: Figure, _ lexicons: Lexicons) -> String? {
        guard let w = f.scopes.first(where: { lexicons.vocabulary.levelWords.contains($0) }) else { return nil }
        return w.count == 1 ? w + "级" : (w == "国家" ? "国家级" : w)
    }

    public static func stage(_ f: Figure, _ lexicons: Lexicons) -> String? {
        f.scopes.first { lexicons.vocabulary.stageWords.contains($0) }
    }

    /// Whether two subject phrases name the same thing: equal, one inside the other, or sharing
    /// a run of at least four characters (法律援助案件 / 办理法律援助案件).
    public static func sameSubject(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b, !a.isEmpty, !b.isEmpty else { return false }
        if a == b { return true }
        let xCount = a.unicodeScalars.count, yCount = b.unicodeScalars.count
        if (xCount >= 2 && b.containsBytes(of: a)) || (yCount >= 2 && a.containsBytes(of: b)) { return true }
        // A common run of four needs four scalars on each side.
        guard xCount >= 4, yCount >= 4 else { return false }
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        var best = 0
        var row = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            var prev = 0
            for j in 1...y.count {
                let tmp = row[j]
                row[j] = x[i - 1] == y[j - 1] ? prev + 1 : 0
                best = max(best, row[j])
                prev = tmp
            }
        }
        return best >= 4
    }

    /// 新增 vs 总数 class of a figure's measure scope words (nil when none).
    public static func measureClass(_ f: Figure) -> String? {
        if f.scopes.contains("新增") { return "新增" }
        if f.scopes.contains(where: { ["总数", "累计", "达到", "达", "共", "合计", "总计"].contains($0) }) { return "总数" }
        return nil
    }
}
