import Foundation
import ZIPFoundation

/// Writes a copy of a .docx with one Word comment per finding, anchored on the finding's
/// primary figure (author 勾稽 Gouji, initials GJ; text = message, arithmetic, suggestions).
///
/// The figure is found through `SourceLocation.part` (`p12`, `t1/r3/c4`) when the reader set
/// it, otherwise through a segment map from document offsets to Word paragraphs and cells
/// (built when Gouji flattened the .docx itself, or when it built the .docx from a text
/// input). Inside the paragraph or cell, the figure text is matched in the concatenated run
/// text nearest to its expected offset; the runs around it are split so that
/// `w:commentRangeStart`/`w:commentRangeEnd` wrap exactly the figure text, followed by a run
/// holding `w:commentReference`. All other XML is kept byte for byte.
public enum DocxAnnotator {
    public static let author = "勾稽 Gouji"
    public static let initials = "GJ"
    static let wNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let commentsType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
    static let commentsContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"

    public enum Failure: Error, CustomStringConvertible {
        case notADocx(String)
        case tooLarge(Int)
        public var description: String {
            switch self {
            case .notADocx(let why): return "not a Word .docx (\(why))"
            case .tooLarge(let limit): return "uncompressed .docx larger than \(limit) bytes"
            }
        }
    }

    /// Maps a range of document offsets to a Word container (paragraph or cell) and an offset
    /// in its text.
    public struct Segment: Sendable, Hashable {
        public var start: Int
        public var end: Int
        public var part: String
        public var offset: Int
        public init(start: Int, end: Int, part: String, offset: Int = 0) {
            self.start = start; self.end = end; self.part = part; self.offset = offset
        }
    }

    /// What was written.
    public struct Report: Sendable {
        public var data: Data
        /// One entry per comment: the finding's rule, the anchored text and the part.
        public var comments: [(id: Int, rule: String, anchored: String, part: String, matched: Bool)]
        /// Findings whose figure text was not found; their comment is anchored on the whole
        /// paragraph or cell.
        public var unmatched: [Finding]
        /// Findings that got no comment: no figure or location, or no Word paragraph or cell
        /// for it.
        public var skipped: [Finding]
    }

    // MARK: - Entry points

    /// Annotates an existing .docx with the findings of `result`. `segments` is needed only
    /// when the figures carry no `part` (the document was flattened by `flatten`).
    public static func annotate(docx data: Data, result: CheckResult, segments: [Segment] = [],
                                lang: Language = .zh, limits: ReadLimits = ReadLimits()) throws -> Report {
        var package = try WordPackage(data: data, limits: limits)
        return try annotate(&package, result: result, segments: segments, lang: lang)
    }

    /// Builds a new .docx from a document read from text (paragraphs and tables) and anchors
    /// the comments the same way.
    public static func annotate(text result: CheckResult, lang: Language = .zh) throws -> Report {
        guard let document = result.document else { throw Failure.notADocx("no document") }
        let (data, segments) = TextDocxBuilder.build(document)
        var package = try WordPackage(data: data, limits: ReadLimits())
        return try annotate(&package, result: result, segments: segments, lang: lang)
    }

    /// Reads a .docx's body into flattened text in the seed's format (cells on tab lines, a
    /// blank line after each row), for when no .docx reader is available; returns the document
    /// and the segment map from its offsets to Word parts.
    public static func flatten(docx data: Data, path: String, layout: Layout, limits: ReadLimits = ReadLimits()) throws -> (Document, [Segment]) {
        let package = try WordPackage(data: data, limits: limits)
        let body = try WordBody(package.document)
        var text = String.UnicodeScalarView()
        var segments: [Segment] = []
        func flat(_ s: String) -> String.UnicodeScalarView {
            var v = String.UnicodeScalarView()
            for u in s.unicodeScalars { v.append(u == "\n" || u == "\t" || u == "\r" ? " " : u) }
            return v
        }
        var previousWasTable = false
        for item in body.items {
            switch item {
            case .paragraph(let part, let p):
                let t = p.text
                if previousWasTable { text.append("\n") }
                segments.append(Segment(start: text.count, end: text.count + t.unicodeScalars.count, part: part))
                text.append(contentsOf: flat(t)); text.append("\n")
                previousWasTable = false
            case .table(let rows):
                if !previousWasTable { text.append("\n") }
                for row in rows {
                    for cell in row {
                        let t = cell.text
                        text.append("\t")
                        segments.append(Segment(start: text.count, end: text.count + t.unicodeScalars.count, part: cell.part))
                        text.append(contentsOf: flat(t)); text.append("\n")
                    }
                    text.append("\n")
                }
                previousWasTable = true
            }
        }
        let document = try FlatTextReader(layout: layout, limits: limits)
            .read(text: String(text), path: path, encoding: "UTF-8", format: .docx)
        return (document, segments)
    }

