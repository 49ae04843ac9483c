/// Inline ruby pinyin as some mirror sites print it: each character followed by its reading in
/// brackets (經(jīng)費(fèi), 萬(wàn)元). The readings are dropped so that 萬元 and 經費 are read as
/// words; line breaks are kept, so line numbers still point at the original.
///
/// A bracket counts as a reading when it follows a Chinese character and holds one pinyin
/// syllable (at most six lowercase Latin letters, ü and tone-marked vowels included); readings
/// are dropped only when the text has at least three with a tone mark, so that an ordinary
/// "(a)" or "(kg)" in a report is never touched.
public enum RubyPinyin {
    static let toneMarked: Set<Unicode.Scalar> = Set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ".unicodeScalars)
    static let letters: Set<Unicode.Scalar> = toneMarked.union("abcdefghijklmnopqrstuvwxyzü".unicodeScalars)

    /// The text without its ruby readings, or nil when it has none.
    public static func stripped(_ text: String) -> String? {
        guard text.unicodeScalars.contains(where: { toneMarked.contains($0) }) else { return nil }
        let scalars = Array(text.unicodeScalars)
        var readings: [Range<Int>] = []
        var toned = 0
        var i = 1
        while i < scalars.count {
            if scalars[i] == "(" && scalars[i - 1].properties.isIdeographic {
                var j = i + 1
                var marked = false
                while j < scalars.count && j - i <= 7 && letters.contains(scalars[j]) {
                    if toneMarked.contains(scalars[j]) { marked = true }
                    j += 1
                }
                if j < scalars.count && scalars[j] == ")" && j > i + 1 && j - i <= 7 {
                    readings.append(i..<(j + 1))
                    if marked { toned += 1 }
                    i = j + 1
                    continue
                }
            }
            i += 1
        }
        guard toned >= 3 else { return nil }
        var out = String.UnicodeScalarView()
        var from = 0
        for r in readings {
            out.append(contentsOf: scalars[from..<r.lowerBound])
            from = r.upperBound
        }
        out.append(contentsOf: scalars[from...])
        return String(out)
    }
}
