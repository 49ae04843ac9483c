import Foundation
import Gouji
import ZIPFoundation

/// What each fuzz target does with one input. The fuzz targets call these from
/// `LLVMFuzzerTestOneInput`, and `FuzzRegressionTests` replays `Corpus/fuzz-crashers/` through
/// the same functions, so a crasher is tested exactly as it was found.
///
/// Any `ReadError` (or a check result with an error) is an expected outcome; a crash, a
/// sanitizer report or a timeout is a bug. Limits are lowered so that short inputs reach them.
public enum FuzzHarness {
    public static let layout = Lexicons.builtIn.layout

    public static let limits: ReadLimits = {
        var limits = ReadLimits()
        limits.maxUncompressedBytes = 4 << 20
        limits.maxXMLDepth = 64
        limits.maxTableDepth = 6
        limits.maxCellsPerTable = 400
        limits.maxCellCharacters = 1_000
        limits.maxFiguresPerDocument = 5_000
        return limits
    }()

    static let pipeline = Pipeline()

    /// The text path of `DocumentReader` (sniffing, encoding detection and decoding, then the
    /// flattened-text or HTML reader), then both readers directly on the decoded text whatever
    /// the sniffing decided.
    public static func flatText(_ data: Data) {
        _ = try? DocumentReader(limits: limits).read(data: data, path: "fuzz.txt")
        guard let decoded = try? EncodingDetector.decode(data) else { return }
        _ = try? FlatTextReader(layout: layout, limits: limits).read(text: decoded.text, path: "fuzz.txt", encoding: decoded.encoding)
        if HTMLReader.looksLikeHTML(decoded.text) {
            _ = try? HTMLReader(layout: layout, limits: limits).read(html: decoded.text, path: "fuzz.html", encoding: decoded.encoding)
        }
    }

    /// The .docx reader at two layers: an input starting with `PK` is read as the .docx itself
    /// (zip container, part extraction, size cap, then the XML); any other input is taken as
    /// `word/document.xml` and stored uncompressed in a fresh zip, so that mutations reach the
    /// DTD guard, the streaming body parser and the renderer instead of failing the checksum.
    public static func docx(_ data: Data) {
        let reader = DocxReader(layout: layout, limits: limits)
        if data.starts(with: [0x50, 0x4B]) {
            _ = try? reader.read(data: data, path: "fuzz.docx")
        } else if let docx = package(documentXML: data) {
            _ = try? reader.read(data: docx, path: "fuzz.docx")
        }
    }

    /// The .xlsx reader at two layers, as `docx(_:)`: an input starting with `PK` is read as the
    /// workbook itself; any other input is taken as the only worksheet's XML of a fresh workbook
    /// (parts stored), so that mutations reach the sheet parser, number formats and layout.
    /// Every read goes on to extraction and checking, which must survive any sheet.
    public static func xlsx(_ data: Data) {
        let reader = XlsxReader(layout: layout, limits: limits)
        let book = data.starts(with: [0x50, 0x4B]) ? data : package(parts: [
            ("[Content_Types].xml", contentTypes),
            ("xl/workbook.xml", workbookXML),
            ("xl/_rels/workbook.xml.rels", workbookRels),
            ("xl/styles.xml", stylesXML),
            ("xl/worksheets/sheet1.xml", data),
        ])
        guard let book, let documents = try? reader.read(data: book, path: "fuzz.xlsx") else { return }
        var checking = pipeline
        checking.limits.maxFiguresPerDocument = limits.maxFiguresPerDocument
        for document in documents { _ = checking.check(document: document) }
    }

    private static let workbookXML = Data(#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#.utf8)
    private static let workbookRels = Data(#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#.utf8)
    /// Styles 0…5: General, 0.00%, #,##0.00, a date, a custom format with sections and literals, framed.
    private static let stylesXML = Data(#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts><numFmt numFmtId="164" formatCode="[&gt;=100]0.0,&quot;千&quot;;[Red]-#,##0.00_);&quot;-&quot;;@"/><numFmt numFmtId="165" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot; h:mm:ss.00 AM/PM"/></numFmts><borders><border/><border><left style="thin"/></border></borders><cellXfs><xf numFmtId="0"/><xf numFmtId="10"/><xf numFmtId="4"/><xf numFmtId="165"/><xf numFmtId="164"/><xf numFmtId="0" borderId="1"/></cellXfs></styleSheet>"#.utf8)

    /// Extraction, binding and checking of whatever `FlatTextReader` makes of the input
    /// (decoded by `EncodingDetector`), with the default limits except the figure limit.
    public static func check(_ data: Data) {
        guard let decoded = try? EncodingDetector.decode(data),
              let document = try? FlatTextReader(layout: pipeline.lexicons.layout, limits: pipeline.limits)
                .read(text: decoded.text, path: "fuzz.txt", encoding: decoded.encoding)
        else { return }
        var checking = pipeline
        checking.limits.maxFiguresPerDocument = limits.maxFiguresPerDocument
        _ = checking.check(document: document)
    }

    private static let contentTypes = Data(#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#.utf8)

    /// A .docx (parts stored, not deflated) whose main part is `xml`.
    public static func package(documentXML xml: Data) -> Data? {
        package(parts: [("[Content_Types].xml", contentTypes), ("word/document.xml", xml)])
    }

    /// A zip of `parts`, stored (not deflated).
    public static func package(parts: [(String, Data)]) -> Data? {
        let archive: Archive
        do { archive = try Archive(data: Data(), accessMode: .create) } catch { return nil }
        for (path, part) in parts {
            do {
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(part.count), compressionMethod: .none) { position, size in
                    part.subdata(in: Int(position)..<Int(position) + size)
                }
            } catch { return nil }
        }
        return archive.data
    }
}
