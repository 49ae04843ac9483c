import Foundation

/// `gouji fix` on a .docx: each safe fix written as a Word revision — the old text in a `w:del`,
/// the new in a `w:ins`, author 勾稽 — so that the writer accepts or rejects each one in Word
/// (审阅 → 修订). Everything else in the package is kept byte for byte; the main document is
/// re-serialised losslessly apart from the runs split around each change.
public enum DocxRevisions {
    public static let author = CommentWriter.author

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
        let blocks = AnchorFinder.partRanges(result.document)
        var nextID = Self.largestID(in: package.document.root) + 1
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
    static func largestID(in root: XMLElement) -> Int {
        root.descendants.compactMap { $0.attribute("id").flatMap(Int.init) }.max() ?? 0
    }

    static func timestamp(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }
}

extension WordParagraph {
    /// Marks `length` scalars from `start` as deleted and inserts `replacement` after them, both
    /// as tracked changes; the new run takes the formatting of the first deleted one.
    func replace(from start: Int, length: Int, with replacement: String, deletion: Int, insertion: Int,
                 author: String, date: String) {
        split(at: start)
        split(at: start + length)
        let deleted = runs.filter { $0.start >= start && $0.end <= start + length && $0.end > $0.start }
        guard let first = deleted.first else { return }
        let attributes = [("author", author), ("date", date)]
        let properties = first.node.first("rPr", in: WordML.namespaces)?.copy()
        var lastDeletion: XMLElement?
        for run in deleted {
            let del = element("del", attributes: [("id", "\(deletion)")] + attributes)
            run.node.insertBefore(del)
            let r = run.node.copy()
            for c in r.children where c.is("t", in: WordML.namespaces) { c.replace(with: textElement(c.text, name: "delText")) }
            run.node.remove()
            del.append(r)
            lastDeletion = del
        }
        guard !replacement.isEmpty, let lastDeletion else { return }   // a pure deletion
        let ins = element("ins", attributes: [("id", "\(insertion)")] + attributes)
        let r = element("r")
        if let properties { r.append(properties) }
        r.append(textElement(replacement))
        ins.append(r)
        // Right after the w:del that holds the last deleted run.
        lastDeletion.insertAfter(ins)
    }
}