    // MARK: - Annotation

    static func annotate(_ package: inout WordPackage, result: CheckResult, segments: [Segment], lang: Language) throws -> Report {
        let root = package.document
        var nextID = (package.maxCommentID ?? -1) + 1
        var comments: [(id: Int, rule: String, anchored: String, part: String, matched: Bool)] = []
        var commentXML = ""
        var unmatched: [Finding] = []
        var skipped: [Finding] = []
        let blockRanges = partRanges(result.document)
        var blockStarts: [String: Int] = [:]
        for b in blockRanges where blockStarts[b.part] == nil { blockStarts[b.part] = b.start }
        // Containers keep pointing at their w:p nodes while runs are split, so one walk will do.
        let body = try WordBody(root)

        for finding in result.findings {
            // What to anchor on: the primary figure, else the first location with text.
            var target: (start: Int, end: Int, text: String, part: String?)?
            if let fig = finding.figures.first {
                target = (fig.location.start, fig.location.end, fig.text, fig.location.part)
            } else if let loc = finding.locations.first {
                let text = result.document?.lines.text(from: loc.start, to: loc.end) ?? ""
                target = (loc.start, loc.end, text, loc.part)
            }
            guard let target else { skipped.append(finding); continue }

            // The container and the expected offset of the figure in it.
            var part: String?
            var expected: Int?
            if let p = target.part {
                part = p
                if let start = blockStarts[p] { expected = target.start - start }
            } else if let seg = segments.first(where: { $0.start <= target.start && target.start <= $0.end }) {
                part = seg.part
                expected = target.start - seg.start + seg.offset
            } else if let block = blockRanges.first(where: { $0.start <= target.start && target.start <= $0.end }) {
                // A location without a part (set by a rule from offsets): the reader's block holding it.
                part = block.part
                expected = target.start - block.start
            }
            guard let part, let container = body.container(part) else { skipped.append(finding); continue }
            let containerText = Array(container.text.unicodeScalars)
            let needle = Array(target.text.unicodeScalars)
            var range: Range<Int>?
            if !needle.isEmpty {
                var best: Int?
                var i = 0
                while i + needle.count <= containerText.count {
                    if containerText[i] == needle[0], Array(containerText[i..<(i + needle.count)]) == needle {
                        if best == nil || abs(i - (expected ?? 0)) < abs(best! - (expected ?? 0)) { best = i }
                    }
                    i += 1
                }
                if let best { range = best..<(best + needle.count) }
            }
            // A finding about an empty cell or paragraph is anchored on that cell: that is its place.
            let matched = range != nil || (needle.isEmpty && containerText.isEmpty)
            if range == nil {
                range = 0..<containerText.count // the whole paragraph or cell
                if !matched { unmatched.append(finding) }
            }
            let id = nextID
            nextID += 1
            container.anchor(range: range!, id: id)
            comments.append((id, finding.rule, WordBody.string(containerText[range!]), part, matched))
            commentXML += comment(finding, id: id, lang: lang)
        }
        package.document = root
        try package.addComments(commentXML)
        return Report(data: try package.write(), comments: comments, unmatched: unmatched, skipped: skipped)
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

    /// The w:comment element for a finding.
    static func comment(_ f: Finding, id: Int, lang: Language) -> String {
        var paragraphs = ["\(f.severity.label(lang))[\(f.rule)] \(f.message.text(lang))"]
        if let a = f.arithmetic { paragraphs.append((lang == .zh ? "计算：" : "Arithmetic: ") + a.text(lang)) }
        for s in f.suggestions {
            paragraphs.append((lang == .zh ? "建议：" : "Suggestion: ") + s.summary(lang))
        }
        var xml = "<w:comment w:id=\"\(id)\" w:author=\"\(XMLNode.escape(author))\" w:initials=\"\(initials)\">"
        for (i, p) in paragraphs.enumerated() {
            xml += "<w:p>"
            if i == 0 { xml += "<w:r><w:annotationRef/></w:r>" }
            xml += "<w:r><w:t xml:space=\"preserve\">\(XMLNode.escape(p))</w:t></w:r></w:p>"
        }
        return xml + "</w:comment>"
    }
}

// MARK: - The .docx package

/// The parts of a .docx: every zip entry kept in order; the main document parsed.
struct WordPackage {
    var entries: [(path: String, data: Data)]
    var documentPath: String
    var document: XMLNode

