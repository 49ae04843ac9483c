import FuzzSupport
import Foundation
import Gouji
import ZIPFoundation

/// Fuzzes the .docx reader at two layers:
/// - an input starting with `PK` is read as the .docx itself (zip container, part extraction,
///   size cap, then the XML);
/// - any other input is taken as `word/document.xml` and stored uncompressed in a fresh zip,
///   so that mutations reach the XML guard, the streaming body parser and the renderer instead
///   of failing the zip checksum.
/// Any `ReadError` is an expected outcome. Limits are lowered so that short inputs reach them.
let layout = Lexicons.builtIn.layout
let limits: ReadLimits = {
    var limits = ReadLimits()
    limits.maxUncompressedBytes = 4 << 20
    limits.maxXMLDepth = 64
    limits.maxTableDepth = 6
    limits.maxCellsPerTable = 400
    limits.maxCellCharacters = 1_000
    return limits
}()
let contentTypes = Data(#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#.utf8)

/// A .docx (stored, not deflated) whose main part is `xml`.
func package(_ xml: Data) -> Data? {
    let archive: Archive
    do { archive = try Archive(data: Data(), accessMode: .create) } catch { return nil }
    for (path, part) in [("[Content_Types].xml", contentTypes), ("word/document.xml", xml)] {
        do {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(part.count), compressionMethod: .none) { position, size in
                part.subdata(in: Int(position)..<Int(position) + size)
            }
        } catch { return nil }
    }
    return archive.data
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocx(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let data = FuzzDriver.data(bytes, count)
    let reader = DocxReader(layout: layout, limits: limits)
    if data.starts(with: [0x50, 0x4B]) {
        _ = try? reader.read(data: data, path: "fuzz.docx")
    } else if let docx = package(data) {
        _ = try? reader.read(data: docx, path: "fuzz.docx")
    }
    return 0
}

@main enum FuzzDocxMain {
    static func main() { FuzzDriver.run(fuzzDocx) }
}
