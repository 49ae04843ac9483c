import CPDFShim
import Foundation

/// One character of a page's text layer (or one OCR'd character): its scalar and its box in
/// points, y growing downwards from the top of the page.
struct PDFGlyph: Sendable {
    var scalar: Unicode.Scalar
    var x1: Double
    var y1: Double
    var x2: Double
    var y2: Double

    var height: Double { y2 - y1 }
    var centerY: Double { (y1 + y2) / 2 }
}

/// The C bridge to poppler (`CPDFShim`): opens a document from bytes and gives its pages'
/// sizes, characters with their boxes, and page images for OCR. Poppler's own messages are
/// silenced; every failure is a `ReadError`.
final class PDFDocument {
    private let handle: OpaquePointer
    let pageCount: Int

    init(data: Data) throws {
        gouji_pdf_quiet()
        var status: Int32 = 0
        var message = [CChar](repeating: 0, count: 256)
        let opened: OpaquePointer? = data.withUnsafeBytes { raw in
            gouji_pdf_open(raw.baseAddress, raw.count, &status, &message, Int32(message.count))
        }
        guard let opened else {
            if status == Int32(GOUJI_PDF_ENCRYPTED) { throw ReadError.encryptedPDF }
            let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw ReadError.damagedPDF(text.isEmpty ? "poppler cannot open it" : text)
        }
        handle = opened
        pageCount = Int(max(0, gouji_pdf_page_count(opened)))
    }

    deinit { gouji_pdf_close(handle) }

    /// The page's width and height in points (0-based index).
    func pageSize(_ index: Int) throws -> (width: Double, height: Double) {
        var width = 0.0, height = 0.0
        guard gouji_pdf_page_size(handle, Int32(index), &width, &height) == 0 else {
            throw ReadError.damagedPDF("page \(index + 1) cannot be loaded")
        }
        return (width, height)
    }

    /// The characters of a page's text layer in poppler's order, without white space (the
    /// layout decides where spaces go, from the gaps between boxes).
    func glyphs(page index: Int) throws -> [PDFGlyph] {
        var buffer: UnsafeMutablePointer<gouji_pdf_glyph>? = nil
        let count = gouji_pdf_page_glyphs(handle, Int32(index), &buffer)
        defer { gouji_pdf_free(buffer) }
        guard count >= 0 else { throw ReadError.damagedPDF("page \(index + 1) cannot be loaded") }
        guard let buffer, count > 0 else { return [] }
        var out: [PDFGlyph] = []
        out.reserveCapacity(count)
        for g in UnsafeBufferPointer(start: buffer, count: count) {
            guard let scalar = Unicode.Scalar(g.scalar), !scalar.properties.isWhitespace,
                  scalar.value >= 0x20, g.x2 >= g.x1, g.y2 > g.y1,
                  g.x1.isFinite, g.y1.isFinite, g.x2.isFinite, g.y2.isFinite else { continue }
            out.append(PDFGlyph(scalar: scalar, x1: g.x1, y1: g.y1, x2: g.x2, y2: g.y2))
        }
        return out
    }

    /// Renders a page at `dpi` to a PNG file (for OCR); refuses images over `maxPixels`.
    func renderPNG(page index: Int, dpi: Double, maxPixels: Int, to path: String) throws {
        guard gouji_pdf_render_png(handle, Int32(index), dpi, maxPixels, path) == 0 else {
            throw ReadError.ocrFailed("page \(index + 1) cannot be rendered")
        }
    }
}
