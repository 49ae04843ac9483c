import CICUShim

/// Where a piece of text sits in the input.
///
/// `line` and `column` are 1-based (columns count Characters); `start` and `end` are offsets in
/// Unicode scalars from the start of the decoded, newline-normalised text (the convention of the
/// seed gold). For .docx inputs `part` names the Word structure: `p12` for the 13th body paragraph,
/// `t1/r3/c4` for table 1, row 3, cell 4 (all 0-based).
public struct SourceLocation: Codable, Hashable, Sendable {
    public var line: Int
    public var column: Int
    public var start: Int
    public var end: Int
    public var part: String?

    public init(line: Int, column: Int, start: Int, end: Int, part: String? = nil) {
        self.line = line
        self.column = column
        self.start = start
        self.end = end
        self.part = part
    }
}

/// Maps Unicode-scalar offsets of a text to lines and columns.
public struct LineIndex: Sendable {
    /// Scalar offset at which each line starts (line 1 is index 0).
    public let lineStarts: [Int]
    private let scalars: [Unicode.Scalar]
    /// The text's UTF-8 and the byte offset of every scalar (plus the end), so that a slice of
    /// text is a byte copy.
    private let utf8: [UInt8]
    private let byteOffsets: [Int32]
    /// Per line, the offset of its first scalar that is not `isWholeCharacter` (the line end if
    /// none): up to it, columns are scalar counts.
    private let complexFrom: [Int]
    /// Grapheme boundaries in long lines, about every `checkpointSpacing` scalars, with their
    /// column, in text order. A column is counted from the nearest one before it instead of
    /// from the line start: counting from the line start for every figure made a long line
    /// with many figures quadratic.
    private let checkpoints: [Checkpoint]
    private static let checkpointSpacing = 2048

    private struct Checkpoint: Sendable {
        /// Scalar offset of a grapheme boundary.
        var offset: Int
        /// 1-based column (in Characters) of the character starting there.
        var column: Int
    }