    init(data: Data, limits: ReadLimits) throws {
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            throw DocxAnnotator.Failure.notADocx("not a zip archive")
        }
        var entries: [(String, Data)] = []
        var total = 0
        let limit = limits.maxUncompressedBytes
        for entry in archive where entry.type == .file {
            // Count what is actually inflated: declared sizes may lie.
            if entry.uncompressedSize > UInt64(limit) { throw DocxAnnotator.Failure.tooLarge(limit) }
            var content = Data()
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                total += chunk.count
                if total > limit { throw DocxAnnotator.Failure.tooLarge(limit) }
                content.append(chunk)
            }
            entries.append((entry.path, content))
        }
        self.entries = entries
        var main = "word/document.xml"
        if let rels = entries.first(where: { $0.0 == "_rels/.rels" }) {
            let xml = String(decoding: rels.1, as: UTF8.self)
            for tag in XMLNode.startTags(named: "Relationship", in: xml)
            where XMLNode.attribute("Type", in: tag)?.hasSuffix("/officeDocument") == true {
                if let target = XMLNode.attribute("Target", in: tag) {
                    main = target.hasPrefix("/") ? String(target.dropFirst()) : target
                }
            }
        }
        guard let doc = entries.first(where: { $0.0 == main }) else {
            throw DocxAnnotator.Failure.notADocx("no \(main)")
        }
        documentPath = main
        document = try XMLNode.parse(doc.1)
    }

    var directory: String { documentPath.split(separator: "/").dropLast().joined(separator: "/") }
    var relsPath: String { (directory.isEmpty ? "" : directory + "/") + "_rels/" + documentPath.split(separator: "/").last! + ".rels" }

    /// The comments part the document's relationships name, if any.
    var commentsPath: String? {
        guard let rels = entries.first(where: { $0.path == relsPath }) else { return nil }
        let xml = String(decoding: rels.data, as: UTF8.self)
        for tag in XMLNode.startTags(named: "Relationship", in: xml) where XMLNode.attribute("Type", in: tag) == DocxAnnotator.commentsType {
            guard let target = XMLNode.attribute("Target", in: tag) else { continue }
            return target.hasPrefix("/") ? String(target.dropFirst()) : (directory.isEmpty ? "" : directory + "/") + target
        }
        return nil
    }

    /// Largest comment id already used in the document or its comments part.
    var maxCommentID: Int? {
        var texts = [document.serialized()]
        if let path = commentsPath, let c = entries.first(where: { $0.path == path }) { texts.append(String(decoding: c.data, as: UTF8.self)) }
        var best: Int?
        for text in texts {
            for name in ["w:comment", "w:commentRangeStart", "w:commentRangeEnd", "w:commentReference"] {
                for tag in XMLNode.startTags(named: name, in: text) {
                    if let v = XMLNode.attribute("w:id", in: tag).flatMap(Int.init) { best = max(best ?? v, v) }
                }
            }
        }
        return best
    }

    /// Appends comment elements to the comments part, creating it, its relationship and its
    /// content type when missing.
    mutating func addComments(_ xml: String) throws {
        if let path = commentsPath, let i = entries.firstIndex(where: { $0.path == path }) {
            var text = String(decoding: entries[i].data, as: UTF8.self)
            if let close = text.range(of: "</w:comments>", options: .backwards) {
                text.replaceSubrange(close, with: xml + "</w:comments>")
            } else if let selfClosing = text.range(of: "<w:comments[^>]*/>", options: .regularExpression) {
                let open = String(text[selfClosing].dropLast(2)) + ">"
                text.replaceSubrange(selfClosing, with: open + xml + "</w:comments>")
            }
            entries[i].data = Data(text.utf8)
            return
        }
        let path = (directory.isEmpty ? "" : directory + "/") + "comments.xml"
        entries.append((path, Data(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<w:comments xmlns:w=\"\(DocxAnnotator.wNamespace)\">" + xml + "</w:comments>").utf8)))
        // Relationship from the main document.
        var rels: String
        let relsIndex = entries.firstIndex { $0.path == relsPath }
        if let relsIndex { rels = String(decoding: entries[relsIndex].data, as: UTF8.self) } else {
            rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"></Relationships>"
        }
        var n = 1
        while rels.containsBytes(of: "Id=\"rIdGouji\(n)\"") { n += 1 }
        let relationship = "<Relationship Id=\"rIdGouji\(n)\" Type=\"\(DocxAnnotator.commentsType)\" Target=\"comments.xml\"/>"
        if let close = rels.range(of: "</Relationships>", options: .backwards) {
            rels.replaceSubrange(close, with: relationship + "</Relationships>")
        } else if let selfClosing = rels.range(of: "<Relationships[^>]*/>", options: .regularExpression) {
            rels.replaceSubrange(selfClosing, with: String(rels[selfClosing].dropLast(2)) + ">" + relationship + "</Relationships>")
        }
        if let relsIndex { entries[relsIndex].data = Data(rels.utf8) } else { entries.append((relsPath, Data(rels.utf8))) }
        // Content type override.
        if let ct = entries.firstIndex(where: { $0.path == "[Content_Types].xml" }) {
            var types = String(decoding: entries[ct].data, as: UTF8.self)
            if !types.containsBytes(of: "PartName=\"/\(path)\""), let close = types.range(of: "</Types>", options: .backwards) {
                types.replaceSubrange(close, with: "<Override PartName=\"/\(path)\" ContentType=\"\(DocxAnnotator.commentsContentType)\"/></Types>")
                entries[ct].data = Data(types.utf8)
            }
        }
    }

    /// The package as zip bytes, the main document re-serialised.
    func write() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        let documentData = Data(document.serialized().utf8)
        for (path, original) in entries {
            let data = path == documentPath ? documentData : original
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 modificationDate: Date(timeIntervalSince1970: 315_532_800),
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw DocxAnnotator.Failure.notADocx("cannot write the zip") }
        return data
    }
}

