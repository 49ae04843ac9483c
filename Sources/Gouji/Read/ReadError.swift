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
    /// A PDF whose pages have no text (a scan), read without `--ocr`.
    case noTextLayer
    case encryptedPDF
    case damagedPDF(String)
    /// OCR was asked for and cannot run, or failed on a page.
    case ocrUnavailable
    case ocrFailed(String)
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
        case .noTextLayer: return "no text layer (scanned); try --ocr"
        case .encryptedPDF: return "encrypted PDF (a password is needed)"
        case .damagedPDF(let why): return "damaged PDF (\(why))"
        case .ocrUnavailable: return "OCR needs Tesseract with chi_sim (apt-get install tesseract-ocr tesseract-ocr-chi-sim)"
        case .ocrFailed(let why): return "OCR failed (\(why))"
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

    /// The reason in Chinese (`--lang zh`, the default): the details a reader or library gives
    /// (a part name, an XML error) stay as they were written.
    public var chinese: String {
        switch self {
        case .notFound: return "文件不存在"
        case .isDirectory: return "这是一个文件夹，不是报告文件"
        case .unreadable(let why): return "无法打开文件（\(why)）"
        case .empty: return "文件为空"
        case .tooLarge(let limit): return "文件超过 \(limit) 字节的输入上限（见 --max-input-size）"
        case .binary(let what): return "不是文本报告（\(what)）"
        case .undecodable(let why): return "无法识别文本编码（\(why)）"
        case .notADocx(let why): return "不是有效的 .docx 文件（\(why)）"
        case .docxMissingPart(let part): return "不是有效的 .docx 文件（缺少 \(part)）"
        case .malformedXML(let why): return ".docx 中的 XML 格式错误（\(why)）"
        case .forbiddenDTD: return ".docx 含有 DTD（拒绝读取实体声明）"
        case .zipBomb(let limit): return ".docx 解压后超过 \(limit) 字节（见 --max-docx-size）"
        case .limitExceeded(let what): return "超出读取限制：\(what)"
        case .noTextLayer: return "PDF 没有文字层（扫描件）；可加 --ocr 识别"
        case .encryptedPDF: return "PDF 已加密（需要密码）"
        case .damagedPDF(let why): return "PDF 已损坏（\(why)）"
        case .ocrUnavailable: return "文字识别需要 Tesseract 和简体中文语言包（apt-get install tesseract-ocr tesseract-ocr-chi-sim）"
        case .ocrFailed(let why): return "文字识别失败（\(why)）"
        case .xlsxInvalid(let why): return "不是有效的 .xlsx 文件（\(why)）"
        case .xlsxMalformedXML(let why): return ".xlsx 中的 XML 格式错误（\(why)）"
        case .xlsxForbiddenDTD: return ".xlsx 含有 DTD（拒绝读取实体声明）"
        case .xlsxBomb(let limit): return ".xlsx 解压后超过 \(limit) 字节（见 --max-docx-size）"
        case .noReportSheet: return "工作簿中没有任何可见工作表含有报告（文字和数字）"
        case .needsLibreOffice(let ext):
            let package = ext == ".xls" ? "libreoffice-calc-nogui" : "libreoffice-writer-nogui"
            return "读取 \(ext) 需要 LibreOffice（PATH 中的 soffice；apt-get install \(package)）"
        case .conversionFailed(let why): return "LibreOffice 无法转换该文件（\(why)）"
        }
    }

    /// The reason in the language of the output.
    public func message(_ lang: Language) -> String { lang == .zh ? chinese : description }
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
    /// Most pages in one PDF.
    public var maxPDFPages: Int = 2000
    /// Whether a PDF page without a text layer is rendered and read by OCR (Tesseract) instead
    /// of the PDF being refused as a scan. Not a limit, but a reading option that travels with
    /// them to every reader.
    public var ocr: Bool = false
    /// Longest time one page's OCR may take, in seconds.
    public var ocrSecondsPerPage: Double = 120

    public init() {}

    /// The deepest table nesting any setting allows. Nested tables are rendered, extracted and
    /// freed recursively; a few thousand levels overflow the stack (found with
    /// `--max-table-depth 100000` on a .docx of 5,000 nested tables).
    public static let tableDepthCeiling = 256

    /// The table nesting the readers enforce: `maxTableDepth` within 1…`tableDepthCeiling`.
    public var tableDepth: Int { min(max(1, maxTableDepth), Self.tableDepthCeiling) }
}