    public init(_ text: String) {
        var starts = [0]
        let bytes = Array(text.utf8)
        var complexFrom: [Int] = []
        var lineComplex: Int? = nil
        // The scalars decoded from the bytes (a String's UTF-8 is always valid), each with its
        // byte offset, written into arrays made at their final size (appending cost more than
        // decoding).
        let scalarCount = bytes.reduce(0) { UTF8.isContinuation($1) ? $0 : $0 + 1 }
        var all = [Unicode.Scalar](repeating: "\0", count: scalarCount)
        var byteOffsets = [Int32](repeating: 0, count: scalarCount + 1)
        bytes.withUnsafeBufferPointer { b in
            all.withUnsafeMutableBufferPointer { scalars in
                byteOffsets.withUnsafeMutableBufferPointer { offsets in
                    var i = 0, n = 0
                    while i < b.count {
                        let (value, width) = UTF8.scalar(in: b, at: i)
                        let s = Unicode.Scalar(value).unsafelyUnwrapped
                        offsets[n] = Int32(i)
                        if lineComplex == nil, !s.isWholeCharacter { lineComplex = n }
                        scalars[n] = s
                        n += 1
                        if value == 0x0A {
                            complexFrom.append(lineComplex ?? n)
                            lineComplex = nil
                            starts.append(n)
                        }
                        i += width
                    }
                    offsets[n] = Int32(b.count)
                }
            }
        }
        complexFrom.append(lineComplex ?? all.count)
        var checkpoints: [Checkpoint] = []
        let spacing = Self.checkpointSpacing
        for (k, start) in starts.enumerated() {
            let end = k + 1 < starts.count ? starts[k + 1] : all.count
            guard end - start > spacing, complexFrom[k] < end else { continue }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: all[start..<end])
            var offset = start, column = 1, next = start + spacing
            for character in String(view) {
                if offset >= next {
                    checkpoints.append(Checkpoint(offset: offset, column: column))
                    next = offset + spacing
                }
                offset += character.unicodeScalars.count
                column += 1
            }
        }
        lineStarts = starts
        scalars = all
        utf8 = bytes
        self.byteOffsets = byteOffsets
        self.complexFrom = complexFrom
        self.checkpoints = checkpoints
    }


    public var scalarCount: Int { scalars.count }

    /// 1-based line of a scalar offset.
    public func line(of offset: Int) -> Int {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo + 1
    }

    /// A location spanning scalars `start..<end`; the column counts Characters from the line start.
    public func location(start: Int, end: Int, part: String? = nil) -> SourceLocation {
        let line = line(of: start)
        let lineStart = lineStarts[line - 1]
        if start <= complexFrom[line - 1] {
            return SourceLocation(line: line, column: start - lineStart + 1, start: start, end: end, part: part)
        }
        var from = (offset: lineStart, column: 1)
        if start - lineStart > Self.checkpointSpacing, let checkpoint = checkpoint(atOrBefore: start), checkpoint.offset >= lineStart {
            from = (checkpoint.offset, checkpoint.column)
        }
        let column: Int
        if start > from.offset {
            column = text(from: from.offset, to: start).count + from.column
        } else {
            column = from.column
        }
        return SourceLocation(line: line, column: column, start: start, end: end, part: part)
    }

    /// The last checkpoint at or before `offset`.
    private func checkpoint(atOrBefore offset: Int) -> Checkpoint? {
        var lo = 0, hi = checkpoints.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if checkpoints[mid].offset <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 ? checkpoints[lo - 1] : nil
    }

    /// The text of a 1-based line without its newline.
    public func lineText(_ line: Int) -> String {
        let r = lineRange(line)
        return text(from: r.lowerBound, to: r.upperBound)
    }

    /// The scalar offsets of a 1-based line without its newline (empty beyond the last line).
    public func lineRange(_ line: Int) -> Range<Int> {
        guard line >= 1, line <= lineStarts.count else { return 0..<0 }
        let s = lineStarts[line - 1]
        var e = line < lineStarts.count ? lineStarts[line] : scalars.count
        if e > s, scalars[e - 1] == "\n" { e -= 1 }
        return s..<e
    }

    /// The scalar at an offset.
    public func scalar(at offset: Int) -> Unicode.Scalar? { offset >= 0 && offset < scalars.count ? scalars[offset] : nil }

    /// Walks back from `offset` (exclusive) to just after the nearest scalar in `stops`, or to
    /// the line start.
    public func back(from offset: Int, to stops: ScalarTable) -> Int {
        var i = min(offset, scalars.count)
        while i > 0, scalars[i - 1] != "\n", !stops.contains(scalars[i - 1]) { i -= 1 }
        return i
    }

    /// Walks forward from `offset` to the nearest scalar in `stops`, or to the line end.
    public func forward(from offset: Int, to stops: ScalarTable) -> Int {
        var i = max(0, offset)
        while i < scalars.count, scalars[i] != "\n", !stops.contains(scalars[i]) { i += 1 }
        return i
    }

    /// The text between two scalar offsets.
    public func text(from start: Int, to end: Int) -> String {
        let s = min(max(0, start), scalars.count), e = max(s, min(end, scalars.count))
        return String(decoding: utf8[Int(byteOffsets[s])..<Int(byteOffsets[e])], as: UTF8.self)
    }

    /// The scalar offset of the first occurrence of `needle` in `text(from: start, to: end)`,
    /// searched in the text's bytes without making that string.
    public func offset(of needle: String, from start: Int, to end: Int) -> Int? {
        let s = min(max(0, start), scalars.count), e = max(s, min(end, scalars.count))
        let lo = Int(byteOffsets[s]), hi = Int(byteOffsets[e])
        let n = needle.utf8.count
        guard n > 0 else { return s }
        guard hi - lo >= n else { return nil }
        var needle = needle
        let found = utf8.withUnsafeBufferPointer { h in
            needle.withUTF8 { w in gouji_memmem(h.baseAddress! + lo, hi - lo, w.baseAddress!, n) }
        }
        guard found >= 0 else { return nil }
        // The scalar starting at that byte: byteOffsets is increasing.
        var a = s, b = e
        let target = Int32(lo + found)
        while a < b {
            let m = (a + b) / 2
            if byteOffsets[m] < target { a = m + 1 } else { b = m }
        }
        return a
    }
}
