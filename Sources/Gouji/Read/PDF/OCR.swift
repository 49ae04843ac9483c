import Foundation

/// Reads pages without a text layer with Tesseract: each page is rendered by poppler and cairo
/// (`ocrDPI`) to a PNG in a private temporary folder, `tesseract page.png - -l chi_sim tsv`
/// gives word boxes, and each word becomes glyphs (its box shared out over its characters,
/// its line's height for all of them) that go through the same layout as a text layer.
/// The folder is removed by `cleanUp`; each page has `limits.ocrSecondsPerPage`.
struct OCR {
    static let dpi = 300.0
    /// Largest page image rendered (an A0 page at 300 dpi is about 140 million pixels).
    static let maxPixels = 60_000_000
    /// Words Tesseract is less sure of than this (0–100) are dropped.
    static let minimumConfidence = 10.0

    let tesseract: String
    let folder: URL
    let seconds: Double

    init(limits: ReadLimits) throws {
        guard let tesseract = Self.findTesseract(), Self.hasChineseModel(tesseract) else {
            throw ReadError.ocrUnavailable
        }
        self.tesseract = tesseract
        seconds = limits.ocrSecondsPerPage
        let base = FileManager.default.temporaryDirectory
        folder = base.appendingPathComponent("gouji-ocr-\(UUID().uuidString)", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw ReadError.ocrFailed("cannot make a temporary folder: \(error.localizedDescription)")
        }
    }

    func cleanUp() { try? FileManager.default.removeItem(at: folder) }

    /// The glyphs Tesseract reads on a page (0-based), in points.
    func glyphs(_ pdf: PDFDocument, page index: Int) throws -> [PDFGlyph] {
        let image = folder.appendingPathComponent("page\(index + 1).png").path
        try pdf.renderPNG(page: index, dpi: Self.dpi, maxPixels: Self.maxPixels, to: image)
        defer { try? FileManager.default.removeItem(atPath: image) }
        let tsv = try run([image, "-", "-l", "chi_sim", "tsv"], what: "page \(index + 1)")
        return Self.glyphs(tsv: tsv, scale: 72 / Self.dpi)
    }

    /// Glyphs from Tesseract's TSV (level 4 rows are lines, level 5 rows words).
    static func glyphs(tsv: String, scale: Double) -> [PDFGlyph] {
        var lineBoxes: [String: (top: Double, bottom: Double)] = [:]
        var out: [PDFGlyph] = []
        for row in tsv.split(separator: "\n").dropFirst() {
            let f = row.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count >= 12, let level = Int(f[0]),
                  let left = Double(f[6]), let top = Double(f[7]), let width = Double(f[8]), let height = Double(f[9])
            else { continue }
            let key = "\(f[1])/\(f[2])/\(f[3])/\(f[4])"
            if level == 4 {
                lineBoxes[key] = (top, top + height)
                continue
            }
            guard level == 5, let confidence = Double(f[10]), confidence >= minimumConfidence else { continue }
            let scalars = Array(String(f[11]).unicodeScalars.filter { !$0.properties.isWhitespace })
            guard !scalars.isEmpty, width > 0, height > 0 else { continue }
            let band = lineBoxes[key] ?? (top, top + height)
            let step = width / Double(scalars.count)
            for (k, scalar) in scalars.enumerated() {
                let x = left + step * Double(k)
                out.append(PDFGlyph(scalar: scalar, x1: x * scale, y1: band.top * scale,
                                    x2: (x + step) * scale, y2: band.bottom * scale))
            }
        }
        return out
    }

    /// Runs Tesseract with the time limit; its standard output, or `ocrFailed`.
    private func run(_ arguments: [String], what: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tesseract)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["OMP_THREAD_LIMIT"] = "1"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { throw ReadError.ocrUnavailable }
        let deadline = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: deadline)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        deadline.cancel()
        if process.terminationReason == .uncaughtSignal {
            throw ReadError.ocrFailed("Tesseract took longer than \(Int(seconds)) s on \(what)")
        }
        guard process.terminationStatus == 0 else {
            throw ReadError.ocrFailed("Tesseract exited with \(process.terminationStatus) on \(what)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// `tesseract` on PATH.
    static func findTesseract() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/tesseract"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Whether Tesseract lists the chi_sim model.
    static func hasChineseModel(_ tesseract: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tesseract)
        process.arguments = ["--list-langs"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == "chi_sim" }
    }
}
