import Foundation
import ZIPFoundation
import CICUShim

/// Opens the zip container of an Office Open XML file (.docx, .xlsx) and extracts its parts
/// within the uncompressed-size cap.
///
/// The cap covers all parts extracted through one package. Each entry's declared size is
/// checked before extraction, and the bytes are counted while inflating, so a zip whose
/// headers understate the size is stopped as soon as it crosses the cap.
struct OfficePackage {
    private let archive: Archive
    private let limit: Int
    private var extracted = 0

    /// Opens `data` as a zip archive; anything that is not a readable zip is `notADocx`.
    init(data: Data, limit: Int) throws {
        do {
            archive = try Self.openArchive(data)
        } catch let error as ReadError {
            throw error
        } catch {
            throw ReadError.notADocx("not a zip archive, or a truncated one")
        }
        self.limit = limit
    }

    /// ZIPFoundation's in-memory archive (`Archive(data:)`) traps on a zip whose directory
    /// points past the end of the data: its memory file computes a negative read size (found by
    /// fuzz-docx, Corpus/fuzz-crashers/docx-offset-past-end). On Linux the bytes go into an
    /// anonymous memory file (memfd: RAM only, no file system entry, nothing written to disk)
    /// opened read-only through /proc/self/fd as an ordinary FILE, where reading past the end
    /// comes up short and ZIPFoundation reports the archive as corrupt.
    private static func openArchive(_ data: Data) throws -> Archive {
        #if os(Linux)
        let fd = data.withUnsafeBytes { gouji_memfile_create($0.baseAddress, $0.count) }
        guard fd >= 0 else {
            throw ReadError.unreadable("cannot hold the .docx in memory: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        // ZIPFoundation opens its own descriptor of the memory file; ours is closed on return.
        return try Archive(url: URL(fileURLWithPath: "/proc/self/fd/\(fd)"), accessMode: .read)
        #else
        return try Archive(data: data, accessMode: .read)
        #endif
    }

    /// The paths of the package's file parts, in the archive's order.
    var filePaths: [String] { archive.filter { $0.type == .file }.map(\.path) }

    /// Whether any entry's path starts with `folder` (such as "word/").
    func hasFolder(_ folder: String) -> Bool {
        archive.contains { $0.path.hasPrefix(folder) }
    }

    /// Whether the package has a file part at `path` (e.g. `xl/workbook.xml`).
    func contains(_ path: String) -> Bool {
        guard let entry = archive[path] else { return false }
        return entry.type == .file
    }

    /// The bytes of the part at `path` (e.g. `word/document.xml`).
    mutating func part(_ path: String) throws -> Data {
        guard let entry = archive[path], entry.type == .file else {
            throw ReadError.docxMissingPart(path)
        }
        let declared = entry.uncompressedSize
        guard declared <= UInt64(max(0, limit - extracted)) else { throw ReadError.zipBomb(limit: limit) }
        var data = Data()
        data.reserveCapacity(Int(min(declared, 64 << 20)))
        var total = extracted
        let limit = self.limit
        do {
            // `extract` only returns the CRC-32 it computes (ZIPFoundation's software CRC, a
            // third of extracting a part), it never compares it with the entry's: skipped.
            _ = try archive.extract(entry, bufferSize: 64 << 10, skipCRC32: true) { chunk in
                total += chunk.count
                guard total <= limit else { throw ReadError.zipBomb(limit: limit) }
                data.append(chunk)
            }
        } catch let error as ReadError {
            throw error
        } catch {
            throw ReadError.notADocx("cannot extract \(path): \(Self.describe(error))")
        }
        extracted = total
        return data
    }

    private static func describe(_ error: Error) -> String {
        if let archiveError = error as? Archive.ArchiveError {
            switch archiveError {
            case .invalidCRC32: return "checksum mismatch"
            case .invalidCompressionMethod: return "unsupported compression method"
            default: return "corrupt entry"
            }
        }
        return "corrupt entry"
    }
}
