import Foundation

/// Recognises which template family a document is, from the labels in its tables (never from
/// the file name), with a confidence between 0 and 1.
public struct TemplateMatcher: Sendable {
    public var templates: [TemplateDefinition]

    public init(templates: [TemplateDefinition]) { self.templates = templates }

    public struct Match: Sendable {
        public var template: TemplateDefinition?
        public var confidence: Double
    }

    /// The best raw confidence among the templates, without the threshold.
    public func scores(_ document: Document) -> Double {
        var m = self
        m.threshold = 0
        return m.match(document).confidence
    }

    /// Lowest confidence accepted as a recognised family.
    public var threshold = 0.45

    public func match(_ document: Document) -> Match {
        var labels = Set<String>()
        func collect(_ table: Table) {
            if let c = table.caption { labels.insert(Labels.normalize(c.text)) }
            for row in table.rows { for cell in row {
                labels.insert(Labels.normalize(cell.text))
                cell.nested.forEach(collect)
            } }
        }
        document.tables.forEach(collect)
        let paragraphs = document.paragraphs.map { Labels.normalize($0.text) }
        var best: (TemplateDefinition, Double)? = nil
        for t in templates {
            let total = t.signals.reduce(0) { $0 + $1.weight }
            guard total > 0 else { continue }
            var score = 0
            for s in t.signals {
                let label = s.label.compacted
                if labels.contains(where: { $0.hasPrefix(label) || (label.count >= 4 && $0.contains(label)) }) || paragraphs.contains(where: { $0.contains(label) }) { score += s.weight }
            }
            let confidence = Double(score) / Double(total)
            if best == nil || confidence > best!.1 { best = (t, confidence) }
        }
        guard let best, best.1 >= threshold, best.1 > 0 else { return Match(template: nil, confidence: best?.1 ?? 0) }
        return Match(template: best.0, confidence: (best.1 * 100).rounded() / 100)
    }
}

/// Label matching: white space, units in brackets and trailing colons are ignored.
public enum Labels {
    public static func normalize(_ text: String) -> String {
        var t = text.compacted
        for (open, close) in [("（", "）"), ("(", ")")] {
            while let o = t.range(of: open), let c = t.range(of: close, range: o.upperBound..<t.endIndex) {
                t.removeSubrange(o.lowerBound..<c.upperBound)
            }
        }
        while let last = t.last, last == "：" || last == ":" { t.removeLast() }
        return t
    }

    /// Whether a cell's text is one of the labels (exactly, or starting with it).
    public static func matches(_ text: String, _ labels: [String]) -> Bool {
        matches(normalized: normalize(text), labels.map(normalize))
    }

    /// The same on texts already normalised.
    static func matches(normalized t: String, _ labels: [String]) -> Bool {
        !t.isEmpty && labels.contains { n in t == n || (n.count >= 2 && t.hasPrefix(n)) }
    }
}

/// Memoised label normalisation for one binding pass (cell texts and labels repeat a lot).
final class LabelCache: @unchecked Sendable {
    private var cache: [String: String] = [:]

    func normalize(_ text: String) -> String {
        if let n = cache[text] { return n }
        let n = Labels.normalize(text)
        cache[text] = n
        return n
    }

    func matches(_ text: String, _ labels: [String]) -> Bool {
        Labels.matches(normalized: normalize(text), labels.map(normalize))
    }
}
