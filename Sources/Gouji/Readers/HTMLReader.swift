import Foundation

/// Reads web pages (government sites publish these reports as HTML). The bytes are already
/// decoded by `EncodingDetector`; nothing in the page (such as a `meta charset`) overrides that.
/// The page is scanned tolerantly (`HTMLTokenizer`, `HTMLBodyBuilder`) and rendered in the
/// seed's flattened-text format like a .docx (`FlatRenderer`), with parts `p3`, `t0/r1/c2`.
public struct HTMLReader: Sendable {
    /// Caption patterns and table-start labels used to split tables (see `TableSplitter`).
    public var layout: Layout
    /// Limits on table depth, cells per table and cell length.
    public var limits: ReadLimits

    /// A reader with the given layout lexicon and limits.
    public init(layout: Layout, limits: ReadLimits = ReadLimits()) {
        self.layout = layout
        self.limits = limits
    }

    /// Whether decoded text is a web page: `<html` or `<!DOCTYPE html` near the start, or text
    /// that starts with a tag and has several of `body`, `table`, `p`, `div`, `tr`, `td`, `br`
    /// tags within its first few thousand characters.
    public static func looksLikeHTML(_ text: String) -> Bool {
        var head = String(String.UnicodeScalarView(text.unicodeScalars.prefix(4096))).lowercased()
        if head.hasPrefix("\u{FEFF}") { head.removeFirst() }
        let start = head.drop { $0.isWhitespace }
        if start.prefix(2048).contains("<html") || start.hasPrefix("<!doctype html") { return true }
        guard start.hasPrefix("<") else { return false }
        let tags = ["<body", "<table", "<p>", "<p ", "<div", "<tr", "<td", "<br"]
        let count = tags.reduce(0) { $0 + start.components(separatedBy: $1).count - 1 }
        return count >= 2
    }

    /// Reads a decoded page; `encoding` is the one `EncodingDetector` found.
    public func read(html: String, path: String, encoding: String) throws -> Document {
        let items = try HTMLBodyBuilder.build(html, limits: limits)
        return try FlatRenderer(layout: layout, limits: limits, format: .html)
            .render(items, path: path, encoding: encoding)
    }
}
