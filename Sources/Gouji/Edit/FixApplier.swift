import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Applies the safe suggestions of findings (format fixes only: full-width digits, a malformed
/// number whose correction is certain, 万 → 万元 in a money context) to a text input, and
/// shows the change as a unified diff. Arithmetic corrections are never safe, so never applied.
public enum FixApplier {
    /// Why a safe suggestion was not applied.
    public enum SkipReason: Equatable, Sendable {
        /// It overlaps another suggestion; none of the overlapping ones is applied.
        case overlapping
        /// The text at its location is no longer what the suggestion expects.
        case mismatch(found: String)
        /// Its location lies outside the text.
        case outOfRange
        /// It changes the digits of a number: that is an arithmetic correction, never applied
        /// automatically even when marked safe.
        case changesDigits
    }

    public struct Outcome: Sendable {
        public var original: String
        public var text: String
        public var applied: [Suggestion]
        public var skipped: [(suggestion: Suggestion, reason: SkipReason)]
        public var changed: Bool { !applied.isEmpty }
    }

    /// The safe suggestions of the findings, each once (same span and replacement).
    public static func safeSuggestions(_ findings: [Finding]) -> [Suggestion] {
        var seen = Set<String>()
        var out: [Suggestion] = []
        for f in findings {
            for s in f.suggestions where s.safe {
                let key = "\(s.location.start):\(s.location.end):\(s.replacement)"
                if seen.insert(key).inserted { out.append(s) }
            }
        }
        return out
    }

    /// Applies the given suggestions (assumed safe) to `text`, whose offsets they use.
    public static func apply(_ suggestions: [Suggestion], to text: String) -> Outcome {
        let scalars = Array(text.unicodeScalars)
        var skipped: [(suggestion: Suggestion, reason: SkipReason)] = []
        var candidates: [Suggestion] = []
        for s in suggestions {
            let l = s.location
            guard l.start >= 0, l.end >= l.start, l.end <= scalars.count else {
                skipped.append((s, .outOfRange)); continue
            }
            let found = slice(scalars, l.start, l.end)
            guard found == s.original else { skipped.append((s, .mismatch(found: found))); continue }
            guard digits(s.original) == digits(s.replacement) else { skipped.append((s, .changesDigits)); continue }
            candidates.append(s)
        }
        candidates.sort { ($0.location.start, $0.location.end) < ($1.location.start, $1.location.end) }
        var overlapping = Set<Int>()
        for i in candidates.indices {
            for j in candidates.indices where j > i {
                let a = candidates[i].location, b = candidates[j].location
                if b.start > a.end || (b.start == a.end && a.end > a.start && b.end > b.start) { break }
                let overlap = (a.start < b.end && b.start < a.end) || a.start == b.start
                if overlap { overlapping.insert(i); overlapping.insert(j) }
            }
        }
        var applied: [Suggestion] = []
        for (i, s) in candidates.enumerated() {
            if overlapping.contains(i) { skipped.append((s, .overlapping)) } else { applied.append(s) }
        }
        var out = String.UnicodeScalarView()
        var cursor = 0
        for s in applied {
            out.append(contentsOf: scalars[cursor..<s.location.start])
            out.append(contentsOf: s.replacement.unicodeScalars)
            cursor = s.location.end
        }
        out.append(contentsOf: scalars[cursor...])
        return Outcome(original: text, text: String(out), applied: applied, skipped: skipped)
    }

    /// The digits of a text, full-width ones as ASCII ("１００％" and "100%" both give "100").
    static func digits(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            if u.value >= 0x30 && u.value <= 0x39 { out.unicodeScalars.append(u) }
            else if u.value >= 0xFF10 && u.value <= 0xFF19, let ascii = Unicode.Scalar(u.value - 0xFF10 + 0x30) { out.unicodeScalars.append(ascii) }
        }
        return out
    }

    static func slice(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }

    // MARK: - Unified diff

    /// A unified diff (3 lines of context) of the applied suggestions against the original text.
    public static func unifiedDiff(_ outcome: Outcome, oldName: String, newName: String, context: Int = 3) -> String {
        let lines = LineIndex(outcome.original)
        let scalars = Array(outcome.original.unicodeScalars)
        let endsWithNewline = scalars.last == "\n"
        // Number of lines, not counting the empty one after a final newline.
        let lineCount = endsWithNewline ? lines.lineStarts.count - 1 : lines.lineStarts.count
        guard !outcome.applied.isEmpty, lineCount > 0 else { return "" }

        // Group the edits into changes over whole old lines.
        struct Change { var first: Int; var last: Int; var edits: [Suggestion]; var newLines: [String] = [] }
        var changes: [Change] = []
        for s in outcome.applied {
            let first = lines.line(of: s.location.start)
            let last = max(first, lines.line(of: max(s.location.start, s.location.end - 1)))
            if var c = changes.last, first <= c.last {
                c.last = max(c.last, last); c.edits.append(s); changes[changes.count - 1] = c
            } else {
                changes.append(Change(first: first, last: last, edits: [s]))
            }
        }
        func lineEnd(_ line: Int) -> Int { // offset of the line's newline (or the end of text)
            line < lines.lineStarts.count ? lines.lineStarts[line] - 1 : scalars.count
        }
        for i in changes.indices {
            let start = lines.lineStarts[changes[i].first - 1], end = lineEnd(changes[i].last)
            var segment = String.UnicodeScalarView()
            var cursor = start
            for s in changes[i].edits {
                segment.append(contentsOf: scalars[cursor..<s.location.start])
                segment.append(contentsOf: s.replacement.unicodeScalars)
                cursor = s.location.end
            }
            segment.append(contentsOf: scalars[cursor..<max(cursor, end)])
            changes[i].newLines = String(segment).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }

        var out = "--- \(oldName)\n+++ \(newName)\n"
        var delta = 0
        var i = 0
        while i < changes.count {
            var j = i
            while j + 1 < changes.count, changes[j + 1].first - changes[j].last - 1 <= 2 * context { j += 1 }
            let from = max(1, changes[i].first - context), to = min(lineCount, changes[j].last + context)
            var body = ""
            var oldCount = 0, newCount = 0
            var line = from
            func contextLine(_ n: Int) {
                body += " " + lines.lineText(n) + "\n"; oldCount += 1; newCount += 1
                if n == lineCount && !endsWithNewline { body += "\\ No newline at end of file\n" }
            }
            for c in changes[i...j] {
                while line < c.first { contextLine(line); line += 1 }
                for n in c.first...c.last {
                    body += "-" + lines.lineText(n) + "\n"; oldCount += 1
                    if n == lineCount && !endsWithNewline { body += "\\ No newline at end of file\n" }
                }
                for (k, l) in c.newLines.enumerated() {
                    body += "+" + l + "\n"; newCount += 1
                    if c.last == lineCount && !endsWithNewline && k == c.newLines.count - 1 { body += "\\ No newline at end of file\n" }
                }
                line = c.last + 1
            }
            while line <= to { contextLine(line); line += 1 }
            out += "@@ -\(from),\(oldCount) +\(from + delta),\(newCount) @@\n" + body
            delta += newCount - oldCount
            i = j + 1
        }
        return out
    }

    // MARK: - Writing back in the input's encoding

    /// How the input file was written, so the fixed text can be written the same way.
    public struct TextFormat: Sendable {
        public var encoding: String
        public var byteOrderMark: Bool
        public var newline: String

        /// Inspects the original bytes (the encoding comes from the reader).
        public init(data: Data, encoding: String) {
            self.encoding = encoding
            let bytes = [UInt8](data.prefix(4))
            byteOrderMark = bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
            let crlf: [UInt8] = encoding == "UTF-16LE" ? [0x0D, 0x00, 0x0A, 0x00] : encoding == "UTF-16BE" ? [0x00, 0x0D, 0x00, 0x0A] : [0x0D, 0x0A]
            let cr: [UInt8] = encoding == "UTF-16LE" ? [0x0D, 0x00] : encoding == "UTF-16BE" ? [0x00, 0x0D] : [0x0D]
            if data.range(of: Data(crlf)) != nil { newline = "\r\n" } else if data.range(of: Data(cr)) != nil { newline = "\r" } else { newline = "\n" }
        }

        public init(encoding: String = "UTF-8", byteOrderMark: Bool = false, newline: String = "\n") {
            self.encoding = encoding; self.byteOrderMark = byteOrderMark; self.newline = newline
        }

        /// The text (LF newlines) encoded like the original.
        public func encode(_ text: String) throws -> Data {
            let body = newline == "\n" ? text : text.replacingOccurrences(of: "\n", with: newline)
            switch encoding.uppercased() {
            case "UTF-8":
                return (byteOrderMark ? Data([0xEF, 0xBB, 0xBF]) : Data()) + Data(body.utf8)
            case "UTF-16LE", "UTF-16BE":
                let little = encoding.uppercased() == "UTF-16LE"
                var bytes: [UInt8] = byteOrderMark ? (little ? [0xFF, 0xFE] : [0xFE, 0xFF]) : []
                for u in body.utf16 {
                    let lo = UInt8(u & 0xFF), hi = UInt8(u >> 8)
                    bytes += little ? [lo, hi] : [hi, lo]
                }
                return Data(bytes)
            default:
                return try iconv(body, to: encoding)
            }
        }

        /// Converts UTF-8 text to a legacy charset (GB18030, Big5) with the C library's iconv.
        func iconv(_ text: String, to charset: String) throws -> Data {
            let cd = iconv_open(charset, "UTF-8")
            guard cd != iconv_t(bitPattern: -1) else {
                throw CocoaError(.fileWriteInapplicableStringEncoding, userInfo: [NSLocalizedDescriptionKey: "cannot encode as \(charset)"])
            }
            defer { iconv_close(cd) }
            var input = Array(text.utf8).map { CChar(bitPattern: $0) }
            var output = [CChar](repeating: 0, count: input.count * 2 + 16)
            let written: Int = input.withUnsafeMutableBufferPointer { inBuf in
                output.withUnsafeMutableBufferPointer { outBuf in
                    var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
                    var inLeft = inBuf.count
                    var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress
                    var outLeft = outBuf.count
                    let rc = Glibc.iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    return rc == -1 || inLeft != 0 ? -1 : outBuf.count - outLeft
                }
            }
            guard written >= 0 else {
                throw CocoaError(.fileWriteInapplicableStringEncoding, userInfo: [NSLocalizedDescriptionKey: "the text cannot be encoded as \(charset)"])
            }
            return Data(output.prefix(written).map { UInt8(bitPattern: $0) })
        }
    }
}
