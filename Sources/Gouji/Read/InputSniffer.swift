import Foundation

/// Recognises an input's format from its bytes: a zip by its signature and then by its parts
/// (word/ → .docx, xl/ → .xlsx), PDF by `%PDF`, OLE2 compound files by their stream names
/// (.doc or .xls), other binary formats by their magic bytes (refused with what they are), and
/// everything else as text.
enum InputSniffer {
    enum Outcome {
        case format(InputFormat, OfficePackage?)
        case refused(String)
    }

    static func sniff(_ data: Data, limits: ReadLimits) throws -> Outcome {
        let head = [UInt8](data.prefix(8))
        if head.starts(with: [0x50, 0x4B]) {
            let package = try OfficePackage(data: data, limit: limits.maxUncompressedBytes)
            // A workbook by its parts; every other zip goes to the .docx reader, which names the
            // part that is missing (a damaged .docx, or a zip that is no Office file at all).
            let isWorkbook = !package.contains(DocxReader.mainPart)
                && (package.contains("xl/workbook.xml") || package.hasFolder("xl/"))
            return .format(isWorkbook ? .xlsx : .docx, package)
        }
        if head.starts(with: [0x25, 0x50, 0x44, 0x46]) { return .format(.pdf, nil) }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return .format(oleKind(data), nil)
        }
        if let kind = BinarySniffer.kind(of: head) { return .refused(kind) }
        return .format(.text, nil)
    }

    /// .doc or .xls, by the name of the main stream in the compound file's directory (names are
    /// UTF-16LE): "WordDocument" for Word, "Workbook" or "Book" for Excel. Only the names are
    /// looked for; the file itself is read by LibreOffice.
    static func oleKind(_ data: Data) -> InputFormat {
        func utf16(_ s: String) -> Data { Data(s.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }) }
        if data.range(of: utf16("WordDocument")) != nil { return .doc }
        if data.range(of: utf16("Workbook")) != nil || data.range(of: utf16("Book")) != nil { return .xls }
        return .doc
    }
}

/// Recognises common binary formats by their magic bytes, so that a PNG named .txt gets a
/// clear message instead of being decoded as GB18030.
enum BinarySniffer {
    static func kind(of head: [UInt8]) -> String? {
        let signatures: [([UInt8], String)] = [
            ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
            ([0xFF, 0xD8, 0xFF], "a JPEG image"),
            ([0x47, 0x49, 0x46, 0x38], "a GIF image"),
            ([0x1F, 0x8B], "a gzip archive"),
            ([0x7F, 0x45, 0x4C, 0x46], "an executable"),
            ([0x52, 0x61, 0x72, 0x21], "a RAR archive"),
            ([0x37, 0x7A, 0xBC, 0xAF], "a 7z archive"),
        ]
        return signatures.first { head.starts(with: $0.0) }?.1
    }
}
