import Foundation

/// The WordprocessingML namespaces (transitional and strict).
enum WordML {
    static let main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let namespaces: Set<String> = [main, "http://purl.oclc.org/ooxml/wordprocessingml/main"]
}

/// The body of a Word document as Gouji's parts name it: body paragraphs `p<i>` and table
/// cells `t<i>/r<r>/c<c>` (0-based, in document order; block-level content controls are
/// entered; cells of nested tables are `<cell>/t<k>/r<r>/c<c>`), the numbering the .docx
/// reader (`DocxBodyParser`) gives its locations.
final class WordBody {
    let tree: XMLTree
    private(set) var containers: [String: WordContainer] = [:]
    /// Body paragraphs and cells in document order.
    private(set) var order: [WordContainer] = []

    init(_ tree: XMLTree) throws {
        guard tree.root.is("document", in: WordML.namespaces), let body = tree.root.first("body", in: WordML.namespaces) else {
            throw ReadError.malformedXML("\(tree.part) has no w:body")
        }
        self.tree = tree
        var p = 0, t = 0
        func walk(_ node: XMLElement) {
            for child in node.children where child.namespace.map(WordML.namespaces.contains) == true {
                switch child.name {
                case "p":
                    add(WordContainer(part: "p\(p)", paragraphs: [WordParagraph(child, tree: tree)]))
                    p += 1
                case "tbl":
                    table(child, prefix: "t\(t)")
                    t += 1
                case "sdt":
                    if let content = child.first("sdtContent", in: WordML.namespaces) { walk(content) }
                default: break
                }
            }
        }
        walk(body)
    }

    private func add(_ c: WordContainer) {
        containers[c.part] = c
        order.append(c)
    }

    private func table(_ tbl: XMLElement, prefix: String) {
        for (r, tr) in tbl.children("tr", in: WordML.namespaces).enumerated() {
            for (c, tc) in tr.children("tc", in: WordML.namespaces).enumerated() {
                let part = "\(prefix)/r\(r)/c\(c)"
                add(WordContainer(part: part, paragraphs: tc.children("p", in: WordML.namespaces).map { WordParagraph($0, tree: tree) }))
                for (k, nested) in tc.children("tbl", in: WordML.namespaces).enumerated() { table(nested, prefix: "\(part)/t\(k)") }
            }
        }
    }

    func container(_ part: String) -> WordContainer? { containers[part] }

    /// The first body paragraph with text, else the first container.
    var firstParagraph: WordContainer? { order.first { !$0.text.isEmpty } ?? order.first }
}

/// A body paragraph or a table cell: its paragraphs' texts joined by line breaks.
final class WordContainer {
    let part: String
    let paragraphs: [WordParagraph]
    init(part: String, paragraphs: [WordParagraph]) { self.part = part; self.paragraphs = paragraphs }

    var text: String { paragraphs.map(\.text).joined(separator: "\n") }

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

    /// Container offset → (paragraph index, offset in it).
    func locate(_ offset: Int, preferEnd: Bool) -> (Int, Int) {
        var base = 0
        for (i, p) in paragraphs.enumerated() {
            let n = p.scalarCount
            if offset < base + n || (offset == base + n && (preferEnd || i == paragraphs.count - 1)) { return (i, offset - base) }
            base += n + 1
        }
        return (max(0, paragraphs.count - 1), paragraphs.last?.scalarCount ?? 0)
    }
}

/// A w:p and the text of its runs (w:t, w:tab as a tab, w:br/w:cr as a line break), with the
/// edits Gouji makes to it: splitting a run at a text offset, inserting markers between runs.
final class WordParagraph {
    let node: XMLElement
    let tree: XMLTree

    init(_ node: XMLElement, tree: XMLTree) { self.node = node; self.tree = tree }

    /// A run in reading order, with its text offsets in the paragraph.
    struct Run { var node: XMLElement; var start: Int; var end: Int }

