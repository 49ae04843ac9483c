import Foundation

/// One worksheet as laid out: every cell that shows something (its text as Excel displays it,
/// see `XlsxNumberFormat`), the merged ranges, and which cells are framed (have a border).
struct XlsxSheet {
    struct Entry {
        var row: Int          // 1-based
        var column: Int       // 1-based
        var text: String
        /// A number cell (as opposed to text, a boolean or an error).
        var numeric: Bool
    }

    struct Range: Equatable {
        var firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int
        var height: Int { lastRow - firstRow + 1 }
        var width: Int { lastColumn - firstColumn + 1 }
        func contains(row: Int, column: Int) -> Bool {
            row >= firstRow && row <= lastRow && column >= firstColumn && column <= lastColumn
        }
    }

    var name: String
    var entries: [Entry] = []
    var merges: [Range] = []
    /// Positions (row, column) of framed cells, empty ones included.
    var framed: Set<XlsxCellRef> = []
}

/// A cell position, 1-based.
struct XlsxCellRef: Hashable {
    var row: Int
    var column: Int

    static let maxRow = 1_048_576
    static let maxColumn = 16_384

    /// Parses "F7" (a `$` before either part is allowed); nil for anything else or out of range.
    init?(_ text: String) {
        var column = 0, row = 0, letters = 0, digits = 0
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "$"): continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
                column = column * 26 + Int(b - 64); letters += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z") where digits == 0:
                column = column * 26 + Int(b - 96); letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9") where letters > 0:
                row = row * 10 + Int(b - 48); digits += 1
            default: return nil
            }
            if letters > 3 || digits > 7 { return nil }
        }
        guard letters > 0, digits > 0, row >= 1, row <= Self.maxRow, column >= 1, column <= Self.maxColumn else { return nil }
        self.row = row
        self.column = column
    }

    init(row: Int, column: Int) { self.row = row; self.column = column }

    /// "F7".
    var a1: String { Self.columnName(column) + String(row) }

    static func columnName(_ column: Int) -> String {
        var n = column
        var s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }
}

/// Streams a worksheet part (`<sheetData>` rows and cells, `<mergeCells>`) into an `XlsxSheet`.
///
/// Cell values: `t="s"` a shared string, `t="str"` a formula's text result, `t="inlineStr"` the
/// `<is>` text (rich-text runs joined, phonetic runs dropped), `t="b"` TRUE/FALSE, `t="e"` the
/// error (#DIV/0!), `t="d"` an ISO date as written; a number (`t="n"` or none) is shown under
/// its style's number format. A formula cell shows its cached `<v>`; without one it is empty.
/// Cells without `r` follow the previous cell; rows without `r` the previous row.
///
/// Limits: more than `maxCellsPerTable` cells with content, rows or merged ranges, a cell
/// beyond XFD1048576, or a cell text longer than `maxCellCharacters` stops the parse.
final class XlsxSheetParser: XlsxXMLParser {
    private var sheet: XlsxSheet
    private let strings: [String]
    private let styles: XlsxStyles
    private let date1904: Bool

    private var row = 0
    private var column = 0
    private var rowElements = 0
    private var cellType = "n"
    private var cellStyle = 0
    private var inCell = false
    private var value: [UInt8] = []
    private var inline: [UInt8] = []
    private var hasValue = false
    private var collecting: Collecting = .none
    private var phoneticDepth = 0
    private var inInline = false

    private enum Collecting { case none, value, inlineText }

    private init(name: String, part: String, strings: [String], styles: XlsxStyles, date1904: Bool, limits: ReadLimits) {
        sheet = XlsxSheet(name: name)
        self.strings = strings
        self.styles = styles
        self.date1904 = date1904
        super.init(partName: part, limits: limits)
    }

    static func parse(_ xml: Data, name: String, part: String, strings: [String], styles: XlsxStyles,
                      date1904: Bool, limits: ReadLimits) throws -> XlsxSheet {
        let parser = XlsxSheetParser(name: name, part: part, strings: strings, styles: styles, date1904: date1904, limits: limits)
        try parser.parse(xml)
        return parser.sheet
    }

    private var limit: Int { limits.maxCellsPerTable }

