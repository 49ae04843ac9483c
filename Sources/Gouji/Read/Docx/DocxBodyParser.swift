import CXML2
import Foundation

/// Streams `word/document.xml` through libxml2's SAX2 push parser and collects the body as
/// `RawItem`s: body paragraphs, tables with their cells (`w:gridSpan`, `w:vMerge`) and nested
/// tables.
///
/// What text is kept: `w:t` inside runs, `w:tab` (as a tab), `w:br`/`w:cr` (as a line break),
/// `w:noBreakHyphen`; tracked insertions are kept and deletions (`w:del`, `w:moveFrom`,
/// `w:delText`) dropped; of a complex field only its result (between `separate` and `end`) is
/// kept, never its instruction (`w:instrText`); `w:fldSimple` keeps its runs. Old properties in
/// tracked property changes (`w:tcPrChange` …) and `mc:Fallback` duplicates are ignored.
/// Paragraphs inside a text box join the paragraph that anchors it. CDATA sections are ignored.
///
/// The input must have no DTD (checked by the caller on the raw bytes): a document type, any
/// declaration or any entity other than the five predefined ones that still reaches the parser
/// aborts it, and nothing external is ever loaded.
///
/// The parser runs as FoundationXML's `XMLParser` did (options `RECOVER | NOENT`, the encoding
/// taken from the first four bytes, the rest pushed 128 KB at a time), without the dictionary
/// and strings that `XMLParser` builds for every event.
final class DocxBodyParser {
    private static let wordNamespaces: [[UInt8]] = [
        Array("http://schemas.openxmlformats.org/wordprocessingml/2006/main".utf8),
        Array("http://purl.oclc.org/ooxml/wordprocessingml/main".utf8),
    ]
    private static let markupCompatibility = Array("http://schemas.openxmlformats.org/markup-compatibility/2006".utf8)
    /// The WordprocessingML elements the parser acts on.
    enum Element {
        case p, r, t, tab, br, cr, noBreakHyphen, fldChar, tbl, tr, tc, gridSpan, vMerge
        /// An element whose whole content is dropped.
        case dropped
        case other
    }

    private static let elements: [(String, Element)] = [
        ("p", .p), ("r", .r), ("t", .t), ("tab", .tab), ("br", .br), ("cr", .cr), ("noBreakHyphen", .noBreakHyphen),
        ("fldChar", .fldChar), ("tbl", .tbl), ("tr", .tr), ("tc", .tc), ("gridSpan", .gridSpan), ("vMerge", .vMerge),
    ] + [
        "del", "moveFrom", "delText", "instrText", "delInstrText",
        "tcPrChange", "trPrChange", "tblPrChange", "tblPrExChange", "tblGridChange",
        "pPrChange", "rPrChange", "sectPrChange", "numberingChange",
    ].map { ($0, .dropped) }

    /// `elements` by the first byte of their name, each name's UTF-8 with its terminating NUL.
    private static let elementsByFirstByte: [[([UInt8], Element)]] = {
        var table = [[([UInt8], Element)]](repeating: [], count: 256)
        for (name, element) in elements { table[Int(name.utf8.first!)].append((Array(name.utf8) + [0], element)) }
        return table
    }()

