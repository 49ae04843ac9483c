import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Streams `word/document.xml` with `XMLParser` and collects the body as `RawItem`s:
/// body paragraphs, tables with their cells (`w:gridSpan`, `w:vMerge`) and nested tables.
///
/// What text is kept: `w:t` inside runs, `w:tab` (as a tab), `w:br`/`w:cr` (as a line break),
/// `w:noBreakHyphen`; tracked insertions are kept and deletions (`w:del`, `w:moveFrom`,
/// `w:delText`) dropped; of a complex field only its result (between `separate` and `end`) is
/// kept, never its instruction (`w:instrText`); `w:fldSimple` keeps its runs. Old properties in
/// tracked property changes (`w:tcPrChange` …) and `mc:Fallback` duplicates are ignored.
/// Paragraphs inside a text box join the paragraph that anchors it.
///
/// The input must have no DTD (checked by the caller on the raw bytes; any declaration that still
/// reaches the parser aborts it) and external entities are never resolved.
final class DocxBodyParser: NSObject, XMLParserDelegate {
    private static let wordNamespaces: Set<String> = [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    ]
    private static let markupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    /// Elements whose whole content is dropped.
    private static let dropped: Set<String> = [
        "del", "moveFrom", "delText", "instrText", "delInstrText",
        "tcPrChange", "trPrChange", "tblPrChange", "tblPrExChange", "tblGridChange",
        "pPrChange", "rPrChange", "sectPrChange", "numberingChange",
    ]

    private let limits: ReadLimits
    private(set) var body: [RawItem] = []
    private(set) var failure: ReadError?

    private var depth = 0
    private var dropFromDepth: Int?
    private var tables: [RawTable] = []
    private var paragraphDepth = 0
    private var paragraph = ""
    private var runDepth = 0
    private var inText = false
    /// Open complex fields, innermost last: true once the field's result has started.
    private var fields: [Bool] = []

    private init(limits: ReadLimits) { self.limits = limits }

    /// Parses the XML of a document part into body items.
    static func parse(_ xml: Data, limits: ReadLimits) throws -> [RawItem] {
        let delegate = DocxBodyParser(limits: limits)
        // Fed as a stream: libxml2 then parses in small chunks. Given the whole Data at once, it
        // fails on parts over 10 MB ("huge input lookup") because XML_PARSE_HUGE is not set.
        let parser = XMLParser(stream: InputStream(data: xml))
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        let ok = parser.parse()
        if let failure = delegate.failure { throw failure }
        guard ok else {
            let code = (parser.parserError as NSError?)?.code ?? 0
            throw ReadError.malformedXML("word/document.xml line \(parser.lineNumber), column \(parser.columnNumber), parser error \(code)")
        }
        guard delegate.depth == 0 else {
            throw ReadError.malformedXML("word/document.xml line \(parser.lineNumber), column \(parser.columnNumber): elements not closed or mismatched")
        }
        return delegate.body
    }

    private var keepsText: Bool { dropFromDepth == nil && paragraphDepth > 0 && !fields.contains(false) }

    private func fail(_ error: ReadError, _ parser: XMLParser) {
        if failure == nil { failure = error }
        parser.abortParsing()
    }

    private func value(_ attributes: [String: String], _ name: String) -> String? {
        if let v = attributes["w:" + name] ?? attributes[name] { return v }
        return attributes.first { $0.key.hasSuffix(":" + name) }?.value
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {
        guard failure == nil else { return }
        depth += 1
        guard depth <= limits.maxXMLDepth else {
            return fail(.limitExceeded("XML elements nested deeper than \(limits.maxXMLDepth)"), parser)
        }
        guard dropFromDepth == nil else { return }
        let namespace = namespaceURI ?? ""
        if namespace == Self.markupCompatibility, elementName == "Fallback" { dropFromDepth = depth; return }
        guard Self.wordNamespaces.contains(namespace) else { return }
        if Self.dropped.contains(elementName) { dropFromDepth = depth; return }
        switch elementName {
        case "p":
            paragraphDepth += 1
            if paragraphDepth == 1 {
                paragraph = ""
            } else if !paragraph.isEmpty, !paragraph.hasSuffix("\n") {
                paragraph += "\n"
            }
        case "r":
            runDepth += 1
        case "t":
            inText = true
        case "tab" where runDepth > 0:
            if keepsText { paragraph += "\t" }
        case "br" where runDepth > 0, "cr" where runDepth > 0:
            if keepsText { paragraph += "\n" }
        case "noBreakHyphen" where runDepth > 0:
            if keepsText { paragraph += "-" }
        case "fldChar":
            switch value(attributes, "fldCharType") {
            case "begin": fields.append(false)
            case "separate": if !fields.isEmpty { fields[fields.count - 1] = true }
            case "end": _ = fields.popLast()
            default: break
            }
        case "tbl" where paragraphDepth == 0:
            guard tables.count < limits.tableDepth else {
                return fail(.limitExceeded("tables nested deeper than \(limits.tableDepth)"), parser)
            }
            tables.append(RawTable())
        case "tr" where paragraphDepth == 0:
            tables.last?.startRow()
        case "tc" where paragraphDepth == 0:
            guard let table = tables.last, !table.rows.isEmpty else { return }
            table.appendCell(RawCell())
            guard table.cellCount <= limits.maxCellsPerTable else {
                return fail(.limitExceeded("a table has more than \(limits.maxCellsPerTable) cells"), parser)
            }
        case "gridSpan" where paragraphDepth == 0:
            if let cell = tables.last?.currentCell, let n = value(attributes, "val").flatMap({ Int($0) }) {
                cell.span = max(1, min(n, 4096))
            }
        case "vMerge" where paragraphDepth == 0:
            if let cell = tables.last?.currentCell {
                cell.verticalMerge = value(attributes, "val") == "restart" ? .restart : .continuation
            }
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?) {
        guard failure == nil else { return }
        defer { depth -= 1 }
        if let from = dropFromDepth {
            if from == depth { dropFromDepth = nil }
            return
        }
        guard Self.wordNamespaces.contains(namespaceURI ?? "") else { return }
        switch elementName {
        case "p":
            paragraphDepth -= 1
            if paragraphDepth == 0 { deliver(.paragraph(paragraph), parser) }
        case "r":
            runDepth = max(0, runDepth - 1)
        case "t":
            inText = false
        case "tbl" where paragraphDepth == 0:
            if let table = tables.popLast() { deliver(.table(table), parser) }
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard failure == nil, inText, keepsText else { return }
        paragraph += string
        guard paragraph.utf8.count <= limits.maxCellCharacters * 4 || paragraph.count <= limits.maxCellCharacters else {
            return fail(.limitExceeded("a paragraph has more than \(limits.maxCellCharacters) characters"), parser)
        }
    }

    /// Adds a finished paragraph or table to the open cell, or to the body outside tables.
    private func deliver(_ item: RawItem, _ parser: XMLParser) {
        if let table = tables.last {
            table.currentCell?.items.append(item)
        } else {
            body.append(item)
        }
    }

    // Any declaration means a DTD got past the byte check: refuse it.
    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        fail(.forbiddenDTD, parser)
    }

    func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
        fail(.forbiddenDTD, parser)
    }

    func parser(_ parser: XMLParser, foundElementDeclarationWithName elementName: String, model: String) {
        fail(.forbiddenDTD, parser)
    }

    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
        fail(.forbiddenDTD, parser)
        return nil
    }
}
