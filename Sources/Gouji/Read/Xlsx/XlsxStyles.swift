import Foundation

/// The number formats of `xl/styles.xml`: a cell's style index (`s`) names an entry of
/// `<cellXfs>`, whose `numFmtId` is a built-in format or one of the workbook's `<numFmts>`.
struct XlsxStyles {
    /// numFmtId per cell style index.
    var formatIDs: [Int] = []
    /// borderId per cell style index.
    var borderIDs: [Int] = []
    /// Whether each border of `<borders>` draws at least one side.
    var bordersDrawn: [Bool] = []
    /// The workbook's own format codes by numFmtId (164 and up, or a redefined built-in).
    var customFormats: [Int: String] = [:]

    /// The format code of a cell style index ("General" when the style or format is unknown).
    func formatCode(style: Int) -> String {
        guard style >= 0, style < formatIDs.count else { return "General" }
        let id = formatIDs[style]
        return customFormats[id] ?? XlsxNumberFormat.builtIn(id) ?? "General"
    }

    /// Whether cells of a style have a border (a table's cells are framed, prose is not).
    func isFramed(style: Int) -> Bool {
        guard style >= 0, style < borderIDs.count else { return false }
        let id = borderIDs[style]
        return id >= 0 && id < bordersDrawn.count && bordersDrawn[id]
    }

    static func parse(_ xml: Data, part: String, limits: ReadLimits) throws -> XlsxStyles {
        let parser = Parser(partName: part, limits: limits)
        try parser.parse(xml)
        return parser.styles
    }

    private final class Parser: XlsxXMLParser {
        var styles = XlsxStyles()
        private var inCellXfs = false
        private var inBorders = false
        private var inBorder = false

        override func start(_ name: String, _ attributes: [String: String]) {
            switch name {
            case "numFmt":
                if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] {
                    styles.customFormats[id] = code
                }
            case "cellXfs":
                inCellXfs = true
            case "borders":
                inBorders = true
            case "border" where inBorders:
                inBorder = true
                styles.bordersDrawn.append(false)
                if styles.bordersDrawn.count > 1_000_000 { fail(.limitExceeded("more than 1000000 borders")) }
            case "left", "right", "top", "bottom", "start", "end":
                if inBorder, let style = attributes["style"], style != "none" {
                    styles.bordersDrawn[styles.bordersDrawn.count - 1] = true
                }
            case "xf" where inCellXfs:
                styles.formatIDs.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
                styles.borderIDs.append(attributes["borderId"].flatMap { Int($0) } ?? 0)
                if styles.formatIDs.count > 1_000_000 { fail(.limitExceeded("more than 1000000 cell styles")) }
            default:
                break
            }
        }

        override func end(_ name: String) {
            switch name {
            case "cellXfs": inCellXfs = false
            case "borders": inBorders = false
            case "border": inBorder = false
            default: break
            }
        }
    }
}