    /// The element a local name (NUL-terminated UTF-8 from libxml2) names, compared as bytes
    /// (a String per element and a switch over strings cost more than libxml2's own parse).
    static func element(_ name: UnsafePointer<xmlChar>) -> Element {
        for (bytes, element) in elementsByFirstByte[Int(name[0])] {
            if bytes.withUnsafeBufferPointer({ strcmp(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self)) == 0 }) { return element }
        }
        return .other
    }
    /// Bytes pushed to libxml2 per call after the first four.
    private static let chunkSize = 4096 * 32

    private let limits: ReadLimits
    private(set) var body: [RawItem] = []
    private(set) var failure: ReadError?
    private var context: xmlParserCtxtPtr?

    private var depth = 0
    private var dropFromDepth: Int?
    private var tables: [RawTable] = []
    private var paragraphDepth = 0
    /// The open paragraph's UTF-8, made a String once when it ends (appending each run's text
    /// to a String cost more than the rest of the parse).
    private var paragraph: [UInt8] = []
    private var runDepth = 0
    private var inText = false
    /// Open complex fields, innermost last: true once the field's result has started.
    private var fields: [Bool] = []

    private init(limits: ReadLimits) { self.limits = limits }

    /// Parses the XML of a document part into body items.
    static func parse(_ xml: Data, limits: ReadLimits) throws -> [RawItem] {
        _ = initialised
        let delegate = DocxBodyParser(limits: limits)
        var handler = Self.handler()
        var outcome: (code: Int32, line: Int32, column: Int32) = (0, 0, 0)
        withExtendedLifetime(delegate) {
            xml.withUnsafeBytes { raw in
                // Fewer than four bytes never start a parse (as with XMLParser): an empty body.
                guard raw.count >= 4, let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self) else { return }
                let user = Unmanaged.passUnretained(delegate).toOpaque()
                guard let ctxt = xmlCreatePushParserCtxt(&handler, user, base, 4, nil) else {
                    outcome.code = Int32(XML_ERR_NO_MEMORY.rawValue)
                    return
                }
                defer { xmlFreeParserCtxt(ctxt) }
                delegate.context = ctxt
                xmlCtxtUseOptions(ctxt, Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NOENT.rawValue))
                // The rest in pieces ending at multiples of `chunkSize` (the first is 4 bytes short).
                var from = 4
                var rc: Int32 = 0
                while rc == 0 && from < raw.count {
                    let to = min(raw.count, (from / chunkSize + 1) * chunkSize)
                    rc = xmlParseChunk(ctxt, base + from, Int32(to - from), 0)
                    from = to
                }
                if rc == 0 { rc = xmlParseChunk(ctxt, nil, 0, 1) }
                delegate.context = nil
                let last = ctxt.pointee.lastError.code
                outcome = (rc == 0 ? 0 : (last != 0 ? last : rc),
                           Int32(xmlSAX2GetLineNumber(ctxt)), Int32(xmlSAX2GetColumnNumber(ctxt)))
            }
        }
        if let failure = delegate.failure { throw failure }
        guard outcome.code == 0 else {
            throw ReadError.malformedXML("word/document.xml line \(outcome.line), column \(outcome.column), parser error \(outcome.code)")
        }
        guard delegate.depth == 0 else {
            throw ReadError.malformedXML("word/document.xml line \(outcome.line), column \(outcome.column): elements not closed or mismatched")
        }
        return delegate.body
    }

    /// libxml2 must be initialised once before parsers run on several threads.
    private static let initialised: Void = { xmlInitParser() }()

    private static func instance(_ ctx: UnsafeMutableRawPointer?) -> DocxBodyParser {
        Unmanaged<DocxBodyParser>.fromOpaque(ctx!).takeUnretainedValue()
    }

    /// The SAX2 callbacks: elements, text, and refusals of every declaration and entity.
    private static func handler() -> xmlSAXHandler {
        var h = xmlSAXHandler()
        h.initialized = XML_SAX2_MAGIC
        h.startElementNs = { ctx, localname, _, uri, _, _, attributeCount, _, attributes in
            guard let localname else { return }
            DocxBodyParser.instance(ctx).start(localname, uri, attributes, Int(attributeCount))
        }
        h.endElementNs = { ctx, localname, _, uri in
            guard let localname else { return }
            DocxBodyParser.instance(ctx).end(localname, uri)
        }
        h.characters = { ctx, bytes, length in
            guard let bytes, length > 0 else { return }
            DocxBodyParser.instance(ctx).text(UnsafeBufferPointer(start: bytes, count: Int(length)))
        }
        h.ignorableWhitespace = h.characters
        h.cdataBlock = { _, _, _ in }
        h.getEntity = { ctx, name in
            if let predefined = xmlGetPredefinedEntity(name) { return predefined }
            DocxBodyParser.instance(ctx).fail(.forbiddenDTD)
            return nil
        }
        h.getParameterEntity = { ctx, _ in DocxBodyParser.instance(ctx).fail(.forbiddenDTD); return nil }
        h.internalSubset = { ctx, _, _, _ in DocxBodyParser.instance(ctx).fail(.forbiddenDTD) }
        h.externalSubset = { ctx, _, _, _ in DocxBodyParser.instance(ctx).fail(.forbiddenDTD) }
        h.entityDecl = { ctx, _, _, _, _, _ in DocxBodyParser.instance(ctx).fail(.forbiddenDTD) }
        h.elementDecl = { ctx, _, _, _ in DocxBodyParser.instance(ctx).fail(.forbiddenDTD) }
        h.attributeDecl = { ctx, _, _, _, _, _, tree in
            xmlFreeEnumeration(tree)
            DocxBodyParser.instance(ctx).fail(.forbiddenDTD)
        }
        h.notationDecl = { ctx, _, _, _ in DocxBodyParser.instance(ctx).fail(.forbiddenDTD) }
        h.unparsedEntityDecl = { ctx, _, _, _, _ in DocxBodyParser.instance(ctx).fail(.forbiddenDTD) }
        h.resolveEntity = { ctx, _, _ in DocxBodyParser.instance(ctx).fail(.forbiddenDTD); return nil }
        // Errors stay in the context (read after the parse); nothing is printed.
        h.serror = { _, _ in }
        return h
    }

    private var keepsText: Bool { dropFromDepth == nil && paragraphDepth > 0 && !fields.contains(false) }

    private func fail(_ error: ReadError) {
        if failure == nil { failure = error }
        if let context { xmlStopParser(context) }
    }

    private static func equal(_ s: UnsafePointer<xmlChar>, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            strncmp(UnsafeRawPointer(s).assumingMemoryBound(to: CChar.self),
                    UnsafeRawPointer(b.baseAddress!).assumingMemoryBound(to: CChar.self), b.count) == 0
                && s[b.count] == 0
        }
    }

    /// The last namespace URI found to be WordprocessingML's: libxml2 hands out each URI of a
    /// parse from its dictionary, so most elements are answered by comparing one pointer.
    private var wordURI: UnsafePointer<xmlChar>?

    private func isWord(_ uri: UnsafePointer<xmlChar>?) -> Bool {
        guard let uri else { return false }
        if uri == wordURI { return true }
        guard Self.wordNamespaces.contains(where: { Self.equal(uri, $0) }) else { return false }
        wordURI = uri
        return true
    }

    private static let fallback = Array("Fallback".utf8)

    /// The value of attribute `name`: with the `w` prefix, else unprefixed, else any prefix.
    /// libxml2 gives each attribute as five pointers: local name, prefix, URI, value, value end.
    private func value(_ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, _ count: Int, _ name: String) -> String? {
        guard let attributes else { return nil }
        var unprefixed: String?, other: String?
        for i in 0..<count {
            let a = attributes + 5 * i
            guard let local = a[0], String(cString: local) == name, let v = a[3], let e = a[4] else { continue }
            let text = String(decoding: UnsafeBufferPointer(start: v, count: e - v), as: UTF8.self)
            guard let prefix = a[1] else { if unprefixed == nil { unprefixed = text }; continue }
            if prefix[0] == UInt8(ascii: "w") && prefix[1] == 0 { return text }
            if other == nil { other = text }
        }
        return unprefixed ?? other
    }

    private func start(_ localname: UnsafePointer<xmlChar>, _ uri: UnsafePointer<xmlChar>?,
                       _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, _ attributeCount: Int) {
        guard failure == nil else { return }
        depth += 1
        guard depth <= limits.maxXMLDepth else {
            return fail(.limitExceeded("XML elements nested deeper than \(limits.maxXMLDepth)"))
        }
        guard dropFromDepth == nil else { return }
        if localname[0] == UInt8(ascii: "F"), let uri, Self.equal(uri, Self.markupCompatibility),
           Self.equal(localname, Self.fallback) { dropFromDepth = depth; return }
        guard isWord(uri) else { return }
        switch Self.element(localname) {
        case .dropped:
            dropFromDepth = depth
        case .p:
            paragraphDepth += 1
            if paragraphDepth == 1 {
                paragraph.removeAll(keepingCapacity: true)
            } else if !paragraph.isEmpty, !Self.endsWithLineFeed(paragraph) {
                paragraph.append(0x0A)
            }
        case .r:
            runDepth += 1
        case .t:
            inText = true
        case .tab where runDepth > 0:
            if keepsText { paragraph.append(0x09) }
        case .br where runDepth > 0, .cr where runDepth > 0:
            if keepsText { paragraph.append(0x0A) }
        case .noBreakHyphen where runDepth > 0:
            if keepsText { paragraph.append(UInt8(ascii: "-")) }
        case .fldChar:
            switch value(attributes, attributeCount, "fldCharType") {
            case "begin": fields.append(false)
            case "separate": if !fields.isEmpty { fields[fields.count - 1] = true }
            case "end": _ = fields.popLast()
            default: break
            }
        case .tbl where paragraphDepth == 0:
            guard tables.count < limits.tableDepth else {
                return fail(.limitExceeded("tables nested deeper than \(limits.tableDepth)"))
            }
            tables.append(RawTable())
        case .tr where paragraphDepth == 0:
            tables.last?.startRow()
        case .tc where paragraphDepth == 0:
            guard let table = tables.last, !table.rows.isEmpty else { return }
            table.appendCell(RawCell())
            guard table.cellCount <= limits.maxCellsPerTable else {
                return fail(.limitExceeded("a table has more than \(limits.maxCellsPerTable) cells"))
            }
        case .gridSpan where paragraphDepth == 0:
            if let cell = tables.last?.currentCell, let n = value(attributes, attributeCount, "val").flatMap({ Int($0) }) {
                cell.span = max(1, min(n, 4096))
            }
        case .vMerge where paragraphDepth == 0:
            if let cell = tables.last?.currentCell {
                cell.verticalMerge = value(attributes, attributeCount, "val") == "restart" ? .restart : .continuation
            }
        default:
            break
        }
    }

    private func end(_ localname: UnsafePointer<xmlChar>, _ uri: UnsafePointer<xmlChar>?) {
        guard failure == nil else { return }
        defer { depth -= 1 }
        if let from = dropFromDepth {
            if from == depth { dropFromDepth = nil }
            return
        }
        guard isWord(uri) else { return }
        switch Self.element(localname) {
        case .p:
            paragraphDepth -= 1
            if paragraphDepth == 0 { deliver(.paragraph(String(decoding: paragraph, as: UTF8.self))) }
        case .r:
            runDepth = max(0, runDepth - 1)
        case .t:
            inText = false
        case .tbl where paragraphDepth == 0:
            if let table = tables.popLast() { deliver(.table(table)) }
        default:
            break
        }
    }

    private func text(_ bytes: UnsafeBufferPointer<xmlChar>) {
        guard failure == nil, inText, keepsText else { return }
        paragraph.append(contentsOf: bytes)
        guard paragraph.count <= limits.maxCellCharacters * 4
                || String(decoding: paragraph, as: UTF8.self).count <= limits.maxCellCharacters else {
            return fail(.limitExceeded("a paragraph has more than \(limits.maxCellCharacters) characters"))
        }
    }

    /// Whether the text ends with the character "\n": a line feed not preceded by a carriage
    /// return (CR LF is one character).
    private static func endsWithLineFeed(_ bytes: [UInt8]) -> Bool {
        bytes.last == 0x0A && (bytes.count < 2 || bytes[bytes.count - 2] != 0x0D)
    }

    /// Adds a finished paragraph or table to the open cell, or to the body outside tables.
    private func deliver(_ item: RawItem) {
        if let table = tables.last {
            table.currentCell?.items.append(item)
        } else {
            body.append(item)
        }
    }
}
