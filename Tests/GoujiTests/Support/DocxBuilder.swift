import Foundation
import ZIPFoundation
@testable import Gouji

/// Builds small .docx packages in memory for the reader tests.
enum DocxBuilder {
    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    /// A document.xml whose body is `body` (WordprocessingML with the `w:` prefix).
    static func documentXML(_ body: String) -> String {
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
            + #"<w:document xmlns:w="\#(wordNamespace)" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">"#
            + "<w:body>\(body)</w:body></w:document>"
    }

    /// A zip holding the given parts, deflated.
    static func zip(_ parts: [String: Data]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in parts.sorted(by: { $0.key < $1.key }) {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data!
    }

    /// A .docx whose word/document.xml has the given body.
    static func docx(body: String) throws -> Data {
        try zip(["[Content_Types].xml": Data("<Types/>".utf8), "word/document.xml": Data(documentXML(body).utf8)])
    }

    /// A paragraph with one run of text.
    static func p(_ text: String) -> String { "<w:p><w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>" }

    /// A cell with the given paragraphs and optional properties XML.
    static func tc(_ paragraphs: [String], properties: String = "") -> String {
        "<w:tc><w:tcPr>\(properties)</w:tcPr>\(paragraphs.map(p).joined())</w:tc>"
    }

    static func read(_ data: Data, limits: ReadLimits = ReadLimits()) throws -> Document {
        try DocumentReader(limits: limits).read(data: data, path: "test.docx")
    }
}