// MARK: - Word body model

/// The body of a Word document as Gouji's parts see it: body paragraphs `p<i>` and table cells
/// `t<i>/r<r>/c<c>` (0-based, in document order; block-level content controls are entered).
final class WordBody {
    enum Item {
        case paragraph(String, WordParagraph)
        case table([[WordContainer]])
    }
    var items: [Item] = []
    var containers: [String: WordContainer] = [:]

    init(_ root: XMLNode) throws {
        guard let body = root.first("w:document")?.first("w:body") else {
            throw DocxAnnotator.Failure.notADocx("no w:body")
        }
        var p = 0, t = 0
        func walk(_ node: XMLNode) {
            for child in node.children where child.kind == .element {
                switch child.name {
                case "w:p":
                    let part = "p\(p)"
                    let para = WordParagraph(child)
                    items.append(.paragraph(part, para))
                    containers[part] = WordContainer(part: part, paragraphs: [para])
                    p += 1
                case "w:tbl":
                    var rows: [[WordContainer]] = []
                    for (r, tr) in child.elements("w:tr").enumerated() {
                        var row: [WordContainer] = []
                        for (c, tc) in tr.elements("w:tc").enumerated() {
                            let part = "t\(t)/r\(r)/c\(c)"
                            let cell = WordContainer(part: part, paragraphs: tc.elements("w:p").map(WordParagraph.init))
                            containers[part] = cell
                            row.append(cell)
                            nested(in: tc, part: part)
                        }
                        rows.append(row)
                    }
                    items.append(.table(rows))
                    t += 1
                case "w:sdt":
                    if let content = child.first("w:sdtContent") { walk(content) }
                default: break
                }
            }
        }
        walk(body)
    }

    /// Registers the cells of tables nested in a cell: `<cell part>/t<k>/r<r>/c<c>`.
    private func nested(in tc: XMLNode, part: String) {
        for (k, table) in tc.elements("w:tbl").enumerated() {
            for (r, tr) in table.elements("w:tr").enumerated() {
                for (c, inner) in tr.elements("w:tc").enumerated() {
                    let p = "\(part)/t\(k)/r\(r)/c\(c)"
                    containers[p] = WordContainer(part: p, paragraphs: inner.elements("w:p").map(WordParagraph.init))
                    nested(in: inner, part: p)
                }
            }
        }
    }

    func container(_ part: String) -> WordContainer? { containers[part] }

    static func string<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: scalars)
        return String(v)
    }
}

/// A body paragraph or a table cell: its paragraphs' texts joined by line breaks.
final class WordContainer {
    let part: String
    let paragraphs: [WordParagraph]
    init(part: String, paragraphs: [WordParagraph]) { self.part = part; self.paragraphs = paragraphs }

    var text: String { paragraphs.map(\.text).joined(separator: "\n") }

    /// Wraps `range` of the container text in a comment with `id`.
    func anchor(range: Range<Int>, id: Int) {
        // Map container offsets to (paragraph, local offset).
        func locate(_ offset: Int, preferEnd: Bool) -> (Int, Int) {
            var base = 0
            for (i, p) in paragraphs.enumerated() {
                let n = p.scalarCount
                if offset < base + n || (offset == base + n && (preferEnd || i == paragraphs.count - 1)) { return (i, offset - base) }
                base += n + 1
            }
            return (max(0, paragraphs.count - 1), paragraphs.last?.scalarCount ?? 0)
        }
        guard !paragraphs.isEmpty else { return }
        let (sp, so) = locate(range.lowerBound, preferEnd: false)
        let (ep, eo) = locate(range.upperBound, preferEnd: true)
        if sp == ep {
            paragraphs[sp].anchor(from: so, to: eo, id: id)
        } else {
            paragraphs[sp].insertStart(at: so, id: id)
            paragraphs[ep].insertEnd(at: eo, id: id)
        }
    }
}