    /// Elements whose runs are not part of the visible text.
    static let skipped: Set<String> = ["del", "moveFrom", "txbxContent", "Fallback", "pPr", "rPr", "drawing", "pict", "object"]

    /// The text length a run child stands for.
    static func length(_ c: XMLElement) -> Int {
        guard c.namespace.map(WordML.namespaces.contains) == true else { return 0 }
        switch c.name {
        case "t": return c.text.unicodeScalars.count
        case "tab", "ptab", "br", "cr", "noBreakHyphen": return 1
        default: return 0
        }
    }

    static func runText(_ run: XMLElement) -> String {
        var s = ""
        for c in run.children where c.namespace.map(WordML.namespaces.contains) == true {
            switch c.name {
            case "t": s += c.text
            case "tab", "ptab": s += "\t"
            case "br", "cr": s += "\n"
            case "noBreakHyphen": s += "-"
            default: break
            }
        }
        return s
    }

    var runs: [Run] {
        var out: [Run] = []
        var offset = 0
        func walk(_ n: XMLElement) {
            for c in n.children where !Self.skipped.contains(c.name) {
                if c.is("r", in: WordML.namespaces) {
                    let len = c.children.reduce(0) { $0 + Self.length($1) }
                    out.append(Run(node: c, start: offset, end: offset + len))
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

    func text(from start: Int, length: Int) -> String {
        let scalars = Array(text.unicodeScalars)
        guard start >= 0, start + length <= scalars.count else { return "" }
        return String(String.UnicodeScalarView(scalars[start..<(start + length)]))
    }

    /// A new WordprocessingML element in this paragraph's namespace.
    func element(_ name: String, attributes: [(String, String)] = []) -> XMLElement {
        tree.element(name, namespace: node.namespace ?? WordML.main, attributes: attributes.map { ("w:" + $0.0, $0.1) })
    }

    /// `<w:t xml:space="preserve">text</w:t>` (or another text element such as w:delText).
    func textElement(_ text: String, name: String = "t") -> XMLElement {
        let t = element(name)
        t.set("xml:space", "preserve")
        t.append(text: tree.text(text))
        return t
    }

    /// Makes `offset` a run boundary, splitting the run that spans it; both halves keep the
    /// run's attributes and properties.
    func split(at offset: Int) {
        guard let run = runs.first(where: { $0.start < offset && offset < $0.end }) else { return }
        let local = offset - run.start
        let second = run.node.copy()
        // The first half keeps the children before `local`, the second those after.
        var position = 0
        let firstChildren = run.node.children, secondChildren = second.children
        for (c, d) in zip(firstChildren, secondChildren) {
            if c.name == "rPr" { continue }
            let piece = Self.length(c)
            if position + piece <= local {
                d.remove()
            } else if position >= local {
                c.remove()
            } else {
                // A w:t that straddles the split.
                let scalars = Array(c.text.unicodeScalars)
                let k = local - position
                c.replace(with: textElement(String(String.UnicodeScalarView(scalars[..<k]))))
                d.replace(with: textElement(String(String.UnicodeScalarView(scalars[k...]))))
            }
            position += piece
        }
        run.node.insertAfter(second)
    }

    /// Inserts `marker` before the first run starting at `offset` (after splitting there).
    func insert(_ marker: XMLElement, before offset: Int) {
        split(at: offset)
        let all = runs
        if let run = all.first(where: { $0.start == offset && $0.end > $0.start }) ?? all.first(where: { $0.start >= offset }) {
            run.node.insertBefore(marker)
        } else {
            node.append(marker)
        }
    }

    /// Inserts `markers` after the last run ending at `offset` (after splitting there).
    func insert(_ markers: [XMLElement], after offset: Int) {
        split(at: offset)
        let all = runs
        if let run = all.last(where: { $0.end == offset && $0.end > $0.start }) ?? all.last(where: { $0.end <= offset }) {
            var at = run.node
            for m in markers { at.insertAfter(m); at = m }
        } else {
            for m in markers { node.append(m) }
        }
    }
}
