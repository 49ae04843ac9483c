import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Opens an input read-only, checks it, recognises its format from its bytes (never from its
/// name alone) and hands it to the matching reader.
public struct DocumentReader: Sendable {
    public var lexicons: Lexicons
    public var limits: ReadLimits

    public init(lexicons: Lexicons = .builtIn, limits: ReadLimits = ReadLimits()) {
        self.lexicons = lexicons
        self.limits = limits
    }

    public func read(path: String) throws -> Document {
        let data = try load(path: path)
        return try read(data: data, path: path)
    }

    public func read(data: Data, path: String) throws -> Document {
        if data.isEmpty { throw ReadError.empty }
        // `load` checks files; bytes handed in directly are held to the same limit.
        if data.count > limits.maxInputBytes { throw ReadError.tooLarge(limit: limits.maxInputBytes) }
        let head = [UInt8](data.prefix(8))
        if head.starts(with: [0x50, 0x4B]) {
            return try DocxReader(layout: lexicons.layout, limits: limits).read(data: data, path: path)
        }
        if path.lowercased().hasSuffix(".docx") {
            throw ReadError.notADocx("no zip signature")
        }
        if let kind = BinarySniffer.kind(of: head) { throw ReadError.binary(kind) }
        let decoded = try EncodingDetector.decode(data)
        if decoded.text.unicodeScalars.contains("\0") {
            throw ReadError.binary("contains NUL bytes")
        }
        if HTMLReader.looksLikeHTML(decoded.text) {
            return try HTMLReader(layout: lexicons.layout, limits: limits).read(html: decoded.text, path: path, encoding: decoded.encoding)
        }
        return try FlatTextReader(layout: lexicons.layout, limits: limits)
            .read(text: decoded.text, path: path, encoding: decoded.encoding)
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

/// Recognises common binary formats by their magic bytes, so that a PNG named .txt gets a
/// clear message instead of being decoded as GB18030.
enum BinarySniffer {
    static func kind(of head: [UInt8]) -> String? {
        let signatures: [([UInt8], String)] = [
            ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
            ([0xFF, 0xD8, 0xFF], "a JPEG image"),
            ([0x25, 0x50, 0x44, 0x46], "a PDF file; convert it to .docx or text first"),
            ([0xD0, 0xCF, 0x11, 0xE0], "a legacy .doc/.xls file; save it as .docx first"),
            ([0x47, 0x49, 0x46, 0x38], "a GIF image"),
            ([0x1F, 0x8B], "a gzip archive"),
            ([0x7F, 0x45, 0x4C, 0x46], "an executable"),
            ([0x52, 0x61, 0x72, 0x21], "a RAR archive"),
            ([0x37, 0x7A, 0xBC, 0xAF], "a 7z archive"),
        ]
        return signatures.first { head.starts(with: $0.0) }?.1
    }
}
