import CICUShim
#if canImport(Glibc)
import Glibc
#endif

/// Substring search and white-space handling on UTF-8 bytes. Foundation's `contains(_:)`,
/// `range(of:)` and `trimmingCharacters(in:)` on String go through NSString and Unicode folding
/// and dominated the profile; report text is valid UTF-8, which is self-synchronising, so a byte
/// search finds exactly the literal occurrences.
extension String {
    /// Whether the UTF-8 of `other` occurs in the UTF-8 of the string: a literal, byte-wise
    /// search (no canonical equivalence, unlike Foundation's `contains(_:)`).
    func containsBytes(of other: String) -> Bool {
        byteOffset(of: other) != nil
    }

    /// Byte offset of the first occurrence of `other` in the UTF-8 of the string.
    public func byteOffset(of other: String) -> Int? {
        byteOffset(of: other, from: 0)
    }

    /// Byte offset of the first occurrence of `other` at or after byte offset `from`.
    public func byteOffset(of other: String, from: Int) -> Int? {
        if other.isEmpty { return min(from, utf8.count) }
        var haystack = self, needle = other
        return haystack.withUTF8 { h -> Int? in
            needle.withUTF8 { n -> Int? in
                guard from >= 0, from + n.count <= h.count, let hb = h.baseAddress, let nb = n.baseAddress else { return nil }
                let at = gouji_memmem(hb + from, h.count - from, nb, n.count)
                return at < 0 ? nil : from + at
            }
        }
    }

    /// Whether the UTF-8 of the string starts with that of `prefix` (literal; on valid UTF-8
    /// a byte prefix is a scalar prefix).
    public func startsWithBytes(_ prefix: String) -> Bool {
        let n = prefix.utf8.count
        guard n <= utf8.count else { return false }
        return Self.bytesEqual(self, 0, prefix, n)
    }

    /// Whether the UTF-8 of the string ends with that of `suffix`.
    public func endsWithBytes(_ suffix: String) -> Bool {
        let n = suffix.utf8.count, count = utf8.count
        guard n <= count else { return false }
        return Self.bytesEqual(self, count - n, suffix, n)
    }

    /// Whether the UTF-8 of `other` occurs at byte offset `offset` of the string.
    public func hasBytes(_ other: String, at offset: Int) -> Bool {
        let n = other.utf8.count
        guard offset >= 0, offset + n <= utf8.count else { return false }
        return Self.bytesEqual(self, offset, other, n)
    }

