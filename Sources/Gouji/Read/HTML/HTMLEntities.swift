/// Decodes HTML character references: the common named entities and numeric references
/// (`&#NNN;`, `&#xHH;`). Unknown or malformed references are kept as written; numeric
/// references to invalid code points become U+FFFD.
enum HTMLEntities {
    private static let named: [String: String] = [
        "nbsp": "\u{00A0}", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'",
        "ensp": "\u{2002}", "emsp": "\u{2003}", "thinsp": "\u{2009}", "ideographicspace": "\u{3000}",
        "middot": "·", "mdash": "—", "ndash": "–", "hellip": "…", "ldquo": "“", "rdquo": "”",
        "lsquo": "‘", "rsquo": "’", "times": "×", "divide": "÷", "yen": "¥", "deg": "°",
        "plusmn": "±", "permil": "‰", "copy": "©", "reg": "®", "le": "≤", "ge": "≥", "ne": "≠",
        "bull": "•", "laquo": "«", "raquo": "»", "sect": "§", "para": "¶", "shy": "\u{00AD}",
    ]
    /// Entities that old pages write without the semicolon.
    private static let legacy: Set<String> = ["nbsp", "amp", "lt", "gt", "quot"]

    /// `text` with its character references decoded.
    static func decode(_ text: String) -> String {
        guard text.unicodeScalars.contains("&") else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            guard scalars[i] == "&", let (decoded, length) = reference(scalars, at: i) else {
                out.append(scalars[i])
                i += 1
                continue
            }
            out.append(contentsOf: decoded.unicodeScalars)
            i += length
        }
        return String(out)
    }

    /// The reference at `start` (which holds '&') and how many scalars it covers.
    private static func reference(_ s: [Unicode.Scalar], at start: Int) -> (String, Int)? {
        var j = start + 1
        if j < s.count, s[j] == "#" {
            j += 1
            var radix = 10
            if j < s.count, s[j] == "x" || s[j] == "X" { radix = 16; j += 1 }
            let digitsStart = j
            while j < s.count, j - digitsStart < 8, s[j].isASCII, Character(s[j]).isHexDigit,
                  radix == 16 || Character(s[j]).isNumber { j += 1 }
            guard j > digitsStart else { return nil }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: s[digitsStart..<j])
            let value = UInt32(String(view), radix: radix) ?? 0xFFFD
            if j < s.count, s[j] == ";" { j += 1 }
            let scalar = value == 0 ? nil : Unicode.Scalar(value)
            return (String(Character(scalar ?? "\u{FFFD}")), j - start)
        }
        let nameStart = j
        while j < s.count, j - nameStart < 32, s[j].isASCII, s[j].properties.isAlphabetic || Character(s[j]).isNumber { j += 1 }
        guard j > nameStart else { return nil }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: s[nameStart..<j])
        let name = String(view)
        if j < s.count, s[j] == ";", let value = named[name] ?? named[name.lowercased()] {
            return (value, j + 1 - start)
        }
        if legacy.contains(name.lowercased()), let value = named[name.lowercased()] {
            return (value, j - start)
        }
        return nil
    }
}