    override func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "row":
            rowElements += 1
            guard rowElements <= limit else {
                return fail(.limitExceeded("sheet \(sheet.name) has more than \(limit) rows"))
            }
            if let r = attributes["r"] {
                guard let n = Int(r), n >= 1, n <= XlsxCellRef.maxRow else {
                    return fail(.xlsxInvalid("\(partName): row number \(r.prefix(20)) out of range"))
                }
                row = n
            } else {
                row += 1
            }
            column = 0
        case "c":
            if let r = attributes["r"] {
                guard let ref = XlsxCellRef(r) else {
                    return fail(.xlsxInvalid("\(partName): cell reference \(r.prefix(20)) out of range"))
                }
                row = ref.row
                column = ref.column
            } else {
                column += 1
                guard column <= XlsxCellRef.maxColumn else {
                    return fail(.xlsxInvalid("\(partName): a row has more than \(XlsxCellRef.maxColumn) columns"))
                }
            }
            if row == 0 { row = 1 }
            inCell = true
            cellType = attributes["t"] ?? "n"
            cellStyle = attributes["s"].flatMap { Int($0) } ?? 0
            value.removeAll(keepingCapacity: true)
            inline.removeAll(keepingCapacity: true)
            hasValue = false
            if styles.isFramed(style: cellStyle) {
                sheet.framed.insert(XlsxCellRef(row: row, column: column))
                guard sheet.framed.count <= limit else {
                    return fail(.limitExceeded("sheet \(sheet.name) has more than \(limit) cells"))
                }
            }
        case "v" where inCell:
            collecting = .value
            hasValue = true
        case "is" where inCell:
            inInline = true
        case "rPh" where inInline:
            phoneticDepth += 1
        case "t" where inInline && phoneticDepth == 0:
            collecting = .inlineText
        case "mergeCell":
            guard let ref = attributes["ref"] else { return }
            let ends = ref.split(separator: ":").map(String.init)
            guard let a = ends.first.flatMap(XlsxCellRef.init), let b = (ends.count > 1 ? ends[1] : ends[0]).nilIfEmpty.flatMap(XlsxCellRef.init) else {
                return fail(.xlsxInvalid("\(partName): merged range \(ref.prefix(30)) is not a cell range"))
            }
            sheet.merges.append(XlsxSheet.Range(firstRow: min(a.row, b.row), firstColumn: min(a.column, b.column),
                                                lastRow: max(a.row, b.row), lastColumn: max(a.column, b.column)))
            guard sheet.merges.count <= limit else {
                return fail(.limitExceeded("sheet \(sheet.name) has more than \(limit) merged ranges"))
            }
        default:
            break
        }
    }

    override func end(_ name: String) {
        switch name {
        case "v":
            collecting = .none
        case "t" where collecting == .inlineText:
            collecting = .none
        case "rPh" where inInline:
            phoneticDepth = max(0, phoneticDepth - 1)
        case "is":
            inInline = false
        case "c" where inCell:
            inCell = false
            finishCell()
        default:
            break
        }
    }

    override func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        switch collecting {
        case .none: return
        case .value: value.append(contentsOf: bytes)
        case .inlineText: inline.append(contentsOf: bytes)
        }
        if value.count + inline.count > limits.maxCellCharacters * 4 {
            fail(.limitExceeded("a cell (\(sheet.name)!\(XlsxCellRef(row: row, column: column).a1)) has more than \(limits.maxCellCharacters) characters"))
        }
    }

    private func finishCell() {
        let raw = String(decoding: value, as: UTF8.self)
        var numeric = false
        let text: String
        switch cellType {
        case "s":
            guard hasValue else { return }
            guard let index = Int(raw.trimmingCharacters(in: .whitespaces)), index >= 0, index < strings.count else {
                return fail(.xlsxInvalid("\(partName): cell \(XlsxCellRef(row: row, column: column).a1) names a shared string that does not exist"))
            }
            text = strings[index]
        case "inlineStr":
            text = XlsxXMLParser.unescape(String(decoding: inline, as: UTF8.self))
        case "str", "e", "d":
            text = XlsxXMLParser.unescape(raw)
        case "b":
            guard hasValue, !raw.isEmpty else { return }
            text = raw.trimmingCharacters(in: .whitespaces) == "0" ? "FALSE" : "TRUE"
        default:
            guard hasValue, !raw.trimmingCharacters(in: .whitespaces).isEmpty else { return }
            if let number = XlsxDecimal(raw) {
                text = XlsxNumberFormat(styles.formatCode(style: cellStyle)).display(number, date1904: date1904)
                numeric = true
            } else {
                text = raw
            }
        }
        guard !text.isEmpty else { return }
        sheet.entries.append(XlsxSheet.Entry(row: row, column: column, text: text, numeric: numeric))
        if sheet.entries.count > limit {
            fail(.limitExceeded("sheet \(sheet.name) has more than \(limit) cells"))
        }
        if text.utf8.count > limits.maxCellCharacters, text.count > limits.maxCellCharacters {
            fail(.limitExceeded("a cell (\(sheet.name)!\(XlsxCellRef(row: row, column: column).a1)) has more than \(limits.maxCellCharacters) characters"))
        }
    }
}

private extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
