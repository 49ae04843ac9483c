import Foundation

/// Reads .docx files: extracts `word/document.xml` within the size cap, refuses any DTD,
/// parses the body and renders it in the seed's flattened-text format (see `FlatRenderer`),
/// so that a report reads the same as .docx and as flattened text. Locations carry the Word
/// part path (`p12`, `t1/r3/c4`).
///
/// Every failure is a `ReadError`; no partial document is ever returned.
public struct DocxReader: FormatReader {
    /// The main document part every .docx must have.
    public static let mainPart = "word/document.xml"

    /// Caption patterns and table-start labels used to split tables (see `TableSplitter`).
    public var layout: Layout
    /// Limits on expanded size, XML depth, table depth, cells per table and cell length.
    public var limits: ReadLimits

    /// A reader with the given layout lexicon and limits.
    public init(layout: Layout, limits: ReadLimits = ReadLimits()) {
        self.layout = layout
        self.limits = limits
    }

    public func read(_ input: ReaderInput) throws -> [Document] {
        var package = try input.package ?? OfficePackage(data: input.data, limit: limits.maxUncompressedBytes)
        return [try read(package: &package, path: input.path)]
    }

    /// Reads the .docx held in `data`; `path` is only recorded in the document.
    public func read(data: Data, path: String) throws -> Document {
        var package = try OfficePackage(data: data, limit: limits.maxUncompressedBytes)
        return try read(package: &package, path: path)
    }

    func read(package: inout OfficePackage, path: String) throws -> Document {
        let xml = try package.part(Self.mainPart)
        if let why = DocxXMLGuard.unsupportedEncoding(xml) {
            throw ReadError.malformedXML("\(Self.mainPart) is not UTF-8 or UTF-16: \(why)")
        }
        if let why = DocxXMLGuard.invalidText(xml) {
            throw ReadError.malformedXML("\(Self.mainPart) is not valid text: \(why)")
        }
        if DocxXMLGuard.containsDTD(xml) { throw ReadError.forbiddenDTD }
        let items = try DocxBodyParser.parse(xml, limits: limits)
        return try FlatRenderer(layout: layout, limits: limits, format: .docx)
            .render(items, path: path, encoding: "UTF-8")
    }
}
