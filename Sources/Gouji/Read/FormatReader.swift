import Foundation

/// The formats Gouji reads, as recognised from an input's bytes (never from its name).
public enum InputFormat: String, Sendable, CaseIterable, Codable {
    /// Word 2007+ (a zip with word/document.xml).
    case docx
    /// Excel 2007+ (a zip with xl/workbook.xml).
    case xlsx
    /// PDF (starts with %PDF).
    case pdf
    /// Legacy Word .doc (an OLE2 compound file with a WordDocument stream).
    case doc
    /// Legacy Excel .xls (an OLE2 compound file with a Workbook or Book stream).
    case xls
    /// Text: flattened Word text, text copied from pages and PDFs, or a web page (decided after
    /// decoding, see `TextReader`).
    case text
}

/// What a format reader is given: the input's bytes, the path it is reported under, and what
/// sniffing already opened (the zip container of .docx and .xlsx, so it is opened once).
public struct ReaderInput {
    public let data: Data
    public let path: String
    var package: OfficePackage?

    public init(data: Data, path: String) {
        self.data = data
        self.path = path
    }

    init(data: Data, path: String, package: OfficePackage?) {
        self.data = data
        self.path = path
        self.package = package
    }
}

/// One input format. Every reader produces `Document`s in the same model (blocks of paragraphs
/// and tables with locations a reader of the original can find), so that extraction, binding
/// and checking never know which format a report came in.
public protocol FormatReader: Sendable {
    /// Every report the input holds: one for most formats, one per 自评表 sheet of a workbook.
    /// Throws a `ReadError` on any failure; never returns a partial document.
    func read(_ input: ReaderInput) throws -> [Document]
}
