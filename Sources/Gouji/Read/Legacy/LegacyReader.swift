import Foundation

/// Reads legacy Word (.doc) and Excel (.xls) files by converting them with LibreOffice
/// (`LibreOfficeConverter`) and reading the result with `DocxReader` or `XlsxReader`. The
/// documents keep the original file's path ("old.xls#Sheet1" per sheet) and format; locations
/// are those of the converted structure (`t1/r3/c4`, "Sheet1!F7").
public struct LegacyReader: FormatReader {
    /// `.doc` or `.xls`.
    public var format: InputFormat
    public var layout: Layout
    public var limits: ReadLimits
    public var converter: LibreOfficeConverter

    public init(format: InputFormat, layout: Layout, limits: ReadLimits = ReadLimits(),
                converter: LibreOfficeConverter = LibreOfficeConverter()) {
        precondition(format == .doc || format == .xls, "LegacyReader reads .doc and .xls")
        self.format = format
        self.layout = layout
        self.limits = limits
        self.converter = converter
    }

    public func read(_ input: ReaderInput) throws -> [Document] {
        switch format {
        case .xls:
            let converted = try converter.convert(input.data, from: "xls", to: "xlsx")
            return try XlsxReader(layout: layout, limits: limits).read(data: converted, path: input.path).map {
                var document = $0
                document.format = .xls
                return document
            }
        default:
            let converted = try converter.convert(input.data, from: "doc", to: "docx")
            var document = try DocxReader(layout: layout, limits: limits).read(data: converted, path: input.path)
            document.format = .doc
            return [document]
        }
    }
}
