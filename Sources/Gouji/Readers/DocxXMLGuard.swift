import Foundation

/// Finds DTDs in raw XML bytes before any parser sees them.
enum DocxXMLGuard {
    /// Whether `xml` contains `<!DOCTYPE` or `<!ENTITY` (any letter case), in UTF-8 or in
    /// UTF-16 of either byte order. A CDATA section quoting such text is refused too.
    static func containsDTD(_ xml: Data) -> Bool {
        let needles = ["<!DOCTYPE", "<!ENTITY"].map { Array($0.utf8) }
        return xml.withUnsafeBytes { raw -> Bool in
            let bytes = raw.bindMemory(to: UInt8.self)
            let n = bytes.count
            var i = 0
            while i < n {
                if bytes[i] == 0x3C {  // '<'
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