    private static func bytesEqual(_ a: String, _ offset: Int, _ b: String, _ n: Int) -> Bool {
        if n == 0 { return true }
        let fast = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in memcmp(x.baseAddress! + offset, y.baseAddress!, n) == 0 }
        }
        if let fast, let result = fast { return result }
        return a.utf8.dropFirst(offset).prefix(n).elementsEqual(b.utf8)
    }

    /// The range of the first literal occurrence of `other`, or nil.
    public func literalRange(of other: String) -> Range<String.Index>? {
        guard let offset = byteOffset(of: other) else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: offset)
        return lower..<utf8.index(lower, offsetBy: other.utf8.count)
    }

    /// Every literal occurrence of `target` replaced by `replacement` (byte-wise).
    public func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, var offset = byteOffset(of: target) else { return self }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var copied = 0
        let bytes = Array(utf8)
        let t = target.utf8.count
        while true {
            out.append(contentsOf: bytes[copied..<offset])
            out.appendUTF8(of: replacement)
            copied = offset + t
            guard let next = byteOffset(of: target, from: copied) else { break }
            offset = next
        }
        out.append(contentsOf: bytes[copied...])
        return String(decoding: out, as: UTF8.self)
    }

    /// The string without leading and trailing white space (Unicode White_Space, which includes
    /// the ideographic space U+3000 and line breaks).
    public var trimmedWhitespace: String {
        if endsAreNot({ $0.isSpace }) { return self }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isSpace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isSpace })!
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }

    /// The string without leading and trailing spaces and tabs (line breaks kept), like
    /// Foundation's `trimmedSpaces`.
    public var trimmedSpaces: String {
        if endsAreNot({ $0.isHorizontalSpace }) { return self }
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.isHorizontalSpace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isHorizontalSpace })!
        if start == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[start...last])
    }

    /// Whether the string is non-empty and neither its first nor its last scalar is `excluded`:
    /// decoded from the UTF-8 at both ends (most texts trimmed have nothing to trim).
    @inline(__always)
    private func endsAreNot(_ excluded: (Unicode.Scalar) -> Bool) -> Bool {
        var text = self
        return text.withUTF8 { b in
            guard !b.isEmpty else { return false }
            var last = b.count - 1
            while last > 0 && UTF8.isContinuation(b[last]) { last -= 1 }
            let first = Unicode.Scalar(UTF8.scalar(in: b, at: 0).value).unsafelyUnwrapped
            let final = Unicode.Scalar(UTF8.scalar(in: b, at: last).value).unsafelyUnwrapped
            return !excluded(first) && !excluded(final)
        }
    }

    /// Whether every character is white space (`allSatisfy(\.isWhitespace)`; a character is
    /// white space when its first scalar is): a first scalar that is not White_Space answers
    /// no without breaking the text into characters.
    public var isBlank: Bool {
        if let u = unicodeScalars.first, !u.isSpace { return false }
        return allSatisfy(\.isWhitespace)
    }

    /// Whether a scalar of the string passes `test`, decoded from its UTF-8 (without the
    /// string's scalar iterator).
    @inline(__always)
    func containsScalar(where test: (Unicode.Scalar) -> Bool) -> Bool {
        var text = self
        return text.withUTF8 { b in
            var i = 0
            while i < b.count {
                let (value, width) = UTF8.scalar(in: b, at: i)
                if test(Unicode.Scalar(value).unsafelyUnwrapped) { return true }
                i += width
            }
            return false
        }
    }

    /// Whether the UTF-8 of the string holds `byte` (found with memchr).
    public func containsByte(_ byte: UInt8) -> Bool {
        var text = self
        return text.withUTF8 { b in
            guard let base = b.baseAddress else { return false }
            return memchr(base, Int32(byte), b.count) != nil
        }
    }

    /// Whether the string has at least `n` characters, counting no further than `n` (`count`
    /// walks every grapheme of the string). Leading scalars that are whole characters on their
    /// own (`Unicode.Scalar.isWholeCharacter`) are counted without grapheme breaking.
    public func hasAtLeast(_ n: Int) -> Bool {
        var simple = 0
        for u in unicodeScalars {
            guard u.isWholeCharacter else {
                return index(startIndex, offsetBy: n, limitedBy: endIndex) != nil
            }
            simple += 1
            if simple >= n { return true }
        }
        return simple >= n   // every scalar a character: the count is the scalar count
    }

    /// The text with all white space removed, for label matching.
    public var compacted: String {
        guard hasWhiteSpace else { return self }
        return String(decoding: compactedBytes, as: UTF8.self)
    }

    /// The UTF-8 of `compacted`.
    public var compactedBytes: [UInt8] {
        var text = self
        return text.withUTF8 { b in
            var out: [UInt8] = []
            out.reserveCapacity(b.count)
            var i = 0
            while i < b.count {
                let width = String.whiteSpaceWidth(b, at: i)
                if width > 0 { i += width } else { out.append(b[i]); i += 1 }
            }
            return out
        }
    }
}

extension String {
    /// Whether the string has a White_Space scalar (`Unicode.Scalar.isSpace`), found on the
    /// UTF-8 bytes.
    public var hasWhiteSpace: Bool {
        var text = self
        return text.withUTF8 { b in
            for i in 0..<b.count where String.whiteSpaceWidth(b, at: i) > 0 { return true }
            return false
        }
    }

    /// The byte length of the White_Space scalar starting at byte `i` of valid UTF-8, or 0:
    /// 09–0D and 20; C2 85 and C2 A0; E1 9A 80; E2 80 80–8A, A8, A9, AF; E2 81 9F; E3 80 80.
    /// Lead bytes never occur as continuation bytes, so a match is a whole scalar.
    @inline(__always)
    static func whiteSpaceWidth(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let c = b[i], n = b.count
        if c < 0x80 { return c == 0x20 || (0x09...0x0D).contains(c) ? 1 : 0 }
        guard i + 1 < n else { return 0 }
        let d = b[i + 1]
        switch c {
        case 0xC2: return d == 0x85 || d == 0xA0 ? 2 : 0
        case 0xE1: return d == 0x9A && i + 2 < n && b[i + 2] == 0x80 ? 3 : 0
        case 0xE2:
            guard i + 2 < n else { return 0 }
            let e = b[i + 2]
            if d == 0x80, e <= 0x8A || e == 0xA8 || e == 0xA9 || e == 0xAF { return 3 }
            return d == 0x81 && e == 0x9F ? 3 : 0
        case 0xE3: return d == 0x80 && i + 2 < n && b[i + 2] == 0x80 ? 3 : 0
        default: return 0
        }
    }
}

