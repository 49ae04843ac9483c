import Foundation
@testable import Gouji

/// Builds small .xlsx packages in memory for the reader tests: sheets given as their
/// `<sheetData>` (and what follows it), with optional shared strings and styles.
enum XlsxBuilder {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    struct Sheet {
        var name: String
        var xml: String
        var hidden = false
    }

    /// A worksheet part whose body (inside `<worksheet>`) is `body`.
    static func worksheet(_ body: String) -> String {
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="\#(main)" xmlns:r="\#(relationships)">\#(body)</worksheet>"#
    }

    /// A workbook of `sheets` (each sheet's `xml` is the whole worksheet part).
    static func workbook(_ sheets: [Sheet], sharedStrings: String? = nil, styles: String? = nil) throws -> Data {
        var parts: [String: Data] = [:]
        let entries = sheets.enumerated().map { i, s in
            #"<sheet name="\#(s.name)" sheetId="\#(i + 1)" state="\#(s.hidden ? "hidden" : "visible")" r:id="rId\#(i + 1)"/>"#
        }.joined()
        parts["xl/workbook.xml"] = Data((#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="\#(main)" xmlns:r="\#(relationships)"><sheets>"#
            + entries + "</sheets></workbook>").utf8)
        var rels = sheets.enumerated().map { i, _ in
            #"<Relationship Id="rId\#(i + 1)" Type="\#(relationships)/worksheet" Target="worksheets/sheet\#(i + 1).xml"/>"#
        }
        for (i, s) in sheets.enumerated() { parts["xl/worksheets/sheet\(i + 1).xml"] = Data(s.xml.utf8) }
        if let sharedStrings {
            rels.append(#"<Relationship Id="rIdS" Type="\#(relationships)/sharedStrings" Target="sharedStrings.xml"/>"#)
            parts["xl/sharedStrings.xml"] = Data((#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="\#(main)">"# + sharedStrings + "</sst>").utf8)
        }
        if let styles {
            rels.append(#"<Relationship Id="rIdT" Type="\#(relationships)/styles" Target="styles.xml"/>"#)
            parts["xl/styles.xml"] = Data((#"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="\#(main)">"# + styles + "</styleSheet>").utf8)
        }
        parts["xl/_rels/workbook.xml.rels"] = Data((#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + rels.joined() + "</Relationships>").utf8)
        parts["[Content_Types].xml"] = Data("<Types/>".utf8)
        return try DocxBuilder.zip(parts)
    }

    /// A one-sheet workbook whose `<sheetData>` holds `rows`.
    static func book(rows: String, after: String = "", sharedStrings: String? = nil, styles: String? = nil) throws -> Data {
        try workbook([Sheet(name: "Sheet1", xml: worksheet("<sheetData>\(rows)</sheetData>\(after)"))],
                     sharedStrings: sharedStrings, styles: styles)
    }

    static func read(_ data: Data, limits: ReadLimits = ReadLimits()) throws -> [Document] {
        try DocumentReader(limits: limits).readAll(data: data, path: "test.xlsx")
    }
}

extension Document {
    /// The cell whose location part is `part` ("Sheet1!F7"), searched in every table.
    func cell(at part: String) -> Cell? {
        for table in tables {
            for row in table.rows { if let c = row.first(where: { $0.location.part == part }) { return c } }
        }
        return nil
    }
}
