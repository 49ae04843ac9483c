import CICUShim
import Foundation

/// Decodes report bytes to a String: UTF-8 (with or without BOM), UTF-16 with BOM, and
/// legacy Chinese encodings (GB18030/GBK/GB2312, Big5) detected with ICU's charset detector
/// and converted with ICU. Line endings are normalised to LF.
public enum EncodingDetector {
    public struct Decoded: Sendable {
        public var text: String
        public var encoding: String
    }

    public static func decode(_ data: Data) throws -> Decoded {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let s = String(validating: bytes.dropFirst(3), as: UTF8.self) else {
                throw ReadError.undecodable("invalid UTF-8 after a UTF-8 byte-order mark")
            }
            return Decoded(text: normaliseNewlines(s), encoding: "UTF-8")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            let body = Array(bytes.dropFirst(2))
            guard body.count % 2 == 0 else { throw ReadError.undecodable("UTF-16 text with an odd number of bytes") }
            var units: [UInt16] = []
            units.reserveCapacity(body.count / 2)
            var i = 0
            while i < body.count {
                units.append(little ? UInt16(body[i]) | UInt16(body[i + 1]) << 8 : UInt16(body[i]) << 8 | UInt16(body[i + 1]))
                i += 2
            }
            guard let s = String(validating: units, as: UTF16.self) else {
                throw ReadError.undecodable("invalid UTF-16 (unpaired surrogate)")
            }
            return Decoded(text: normaliseNewlines(s), encoding: little ? "UTF-16LE" : "UTF-16BE")
        }
        if let s = String(validating: bytes, as: UTF8.self) {
            return Decoded(text: normaliseNewlines(s), encoding: "UTF-8")
        }
        // Not UTF-8: ask ICU, but only accept Chinese legacy encodings; GB18030 is a superset of
        // GBK and GB2312 and is the safe choice for any of them.
        let detected = detect(bytes)
        let charset: String
        switch detected?.uppercased() {
        case "BIG5": charset = "Big5"
        // UTF-16 without a byte-order mark is not trusted (short binary garbage looks like it).
        default: charset = "GB18030"
        }
        let text = try convert(bytes, from: charset)
        return Decoded(text: normaliseNewlines(text), encoding: charset)
    }

    /// The charset of `bytes`, from the prefix `sampleEnd(_:)` marks: GB18030 when the sample is
    /// plainly GB2312 text (`isPlainGB2312(_:)`), else ICU's best guess, if any.
    public static func detect(_ bytes: [UInt8]) -> String? {
        let sample = bytes[..<sampleEnd(bytes)]
        if isPlainGB2312(sample) { return "GB18030" }
        return detect(sample: sample)
    }

    /// Whether `sample` has at least `plainGB2312Characters` two-byte characters and all of them
    /// lie in GB2312's rows (lead and trail bytes A1–FE). Such text decodes as GB18030, and Big5
    /// is ruled out: Big5's commonest characters and its punctuation (，A141 。A143 、A142 ：A147)
    /// have trail bytes 40–7E, which GB2312 never uses. Anything else (Big5, GBK's extensions,
    /// GB18030's four-byte sequences, short texts) is left to ICU's detector, whose recognisers
    /// cost more than reading the report (3 M instructions a sample).
    static func isPlainGB2312(_ sample: ArraySlice<UInt8>) -> Bool {
        sample.withUnsafeBufferPointer { b in
            var pairs = 0
            var i = 0
            let n = b.count
            while i < n {
                let lead = b[i]
                if lead < 0x80 { i += 1; continue }
                guard i + 1 < n else { break }   // the sample may end inside a character
                let trail = b[i + 1]
                guard (0xA1...0xFE).contains(lead), (0xA1...0xFE).contains(trail) else { return false }
                pairs += 1
                i += 2
            }
            return pairs >= plainGB2312Characters
        }
    }

    /// Two-byte characters `isPlainGB2312(_:)` wants before it answers without ICU.
    static let plainGB2312Characters = 64

    /// How many non-ASCII bytes the detector sees: about 500 Chinese characters. ICU runs all
    /// its recognisers (Latin, Cyrillic, Arabic … n-gram tables) over whatever it is given, so
    /// a whole report cost more to detect than to check. On the 778 GB18030 reports of the
    /// benchmark archive and on Big5 versions of every Corpus report, a sample holding 512
    /// non-ASCII bytes already gets the whole file's answer; 1,024 leaves a margin, and Big5
    /// still gets confidence 89–94.
    static let sampleNonASCII = 1024
    static let sampleLimit = 1 << 16

    /// The end of the shortest prefix holding `sampleNonASCII` non-ASCII bytes, however much
    /// ASCII comes first: at the next ASCII byte (a character boundary in GB18030 and Big5), or
    /// 64 non-ASCII bytes later; at most `sampleLimit` bytes.
    static func sampleEnd(_ bytes: [UInt8]) -> Int {
        let limit = min(bytes.count, sampleLimit)
        var seen = 0
        var i = 0
        while i < limit {
            if bytes[i] >= 0x80 {
                seen += 1
                if seen >= sampleNonASCII && (i + 1 == bytes.count || bytes[i + 1] < 0x80 || seen >= sampleNonASCII + 64) {
                    return i + 1
                }
            }
            i += 1
        }
        return limit
    }

    /// ICU's best guess for the charset of `sample`.
    static func detect(sample: ArraySlice<UInt8>) -> String? {
        var name = [CChar](repeating: 0, count: 64)
        var confidence: Int32 = 0
        let rc = sample.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) { p in
                gouji_detect_charset(p.baseAddress, Int32(p.count), &name, 64, &confidence)
            }
        }
        guard rc <= 0 else { return nil }
        return String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func convert(_ bytes: [UInt8], from charset: String) throws -> String {
        guard bytes.count < Int(Int32.max / 4) else { throw ReadError.undecodable("text too large to convert") }
        var capacity = bytes.count * 4 + 16
        var out = [UInt8](repeating: 0, count: capacity)
        var outLength: Int32 = 0
        var errorOffset: Int32 = -1
        let rc = bytes.withUnsafeBufferPointer { src in
            src.withMemoryRebound(to: CChar.self) { s in
                out.withUnsafeMutableBufferPointer { dst in
                    dst.withMemoryRebound(to: CChar.self) { d in
                        gouji_convert_to_utf8(charset, s.baseAddress, Int32(s.count), d.baseAddress, Int32(capacity), &outLength, &errorOffset)
                    }
                }
            }
        }
        if rc > 0 {
            if errorOffset >= 0 {
                throw ReadError.undecodable("not UTF-8 and not valid \(charset): illegal byte sequence near byte \(errorOffset)")
            }
            throw ReadError.undecodable("ICU conversion from \(charset) failed (code \(rc))")
        }
        capacity = Int(outLength)
        guard let s = String(validating: out[0..<capacity], as: UTF8.self) else {
            throw ReadError.undecodable("conversion from \(charset) produced invalid UTF-8")
        }
        return s
    }

    /// CRLF and lone CR become LF.
    public static func normaliseNewlines(_ s: String) -> String {
        guard s.containsByte(0x0D) else { return s }
        var out = String.UnicodeScalarView()
        var previousCR = false
        for u in s.unicodeScalars {
            if u == "\r" { out.append("\n"); previousCR = true; continue }
            if u == "\n" && previousCR { previousCR = false; continue }
            previousCR = false
            out.append(u)
        }
        return String(out)
    }
}
