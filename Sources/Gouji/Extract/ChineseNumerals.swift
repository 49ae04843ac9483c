import Foundation

/// Parses Chinese numerals, ordinary (一千二百三十万, 两百, 十二, 二〇二一) and financial
/// uppercase (壹万伍仟元整, 叁拾元伍角贰分), into exact decimals.
public enum ChineseNumerals {
    static let digits: [Character: Int] = [
        "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
        "壹": 1, "贰": 2, "貳": 2, "叁": 3, "參": 3, "肆": 4, "伍": 5, "陆": 6, "陸": 6, "柒": 7, "捌": 8, "玖": 9,
    ]
    static let smallUnits: [Character: Int] = ["十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000]
    static let bigUnits: [Character: Decimal] = ["万": 10000, "萬": 10000, "亿": 100_000_000, "億": 100_000_000]

    /// The characters that may appear in a numeral.
    public static let characters: String = "零〇一二两三四五六七八九十百千万亿壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬億"

    /// Value of an integer numeral, or nil if the text is not one.
    public static func value(_ text: String) -> Decimal? {
        let chars = Array(text)
        guard !chars.isEmpty else { return nil }
        // Digit strings without units ("二〇二一") read positionally.
        if chars.allSatisfy({ digits[$0] != nil }) && chars.count > 1 {
            return chars.reduce(Decimal(0)) { $0 * 10 + Decimal(digits[$1]!) }
        }
        var total = Decimal(0)      // completed 亿/万 sections
        var section = 0             // below 万
        var digit: Int? = nil
        for ch in chars {
            if let d = digits[ch] {
                digit = d
            } else if let u = smallUnits[ch] {
                section += (digit ?? 1) * u
                digit = nil
            } else if let big = bigUnits[ch] {
                let sectionValue = Decimal(section + (digit ?? 0))
                if big == 100_000_000 {
                    total = (total + sectionValue) * big
                } else {
                    total += sectionValue * big
                }
                section = 0
                digit = nil
            } else {
                return nil
            }
        }
        return total + Decimal(section + (digit ?? 0))
    }

    /// Value of a financial amount written in uppercase: "壹万伍仟元整", "叁拾元伍角贰分".
    public static func money(_ text: String) -> Decimal? {
        var s = text
        if s.endsWithBytes("整") || s.endsWithBytes("正") { s.removeLast() }
        var yuan = Decimal(0)
        var rest = Substring(s)
        if let i = s.firstIndex(where: { $0 == "元" || $0 == "圆" }) {
            let head = String(s[..<i])
            if !head.isEmpty { guard let v = value(head) else { return nil }; yuan = v }
            rest = s[s.index(after: i)...]
        } else if !s.containsBytes(of: "角") && !s.containsBytes(of: "分") {
            return value(s)
        } else {
            rest = Substring(s)
        }
        var cents = Decimal(0)
        var digit: Int? = nil
        for ch in rest {
            if ch == "零" || ch == "〇" { continue }
            if let d = digits[ch] { digit = d; continue }
            if ch == "角", let d = digit { cents += Decimal(d) / 10; digit = nil; continue }
            if ch == "分", let d = digit { cents += Decimal(d) / 100; digit = nil; continue }
            return nil
        }
        return yuan + cents
    }
}
