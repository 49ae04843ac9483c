import Foundation

/// Recognises which template family a document is, from the labels in its tables (never from
/// the file name), with a confidence between 0 and 1.
public struct TemplateMatcher: Sendable {
    public var templates: [TemplateDefinition]

    public init(templates: [TemplateDefinition]) { self.templates = templates }

    public struct Match: Sendable {
        public var template: TemplateDefinition?
        public var confidence: Double
        /// The best-scoring template even below the threshold (nil when no signal matched):
        /// its labels still bind what they find in an unrecognised document.
        public var closest: TemplateDefinition? = nil
    }

    /// Lowest confidence accepted as a recognised family.
    public var threshold = 0.45

    public func match(_ document: Document) -> Match {
        let labels = DocumentLabels(document)
        var best: (TemplateDefinition, Double)? = nil
        for t in templates {
            let total = t.signals.reduce(0) { $0 + $1.weight }
            guard total > 0 else { continue }
            var score = 0
            for s in t.signals where labels.has(s.label.compacted) { score += s.weight }
            let confidence = Double(score) / Double(total)
            if best == nil || confidence > best!.1 { best = (t, confidence) }
        }
        let closest = best.flatMap { $0.1 > 0 ? $0.0 : nil }
        guard let best, best.1 >= threshold, best.1 > 0 else {
            return Match(template: nil, confidence: best?.1 ?? 0, closest: closest)
        }
        return Match(template: best.0, confidence: (best.1 * 100).rounded() / 100, closest: closest)
    }
}

/// The normalised labels of a document's table cells and captions, and its paragraphs, each
/// joined into one string so that a signal is found by one byte search.
struct DocumentLabels {
    /// "\u{1}label\u{1}label…": a label starts right after a separator.
    private let cells: String
    private let paragraphs: String
    private static let separator = "\u{1}"

    init(_ document: Document) {
        // Joined as bytes, then made a String once.
        var cellBytes: [UInt8] = [], paragraphBytes: [UInt8] = []
        func add(_ text: String, to bytes: inout [UInt8]) {
            bytes.append(contentsOf: Self.separator.utf8)
            bytes.append(contentsOf: text.utf8)
        }
        func collect(_ table: Table) {
            if let c = table.caption { add(c.label, to: &cellBytes) }
            for row in table.rows { for cell in row {
                add(cell.label, to: &cellBytes)
                cell.nested.forEach(collect)
            } }
        }
        document.tables.forEach(collect)
        for p in document.paragraphs { add(Labels.normalize(p.text), to: &paragraphBytes) }
        cells = String(decoding: cellBytes, as: UTF8.self)
        paragraphs = String(decoding: paragraphBytes, as: UTF8.self)
    }

    /// A cell label starts with `label`, a cell label contains it (labels of 4+ characters),
    /// or a paragraph contains it. (A label of 4+ characters that starts a cell label is also
    /// contained in one: one search of the cells answers both.)
    func has(_ label: String) -> Bool {
        (label.count >= 4 ? cells.contains(label) : cells.contains(Self.separator + label)) || paragraphs.contains(label)
    }
}

/// Label matching: white space, units in brackets and trailing colons are ignored.
public enum Labels {
    public static func normalize(_ text: String) -> String {
        if isNormal(text) { return text }
        // On UTF-8 bytes: the brackets and colons are whole scalars, and a byte match of a
        // scalar's bytes in valid UTF-8 is an occurrence of that scalar.
        var bytes = Array(text.compacted.utf8)
        for (open, close) in brackets { bytes = removingBracketed(bytes, open, close) }
        while true {
            if bytes.last == UInt8(ascii: ":") { bytes.removeLast(); continue }
            if bytes.count >= 3, bytes.suffix(3).elementsEqual(fullWidthColon) { bytes.removeLast(3); continue }
            break
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let brackets: [([UInt8], [UInt8])] = [(Array("（".utf8), Array("）".utf8)), (Array("(".utf8), Array(")".utf8))]
    private static let fullWidthColon = Array("：".utf8)

    /// Removes each `open`…`close` span, in one pass: each opening bracket up to the first
    /// closing one after it; an opening bracket never closed is kept with the rest.
    static func removingBracketed<T: Equatable>(_ text: [T], _ open: [T], _ close: [T]) -> [T] {
        func find(_ needle: [T], from: Int) -> Int? {
            var i = from
            while i + needle.count <= text.count {
                if text[i] == needle[0] && text[i..<i + needle.count].elementsEqual(needle) { return i }
                i += 1
            }
            return nil
        }
        guard var o = find(open, from: 0) else { return text }
        var out: [T] = []
        out.reserveCapacity(text.count)
        var copied = 0
        while true {
            guard let c = find(close, from: o + open.count) else { break }
            out.append(contentsOf: text[copied..<o])
            copied = c + close.count
            guard let next = find(open, from: copied) else { break }
            o = next
        }
        out.append(contentsOf: text[copied...])
        return out
    }

    /// Whether `normalize` would return the text unchanged: no white space, no bracket, no
    /// trailing colon (most cell texts).
    static func isNormal(_ text: String) -> Bool {
        for u in text.unicodeScalars where u.isSpace || u == "（" || u == "(" { return false }
        let last = text.unicodeScalars.last
        return last != "：" && last != ":"
    }

    /// Whether a cell's text is one of the labels (exactly, or starting with it).
    public static func matches(_ text: String, _ labels: [String]) -> Bool {
        matches(normalized: normalize(text), labels.map(normalize))
    }

    /// The same on texts already normalised.
    static func matches(normalized t: String, _ labels: [String]) -> Bool {
        !t.isEmpty && labels.contains { n in
            t.startsWithBytes(n) && (t.utf8.count == n.utf8.count || n.unicodeScalars.count >= 2)
        }
    }
}

/// Memoised label normalisation for one binding pass, for texts that are not cells (labels
/// repeat a lot); a cell keeps its own (`Cell.label`).
final class LabelCache: @unchecked Sendable {
    private var cache: [String: String] = [:]

    func normalize(_ text: String) -> String {
        if Labels.isNormal(text) { return text }
        if let n = cache[text] { return n }
        let n = Labels.normalize(text)
        cache[text] = n
        return n
    }

    /// Whether `text` is one of `labels`, which must already be normalised (template labels
    /// are, see `TemplateDefinition.withNormalizedLabels`).
    func matches(_ text: String, _ labels: [String]) -> Bool {
        Labels.matches(normalized: normalize(text), labels)
    }
}
