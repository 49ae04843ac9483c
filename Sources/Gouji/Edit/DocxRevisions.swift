import Foundation

/// `gouji fix` on a .docx: each safe fix written as a Word revision — the old text in a `w:del`,
/// the new in a `w:ins`, author 勾稽 — so that the writer accepts or rejects each one in Word
/// (审阅 → 修订). Everything else in the package is kept byte for byte; the main document is
/// re-serialised losslessly apart from the runs split around each change.
public enum DocxRevisions {
    public static let author = "勾稽"

    public struct Report: Sendable {
        public var data: Data
        /// The fixes written as revisions.
        public var revised: [Suggestion]
        /// Fixes that could not be placed on the Word text (the text there differs, or the span
        /// crosses a paragraph): left out, with the reason.
        public var unplaced: [(suggestion: Suggestion, reason: String)]
    }

    /// Writes `suggestions` (already filtered to safe, non-overlapping ones) into `docx` as
    /// revisions; `result` is the check of that same file, whose locations carry Word parts.
    public static func revise(docx data: Data, result: CheckResult, suggestions: [Suggestion],
                              limits: ReadLimits = ReadLimits(), date: Date = Date()) throws -> Report {
        let package = try WordPackage(data: data, limits: limits)
        let body = try WordBody(package.document)
        let blocks = DocxAnnotator.partRanges(result.document)
        var nextID = Self.largestID(in: package.document.serialized()) + 1
        let stamp = Self.timestamp(date)
        var revised: [Suggestion] = [], unplaced: [(Suggestion, String)] = []
        // Last first: a change never moves the offsets of one before it in the same paragraph.
        for s in suggestions.sorted(by: { $0.location.start > $1.location.start }) {
            guard let block = s.location.part.flatMap({ p in blocks.first { $0.part == p } })
                    ?? blocks.first(where: { $0.start <= s.location.start && s.location.end <= $0.end }),
                  let container = body.container(block.part) else {
                unplaced.append((s, "no Word paragraph or cell holds it")); continue
            }
            guard let (paragraph, start) = container.paragraph(holding: s.location.start - block.start,
                                                               length: s.original.unicodeScalars.count),
                  paragraph.text(from: start, length: s.original.unicodeScalars.count) == s.original else {
                unplaced.append((s, "the Word text there is not “\(s.original)”")); continue
            }
            paragraph.replace(from: start, length: s.original.unicodeScalars.count, with: s.replacement,
                              deletion: nextID, insertion: nextID + 1, author: author, date: stamp)
            nextID += 2
            revised.append(s)
        }
        return Report(data: try package.write(), revised: revised.reversed(), unplaced: unplaced.reversed())
    }

    /// The largest `w:id` in the document (comments, bookmarks, revisions share the number space
    /// in practice; new ids start above all of them).
    static func largestID(in xml: String) -> Int {
        var best = 0
        var rest = xml[...]
        while let r = rest.range(of: "w:id=\"") {
            let digits = rest[r.upperBound...].prefix { $0.isASCII && $0.isNumber }
            if let v = Int(digits) { best = max(best, v) }
            rest = rest[r.upperBound...]
        }
        return best
    }

    static func timestamp(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }
}

extension WordContainer {
    /// The paragraph holding `length` scalars from container offset `offset`, and the offset in
    /// it; nil when the span crosses paragraphs.
    func paragraph(holding offset: Int, length: Int) -> (WordParagraph, Int)? {
        var base = 0
        for p in paragraphs {
            let n = p.scalarCount
            if offset >= base && offset + length <= base + n { return (p, offset - base) }
            base += n + 1
        }
        return nil
    }
}

extension WordParagraph {
    func text(from start: Int, length: Int) -> String {
        let scalars = Array(text.unicodeScalars)
        guard start >= 0, start + length <= scalars.count else { return "" }
        return WordBody.string(scalars[start..<(start + length)])
    }

    /// Marks `length` scalars from `start` as deleted and inserts `replacement` after them, both
    /// as tracked changes; the new run takes the formatting of the first deleted one.
    func replace(from start: Int, length: Int, with replacement: String, deletion: Int, insertion: Int,
                 author: String, date: String) {
        split(at: start)
        split(at: start + length)
        let deleted = runs.filter { $0.start >= start && $0.end <= start + length && $0.end > $0.start }
        guard let first = deleted.first else { return }
        let attributes = " w:author=\"\(XMLNode.escape(author))\" w:date=\"\(date)\""
        let properties = first.node.first("w:rPr")
        var lastDeletion: (node: XMLNode, parent: XMLNode)?
        for run in deleted {
            let del = XMLNode.element("w:del", startTag: "<w:del w:id=\"\(deletion)\"\(attributes)>")
            let r = XMLNode.element(run.node.name, startTag: run.node.startTag)
            for c in run.node.children {
                if c.kind == .element && c.name == "w:t" {
                    r.children.append(XMLNode.text(element: "w:delText", c.textContent))
                } else {
                    r.children.append(c.copy())
                }
            }
            del.children = [r]
            let i = run.parent.children.firstIndex { $0 === run.node }!
            run.parent.children[i] = del
            lastDeletion = (del, run.parent)
        }
        guard !replacement.isEmpty else { return }   // a pure deletion
        let ins = XMLNode.element("w:ins", startTag: "<w:ins w:id=\"\(insertion)\"\(attributes)>")
        let r = XMLNode.element("w:r", startTag: "<w:r>")
        if let properties { r.children.append(properties.copy()) }
        r.children.append(XMLNode.text(element: "w:t", replacement))
        ins.children = [r]
        // Right after the w:del that holds the last deleted run.
        if let (del, parent) = lastDeletion, let i = parent.children.firstIndex(where: { $0 === del }) {
            parent.children.insert(ins, at: i + 1)
        }
    }
}