/// A w:p and the text of its runs (w:t, w:tab as a tab, w:br/w:cr as a line break).
final class WordParagraph {
    let node: XMLNode

    init(_ node: XMLNode) { self.node = node }

    /// A run in reading order, with its parent and its text offsets in the paragraph.
    struct Run { var node: XMLNode; var parent: XMLNode; var start: Int; var end: Int }

    /// Elements whose runs are not part of the visible text.
    static let skipped: Set<String> = ["w:del", "w:moveFrom", "w:txbxContent", "mc:Fallback", "w:pPr", "w:rPr", "w:drawing", "w:pict", "w:object"]

    static func runText(_ run: XMLNode) -> String {
        var s = ""
        for c in run.children where c.kind == .element {
            switch c.name {
            case "w:t": s += c.textContent
            case "w:tab", "w:ptab": s += "\t"
            case "w:br", "w:cr": s += "\n"
            case "w:noBreakHyphen": s += "-"
            default: break
            }
        }
        return s
    }

    var runs: [Run] {
        var out: [Run] = []
        var offset = 0
        func walk(_ n: XMLNode) {
            for c in n.children where c.kind == .element && !Self.skipped.contains(c.name) {
                if c.name == "w:r" {
                    let len = Self.runText(c).unicodeScalars.count
                    out.append(Run(node: c, parent: n, start: offset, end: offset + len))
                    offset += len
                } else {
                    walk(c)
                }
            }
        }
        walk(node)
        return out
    }

    var text: String { runs.map { Self.runText($0.node) }.joined() }
    var scalarCount: Int { runs.last?.end ?? 0 }

    /// Makes `offset` a run boundary, splitting the run that spans it.
    func split(at offset: Int) {
        guard let run = runs.first(where: { $0.start < offset && offset < $0.end }) else { return }
        let local = offset - run.start
        var first: [XMLNode] = [], second: [XMLNode] = []
        var properties: XMLNode?
        var position = 0
        for c in run.node.children {
            if c.kind == .element && c.name == "w:rPr" { properties = c; continue }
            let piece: Int
            if c.kind != .element { piece = 0 } else {
                switch c.name {
                case "w:t": piece = c.textContent.unicodeScalars.count
                case "w:tab", "w:ptab", "w:br", "w:cr", "w:noBreakHyphen": piece = 1
                default: piece = 0
                }
            }
            if position + piece <= local { first.append(c); position += piece; continue }
            if position >= local { second.append(c); position += piece; continue }
            // A w:t that straddles the split.
            let scalars = Array(c.textContent.unicodeScalars)
            let k = local - position
            first.append(XMLNode.text(element: "w:t", WordBody.string(scalars[..<k])))
            second.append(XMLNode.text(element: "w:t", WordBody.string(scalars[k...])))
            position += piece
        }
        func make(_ children: [XMLNode]) -> XMLNode {
            let r = XMLNode.element(run.node.name, startTag: run.node.startTag)
            if let properties { r.children.append(properties.copy()) }
            r.children += children
            return r
        }
        let i = run.parent.children.firstIndex { $0 === run.node }!
        run.parent.children.replaceSubrange(i...i, with: [make(first), make(second)])
    }

    func anchor(from start: Int, to end: Int, id: Int) {
        insertStart(at: start, id: id)
        insertEnd(at: end, id: id)
    }

    func insertStart(at offset: Int, id: Int) {
        split(at: offset)
        let marker = XMLNode.raw("<w:commentRangeStart w:id=\"\(id)\"/>")
        let all = runs
        if let run = all.first(where: { $0.start == offset && $0.end > $0.start }) ?? all.first(where: { $0.start >= offset }) {
            let i = run.parent.children.firstIndex { $0 === run.node }!
            run.parent.children.insert(marker, at: i)
        } else {
            node.children.append(marker)
        }
    }

