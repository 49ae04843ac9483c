import CICUShim
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
            for s in t.signals where labels.has(DocumentLabels.Needle(s.label.compacted)) { score += s.weight }
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
/// joined into one byte string so that a signal is found by one byte search.
struct DocumentLabels {
    /// "\u{1}label\u{1}label…": a label starts right after a separator.
    private let cells: [UInt8]
    private let paragraphs: [UInt8]
    private static let separator: UInt8 = 0x01

    /// A label to look for: its UTF-8 after a separator, and whether it has 4+ characters.
    struct Needle {
        let bytes: [UInt8]   // separator + label
        let long: Bool

        init(_ label: String) {
            bytes = [DocumentLabels.separator] + Array(label.utf8)
            long = label.hasAtLeast(4)
        }
    }

    init(_ document: Document) {
        var cellBytes: [UInt8] = [], paragraphBytes: [UInt8] = []
        func collect(_ table: Table) {
            if let c = table.caption { cellBytes.append(Self.separator); cellBytes.appendUTF8(of: c.label) }
            for row in table.rows { for cell in row {
                cellBytes.append(Self.separator); cellBytes.appendUTF8(of: cell.label)
                cell.nested.forEach(collect)
            } }
        }
        document.tables.forEach(collect)
        for p in document.paragraphs {
            paragraphBytes.append(Self.separator)
            Labels.appendNormalized(p.text, to: &paragraphBytes)
        }
        cells = cellBytes
        paragraphs = paragraphBytes
    }

    /// A cell label starts with `label`, a cell label contains it (labels of 4+ characters),
    /// or a paragraph contains it. (A label of 4+ characters that starts a cell label is also
    /// contained in one: one search of the cells answers both.) The separator never occurs in
    /// a label, so the label alone is found in the byte strings as in their joined texts.
    func has(_ label: Needle) -> Bool {
        let whole = label.bytes[...], bare = label.bytes.dropFirst()
        return Self.occurs(label.long ? bare : whole, in: cells) || Self.occurs(bare, in: paragraphs)
    }

    private static func occurs(_ needle: ArraySlice<UInt8>, in haystack: [UInt8]) -> Bool {
        if needle.isEmpty { return true }
        return haystack.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                guard let hb = h.baseAddress, let nb = n.baseAddress, n.count <= h.count else { return false }
                return gouji_memmem(hb, h.count, nb, n.count) >= 0
            }
        }
    }
}

/// Label matching: white space, units in brackets and trailing colons are ignored.
public enum Labels {
    public static func normalize(_ text: String) -> String {
        if isNormal(text) { return text }
        return String(decoding: normalizedBytes(text), as: UTF8.self)
    }

    /// Appends the UTF-8 of `normalize(text)` to `bytes`.
    static func appendNormalized(_ text: String, to bytes: inout [UInt8]) {
        if isNormal(text) { bytes.appendUTF8(of: text) } else { bytes.append(contentsOf: normalizedBytes(text)) }
    }

    /// The UTF-8 of `normalize(text)` for a text that is not normal. On UTF-8 bytes: the
    /// brackets and colons are whole scalars, and a byte match of a scalar's bytes in valid
    /// UTF-8 is an occurrence of that scalar.
    private static func normalizedBytes(_ text: String) -> [UInt8] {
        var bytes = text.compactedBytes
        for (open, close) in brackets { bytes = removingBracketed(bytes, open, close) }
        while true {
            if bytes.last == UInt8(ascii: ":") { bytes.removeLast(); continue }
            if bytes.count >= 3, bytes.suffix(3).elementsEqual(fullWidthColon) { bytes.removeLast(3); continue }
            break
        }
        return bytes
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
    /// Decided on the UTF-8 bytes: （ is EF BC 88, ： is EF BC 9A, and `String.whiteSpaceWidth`
    /// finds the White_Space scalars.
    static func isNormal(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { b in
            let n = b.count
            for i in 0..<n {
                let c = b[i]
                if c == UInt8(ascii: "(") || String.whiteSpaceWidth(b, at: i) > 0 { return false }
                if c == 0xEF, i + 2 < n, b[i + 1] == 0xBC, b[i + 2] == 0x88 { return false }
            }
            if n >= 1, b[n - 1] == UInt8(ascii: ":") { return false }
            return !(n >= 3 && b[n - 3] == 0xEF && b[n - 2] == 0xBC && b[n - 1] == 0x9A)
        }
    }

    /// Whether a cell's text is one of the labels (exactly, or starting with it).
    public static func matches(_ text: String, _ labels: [String]) -> Bool {
        matches(normalized: normalize(text), labels.map(normalize))
    }

    /// The same on texts already normalised.
    static func matches(normalized t: String, _ labels: [String]) -> Bool {
        guard let first = t.utf8.first else { return false }
        // Most labels differ from the text in their first byte: compared before the rest.
        return labels.contains { n in
            n.utf8.first == first && t.startsWithBytes(n) && (t.utf8.count == n.utf8.count || n.unicodeScalars.count >= 2)
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
