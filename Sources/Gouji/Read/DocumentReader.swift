import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Opens an input read-only, checks it, recognises its format from its bytes (never from its
/// name alone) and hands it to the matching reader.
public struct DocumentReader: Sendable {
    public var lexicons: Lexicons
    public var limits: ReadLimits
    /// Converts .doc and .xls (LibreOffice); replaceable to test without soffice.
    public var converter: LibreOfficeConverter

    public init(lexicons: Lexicons = .builtIn, limits: ReadLimits = ReadLimits(),
                converter: LibreOfficeConverter = LibreOfficeConverter()) {
        self.lexicons = lexicons
        self.limits = limits
        self.converter = converter
    }

    /// The reader of each format; a format without one is refused with what it is.
    public var readers: [InputFormat: any FormatReader] {
        [.docx: DocxReader(layout: lexicons.layout, limits: limits),
         .xlsx: XlsxReader(layout: lexicons.layout, limits: limits),
         .doc: LegacyReader(format: .doc, layout: lexicons.layout, limits: limits, converter: converter),
         .xls: LegacyReader(format: .xls, layout: lexicons.layout, limits: limits, converter: converter),
         .text: TextReader(layout: lexicons.layout, limits: limits)]
    }

    /// What a format without a reader is refused as.
    static let unsupported: [InputFormat: String] = [
        .pdf: "a PDF file; convert it to .docx or text first",
    ]

    /// The one report the file holds (the first, for a workbook of several; see `readAll`).
    public func read(path: String) throws -> Document {
        let data = try load(path: path)
        return try read(data: data, path: path)
    }

    public func read(data: Data, path: String) throws -> Document {
        guard let first = try readAll(data: data, path: path).first else { throw ReadError.empty }
        return first
    }

    /// Every report the file holds: one, or one per 自评表 sheet of a workbook.
    public func readAll(path: String) throws -> [Document] {
        try readAll(data: try load(path: path), path: path)
    }

    public func readAll(data: Data, path: String) throws -> [Document] {
        if data.isEmpty { throw ReadError.empty }
        // `load` checks files; bytes handed in directly are held to the same limit.
        if data.count > limits.maxInputBytes { throw ReadError.tooLarge(limit: limits.maxInputBytes) }
        let head = [UInt8](data.prefix(2))
        if !head.starts(with: [0x50, 0x4B]) && path.lowercased().hasSuffix(".docx") {
            throw ReadError.notADocx("no zip signature")
        }
        switch try InputSniffer.sniff(data, limits: limits) {
        case .refused(let what):
            throw ReadError.binary(what)
        case .format(let format, let package):
            guard let reader = readers[format] else {
                throw ReadError.binary(Self.unsupported[format] ?? "an unsupported format (\(format.rawValue))")
            }
            return try reader.read(ReaderInput(data: data, path: path, package: package))
        }
    }

    /// Reads the file's bytes after checking it is a regular, readable file within the size limit.
    func load(path: String) throws -> Data {
        // One stat (it follows symbolic links) instead of FileManager's existence and
        // attribute queries, which build a dictionary of every attribute per file.
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            var link = stat()
            if code == ELOOP || (lstat(path, &link) == 0 && link.st_mode & S_IFMT == S_IFLNK) {
                throw ReadError.unreadable("broken or looping symbolic link")
            }
            throw ReadError.notFound
        }
        if info.st_mode & S_IFMT == S_IFDIR { throw ReadError.isDirectory }
        if info.st_mode & S_IFMT != S_IFREG { throw ReadError.unreadable("not a regular file") }
        if Int(info.st_size) > limits.maxInputBytes { throw ReadError.tooLarge(limit: limits.maxInputBytes) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ReadError.unreadable("permission denied")
        }
        defer { try? handle.close() }
        do {
            let data = try handle.read(upToCount: limits.maxInputBytes + 1) ?? Data()
            if data.count > limits.maxInputBytes { throw ReadError.tooLarge(limit: limits.maxInputBytes) }
            return data
        } catch let error as ReadError {
            throw error
        } catch {
            throw ReadError.unreadable(error.localizedDescription)
        }
    }
}