    func insertEnd(at offset: Int, id: Int) {
        split(at: offset)
        let markers = [XMLNode.raw("<w:commentRangeEnd w:id=\"\(id)\"/>"),
                       XMLNode.raw("<w:r><w:commentReference w:id=\"\(id)\"/></w:r>")]
        let all = runs
        if let run = all.last(where: { $0.end == offset && $0.end > $0.start }) ?? all.last(where: { $0.end <= offset }) {
            let i = run.parent.children.firstIndex { $0 === run.node }!
            run.parent.children.insert(contentsOf: markers, at: i + 1)
        } else {
            node.children.append(contentsOf: markers)
        }
    }
}

// MARK: - A small lossless XML tree

/// An XML node that serialises back to exactly the bytes it was parsed from (unless changed).
final class XMLNode {
    enum Kind { case document, element, text, raw }
    var kind: Kind
    /// Qualified element name (`w:p`).
    var name: String
    /// The start tag as written (`<w:p w:rsidR="00A1">`), or the raw text of a text/raw node.
    var startTag: String
    var selfClosing: Bool
    var children: [XMLNode] = []

    init(kind: Kind, name: String = "", startTag: String = "", selfClosing: Bool = false) {
        self.kind = kind; self.name = name; self.startTag = startTag; self.selfClosing = selfClosing
    }

    static func element(_ name: String, startTag: String) -> XMLNode {
        XMLNode(kind: .element, name: name, startTag: startTag.hasSuffix("/>") ? String(startTag.dropLast(2)) + ">" : startTag)
    }
    static func raw(_ s: String) -> XMLNode { XMLNode(kind: .raw, startTag: s) }
    /// `<w:t xml:space="preserve">text</w:t>`.
    static func text(element name: String, _ text: String) -> XMLNode {
        let e = XMLNode(kind: .element, name: name, startTag: "<\(name) xml:space=\"preserve\">")
        e.children = [XMLNode(kind: .text, startTag: escape(text))]
        return e
    }

    func copy() -> XMLNode {
        let n = XMLNode(kind: kind, name: name, startTag: startTag, selfClosing: selfClosing)
        n.children = children.map { $0.copy() }
        return n
    }

    func first(_ name: String) -> XMLNode? { children.first { $0.kind == .element && $0.name == name } }
    func elements(_ name: String) -> [XMLNode] { children.filter { $0.kind == .element && $0.name == name } }

    /// Decoded text of the element's text children.
    var textContent: String {
        children.map { c in
            switch c.kind {
            case .text: return XMLNode.unescape(c.startTag)
            case .raw where c.startTag.hasPrefix("<![CDATA["): return String(c.startTag.dropFirst(9).dropLast(3))
            default: return ""
            }
        }.joined()
    }

    func serialized() -> String {
        var out = ""
        serialize(into: &out)
        return out
    }

    func serialize(into out: inout String) {
        switch kind {
        case .document: for c in children { c.serialize(into: &out) }
        case .text, .raw: out += startTag
        case .element:
            if selfClosing && children.isEmpty { out += startTag; return }
            if selfClosing { out += String(startTag.dropLast(2)) + ">" } else { out += startTag }
            for c in children { c.serialize(into: &out) }
            out += "</\(name)>"
        }
    }

    enum ParseError: Error, CustomStringConvertible {
        case malformed(Int)
        var description: String { if case .malformed(let at) = self { return "malformed XML near byte \(at)" }; return "" }
    }

