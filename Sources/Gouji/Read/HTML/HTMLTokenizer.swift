/// A tolerant scanner that splits real-world HTML into text and tags.
///
/// It never fails: a `<` that does not open a tag is text, an unterminated comment or tag
/// swallows the rest of the input, and the content of `script`, `style` and `template` is skipped
/// up to its end tag. Tag and attribute names are lowercased; attribute values are entity-decoded.
struct HTMLTokenizer {
    enum Token: Equatable {
        /// Raw text, entities still encoded.
        case text(String)
        case start(name: String, attributes: [String: String])
        case end(name: String)
    }

    private static let rawTextElements: Set<String> = ["script", "style", "template"]

    private let scalars: [Unicode.Scalar]
    /// The same text as UTF-8 with scalar offsets, so that a token's text is a byte copy.
    private let utf8: UTF8Text
    private var i = 0

    init(_ html: String) {
        scalars = Array(html.unicodeScalars)
        utf8 = UTF8Text(html)
    }

    /// The next token, or nil at the end of the input. Comments, doctypes and processing
    /// instructions are skipped.
    mutating func next() -> Token? {
        while i < scalars.count {
            if scalars[i] == "<" {
                let before = i
                if let token = tag() { return token }
                if i != before { continue }  // a comment or declaration was skipped
            }
            // Text up to the next '<' (a '<' that opened nothing is text too).
            let start = i
            i += 1
            while i < scalars.count, scalars[i] != "<" { i += 1 }
            return .text(string(start, i))
        }
        return nil
    }

    /// At a '<': scans a tag, comment or declaration. Returns nil after skipping a comment or
    /// declaration (with `i` moved past it), or nil with `i` unchanged if '<' starts no tag.
    private mutating func tag() -> Token? {
        let open = i
        guard open + 1 < scalars.count else { return nil }
        let c = scalars[open + 1]
        if c == "!" {
            if starts(with: "<!--", at: open) {
                i = find("-->", from: open + 4).map { $0 + 3 } ?? scalars.count
            } else {
                i = find(">", from: open + 2).map { $0 + 1 } ?? scalars.count
            }
            return nil
        }
        if c == "?" {
            i = find(">", from: open + 2).map { $0 + 1 } ?? scalars.count
            return nil
        }
        let isEnd = c == "/"
        let nameStart = isEnd ? open + 2 : open + 1
        guard nameStart < scalars.count, scalars[nameStart].properties.isAlphabetic, scalars[nameStart].isASCII else {
            return nil
        }
        var j = nameStart
        while j < scalars.count, !Self.isSpace(scalars[j]), scalars[j] != ">", scalars[j] != "/" { j += 1 }
        let name = string(nameStart, j).lowercased()
        var attributes: [String: String] = [:]
        // Attributes up to '>', tolerating quotes that contain '>'.
        while j < scalars.count, scalars[j] != ">" {
            if Self.isSpace(scalars[j]) || scalars[j] == "/" { j += 1; continue }
            let attributeStart = j
            while j < scalars.count, !Self.isSpace(scalars[j]), scalars[j] != ">", scalars[j] != "=", scalars[j] != "/" { j += 1 }
            let attributeName = string(attributeStart, j).lowercased()
            while j < scalars.count, Self.isSpace(scalars[j]) { j += 1 }
            var value = ""
            if j < scalars.count, scalars[j] == "=" {
                j += 1
                while j < scalars.count, Self.isSpace(scalars[j]) { j += 1 }
                if j < scalars.count, scalars[j] == "\"" || scalars[j] == "'" {
                    let quote = scalars[j]
                    let valueStart = j + 1
                    j = valueStart
                    while j < scalars.count, scalars[j] != quote { j += 1 }
                    value = string(valueStart, j)
                    if j < scalars.count { j += 1 }
                } else {
                    let valueStart = j
                    while j < scalars.count, !Self.isSpace(scalars[j]), scalars[j] != ">" { j += 1 }
                    value = string(valueStart, j)
                }
            }
            if !attributeName.isEmpty, attributes[attributeName] == nil {
                attributes[attributeName] = HTMLEntities.decode(value)
            }
        }
        i = min(j + 1, scalars.count)
        if isEnd { return .end(name: name) }
        if Self.rawTextElements.contains(name) {
            // Skip the raw text up to the matching end tag (or to the end of the input).
            var k = i
            while let lt = find("</", from: k) {
                if starts(with: "</" + name, at: lt, caseInsensitive: true) {
                    i = find(">", from: lt).map { $0 + 1 } ?? scalars.count
                    return nil
                }
                k = lt + 2
            }
            i = scalars.count
            return nil
        }
        return .start(name: name, attributes: attributes)
    }

    private static func isSpace(_ u: Unicode.Scalar) -> Bool {
        u == " " || u == "\t" || u == "\n" || u == "\r" || u == "\u{0C}"
    }

    private func string(_ start: Int, _ end: Int) -> String {
        utf8.string(scalars: start..<min(end, scalars.count))
    }

    private func starts(with prefix: String, at position: Int, caseInsensitive: Bool = false) -> Bool {
        var k = position
        for p in prefix.unicodeScalars {
            guard k < scalars.count else { return false }
            var u = scalars[k]
            if caseInsensitive, u.value >= 0x41, u.value <= 0x5A { u = Unicode.Scalar(u.value + 0x20)! }
            if u != p { return false }
            k += 1
        }
        return true
    }

    private func find(_ needle: String, from position: Int) -> Int? {
        guard let first = needle.unicodeScalars.first else { return nil }
        var k = position
        while k < scalars.count {
            if scalars[k] == first, starts(with: needle, at: k) { return k }
            k += 1
        }
        return nil
    }
}
