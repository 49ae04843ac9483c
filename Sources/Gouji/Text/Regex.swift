import CPCRE2
import Foundation

/// A PCRE2 pattern compiled once (with JIT when available) and matched over UTF-8.
/// Thread-safe: each match call allocates its own match data.
public final class Regex: @unchecked Sendable {
    private let code: OpaquePointer
    public let pattern: String
    /// Group name → group number.
    public let groups: [String: Int]

    public struct Match {
        /// PCRE2's output vector: start and end byte offset of each group (-1 when unset).
        let offsets: [Int]
        public let groupNumbers: [String: Int]
        /// Byte ranges of each group in the subject's UTF-8 (nil when the group did not take part).
        public var ranges: [Range<Int>?] { (0..<offsets.count / 2).map { range(at: $0) } }
        public var range: Range<Int> { range(at: 0)! }
        /// The range of group number `n` (nil when the group did not take part or `n` is nil).
        public func range(at n: Int?) -> Range<Int>? {
            guard let n, n >= 0, 2 * n + 1 < offsets.count else { return nil }
            let s = offsets[2 * n], e = offsets[2 * n + 1]
            return s < 0 || e < s ? nil : s..<e
        }
        public func range(_ name: String) -> Range<Int>? { range(at: groupNumbers[name]) }
    }

