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
        // Every test below needs a "<" in the window, which lies within the first 7 × 4096 bytes
        // (up to 4096 skipped scalars of at most 3 bytes, then 4096 of at most 4).
        guard hasOpeningBracket(text, within: 7 * 4096) else { return false }
        let bytes = sniffWindow(text)
        let start = String(decoding: bytes, as: UTF8.self)
        if String(decoding: bytes.prefix(2048), as: UTF8.self).containsBytes(of: "<html") || start.hasPrefix("<!doctype html") { return true }
        guard start.hasPrefix("<") else { return false }
        let tags = ["<body", "<table", "<p>", "<p ", "<div", "<tr", "<td", "<br"]
        var count = 0
        for tag in tags {
            var from = 0
            while count < 2, let at = start.byteOffset(of: tag, from: from) { count += 1; from = at + tag.utf8.count }
        }
        return count >= 2
    }

    /// Whether a "<" occurs among the first `limit` UTF-8 bytes of `text`.
    static func hasOpeningBracket(_ text: String, within limit: Int) -> Bool {
        let found = text.utf8.withContiguousStorageIfAvailable { buf -> Bool in
            guard let base = buf.baseAddress else { return false }
            return memchr(base, 0x3C, min(buf.count, limit)) != nil
        }
        return found ?? text.utf8.prefix(limit).contains(0x3C)
    }

    /// The bytes `looksLikeHTML` looks at: those of the first 4096 scalars after any leading
    /// byte-order marks and spaces (which count towards the 4096), lower-cased in ASCII only
    /// (tags are ASCII).
    static func sniffWindow(_ text: String) -> [UInt8] {
        // Leading byte-order marks and spaces are skipped but count towards the 4096.
        var scalars = 0, from = 0
        for u in text.unicodeScalars {
            guard scalars < 4096, u == "\u{FEFF}" || u.isSpace else { break }
            scalars += 1
            from += UTF8.width(u)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(text.utf8.count - from, 4 * (4096 - scalars)))
        for b in text.utf8.dropFirst(from) {
            if !UTF8.isContinuation(b) {   // a byte that starts a scalar
                guard scalars < 4096 else { break }
                scalars += 1
            }
            bytes.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
        }
        return bytes
    }

    /// Reads a decoded page; `encoding` is the one `EncodingDetector` found.
    public func read(html: String, path: String, encoding: String) throws -> Document {
        let items = try HTMLBodyBuilder.build(html, limits: limits)
        return try FlatRenderer(layout: layout, limits: limits, format: .html)
            .render(items, path: path, encoding: encoding)
    }
}