    static func parse(_ data: Data) throws -> XMLNode {
        let bytes = [UInt8](data)
        let root = XMLNode(kind: .document)
        var stack: [XMLNode] = [root]
        var i = 0
        let n = bytes.count
        func string(_ a: Int, _ b: Int) -> String { String(decoding: bytes[a..<b], as: UTF8.self) }
        func find(_ pattern: [UInt8], from: Int) -> Int? {
            var j = from
            while j + pattern.count <= n {
                if bytes[j] == pattern[0] && Array(bytes[j..<(j + pattern.count)]) == pattern { return j }
                j += 1
            }
            return nil
        }
        while i < n {
            if bytes[i] != UInt8(ascii: "<") {
                var j = i
                while j < n && bytes[j] != UInt8(ascii: "<") { j += 1 }
                stack.last!.children.append(XMLNode(kind: .text, startTag: string(i, j)))
                i = j
                continue
            }
            let rest = i + 1 < n ? bytes[i + 1] : 0
            if rest == UInt8(ascii: "?") || rest == UInt8(ascii: "!") {
                let close: [UInt8]
                if bytes[i...].starts(with: Array("<!--".utf8)) { close = Array("-->".utf8) }
                else if bytes[i...].starts(with: Array("<![CDATA[".utf8)) { close = Array("]]>".utf8) }
                else if rest == UInt8(ascii: "?") { close = Array("?>".utf8) }
                else { close = Array(">".utf8) }
                guard let end = find(close, from: i + 2) else { throw ParseError.malformed(i) }
                stack.last!.children.append(.raw(string(i, end + close.count)))
                i = end + close.count
                continue
            }
            // A start or end tag; quotes may contain '>'.
            var j = i + 1
            var quote: UInt8 = 0
            while j < n {
                let b = bytes[j]
                if quote != 0 { if b == quote { quote = 0 } } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") { quote = b } else if b == UInt8(ascii: ">") { break }
                j += 1
            }
            guard j < n else { throw ParseError.malformed(i) }
            let tag = string(i, j + 1)
            i = j + 1
            if rest == UInt8(ascii: "/") {
                guard stack.count > 1 else { throw ParseError.malformed(i) }
                stack.removeLast()
                continue
            }
            var nameEnd = tag.index(after: tag.startIndex)
            while nameEnd < tag.endIndex, !" \t\r\n/>".contains(tag[nameEnd]) { nameEnd = tag.index(after: nameEnd) }
            let name = String(tag[tag.index(after: tag.startIndex)..<nameEnd])
            let selfClosing = tag.hasSuffix("/>")
            let node = XMLNode(kind: .element, name: name, startTag: tag, selfClosing: selfClosing)
            stack.last!.children.append(node)
            if !selfClosing { stack.append(node) }
        }
        guard stack.count == 1 else { throw ParseError.malformed(n) }
        return root
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                // Characters XML 1.0 forbids are dropped.
                if u.value < 0x20 && u != "\t" && u != "\n" && u != "\r" { continue }
                if u.value == 0xFFFE || u.value == 0xFFFF { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    static func unescape(_ s: String) -> String {
        guard s.containsBytes(of: "&") else { return s }
        var out = ""
        var i = s.startIndex
        while i < s.endIndex {
            if s[i] == "&", let semi = s[i...].firstIndex(of: ";"), s.distance(from: i, to: semi) <= 10 {
                let entity = String(s[s.index(after: i)..<semi])
                var decoded: String?
                switch entity {
                case "lt": decoded = "<"
                case "gt": decoded = ">"
                case "amp": decoded = "&"
                case "quot": decoded = "\""
                case "apos": decoded = "'"
                default:
                    if entity.hasPrefix("#x") || entity.hasPrefix("#X"), let v = UInt32(entity.dropFirst(2), radix: 16), let u = Unicode.Scalar(v) { decoded = String(u) }
                    else if entity.hasPrefix("#"), let v = UInt32(entity.dropFirst()), let u = Unicode.Scalar(v) { decoded = String(u) }
                }
                if let decoded { out += decoded; i = s.index(after: semi); continue }
            }
            out.append(s[i])
            i = s.index(after: i)
        }
        return out
    }

    /// Start tags of elements named `name` in XML text (`<name ...>` or `<name .../>`).
    static func startTags(named name: String, in xml: String) -> [String] {
        var out: [String] = []
        var search = xml.startIndex..<xml.endIndex
        while let r = xml.range(of: "<" + name, range: search) {
            guard r.upperBound < xml.endIndex else { break }
            let next = xml[r.upperBound]
            if next == " " || next == ">" || next == "/" || next == "\n" || next == "\t" || next == "\r",
               let close = xml[r.upperBound...].firstIndex(of: ">") {
                out.append(String(xml[r.lowerBound...close]))
                search = close..<xml.endIndex
            } else {
                search = r.upperBound..<xml.endIndex
            }
        }
        return out
    }

    /// The decoded value of attribute `name` in a start tag.
    static func attribute(_ name: String, in tag: String) -> String? {
        for quote in ["\"", "'"] {
            for sep in [" ", "\n", "\t", "\r"] {
                if let r = tag.range(of: sep + name + "=" + quote), let end = tag[r.upperBound...].firstIndex(of: Character(quote)) {
                    return unescape(String(tag[r.upperBound..<end]))
                }
            }
        }
        return nil
    }
}

// MARK: - Building a .docx from text

/// Builds a minimal .docx from a document read from text: each paragraph a w:p, each table a
/// w:tbl over its grid (captions as a paragraph before the table, blank lines kept as empty
/// paragraphs), and returns the segment map from document offsets to the Word parts.
enum TextDocxBuilder {
    static func build(_ document: Document) -> (Data, [DocxAnnotator.Segment]) {
        var body = ""
        var segments: [DocxAnnotator.Segment] = []
        var p = 0, t = 0
        var lastLine = 0

        func runs(_ text: String) -> String {
            // Tabs become w:tab (one character of run text, like in the reader's model).
            text.split(separator: "\t", omittingEmptySubsequences: false).map { piece in
                piece.isEmpty ? "" : "<w:t xml:space=\"preserve\">\(XMLNode.escape(String(piece)))</w:t>"
            }.joined(separator: "<w:tab/>")
        }
        func paragraph(_ text: String, bold: Bool = false) -> String {
            if text.isEmpty { return "<w:p/>" }
            return "<w:p><w:r>" + (bold ? "<w:rPr><w:b/></w:rPr>" : "") + runs(text) + "</w:r></w:p>"
        }
        func gap(before line: Int) {
            if lastLine > 0 && line > lastLine + 1 { body += "<w:p/>"; p += 1 }
        }
        func endLine(_ location: SourceLocation) -> Int { document.lines.line(of: max(location.start, location.end - 1)) }

        for block in document.blocks {
            switch block {
            case .paragraph(let para):
                gap(before: para.location.line)
                segments.append(.init(start: para.location.start, end: para.location.start + para.text.unicodeScalars.count, part: "p\(p)"))
                body += paragraph(para.text)
                p += 1
                lastLine = endLine(para.location)
            case .table(let table):
                if let caption = table.caption {
                    gap(before: caption.location.line)
                    segments.append(.init(start: caption.location.start, end: caption.location.start + caption.text.unicodeScalars.count, part: "p\(p)"))
                    body += paragraph(caption.text, bold: true)
                    p += 1
                }
                let width = max(1, table.rows.map { $0.reduce(0) { $0 + max(1, $1.span) } }.max() ?? 1)
                let columnWidth = 9000 / width
                body += "<w:tbl><w:tblPr><w:tblW w:w=\"\(columnWidth * width)\" w:type=\"dxa\"/><w:tblBorders>"
                for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
                    body += "<w:\(side) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>"
                }
                body += "</w:tblBorders><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>"
                body += String(repeating: "<w:gridCol w:w=\"\(columnWidth)\"/>", count: width) + "</w:tblGrid>"
                for (r, row) in table.rows.enumerated() {
                    body += "<w:tr>"
                    var column = 0
                    for (c, cell) in row.enumerated() {
                        var span = max(1, cell.span)
                        if c == row.count - 1 { span = max(span, width - column) }
                        column += span
                        body += "<w:tc><w:tcPr><w:tcW w:w=\"\(columnWidth * span)\" w:type=\"dxa\"/>"
                        if span > 1 { body += "<w:gridSpan w:val=\"\(span)\"/>" }
                        switch cell.verticalMerge {
                        case .restart: body += "<w:vMerge w:val=\"restart\"/>"
                        case .continuation: body += "<w:vMerge/>"
                        case .none: break
                        }
                        body += "</w:tcPr>"
                        segments.append(.init(start: cell.location.start, end: cell.location.start + cell.text.unicodeScalars.count,
                                              part: "t\(t)/r\(r)/c\(c)"))
                        body += cell.text.split(separator: "\n", omittingEmptySubsequences: false).map { paragraph(String($0)) }.joined()
                        body += "</w:tc>"
                    }
                    if row.isEmpty { body += "<w:tc><w:p/></w:tc>" }
                    body += "</w:tr>"
                }
                body += "</w:tbl>"
                t += 1
                lastLine = table.rows.last?.last.map { endLine($0.location) } ?? table.location.line
                // Word needs a paragraph between two adjacent tables.
                body += "<w:p/>"
                p += 1
                lastLine += 1
            }
        }
        let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        let documentXML = header + "<w:document xmlns:w=\"\(DocxAnnotator.wNamespace)\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>"
            + body + "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" w:right=\"1440\" w:bottom=\"1440\" w:left=\"1440\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>"
        let styles = header + "<w:styles xmlns:w=\"\(DocxAnnotator.wNamespace)\"><w:docDefaults><w:rPrDefault><w:rPr>"
            + "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"宋体\" w:cs=\"Times New Roman\"/>"
            + "<w:sz w:val=\"22\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/></w:rPr></w:rPrDefault></w:docDefaults>"
            + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style></w:styles>"
        let contentTypes = header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
            + "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/></Types>"
        let rootRels = header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"
        let documentRels = header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>"
        let parts: [(String, String)] = [("[Content_Types].xml", contentTypes), ("_rels/.rels", rootRels),
                                         ("word/document.xml", documentXML), ("word/_rels/document.xml.rels", documentRels),
                                         ("word/styles.xml", styles)]
        let data = (try? zip(parts.map { ($0.0, Data($0.1.utf8)) })) ?? Data()
        return (data, segments)
    }

    static func zip(_ parts: [(String, Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 modificationDate: Date(timeIntervalSince1970: 315_532_800),
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? Data()
    }
}
