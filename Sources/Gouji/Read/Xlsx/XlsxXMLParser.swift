import CXML2
import Foundation

/// Streams one part of a workbook through libxml2's SAX2 push parser and hands elements and
/// text to a subclass (`XlsxWorkbook`, `XlsxSharedStrings`, `XlsxStyles`, `XlsxSheetParser`).
///
/// Elements are given by their local name (namespaces are not compared: transitional and strict
/// SpreadsheetML use the same local names) with their attributes by local name. The part must be
/// UTF-8 or UTF-16 and have no DTD (checked on the raw bytes with `DocxXMLGuard`); any
/// declaration or entity other than the five predefined ones that still reaches the parser
/// aborts it, nothing external is ever loaded, and elements nested deeper than
/// `ReadLimits.maxXMLDepth` stop it.
class XlsxXMLParser {
    let limits: ReadLimits
    /// The part being parsed, for messages (`xl/worksheets/sheet1.xml`).
    let partName: String
    private(set) var failure: ReadError?
    private var context: xmlParserCtxtPtr?
    private(set) var depth = 0

    init(partName: String, limits: ReadLimits) {
        self.partName = partName
        self.limits = limits
    }

    /// An element started: its local name and attributes by local name.
    func start(_ name: String, _ attributes: [String: String]) {}
    /// An element ended.
    func end(_ name: String) {}
    /// Character data (possibly in several pieces).
    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {}

    /// Stops the parse with `error` (the first failure wins).
    final func fail(_ error: ReadError) {
        if failure == nil { failure = error }
        if let context { xmlStopParser(context) }
    }

    private static let chunkSize = 4096 * 32
    private static let initialised: Void = { xmlInitParser() }()

