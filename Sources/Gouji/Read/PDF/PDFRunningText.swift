/// Finds running headers, footers and page numbers: lines in the top or bottom margin band of
/// a page that are a page number on their own ("- 3 -", "第3页 共9页", "3/9", "Page 3"), or whose
/// text (digits aside) recurs at the same height on most pages.
enum PDFRunningText {
    /// The share of the page height, at the top and at the bottom, where running text sits.
    static let band = 0.12

    /// The lines to keep on each page: `pages[i]` holds page i's lines, `heights[i]` its height.
    static func strip(_ pages: [[PDFLine]], heights: [Double]) -> [[PDFLine]] {
        // How many pages have each (height, text) of their margin bands.
        var counts: [String: Int] = [:]
        var keys: [[String?]] = []
        for (i, lines) in pages.enumerated() {
            var seen: Set<String> = []
            var pageKeys: [String?] = []
            for line in lines {
                guard inBand(line, height: heights[i]) else { pageKeys.append(nil); continue }
                let key = "\(Int((line.y1 / 3).rounded()))|\(shape(line.text))"
                pageKeys.append(key)
                if seen.insert(key).inserted { counts[key, default: 0] += 1 }
            }
            keys.append(pageKeys)
        }
        let most = pages.count / 2 + 1
        return pages.enumerated().map { i, lines in
            lines.enumerated().compactMap { k, line in
                guard let key = keys[i][k] else { return line }
                if isPageNumber(line.text) { return nil }
                if pages.count >= 2, let n = counts[key], n >= most, n >= 2 { return nil }
                return line
            }
        }
    }

    static func inBand(_ line: PDFLine, height: Double) -> Bool {
        guard height > 0 else { return false }
        return line.y2 <= height * band || line.y1 >= height * (1 - band)
    }

    /// The text with white space removed and every run of digits as one `#`.
    static func shape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var inDigits = false
        for u in text.unicodeScalars where !u.properties.isWhitespace {
            let digit = ("0"..."9").contains(u)
            if digit { if !inDigits { out.append("#") } } else { out.append(u) }
            inDigits = digit
        }
        return String(out)
    }

    /// A page number alone on its line.
    static func isPageNumber(_ text: String) -> Bool {
        let s = shape(text).lowercased()
        let forms: Set<String> = ["#", "-#-", "—#—", "–#–", "－#－", "#/#", "第#页", "第#页共#页", "第#页,共#页",
                                  "第#页，共#页", "共#页第#页", "page#", "page#of#", "#of#", "(#)", "（#）", "[#]"]
        return forms.contains(s)
    }
}
