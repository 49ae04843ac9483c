import Foundation

/// Reads text inputs: decodes the bytes (`EncodingDetector`: UTF-8, GB18030/GBK, Big5, UTF-16),
/// then reads a web page with `HTMLReader` and anything else with `FlatTextReader` (flattened
/// Word text, and tables in plain-text layouts).
public struct TextReader: FormatReader {
    public var layout: Layout
    public var limits: ReadLimits

    public init(layout: Layout, limits: ReadLimits = ReadLimits()) {
        self.layout = layout
        self.limits = limits
    }

    public func read(_ input: ReaderInput) throws -> [Document] {
        var decoded = try EncodingDetector.decode(input.data)
        // A report in traditional characters (萬元, 執行率) is read in simplified ones, scalar for
        // scalar, so that every location still points at the same character.
        if TraditionalChinese.isTraditional(decoded.text) { decoded.text = TraditionalChinese.simplified(decoded.text) }
        if decoded.text.unicodeScalars.contains("\0") {
            throw ReadError.binary("contains NUL bytes")
        }
        if HTMLReader.looksLikeHTML(decoded.text) {
            return [try HTMLReader(layout: layout, limits: limits).read(html: decoded.text, path: input.path, encoding: decoded.encoding)]
        }
        return [try FlatTextReader(layout: layout, limits: limits).read(text: decoded.text, path: input.path, encoding: decoded.encoding)]
    }
}
