import FuzzSupport
import Foundation
import Gouji

/// Fuzzes the text path of `DocumentReader`: encoding detection and decoding, then the
/// flattened-text reader, and the HTML reader when the text looks like a page.
/// Any `ReadError` is an expected outcome; a crash, a sanitizer report or a timeout is a bug.
/// Limits are lowered so that short inputs reach the limit checks.
let layout = Lexicons.builtIn.layout
let limits: ReadLimits = {
    var limits = ReadLimits()
    limits.maxTableDepth = 6
    limits.maxCellsPerTable = 400
    limits.maxCellCharacters = 1_000
    return limits
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFlatText(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let data = FuzzDriver.data(bytes, count)
    _ = try? DocumentReader(limits: limits).read(data: data, path: "fuzz.txt")
    guard let decoded = try? EncodingDetector.decode(data) else { return 0 }
    // The reader is also driven directly, whatever the sniffing decided (NUL bytes, HTML…).
    _ = try? FlatTextReader(layout: layout, limits: limits).read(text: decoded.text, path: "fuzz.txt", encoding: decoded.encoding)
    if HTMLReader.looksLikeHTML(decoded.text) {
        _ = try? HTMLReader(layout: layout, limits: limits).read(html: decoded.text, path: "fuzz.html", encoding: decoded.encoding)
    }
    return 0
}

@main enum FuzzFlatTextMain {
    static func main() { FuzzDriver.run(fuzzFlatText) }
}
