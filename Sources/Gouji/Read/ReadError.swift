/// Why an input could not be read. The description is the one-line reason shown to users
/// as `gouji: FILE: reason`.
public enum ReadError: Error, CustomStringConvertible, Equatable, Sendable {
    case notFound
    case isDirectory
    case unreadable(String)
    case empty
    case tooLarge(limit: Int)
    case binary(String)
    case undecodable(String)
    case notADocx(String)
    case docxMissingPart(String)
    case malformedXML(String)
    case forbiddenDTD
    case zipBomb(limit: Int)
    case limitExceeded(String)
    case xlsxInvalid(String)
    case xlsxMalformedXML(String)
    case xlsxForbiddenDTD
    case xlsxBomb(limit: Int)
    /// A workbook none of whose visible sheets holds a report.
    case noReportSheet
    /// A legacy .doc or .xls, and no LibreOffice to convert it (the format's extension).
    case needsLibreOffice(String)
    case conversionFailed(String)

    public var description: String {
        switch self {
        case .notFound: return "no such file"
        case .isDirectory: return "is a directory, not a report file"
        case .unreadable(let why): return "cannot read file (\(why))"
        case .empty: return "file is empty"
        case .tooLarge(let limit): return "file is larger than the input limit of \(limit) bytes (see --max-input-size)"
        case .binary(let what): return "not a text report (\(what))"
        case .undecodable(let why): return "cannot decode text (\(why))"
        case .notADocx(let why): return "not a valid .docx (\(why))"
        case .docxMissingPart(let part): return "not a valid .docx (missing \(part))"
        case .malformedXML(let why): return "malformed XML in .docx (\(why))"
        case .forbiddenDTD: return "the .docx contains a DTD (entity declarations are refused)"
        case .zipBomb(let limit): return "the .docx expands beyond \(limit) bytes (see --max-docx-size)"
        case .limitExceeded(let what): return "limit exceeded: \(what)"
        case .xlsxInvalid(let why): return "not a valid .xlsx (\(why))"
        case .xlsxMalformedXML(let why): return "malformed XML in .xlsx (\(why))"
        case .xlsxForbiddenDTD: return "the .xlsx contains a DTD (entity declarations are refused)"
        case .xlsxBomb(let limit): return "the .xlsx expands beyond \(limit) bytes (see --max-docx-size)"
        case .noReportSheet: return "no visible sheet of the workbook holds a report (text and figures)"
        case .needsLibreOffice(let ext):
            let package = ext == ".xls" ? "libreoffice-calc-nogui" : "libreoffice-writer-nogui"
            return "reading \(ext) needs LibreOffice (soffice on PATH; apt-get install \(package))"
        case .conversionFailed(let why): return "LibreOffice could not convert the file (\(why))"
        }
    }
}

/// Limits that keep hostile inputs bounded in time and memory. Each one is configurable.
public struct ReadLimits: Sendable {
    /// Largest input file accepted, in bytes.
    public var maxInputBytes: Int = 64 << 20
    /// Largest total uncompressed size of the parts read from a .docx or .xlsx.
    public var maxUncompressedBytes: Int = 256 << 20
    /// Deepest XML element nesting accepted.
    public var maxXMLDepth: Int = 256
    /// Deepest table nesting accepted; values above `tableDepthCeiling` act as the ceiling.
    public var maxTableDepth: Int = 16
    /// Most cells in one table.
    public var maxCellsPerTable: Int = 100_000
    /// Most characters in one cell (and in one paragraph of a .docx).
    public var maxCellCharacters: Int = 1_000_000
    /// Most figures in one document; enforced by `Pipeline` while extracting.
    public var maxFiguresPerDocument: Int = 200_000

    public init() {}

    /// The deepest table nesting any setting allows. Nested tables are rendered, extracted and
    /// freed recursively; a few thousand levels overflow the stack (found with
    /// `--max-table-depth 100000` on a .docx of 5,000 nested tables).
    public static let tableDepthCeiling = 256

    /// The table nesting the readers enforce: `maxTableDepth` within 1…`tableDepthCeiling`.
    public var tableDepth: Int { min(max(1, maxTableDepth), Self.tableDepthCeiling) }
}