    /// `anchored`: the pattern matches only at the offset a search starts from (for
    /// `matches(in:at:)`; JIT code does not take PCRE2_ANCHORED at match time).
    public init(_ pattern: String, caseless: Bool = false, multiline: Bool = false, anchored: Bool = false) throws {
        var errorCode: Int32 = 0
        var errorOffset: Int = 0
        var options = UInt32(PCRE2_UTF | PCRE2_UCP)
        if caseless { options |= UInt32(PCRE2_CASELESS) }
        if multiline { options |= UInt32(PCRE2_MULTILINE) }
        if anchored { options |= UInt32(PCRE2_ANCHORED) }
        let compiled = pattern.withCString { p in
            p.withMemoryRebound(to: UInt8.self, capacity: pattern.utf8.count) {
                pcre2_compile_8($0, pattern.utf8.count, options, &errorCode, &errorOffset, nil)
            }
        }
        guard let compiled else {
            var buffer = [UInt8](repeating: 0, count: 256)
            pcre2_get_error_message_8(errorCode, &buffer, 256)
            throw LexiconError.invalid("pattern", "\(String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self)) at \(errorOffset) in \(pattern)")
        }
        code = compiled
        self.pattern = pattern
        pcre2_jit_compile_8(code, UInt32(PCRE2_JIT_COMPLETE))
        var names: [String: Int] = [:]
        var count: UInt32 = 0, entrySize: UInt32 = 0
        var table: UnsafeMutablePointer<UInt8>? = nil
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMECOUNT), &count)
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMEENTRYSIZE), &entrySize)
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMETABLE), &table)
        if let table {
            for i in 0..<Int(count) {
                let entry = table + i * Int(entrySize)
                let number = Int(entry[0]) << 8 | Int(entry[1])
                var nameBytes: [UInt8] = []
                var j = 2
                while j < Int(entrySize), entry[j] != 0 { nameBytes.append(entry[j]); j += 1 }
                names[String(decoding: nameBytes, as: UTF8.self)] = number
            }
        }
        groups = names
    }

    deinit { pcre2_code_free_8(code) }

    /// All non-overlapping matches over the UTF-8 bytes, left to right.
    public func matches(in utf8: [UInt8]) -> [Match] {
        guard let data = pcre2_match_data_create_from_pattern_8(code, nil) else { return [] }
        defer { pcre2_match_data_free_8(data) }
        var results: [Match] = []
        var offset = 0
        let noUTFCheck = UInt32(PCRE2_NO_UTF_CHECK)
        utf8.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress ?? UnsafePointer<UInt8>(bitPattern: 1) else { return }
            while offset <= utf8.count {
                let rc = pcre2_match_8(code, base, utf8.count, offset, noUTFCheck, data, nil)
                if rc < 0 { break }
                let match = self.match(data)
                results.append(match)
                let whole = match.range
                if whole.isEmpty {
                    // Step over one UTF-8 character.
                    var next = whole.upperBound + 1
                    while next < utf8.count, UTF8.isContinuation(utf8[next]) { next += 1 }
                    offset = next
                } else {
                    offset = whole.upperBound
                }
            }
        }
        return results
    }

    /// The matches `matches(in:)` finds for the same pattern unanchored, found by trying this
    /// anchored pattern only where `starts` says a match can start. Between those places an
    /// unanchored search tries every character and fails; in Chinese text PCRE2's start-byte
    /// filter passes nearly every character (all CJK ideographs share a handful of lead bytes).
    /// Empty matches are not allowed for (the pattern must not match the empty string).
    public func matches(in utf8: [UInt8], at starts: MatchStarts) -> [Match] {
        guard let data = pcre2_match_data_create_from_pattern_8(code, nil) else { return [] }
        defer { pcre2_match_data_free_8(data) }
        var results: [Match] = []
        let noUTFCheck = UInt32(PCRE2_NO_UTF_CHECK)
        utf8.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return }
            let n = buf.count
            var i = 0
            var previous: UInt32 = 0x0A   // the text starts a line
            while i < n {
                let (v, width) = UTF8.scalar(in: buf, at: i)
                if starts.admits(Unicode.Scalar(v).unsafelyUnwrapped, after: previous),
                   pcre2_match_8(code, base, n, i, noUTFCheck, data, nil) >= 0 {
                    let match = self.match(data)
                    results.append(match)
                    let end = match.range.upperBound
                    if end > i {
                        i = end
                        previous = Self.scalarValue(endingAt: end, in: buf)
                        continue
                    }
                }
                previous = v
                i += width
            }
        }
        return results
    }

    /// The scalar whose UTF-8 ends just before byte `end`.
    private static func scalarValue(endingAt end: Int, in buf: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var start = end - 1
        while start > 0, UTF8.isContinuation(buf[start]) { start -= 1 }
        return UTF8.scalar(in: buf, at: start).value
    }

    /// The first match in `text`, if any.
    public func firstMatch(in text: String) -> Match? {
        firstMatch(in: Array(text.utf8))
    }

    /// The first match in the UTF-8 `bytes`, if any.
    public func firstMatch(in bytes: [UInt8]) -> Match? {
        guard let data = pcre2_match_data_create_from_pattern_8(code, nil) else { return nil }
        defer { pcre2_match_data_free_8(data) }
        let rc = bytes.withUnsafeBufferPointer { buf -> Int32 in
            guard let base = buf.baseAddress ?? UnsafePointer<UInt8>(bitPattern: 1) else { return -1 }
            return pcre2_match_8(code, base, bytes.count, 0, UInt32(PCRE2_NO_UTF_CHECK), data, nil)
        }
        return rc >= 0 ? match(data) : nil
    }

    /// The match PCRE2 left in `data`: its output vector copied in one go (PCRE2_UNSET, the
    /// largest PCRE2_SIZE, reads as -1).
    private func match(_ data: OpaquePointer) -> Match {
        let ovector = pcre2_get_ovector_pointer_8(data)!
        let pairs = Int(pcre2_get_ovector_count_8(data))
        let offsets = UnsafeRawPointer(ovector).withMemoryRebound(to: Int.self, capacity: 2 * pairs) {
            Array(UnsafeBufferPointer(start: $0, count: 2 * pairs))
        }
        return Match(offsets: offsets, groupNumbers: groups)
    }

    public func matches(_ text: String) -> Bool { firstMatch(in: text) != nil }

    /// Escapes PCRE2 metacharacters in a literal.
    public static func escape(_ literal: String) -> String {
        var out = ""
        for ch in literal {
            if "\\^$.|?*+()[]{}-/#".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}

/// Where a pattern can start a match: at the scalars of a table, and at the start of a line
/// (the text's start and after any line ending PCRE2 may be built to recognise), where a
/// multiline `^` matches. Line starts are always admitted: trying more places than needed
/// finds the same matches.
public struct MatchStarts: Sendable {
    public let scalars: ScalarTable

    public init(scalars: ScalarTable) { self.scalars = scalars }

    /// LF, CR, VT, FF, NEL, LS, PS.
    @inline(__always)
    static func endsLine(_ v: UInt32) -> Bool {
        v == 0x0A || v == 0x0D || v == 0x0B || v == 0x0C || v == 0x85 || v == 0x2028 || v == 0x2029
    }

    /// Whether a match can start at `u`, the scalar after `previous`.
    @inline(__always)
    func admits(_ u: Unicode.Scalar, after previous: UInt32) -> Bool {
        scalars.contains(u) || Self.endsLine(previous)
    }
}

/// A UTF-8 view of a text with byte ↔ Unicode-scalar offset conversion.
public struct UTF8Text {
    public let bytes: [UInt8]
    /// Scalar index of each byte that starts a scalar; continuation bytes map to their scalar.
    private let scalarAt: [Int32]

    /// Byte offset at which each scalar starts, plus the end.
    private let byteAt: [Int32]

    public init(_ text: String) {
        let bytes = Array(text.utf8)
        let n = bytes.count
        var scalars = 0
        // Filled through unsafe buffers: this runs for every text unit and every subject phrase.
        scalarAt = bytes.withUnsafeBufferPointer { b in
            [Int32](unsafeUninitializedCapacity: n + 1) { map, count in
                var s: Int32 = -1
                for i in 0..<n {
                    if !UTF8.isContinuation(b[i]) { s += 1 }
                    map[i] = s
                }
                map[n] = s + 1
                scalars = Int(s + 1)
                count = n + 1
            }
        }
        byteAt = bytes.withUnsafeBufferPointer { b in
            [Int32](unsafeUninitializedCapacity: scalars + 1) { starts, count in
                var k = 0
                for i in 0..<n where !UTF8.isContinuation(b[i]) {
                    starts[k] = Int32(i)
                    k += 1
                }
                starts[k] = Int32(n)
                count = k + 1
            }
        }
        self.bytes = bytes
    }

    /// The text of scalars `range` (offsets in scalars).
    public func string(scalars range: Range<Int>) -> String {
        String(decoding: bytes[Int(byteAt[range.lowerBound])..<Int(byteAt[range.upperBound])], as: UTF8.self)
    }

    public func scalarOffset(_ byte: Int) -> Int { Int(scalarAt[byte]) }

    /// The text's Unicode scalars, decoded from its bytes into an array of their number
    /// (`Array(text.unicodeScalars)` went through the string's iterator).
    public var scalars: [Unicode.Scalar] {
        bytes.withUnsafeBufferPointer { b in
            [Unicode.Scalar](unsafeUninitializedCapacity: byteAt.count - 1) { out, count in
                var i = 0, n = 0
                while i < b.count {
                    let (value, width) = UTF8.scalar(in: b, at: i)
                    out[n] = Unicode.Scalar(value).unsafelyUnwrapped
                    n += 1
                    i += width
                }
                count = n
            }
        }
    }
    public func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
}