    /// Parses `xml` completely, or throws the first `ReadError`.
    final func parse(_ xml: Data) throws {
        _ = Self.initialised
        if let why = DocxXMLGuard.unsupportedEncoding(xml) {
            throw ReadError.xlsxMalformedXML("\(partName) is not UTF-8 or UTF-16: \(why)")
        }
        if let why = DocxXMLGuard.invalidText(xml) {
            throw ReadError.xlsxMalformedXML("\(partName) is not valid text: \(why)")
        }
        if DocxXMLGuard.containsDTD(xml) { throw ReadError.xlsxForbiddenDTD }
        var handler = Self.handler()
        var outcome: (code: Int32, line: Int32, column: Int32) = (0, 0, 0)
        withExtendedLifetime(self) {
            xml.withUnsafeBytes { raw in
                guard raw.count >= 4, let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self) else {
                    outcome.code = raw.count == 0 ? 0 : Int32(XML_ERR_DOCUMENT_EMPTY.rawValue)
                    return
                }
                let user = Unmanaged.passUnretained(self).toOpaque()
                guard let ctxt = xmlCreatePushParserCtxt(&handler, user, base, 4, nil) else {
                    outcome.code = Int32(XML_ERR_NO_MEMORY.rawValue)
                    return
                }
                defer { xmlFreeParserCtxt(ctxt) }
                context = ctxt
                xmlCtxtUseOptions(ctxt, Int32(XML_PARSE_NONET.rawValue))
                var from = 4
                var rc: Int32 = 0
                while rc == 0 && failure == nil && from < raw.count {
                    let to = min(raw.count, (from / Self.chunkSize + 1) * Self.chunkSize)
                    rc = xmlParseChunk(ctxt, base + from, Int32(to - from), 0)
                    from = to
                }
                if rc == 0 && failure == nil { rc = xmlParseChunk(ctxt, nil, 0, 1) }
                context = nil
                let last = ctxt.pointee.lastError.code
                outcome = (rc == 0 ? 0 : (last != 0 ? last : rc),
                           Int32(xmlSAX2GetLineNumber(ctxt)), Int32(xmlSAX2GetColumnNumber(ctxt)))
            }
        }
        if let failure { throw failure }
        guard outcome.code == 0 else {
            throw ReadError.xlsxMalformedXML("\(partName) line \(outcome.line), column \(outcome.column), parser error \(outcome.code)")
        }
        guard depth == 0 else {
            throw ReadError.xlsxMalformedXML("\(partName): elements not closed")
        }
    }

    private static func instance(_ ctx: UnsafeMutableRawPointer?) -> XlsxXMLParser {
        Unmanaged<XlsxXMLParser>.fromOpaque(ctx!).takeUnretainedValue()
    }

    private func started(_ localname: UnsafePointer<xmlChar>,
                         _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, _ count: Int) {
        guard failure == nil else { return }
        depth += 1
        guard depth <= limits.maxXMLDepth else {
            return fail(.limitExceeded("XML elements nested deeper than \(limits.maxXMLDepth) in \(partName)"))
        }
        var values: [String: String] = [:]
        if let attributes {
            // libxml2 gives each attribute as five pointers: local name, prefix, URI, value, value end.
            for i in 0..<count {
                let a = attributes + 5 * i
                guard let local = a[0], let v = a[3], let e = a[4] else { continue }
                values[String(cString: local)] = String(decoding: UnsafeBufferPointer(start: v, count: e - v), as: UTF8.self)
            }
        }
        start(String(cString: localname), values)
    }

    private func ended(_ localname: UnsafePointer<xmlChar>) {
        guard failure == nil else { return }
        depth -= 1
        end(String(cString: localname))
    }

    /// The SAX2 callbacks: elements, text, and refusals of every declaration and entity.
    private static func handler() -> xmlSAXHandler {
        var h = xmlSAXHandler()
        h.initialized = XML_SAX2_MAGIC
        h.startElementNs = { ctx, localname, _, _, _, _, attributeCount, _, attributes in
            guard let localname else { return }
            XlsxXMLParser.instance(ctx).started(localname, attributes, Int(attributeCount))
        }
        h.endElementNs = { ctx, localname, _, _ in
            guard let localname else { return }
            XlsxXMLParser.instance(ctx).ended(localname)
        }
        h.characters = { ctx, bytes, length in
            guard let bytes, length > 0 else { return }
            let parser = XlsxXMLParser.instance(ctx)
            guard parser.failure == nil else { return }
            parser.characters(UnsafeBufferPointer(start: bytes, count: Int(length)))
        }
        h.ignorableWhitespace = h.characters
        h.cdataBlock = h.characters
        h.getEntity = { ctx, name in
            if let predefined = xmlGetPredefinedEntity(name) { return predefined }
            XlsxXMLParser.instance(ctx).fail(.xlsxForbiddenDTD)
            return nil
        }
        h.getParameterEntity = { ctx, _ in XlsxXMLParser.instance(ctx).fail(.xlsxForbiddenDTD); return nil }
        h.internalSubset = { ctx, _, _, _ in XlsxXMLParser.instance(ctx).fail(.xlsxForbiddenDTD) }
        h.externalSubset = { ctx, _, _, _ in XlsxXMLParser.instance(ctx).fail(.xlsxForbiddenDTD) }
        h.entityDecl = { ctx, _, _, _, _, _ in XlsxXMLParser.instance(ctx).fail(.xlsxForbiddenDTD) }
        h.elementDecl = { ctx, _, _, _ in XlsxXMLParser.instance(ctx).fail(.xlsxForbiddenDTD) }
        h.attributeDecl = { ctx, _, _, _, _, _, tree in
            xmlFreeEnumeration(tree)
            XlsxXMLParser.instance(ctx).fail(.xlsxForbiddenDTD)
        }
        h.notationDecl = { ctx, _, _, _ in XlsxXMLParser.instance(ctx).fail(.xlsxForbiddenDTD) }
        h.unparsedEntityDecl = { ctx, _, _, _, _ in XlsxXMLParser.instance(ctx).fail(.xlsxForbiddenDTD) }
        h.resolveEntity = { ctx, _, _ in XlsxXMLParser.instance(ctx).fail(.xlsxForbiddenDTD); return nil }
        h.serror = { _, _ in }
        return h
    }

    /// Decodes the `_xHHHH_` escapes SpreadsheetML uses for characters XML cannot hold
    /// (`_x000D_` for a carriage return, `_x005F_` for an underscore that would start one).
    static func unescape(_ text: String) -> String {
        guard text.containsBytes(of: "_x") else { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "_", i + 6 < scalars.count, scalars[i + 1] == "x", scalars[i + 6] == "_",
               let code = UInt32(String(String.UnicodeScalarView(scalars[(i + 2)..<(i + 6)])), radix: 16),
               let scalar = Unicode.Scalar(code) {
                // A carriage return before a line feed would make the line feed a CR LF pair.
                if scalar != "\r" { out.append(scalar) }
                i += 7
                continue
            }
            out.append(scalars[i])
            i += 1
        }
        return String(out)
    }
}
