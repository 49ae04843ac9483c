import Foundation

/// Finds DTDs in raw XML bytes before any parser sees them.
enum DocxXMLGuard {
    /// Whether `xml` contains `<!DOCTYPE` or `<!ENTITY` (any letter case), in UTF-8 or in
    /// UTF-16 of either byte order. A CDATA section quoting such text is refused too.
    static func containsDTD(_ xml: Data) -> Bool {
        let needles = ["<!DOCTYPE", "<!ENTITY"].map { Array($0.utf8) }
        return xml.withUnsafeBytes { raw -> Bool in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let base = bytes.baseAddress else { return false }
            let n = bytes.count
            var i = 0
            // From '<' to '<' (memchr); only "<!" in UTF-8 or "<\0!" in UTF-16 can start either
            // needle, so the other tags are passed over at once.
            while i < n, let found = memchr(base + i, 0x3C, n - i) {
                i = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if i + 1 < n, bytes[i + 1] == 0x21 || (bytes[i + 1] == 0 && i + 2 < n && bytes[i + 2] == 0x21) {
                    for needle in needles {
                        for stride in 1...2 {
                            // stride 2 also matches UTF-16: the partner bytes are zero.
                            if matches(bytes, at: i, needle, stride: stride) { return true }
                        }
                    }
                }
                i += 1
            }
            return false
        }
    }

    /// Why `xml` is not in an encoding the DTD check understands, or nil if it is UTF-8 or
    /// UTF-16. libxml2 also reads EBCDIC, UCS-4 and any encoding an XML declaration names
    /// (UTF-7, IBM037 …) through iconv, where `<!DOCTYPE` has other bytes: an EBCDIC part with
    /// an external entity passed the byte check and reached the parser. Word writes UTF-8 (or
    /// UTF-16), so anything else is refused before parsing.
    static func unsupportedEncoding(_ xml: Data) -> String? {
        let head = [UInt8](xml.prefix(512))
        var ascii: [UInt8]
        if head.starts(with: [0xEF, 0xBB, 0xBF]) {
            ascii = Array(head.dropFirst(3))
        } else if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            // UTF-16 with a byte-order mark: keep the low bytes of ASCII characters.
            let body = head.dropFirst(2)
            let little = head[0] == 0xFF
            ascii = stride(from: body.startIndex, to: body.endIndex - 1, by: 2).compactMap { i in
                let (lo, hi) = little ? (body[i], body[i + 1]) : (body[i + 1], body[i])
                return hi == 0 ? lo : nil
            }
        } else if head.count >= 4, head[0] == 0x3C, head[1] == 0, head[2] != 0 || head[3] != 0 {
            ascii = stride(from: 0, to: head.count - 1, by: 2).map { head[$0] }      // UTF-16LE, no BOM
        } else if head.count >= 4, head[0] == 0, head[1] == 0x3C, head[2] == 0 {
            ascii = stride(from: 1, to: head.count, by: 2).map { head[$0] }          // UTF-16BE, no BOM
        } else {
            ascii = head
        }
        guard let first = ascii.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else { return nil }
        guard first == 0x3C else { return "it does not start with '<' in UTF-8 or UTF-16" }
        // The encoding named by an XML declaration, if any.
        guard ascii.count > 5, ascii.starts(with: Array("<?xml".utf8)) else { return nil }
        let end = ascii.firstIndex(of: 0x3E) ?? ascii.endIndex
        let declaration = String(decoding: ascii[..<end], as: UTF8.self)
        guard let range = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let name = rest.dropFirst().prefix { $0 != quote }
        let allowed: Set<String> = ["utf-8", "utf8", "utf-16", "utf-16le", "utf-16be", "us-ascii", "ascii"]
        return allowed.contains(name.lowercased()) ? nil : "it declares the encoding \(name.prefix(40))"
    }

    /// Why `xml` (already known to be UTF-8 or UTF-16, see `unsupportedEncoding`) is not
    /// valid text in its encoding, or nil. FoundationXML traps on an element name that is not
    /// valid UTF-8 (`<\u{FF}p`, found by fuzz-docx), so the part is validated before parsing.
    static func invalidText(_ xml: Data) -> String? {
        let head = [UInt8](xml.prefix(2))
        let bom16 = head == [0xFF, 0xFE] || head == [0xFE, 0xFF]
        if bom16 || (head.count == 2 && (head[0] == 0) != (head[1] == 0)) {
            let little = head == [0xFF, 0xFE] || (!bom16 && head[1] == 0)
            let body = [UInt8](xml.dropFirst(bom16 ? 2 : 0))
            guard body.count % 2 == 0 else { return "UTF-16 with an odd number of bytes" }
            var units: [UInt16] = []
            units.reserveCapacity(body.count / 2)
            for i in stride(from: 0, to: body.count, by: 2) {
                units.append(little ? UInt16(body[i]) | UInt16(body[i + 1]) << 8 : UInt16(body[i]) << 8 | UInt16(body[i + 1]))
            }
            return String(validating: units, as: UTF16.self) == nil ? "invalid UTF-16" : nil
        }
        let skip = xml.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        // Validated in place (a whole document.xml is hundreds of KB: no copy into an array).
        let valid = xml.withUnsafeBytes { raw in
            String(validating: UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[skip...]), as: UTF8.self) != nil
        }
        return valid ? nil : "invalid UTF-8"
    }

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, _ needle: [UInt8], stride: Int) -> Bool {
        guard start + (needle.count - 1) * stride < bytes.count else { return false }
        for (k, expected) in needle.enumerated() {
            let b = bytes[start + k * stride]
            // ASCII case-insensitive: letters compare with bit 0x20 cleared.
            let folded = (b >= 0x61 && b <= 0x7A) ? b & 0xDF : b
            if folded != expected { return false }
            if stride == 2, k + 1 < needle.count, bytes[start + k * stride + 1] != 0 { return false }
        }
        return true
    }
}
