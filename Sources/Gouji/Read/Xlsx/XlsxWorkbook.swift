import Foundation

/// The workbook's table of contents: its sheets in tab order (name, visibility, part), where
/// the shared strings and styles are, and the date system. Read from `_rels/.rels` (which names
/// the workbook part, `xl/workbook.xml` when absent), the workbook part and its relationships.
struct XlsxWorkbook {
    struct Sheet: Equatable {
        var name: String
        var hidden: Bool
        /// The worksheet part (`xl/worksheets/sheet1.xml`); nil for a chart sheet or a sheet whose
        /// relationship is missing.
        var part: String?
    }

    var sheets: [Sheet] = []
    var sharedStringsPart: String?
    var stylesPart: String?
    /// Serial dates count from 1904-01-01 instead of 1900-01-00.
    var date1904 = false

    static let defaultWorkbookPart = "xl/workbook.xml"

    /// Reads the workbook's table of contents from the package.
    static func read(_ package: inout OfficePackage, limits: ReadLimits) throws -> XlsxWorkbook {
        var workbookPart = defaultWorkbookPart
        if package.contains("_rels/.rels") {
            let rels = try XlsxRelationships.parse(try package.part("_rels/.rels"), part: "_rels/.rels", base: "", limits: limits)
            if let main = rels.first(where: { $0.type.hasSuffix("/officeDocument") }) { workbookPart = main.target }
        }
        guard package.contains(workbookPart) else { throw ReadError.xlsxInvalid("missing \(workbookPart)") }
        let contents = XlsxWorkbookParser(partName: workbookPart, limits: limits)
        try contents.parse(try package.part(workbookPart))

        let folder = workbookPart.split(separator: "/").dropLast().joined(separator: "/")
        let relsPart = (folder.isEmpty ? "" : folder + "/") + "_rels/" + (workbookPart.split(separator: "/").last.map(String.init) ?? "workbook.xml") + ".rels"
        var relationships: [XlsxRelationships.Relationship] = []
        if package.contains(relsPart) {
            relationships = try XlsxRelationships.parse(try package.part(relsPart), part: relsPart, base: folder, limits: limits)
        }
        var book = XlsxWorkbook()
        book.date1904 = contents.date1904
        book.sharedStringsPart = relationships.first { $0.type.hasSuffix("/sharedStrings") }?.target
        book.stylesPart = relationships.first { $0.type.hasSuffix("/styles") }?.target
        for sheet in contents.sheets {
            let relationship = relationships.first { $0.id == sheet.relationship }
            let part = relationship.flatMap { $0.type.hasSuffix("/worksheet") ? $0.target : nil }
            book.sheets.append(Sheet(name: sheet.name, hidden: sheet.hidden, part: part))
        }
        return book
    }
}

/// The `<sheets>` and `<workbookPr>` of a workbook part.
final class XlsxWorkbookParser: XlsxXMLParser {
    struct Entry {
        var name: String
        var hidden: Bool
        var relationship: String
    }
    private(set) var sheets: [Entry] = []
    private(set) var date1904 = false

    override func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "sheet":
            let state = attributes["state"] ?? "visible"
            sheets.append(Entry(name: attributes["name"] ?? "Sheet\(sheets.count + 1)",
                                hidden: state == "hidden" || state == "veryHidden",
                                relationship: attributes["id"] ?? ""))
            if sheets.count > 10_000 { fail(.limitExceeded("a workbook has more than 10000 sheets")) }
        case "workbookPr":
            date1904 = ["1", "true"].contains(attributes["date1904"] ?? "")
        default:
            break
        }
    }
}

/// A relationships part (`*.rels`): targets resolved against the folder of the part they belong to.
final class XlsxRelationships: XlsxXMLParser {
    struct Relationship {
        var id: String
        var type: String
        /// The target's path inside the package, without a leading "/".
        var target: String
    }
    private(set) var relationships: [Relationship] = []
    private var base = ""

    static func parse(_ xml: Data, part: String, base: String, limits: ReadLimits) throws -> [Relationship] {
        let parser = XlsxRelationships(partName: part, limits: limits)
        parser.base = base
        try parser.parse(xml)
        return parser.relationships
    }

    override func start(_ name: String, _ attributes: [String: String]) {
        guard name == "Relationship", let target = attributes["Target"], attributes["TargetMode"] != "External" else { return }
        relationships.append(Relationship(id: attributes["Id"] ?? "", type: attributes["Type"] ?? "",
                                          target: Self.resolve(target, against: base)))
        if relationships.count > 100_000 { fail(.limitExceeded("a relationships part has more than 100000 entries")) }
    }

    /// `target` as a package path: absolute ("/xl/worksheets/sheet1.xml") or relative to `base`
    /// ("worksheets/sheet1.xml", "../xl/styles.xml").
    static func resolve(_ target: String, against base: String) -> String {
        var components: [Substring] = target.hasPrefix("/") ? [] : base.split(separator: "/")
        for component in target.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": _ = components.popLast()
            default: components.append(component)
            }
        }
        return components.joined(separator: "/")
    }
}
