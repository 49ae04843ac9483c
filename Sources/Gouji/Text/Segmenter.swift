import CICUShim
import Foundation

/// ICU text segmentation: sentences over whole texts, words only in small windows
/// (around a figure, to find its subject), merged with the domain's word list.
public struct Segmenter: Sendable {
    public init() {}

    /// Boundaries (in Unicode-scalar offsets) of the ICU sentences of `text`.
    public func sentences(_ text: String) -> [Range<Int>] {
        sentences(text, scalars: Array(text.unicodeScalars))
    }

    /// Like `sentences(_:)`, for a caller that already holds the scalars of `text`.
    public func sentences(_ text: String, scalars: [Unicode.Scalar]) -> [Range<Int>] {
        // UAX #29 breaks sentences only after a terminal (STerm, ATerm) or a paragraph
        // separator: a text with neither (most table cells) is one sentence, without ICU.
        let mayBreak = scalars.contains { u in
            switch u.value {
            case 0..<0x80: return u == "." || u == "!" || u == "?" || u == "\n" || u == "\r"
            case 0x3400...0x4DBF, 0x4E00...0x9FFF: return false   // ideographs: most of the text, never a terminal
            default: return u.properties.isSentenceTerminal || Self.otherBreaks.contains(u)
            }
        }
        if !mayBreak { return scalars.isEmpty ? [] : [0..<scalars.count] }
        return boundaries(text, kind: Int32(GOUJI_BRK_SENTENCE))
    }

    /// ATerm beyond ".", and the paragraph separators NEL, LS, PS.
    private static let otherBreaks = ScalarTable(scalarsOf: "\u{2024}\u{FE52}\u{FF0E}\u{85}\u{2028}\u{2029}")

    /// ICU word segments of `text` (in Unicode-scalar offsets), with adjacent segments merged
    /// when together they form a word of `domainWords` (ICU splits 高新技术 into 高|新|技术).
    /// `domainPrefixes` (every leading part of every domain word) lets the merge stop as soon
    /// as a run of segments can no longer become a domain word; pass `Segmenter.prefixes(of:)`.
    public func words(_ text: String, domainWords: Set<String> = [], domainPrefixes: Set<String>? = nil) -> [String] {
        let utf8 = UTF8Text(text)
        let ranges = boundaries(text, kind: Int32(GOUJI_BRK_WORD))
        var pieces = ranges.map { utf8.string(scalars: $0) }
        guard !domainWords.isEmpty else { return pieces }
        let prefixes = domainPrefixes ?? Self.prefixes(of: domainWords)
        var i = 0
        while i < pieces.count {
            // The longest run of up to 6 segments from i that is a domain word.
            var candidate = pieces[i]
            var longest: (end: Int, word: String)? = nil
            var j = i + 1
            while j < min(pieces.count, i + 6) {
                candidate += pieces[j]
                guard prefixes.contains(candidate) else { break }
                if domainWords.contains(candidate) { longest = (j + 1, candidate) }
                j += 1
            }
            if let longest {
                pieces.replaceSubrange(i..<longest.end, with: [longest.word])
            } else {
                i += 1
            }
        }
        return pieces
    }

    /// Every non-empty leading part (by scalar) of every word.
    public static func prefixes(of words: Set<String>) -> Set<String> {
        var out = Set<String>()
        for w in words {
            var v = String.UnicodeScalarView()
            for u in w.unicodeScalars { v.append(u); out.insert(String(v)) }
        }
        return out
    }

    func boundaries(_ text: String, kind: Int32) -> [Range<Int>] {
        var utf16: [UInt16] = []
        utf16.reserveCapacity(text.utf8.count)
        var astral = false   // a scalar beyond the BMP takes two UTF-16 units
        for u in text.unicodeScalars {
            if u.value < 0x10000 {
                utf16.append(UInt16(truncatingIfNeeded: u.value))
            } else {
                astral = true
                utf16.append(UTF16.leadSurrogate(u)); utf16.append(UTF16.trailSurrogate(u))
            }
        }
        guard !utf16.isEmpty else { return [] }
        // UTF-16 offsets back to scalar offsets (the same offsets when every scalar is in the BMP).
        var scalarOf: [Int] = []
        var s = utf16.count
        if astral {
            scalarOf = [Int](repeating: 0, count: utf16.count + 1)
            s = 0
            var i = 0
            while i < utf16.count {
                scalarOf[i] = s
                if UTF16.isLeadSurrogate(utf16[i]), i + 1 < utf16.count {
                    scalarOf[i + 1] = s
                    i += 2
                } else {
                    i += 1
                }
                s += 1
            }
            scalarOf[utf16.count] = s
        }
        var result: [Range<Int>] = []
        utf16.withUnsafeBufferPointer { buf in
            var error: Int32 = 0
            guard let it = gouji_brk_acquire(kind, "zh", buf.baseAddress, Int32(buf.count), &error), error <= 0 else {
                result = [0..<s]
                return
            }
            var start = Int(gouji_brk_first(it))
            while true {
                let next = Int(gouji_brk_next(it))
                if next < 0 { break }
                result.append(astral ? scalarOf[start]..<scalarOf[next] : start..<next)
                start = next
            }
        }
        return result
    }
}

/// Full-width to half-width normalisation that keeps every character in place (1 scalar →
/// 1 scalar), so offsets found in the normalised text are offsets in the original.
public enum Normalizer {
    public static func normalize(_ text: String) -> String {
        guard hasFullWidth(text) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for u in text.unicodeScalars {
            if let ascii = halfWidth(u) { out.append(ascii) } else { UTF8.encode(u) { out.append($0) } }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `text` has a scalar `halfWidth` replaces, found on the UTF-8 bytes: U+FF05…U+FF1E
    /// are EF BC 85…9E and U+3000 is E3 80 80 (EF and E3 are only ever lead bytes).
    static func hasFullWidth(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { b in
            var i = 0
            let n = b.count
            while i + 2 < n {
                switch (b[i], b[i + 1]) {
                case (0xEF, 0xBC):
                    switch b[i + 2] {
                    case 0x85, 0x8B, 0x8D, 0x8E, 0x90...0x99, 0x9C, 0x9D, 0x9E: return true
                    default: break
                    }
                case (0xE3, 0x80): if b[i + 2] == 0x80 { return true }
                default: break
                }
                i += 1
            }
            return false
        }
    }

    /// The ASCII replacement of a full-width digit, ．％＋－＜＞＝ or the ideographic space.
    @inline(__always)
    static func halfWidth(_ u: Unicode.Scalar) -> UInt8? {
        switch u.value {
        case 0xFF10...0xFF19: return UInt8(u.value - 0xFF10 + 0x30)
        case 0xFF0E: return UInt8(ascii: ".")   // ．
        case 0xFF05: return UInt8(ascii: "%")   // ％
        case 0xFF0B: return UInt8(ascii: "+")
        case 0xFF0D: return UInt8(ascii: "-")
        case 0xFF1C: return UInt8(ascii: "<")
        case 0xFF1E: return UInt8(ascii: ">")
        case 0xFF1D: return UInt8(ascii: "=")
        case 0x3000: return UInt8(ascii: " ")
        default: return nil
        }
    }

    /// Whether normalisation changed anything in `text`.
    public static func needsNormalizing(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0xFF10...0xFF19).contains($0.value) || $0.value == 0xFF0E || $0.value == 0xFF05 }
    }
}
