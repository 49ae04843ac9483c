/// A stretch of one line without a wide gap: a table cell's line, or a whole line of prose.
struct PDFRun: Sendable {
    var text: String
    var x1: Double
    var x2: Double
    var y1: Double
    var y2: Double
}

/// Characters that share a horizontal band of a page, left to right, cut into runs at gaps
/// wider than a few characters. `number` is the line's 1-based place among the text lines of
/// its page (blank space is not a line).
struct PDFLine: Sendable {
    var page: Int
    var number: Int
    var y1: Double
    var y2: Double
    /// The typical glyph height of the line (the size the thresholds scale with).
    var size: Double
    var runs: [PDFRun]

    var x1: Double { runs.first?.x1 ?? 0 }
    var x2: Double { runs.last?.x2 ?? 0 }
    /// The runs with one space between them.
    var text: String { runs.map(\.text).joined(separator: " ") }
    var part: String { "page\(page)/line\(number)" }
}

/// Rebuilds lines from character boxes (a PDF's text layer or OCR's words): characters are
/// grouped into lines by vertical overlap, ordered by x, and cut into runs where the gap is
/// wider than `runGap` line heights. Inside a run, a gap wider than `spaceGap` heights is one
/// space; narrower gaps (Chinese glyphs, the extra spacing a word processor puts between
/// Chinese and Latin text, digits and their decimal point) join without one.
enum PDFLayout {
    /// Gap (in line heights) that separates runs: cell gutters are at least the two paddings.
    static let runGap = 0.6
    /// Gap (in line heights) that is a space inside a run.
    static let spaceGap = 0.2

    static func lines(_ glyphs: [PDFGlyph], page: Int) -> [PDFLine] {
        guard !glyphs.isEmpty else { return [] }
        let sorted = glyphs.sorted { a, b in
            a.centerY != b.centerY ? a.centerY < b.centerY : a.x1 < b.x1
        }
        // Bands: a glyph joins the current band while its centre lies within the band's first
        // glyph's vertical extent (shrunk a little, so that touching lines stay apart).
        var bands: [[PDFGlyph]] = []
        var anchor: PDFGlyph? = nil
        for g in sorted {
            if let a = anchor, abs(g.centerY - a.centerY) <= 0.35 * max(a.height, g.height) {
                bands[bands.count - 1].append(g)
            } else {
                bands.append([g])
                anchor = g
            }
        }
        var lines: [PDFLine] = []
        for band in bands {
            let glyphs = dedupe(band.sorted { $0.x1 < $1.x1 })
            let heights = glyphs.map(\.height).sorted()
            let size = max(heights[heights.count / 2], 0.5)
            let runs = self.runs(glyphs, size: size)
            guard !runs.isEmpty else { continue }
            lines.append(PDFLine(page: page, number: lines.count + 1,
                                 y1: glyphs.map(\.y1).min() ?? 0, y2: glyphs.map(\.y2).max() ?? 0,
                                 size: size, runs: runs))
        }
        return lines
    }

    /// Drops a glyph drawn again on top of the previous one (fake bold, shadows).
    private static func dedupe(_ glyphs: [PDFGlyph]) -> [PDFGlyph] {
        var out: [PDFGlyph] = []
        out.reserveCapacity(glyphs.count)
        for g in glyphs {
            if let last = out.last, last.scalar == g.scalar, abs(last.x1 - g.x1) < 0.3 * max(g.height, 1) { continue }
            out.append(g)
        }
        return out
    }

    private static func runs(_ glyphs: [PDFGlyph], size: Double) -> [PDFRun] {
        var runs: [PDFRun] = []
        var text = String.UnicodeScalarView()
        var current: PDFRun? = nil
        for g in glyphs {
            if var run = current {
                let gap = g.x1 - run.x2
                if gap > runGap * size {
                    run.text = String(text)
                    runs.append(run)
                    text = String.UnicodeScalarView()
                    current = nil
                } else {
                    if gap > spaceGap * size { text.append(" ") }
                    text.append(g.scalar)
                    run.x2 = max(run.x2, g.x2)
                    run.y1 = min(run.y1, g.y1)
                    run.y2 = max(run.y2, g.y2)
                    current = run
                    continue
                }
            }
            text.append(g.scalar)
            current = PDFRun(text: "", x1: g.x1, x2: g.x2, y1: g.y1, y2: g.y2)
        }
        if var run = current {
            run.text = String(text)
            runs.append(run)
        }
        return runs
    }
}

extension Unicode.Scalar {
    /// A Latin letter (words in Latin script are separated by spaces, Chinese ones are not).
    var isLatinLetter: Bool {
        (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) || (0xC0...0x24F).contains(value)
    }
}

/// Joins the lines of one paragraph or cell: a line that wrapped continues without a space
/// (Chinese has none, and a number cut at the margin must stay whole), except between two Latin
/// letters, where the wrap was a space.
enum PDFJoin {
    static func append(_ line: String, to text: inout String) {
        if let last = text.unicodeScalars.last, let first = line.unicodeScalars.first,
           last.isLatinLetter && first.isLatinLetter {
            text += " "
        }
        text += line
    }
}