extension UTF8 {
    /// The scalar value whose UTF-8 starts at byte `i` of valid UTF-8 (a String's), and its
    /// width in bytes.
    @inline(__always)
    static func scalar(in b: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, width: Int) {
        let c = UInt32(b[i])
        if c < 0x80 { return (c, 1) }
        if c < 0xE0 { return ((c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F), 2) }
        if c < 0xF0 { return ((c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F), 3) }
        return ((c & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F), 4)
    }
}

extension Substring {
    /// Whether the UTF-8 of `other` occurs in the substring's UTF-8 (literal, byte-wise; no copy
    /// of a substring of a native string).
    func containsBytes(of other: String) -> Bool {
        if other.isEmpty { return true }
        var haystack = self, needle = other
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in
                guard n.count <= h.count, let hb = h.baseAddress, let nb = n.baseAddress else { return false }
                return gouji_memmem(hb, h.count, nb, n.count) >= 0
            }
        }
    }
}

extension Unicode.Scalar {
    /// A scalar that is always a whole Character on its own in a run of such scalars (no
    /// combining, joining or CR LF behaviour): tab, line feed, ASCII printables, Latin-1, general
    /// and CJK punctuation, CJK ideographs, full-width forms.
    @inline(__always)
    public var isWholeCharacter: Bool {
        switch value {
        case 0x09, 0x0A, 0x20...0x7E, 0xA0...0xFF, 0x2010...0x2027, 0x2030...0x205E,
             0x3000...0x3029, 0x3030...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF60:
            return true
        default:
            return false
        }
    }

    /// Unicode White_Space, decided without the property tables for the common scalars.
    @inlinable
    public var isSpace: Bool {
        switch value {
        case 0x20, 0x09...0x0D: return true
        case 0..<0x80: return false
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// A space or tab (Unicode Zs and U+0009), not a line break.
    @inlinable
    public var isHorizontalSpace: Bool {
        switch value {
        case 0x20, 0x09: return true
        case 0..<0x80: return false
        case 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}

/// A word list searched for the first word a text ends (or starts) with, checking only the
/// words that end in the text's last scalar (start with its first), each list order kept.
public struct WordIndex: Sendable {
    public let words: [String]
    private let byLast: [Unicode.Scalar: [Int]]
    private let byFirst: [Unicode.Scalar: [Int]]
    /// The keys of `byLast` and `byFirst`: most texts end (start) with a scalar no word does,
    /// answered by a bit test instead of hashing the scalar.
    private let lasts: ScalarTable
    private let firsts: ScalarTable

    public init(_ words: [String]) {
        self.words = words
        var byLast: [Unicode.Scalar: [Int]] = [:], byFirst: [Unicode.Scalar: [Int]] = [:]
        for (i, w) in words.enumerated() {
            if let last = w.unicodeScalars.last { byLast[last, default: []].append(i) }
            if let first = w.unicodeScalars.first { byFirst[first, default: []].append(i) }
        }
        self.byLast = byLast
        self.byFirst = byFirst
        lasts = ScalarTable(scalarsOf: byLast.keys)
        firsts = ScalarTable(scalarsOf: byFirst.keys)
    }

    /// Index in `words` of the first word `text` ends with (non-empty words only).
    public func firstIndex(endingOf text: String) -> Int? {
        guard let last = text.unicodeScalars.last, lasts.contains(last), let candidates = byLast[last] else { return nil }
        return candidates.first { text.endsWithBytes(words[$0]) }
    }

    /// Index in `words` of the first word `text` starts with (non-empty words only).
    public func firstIndex(startingOf text: String) -> Int? {
        guard let first = text.unicodeScalars.first, firsts.contains(first), let candidates = byFirst[first] else { return nil }
        return candidates.first { text.startsWithBytes(words[$0]) }
    }
}

extension Array where Element == UInt8 {
    /// Appends the UTF-8 of `text`, copied from its contiguous storage in one go (appending
    /// `text.utf8` went through the view's iterator, byte by byte).
    @inline(__always)
    mutating func appendUTF8(of text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ append(contentsOf: $0) }) == nil { append(contentsOf: text.utf8) }
    }
}
