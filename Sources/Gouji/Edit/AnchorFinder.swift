import Foundation

/// Finds where in the Word body a finding's comment goes: the paragraph or cell that holds its
/// primary figure (else its first location), and the figure's text in it.
///
/// For a .docx read by `DocxReader`, the container is the figure's Word part (`p12`,
/// `t1/r3/c4`) and the text is expected at the figure's offset in the reader's block. For a
/// .docx Gouji built from a text or web-page report (`TextDocxBuilder`), the container comes
/// from the builder's map of document offsets, never from the reader's parts (a web page's
/// parts number its own elements). Either way the anchor is exact only when the container's
/// text there is the figure's text; otherwise the nearest occurrence of that text in the
/// container is taken, and failing that the whole container, marked as not exact.
struct AnchorFinder {
    /// Maps a range of document offsets to a Word container of a built .docx.
    struct Segment: Sendable, Hashable {
        var start: Int
        var end: Int
        var part: String
    }

    struct Anchor {
        var container: WordContainer
        var range: Range<Int>
        /// The range holds exactly the figure's (or location's) text.
        var exact: Bool
        /// The text that was sought.
        var sought: String
    }

    let body: WordBody
    let document: Document?
    /// Set for a built .docx: containers are found by offset only.
    let segments: [Segment]?
    private let blocks: [(part: String, start: Int, end: Int)]
    private var blockStarts: [String: Int] = [:]

    init(body: WordBody, document: Document?, segments: [Segment]? = nil) {
        self.body = body
        self.document = document
        self.segments = segments
        blocks = Self.partRanges(document)
        for b in blocks where blockStarts[b.part] == nil { blockStarts[b.part] = b.start }
    }

    /// The anchor of `finding`; nil only when the body has no paragraph at all.
    func anchor(_ finding: Finding) -> Anchor? {
        var target: (start: Int, end: Int, text: String, part: String?)?
        if let fig = finding.figures.first {
            target = (fig.location.start, fig.location.end, fig.text, fig.location.part)
        } else if let loc = finding.locations.first {
            target = (loc.start, loc.end, document?.lines.text(from: loc.start, to: loc.end) ?? "", loc.part)
        }
        guard let target else { return whole(body.firstParagraph, sought: "") }

        var container: WordContainer?
        var expected: Int?
        if let segments {
            if let seg = segments.first(where: { $0.start <= target.start && target.start <= $0.end }) {
                container = body.container(seg.part)
                expected = target.start - seg.start
            }
        } else if let p = target.part, let c = body.container(p) {
            container = c
            expected = blockStarts[p].map { target.start - $0 }
        } else if let block = blocks.first(where: { $0.start <= target.start && target.start <= $0.end }) {
            // A location without a part (set by a rule from offsets): the reader's block holding it.
            container = body.container(block.part)
            expected = target.start - block.start
        }
        guard let container else { return whole(body.firstParagraph, sought: target.text) }

        let text = Array(container.text.unicodeScalars)
        let needle = Array(target.text.unicodeScalars)
        if needle.isEmpty {
            // A finding about an empty cell or paragraph is anchored on it: that is its place.
            return text.isEmpty ? Anchor(container: container, range: 0..<0, exact: true, sought: "")
                                : whole(container, sought: "")
        }
        func matches(at i: Int) -> Bool { i >= 0 && i + needle.count <= text.count && text[i..<(i + needle.count)].elementsEqual(needle) }
        if let e = expected, matches(at: e) {
            return Anchor(container: container, range: e..<(e + needle.count), exact: true, sought: target.text)
        }
        var best: Int?
        if needle.count <= text.count {
            for i in 0...(text.count - needle.count) where text[i] == needle[0] && matches(at: i) {
                if best == nil || abs(i - (expected ?? 0)) < abs(best! - (expected ?? 0)) { best = i }
            }
        }
        if let best { return Anchor(container: container, range: best..<(best + needle.count), exact: true, sought: target.text) }
        return whole(container, sought: target.text)
    }

    private func whole(_ container: WordContainer?, sought: String) -> Anchor? {
        guard let container else { return nil }
        return Anchor(container: container, range: 0..<container.text.unicodeScalars.count, exact: false, sought: sought)
    }

    /// The offsets of each paragraph, caption and cell that has a Word part, from the reader's
    /// document (nested tables' cells included).
    static func partRanges(_ document: Document?) -> [(part: String, start: Int, end: Int)] {
        guard let document else { return [] }
        var out: [(part: String, start: Int, end: Int)] = []
        func add(_ l: SourceLocation) { if let p = l.part { out.append((p, l.start, l.end)) } }
        func table(_ t: Table) {
            if let c = t.caption { add(c.location) }
            for row in t.rows {
                for cell in row {
                    for nested in cell.nested { table(nested) }
                    add(cell.location)
                }
            }
        }
        for block in document.blocks {
            switch block {
            case .paragraph(let p): add(p.location)
            case .table(let t): table(t)
            }
        }
        return out
    }
}
