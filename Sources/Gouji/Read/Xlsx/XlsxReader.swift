import Foundation

/// Reads Excel workbooks (.xlsx): every visible sheet that looks like a report
/// (`XlsxSheetLayout.isReport`) becomes one `Document`, with the path "book.xlsx#Sheet1" and
/// cell locations "Sheet1!F7", laid out as a table (see `XlsxSheetLayout`) and rendered like a
/// .docx body (`FlatRenderer`), so extraction, binding and every rule work unchanged.
///
/// Parts are extracted through `OfficePackage` within the uncompressed-size cap; each XML part
/// is parsed by libxml2 with DTDs refused and nesting bounded (`XlsxXMLParser`). Every failure
/// is a one-line `ReadError`; no partial document is ever returned.
public struct XlsxReader: FormatReader {
    public var layout: Layout
    public var limits: ReadLimits

    public init(layout: Layout, limits: ReadLimits = ReadLimits()) {
        self.layout = layout
        self.limits = limits
    }

    public func read(_ input: ReaderInput) throws -> [Document] {
        try Self.asXlsxError {
            var package = try input.package ?? OfficePackage(data: input.data, limit: limits.maxUncompressedBytes)
            return try read(package: &package, path: input.path)
        }
    }

    /// Reads the workbook held in `data`; `path` is the file the documents are reported under.
    public func read(data: Data, path: String) throws -> [Document] {
        try read(ReaderInput(data: data, path: path))
    }

    /// The sheets of the workbook as laid out, report or not (for tests and `isReport`).
    func sheets(package: inout OfficePackage) throws -> [XlsxSheet] {
        let book = try XlsxWorkbook.read(&package, limits: limits)
        var strings: [String] = []
        if let part = book.sharedStringsPart, package.contains(part) {
            strings = try XlsxSharedStrings.parse(try package.part(part), part: part, limits: limits)
        }
        var styles = XlsxStyles()
        if let part = book.stylesPart, package.contains(part) {
            styles = try XlsxStyles.parse(try package.part(part), part: part, limits: limits)
        }
        var sheets: [XlsxSheet] = []
        for sheet in book.sheets where !sheet.hidden {
            guard let part = sheet.part, package.contains(part) else { continue }
            sheets.append(try XlsxSheetParser.parse(try package.part(part), name: sheet.name, part: part, strings: strings,
                                                    styles: styles, date1904: book.date1904, limits: limits))
        }
        return sheets
    }

    func read(package: inout OfficePackage, path: String) throws -> [Document] {
        let reports = try sheets(package: &package).filter(XlsxSheetLayout.isReport)
        guard !reports.isEmpty else { throw ReadError.noReportSheet }
        return try reports.map { sheet in
            let body = try XlsxSheetLayout(sheet, limits: limits)
            return try FlatRenderer(layout: layout, limits: limits, format: .xlsx)
                .render(body.items, path: "\(path)#\(sheet.name)", encoding: "UTF-8", paragraphParts: body.paragraphParts)
        }
    }

    /// The package errors, which name a .docx, as errors of an .xlsx.
    static func asXlsxError<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch ReadError.notADocx(let why) {
            throw ReadError.xlsxInvalid(why)
        } catch ReadError.docxMissingPart(let part) {
            throw ReadError.xlsxInvalid("missing \(part)")
        } catch ReadError.zipBomb(let limit) {
            throw ReadError.xlsxBomb(limit: limit)
        }
    }
}
