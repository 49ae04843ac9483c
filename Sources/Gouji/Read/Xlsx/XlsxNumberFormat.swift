/// Shows a cell's number as Excel displays it under its number format code, so that a figure
/// reads as it does on screen: 0.9997 under `0.00%` is "99.97%", 1234.5 under `#,##0.00` is
/// "1,234.50", a serial date under `yyyy"年"m"月"d"日"` is "2023年1月12日", and General shows the
/// shortest decimal of 15 significant digits (0.30000000000000004 → "0.3").
///
/// Works on the cell's decimal text (`XlsxDecimal`), never through binary floating point,
/// except for the time of day of a serial date and fraction approximations.
///
/// Supported: sections (positive;negative;zero;text) and conditions (`[>=100]`); literals
/// (quoted, backslash-escaped, and the characters Excel shows as they are); `0 # ?`
/// placeholders, decimal point, thousands separator and trailing-comma scaling, `%`,
/// scientific `E+00`, fractions `# ?/?`, `General` inside a section, `_x` (a space), `*x`
/// (fill, dropped), `@`; colours, locale and `[DBNum…]` tags are dropped (`[$¥-804]` keeps its
/// symbol); dates and times (y, m, d, h, s, AM/PM, 上午/下午, `aaa`/`aaaa` weekdays, elapsed
/// `[h]`, fractional seconds) in the 1900 system (with its 29 February 1900) or 1904.
struct XlsxNumberFormat {
    let code: String

    init(_ code: String) { self.code = code }

    /// The built-in format codes (ECMA-376 §18.8.30, plus the Chinese locale's dates). Format 14
    /// follows the locale in Excel; it is shown as ISO yyyy-mm-dd.
    static func builtIn(_ id: Int) -> String? {
        switch id {
        case 0: return "General"
        case 1: return "0"
        case 2: return "0.00"
        case 3: return "#,##0"
        case 4: return "#,##0.00"
        case 5: return "\"¥\"#,##0;\"¥\"-#,##0"
        case 6: return "\"¥\"#,##0;[Red]\"¥\"-#,##0"
        case 7: return "\"¥\"#,##0.00;\"¥\"-#,##0.00"
        case 8: return "\"¥\"#,##0.00;[Red]\"¥\"-#,##0.00"
        case 9: return "0%"
        case 10: return "0.00%"
        case 11: return "0.00E+00"
        case 12: return "# ?/?"
        case 13: return "# ??/??"
        case 14: return "yyyy-mm-dd"
        case 15: return "d-mmm-yy"
        case 16: return "d-mmm"
        case 17: return "mmm-yy"
        case 18: return "h:mm AM/PM"
        case 19: return "h:mm:ss AM/PM"
        case 20: return "h:mm"
        case 21: return "h:mm:ss"
        case 22: return "yyyy-mm-dd h:mm"
        case 27, 36, 50, 57: return "yyyy\"年\"m\"月\""
        case 28, 29, 51, 53, 54, 58: return "m\"月\"d\"日\""
        case 30: return "m-d-yy"
        case 31: return "yyyy\"年\"m\"月\"d\"日\""
        case 32: return "h\"时\"mm\"分\""
        case 33: return "h\"时\"mm\"分\"ss\"秒\""
        case 34, 55: return "上午/下午h\"时\"mm\"分\""
        case 35, 56: return "上午/下午h\"时\"mm\"分\"ss\"秒\""
        case 37: return "#,##0 ;(#,##0)"
        case 38: return "#,##0 ;[Red](#,##0)"
        case 39: return "#,##0.00;(#,##0.00)"
        case 40: return "#,##0.00;[Red](#,##0.00)"
        case 41: return "_(* #,##0_);_(* (#,##0);_(* \"-\"_);_(@_)"
        case 42: return "_(\"¥\"* #,##0_);_(\"¥\"* (#,##0);_(\"¥\"* \"-\"_);_(@_)"
        case 43: return "_(* #,##0.00_);_(* (#,##0.00);_(* \"-\"??_);_(@_)"
        case 44: return "_(\"¥\"* #,##0.00_);_(\"¥\"* (#,##0.00);_(\"¥\"* \"-\"??_);_(@_)"
        case 45: return "mm:ss"
        case 46: return "[h]:mm:ss"
        case 47: return "mm:ss.0"
        case 48: return "##0.0E+0"
        case 49: return "@"
        default: return nil
        }
    }

    /// The value shown for `value` (the cell's decimal text already parsed).
    /// Excel keeps 15 significant digits: the value is rounded to them before it is formatted.
    func display(_ value: XlsxDecimal, date1904: Bool = false) -> String {
        let value = value.rounded(significant: 15)
        let sections = Self.sections(code).map(Section.init)
        guard let (section, signed) = choose(sections, for: value) else { return Self.general(value) }
        let shown = signed ? value : value.magnitude
        return section.render(shown, date1904: date1904)
    }

    /// The section that shows `value`, and whether its sign is shown (only the first section
    /// of an unconditional format shows a minus sign itself; the others are the sign).
    private func choose(_ sections: [Section], for value: XlsxDecimal) -> (Section, Bool)? {
        let numeric = sections.filter { !$0.isTextOnly }
        guard let first = numeric.first else { return nil }
        if numeric.contains(where: { $0.condition != nil }) {
            for section in numeric {
                if let c = section.condition, c.holds(value) { return (section, false) }
                if section.condition == nil { return (section, numeric.count == 1) }
            }
            return (numeric.last!, false)
        }
        switch numeric.count {
        case 1:
            return (first, true)
        case 2:
            return value.negative ? (numeric[1], false) : (first, true)
        default:
            if value.isZero { return (numeric[2], false) }
            return value.negative ? (numeric[1], false) : (first, true)
        }
    }

    /// General: 15 significant digits, the shortest plain decimal, scientific beyond ±1E15
    /// and below 1E-9 (as a wide Excel column shows it).
    static func general(_ value: XlsxDecimal) -> String {
        let v = value.rounded(significant: 15)
        guard let lead = v.leadingExponent else { return "0" }
        if lead >= 15 || lead < -9 {
            let mantissa = XlsxDecimal(negative: v.negative, digits: v.digits, exponent: -(v.digits.count - 1))
            return mantissa.plain + "E" + (lead < 0 ? "-" : "+") + (abs(lead) < 10 ? "0" : "") + "\(abs(lead))"
        }
        return v.plain
    }

    /// Splits a format code into its sections at `;` outside quotes, brackets and escapes.
    static func sections(_ code: String) -> [String] {
        var out: [String] = []
        var current = ""
        var quoted = false, bracket = false, escaped = false
        for ch in code {
            if escaped { current.append(ch); escaped = false; continue }
            switch ch {
            case "\\" where !quoted: escaped = true; current.append(ch)
            case "\"": quoted.toggle(); current.append(ch)
            case "[" where !quoted: bracket = true; current.append(ch)
            case "]" where !quoted: bracket = false; current.append(ch)
            case ";" where !quoted && !bracket: out.append(current); current = ""
            default: current.append(ch)
            }
        }
        out.append(current)
        return out
    }

    // MARK: - Sections

    struct Condition {
        var op: String
        var operand: XlsxDecimal

        func holds(_ v: XlsxDecimal) -> Bool {
            let c = v.compare(operand)
            switch op {
            case "<": return c < 0
            case "<=": return c <= 0
            case ">": return c > 0
            case ">=": return c >= 0
            case "=": return c == 0
            case "<>": return c != 0
            default: return false
            }
        }
    }

    enum Token: Equatable {
        case literal(String)
        case digit(Character)           // 0 # ?
        case point
        case percent
        case exponent(showPlus: Bool)
        case slash
        case general
        case text                      // @
        case date(String)              // y… m… d… h… s… AM/PM, elapsed [h]
    }

    struct Section {
        var tokens: [Token] = []
        var condition: Condition?
        var grouping = false
        var scale = 0                  // trailing commas: divide by 1000 each

        var isDate: Bool { tokens.contains { if case .date = $0 { return true } else { return false } } }
        var isTextOnly: Bool {
            tokens.contains(.text) && !tokens.contains { if case .digit = $0 { return true }; return $0 == .general } && !isDate
        }

        init(_ code: String) {
            let chars = Array(code)
            var i = 0
            var scaling = false
            func lit(_ s: String) {
                if case .literal(let prev)? = tokens.last { tokens[tokens.count - 1] = .literal(prev + s) } else { tokens.append(.literal(s)) }
            }
            func ahead(_ n: Int) -> String { String(chars[i...].prefix(n)) }
            while i < chars.count {
                let c = chars[i]
                let lower: Character = c.isASCII ? Character(c.lowercased()) : c
                let wasScaling = scaling
                scaling = false
                if c == "\"" {
                    var j = i + 1
                    var s = ""
                    while j < chars.count, chars[j] != "\"" { s.append(chars[j]); j += 1 }
                    lit(s); i = j + 1; continue
                }
                if c == "\\" { if i + 1 < chars.count { lit(String(chars[i + 1])) }; i += 2; continue }
                if c == "_" { lit(" "); i += 2; continue }
                if c == "*" { i += 2; continue }
                if c == "[" {
                    var j = i + 1
                    var s = ""
                    while j < chars.count, chars[j] != "]" { s.append(chars[j]); j += 1 }
                    i = j + 1
                    bracket(s)
                    continue
                }
                if "0#?".contains(c) { tokens.append(.digit(c)); i += 1; continue }
                if c == "." {
                    if isDate {
                        // Fractional seconds (ss.00), else a literal point.
                        var j = i + 1, n = 0
                        while j < chars.count, chars[j] == "0" { n += 1; j += 1 }
                        if n > 0 { tokens.append(.date("." + String(repeating: "0", count: n))); i = j; continue }
                        lit("."); i += 1; continue
                    }
                    if tokens.contains(.point) { lit(".") } else { tokens.append(.point) }
                    i += 1; continue
                }
                if c == "," {
                    // Between integer placeholders: grouping; after the last one: scaling by 1000.
                    let afterDigit = tokens.last.map(Self.isDigit) ?? false
                    let beforeDigit = i + 1 < chars.count && "0#?".contains(chars[i + 1])
                    if afterDigit && beforeDigit && !tokens.contains(.point) { grouping = true }
                    else if afterDigit || wasScaling { scale += 1; scaling = true }
                    else { lit(",") }
                    i += 1; continue
                }
                if c == "%" { tokens.append(.percent); i += 1; continue }
                if (c == "E" || c == "e"), hasDigits, i + 1 < chars.count, chars[i + 1] == "+" || chars[i + 1] == "-" {
                    tokens.append(.exponent(showPlus: chars[i + 1] == "+")); i += 2; continue
                }
                if c == "/", hasDigits, !isDate { tokens.append(.slash); i += 1; continue }
                if c == "@" { tokens.append(.text); i += 1; continue }
                if ahead(7).lowercased() == "general" { tokens.append(.general); i += 7; continue }
                if ahead(5).uppercased() == "AM/PM" { tokens.append(.date("AM/PM")); i += 5; continue }
                if ahead(3).uppercased() == "A/P" { tokens.append(.date("A/P")); i += 3; continue }
                if ahead(5) == "上午/下午" { tokens.append(.date("上午/下午")); i += 5; continue }
                if "ymdhsae".contains(lower) {
                    var j = i
                    while j < chars.count, chars[j].isASCII, Character(chars[j].lowercased()) == lower { j += 1 }
                    let run = j - i
                    // "aaa"/"aaaa" are weekdays and "e" the year only in dates; else literals.
                    if (lower != "a" || run >= 3) && (lower != "e" || !hasDigits) {
                        tokens.append(.date(String(repeating: lower, count: run)))
                        i = j; continue
                    }
                }
                lit(String(c))
                i += 1
            }
        }

        private var hasDigits: Bool { tokens.contains { if case .digit = $0 { return true }; return false } }

        private mutating func bracket(_ s: String) {
            if let first = s.first, "<>=".contains(first) {
                var op = String(s.prefix { "<>=".contains($0) })
                let rest = s.dropFirst(op.count)
                if op == "=<" { op = "<=" }
                if op == "=>" { op = ">=" }
                if let operand = XlsxDecimal(String(rest)) { condition = Condition(op: op, operand: operand) }
                return
            }
            if s.hasPrefix("$") {
                // [$¥-804]: the symbol before the dash; [$-804]: a locale only.
                let symbol = s.dropFirst().prefix { $0 != "-" }
                if !symbol.isEmpty { tokens.append(.literal(String(symbol))) }
                return
            }
            let lower = s.lowercased()
            if !lower.isEmpty, lower.allSatisfy({ "hms".contains($0) }) {
                tokens.append(.date("[" + lower + "]"))
            }
            // Colours ([Red], [Color12]) and [DBNum1] etc. are not shown.
        }

        // MARK: Rendering

        func render(_ value: XlsxDecimal, date1904: Bool) -> String {
            if isDate { return XlsxDateFormat.render(tokens, value: value, date1904: date1904) ?? XlsxNumberFormat.general(value) }
            if tokens.contains(.slash) { return renderFraction(value) }
            var v = value
            let percents = tokens.filter { $0 == .percent }.count
            v = v.shifted(by: 2 * percents - 3 * scale)
            guard let expAt = tokens.firstIndex(where: { if case .exponent = $0 { return true }; return false }) else {
                return renderFixed(v, tokens[...])
            }
            return renderScientific(v, expAt: expAt)
        }

        private static func isDigit(_ t: Token) -> Bool { if case .digit = t { return true }; return false }

        /// Tokens with digit placeholders as a fixed-point number.
        private func renderFixed(_ v: XlsxDecimal, _ tokens: ArraySlice<Token>) -> String {
            let pointAt = tokens.firstIndex(of: .point)
            let integerSlots = tokens.indices.filter { Self.isDigit(tokens[$0]) && (pointAt == nil || $0 < pointAt!) }
            let fractionSlots = tokens.indices.filter { Self.isDigit(tokens[$0]) && pointAt != nil && $0 > pointAt! }
            let hasGeneral = tokens.contains(.general)
            if integerSlots.isEmpty && fractionSlots.isEmpty {
                let body = hasGeneral ? XlsxNumberFormat.general(v.magnitude) : ""
                return (hasGeneral && v.negative ? "-" : "") + assemble(tokens, generalText: body, slots: [:])
            }
            let rounded = v.magnitude.rounded(places: fractionSlots.count)
            var (integer, fraction) = rounded.split(places: fractionSlots.count)
            if integer == [0] { integer = [] }
            var slots: [Int: String] = [:]
            // Integer digits fill the placeholders from the right; the leftmost takes the rest.
            let zeros = integerSlots.filter { tokens[$0] == .digit("0") }.count
            if grouping {
                var digits = integer
                if digits.count < zeros { digits = [UInt8](repeating: 0, count: zeros - digits.count) + digits }
                var text = ""
                for (k, d) in digits.enumerated() {
                    if k > 0 && (digits.count - k) % 3 == 0 { text += "," }
                    text += String(d)
                }
                for (k, slot) in integerSlots.enumerated() { slots[slot] = k == 0 ? text : "" }
            } else {
                var remaining = integer
                for (k, slot) in integerSlots.enumerated().reversed() {
                    if k == 0 {
                        slots[slot] = remaining.isEmpty ? Self.empty(tokens[slot]) : XlsxDecimal.text(remaining)
                    } else if let d = remaining.popLast() {
                        slots[slot] = String(d)
                    } else {
                        slots[slot] = Self.empty(tokens[slot])
                    }
                }
            }
            // Fraction digits: trailing zeros under # vanish, under ? become spaces.
            var shown = fraction.map { String($0) }
            var k = fractionSlots.count - 1
            while k >= 0, fraction[k] == 0, tokens[fractionSlots[k]] != .digit("0") {
                shown[k] = tokens[fractionSlots[k]] == .digit("?") ? " " : ""
                k -= 1
            }
            for (k, slot) in fractionSlots.enumerated() { slots[slot] = shown[k] }
            let negative = v.negative && !rounded.isZero
            let generalText = hasGeneral ? XlsxNumberFormat.general(v.magnitude) : ""
            return (negative ? "-" : "") + assemble(tokens, generalText: generalText, slots: slots)
        }

        private static func empty(_ t: Token) -> String {
            switch t {
            case .digit("0"): return "0"
            case .digit("?"): return " "
            default: return ""
            }
        }

        private func assemble(_ tokens: ArraySlice<Token>, generalText: String, slots: [Int: String]) -> String {
            var out = ""
            for i in tokens.indices {
                switch tokens[i] {
                case .literal(let s): out += s
                case .digit: out += slots[i] ?? ""
                case .point: out += "."
                case .percent: out += "%"
                case .general: out += generalText
                case .text, .exponent, .slash, .date: break
                }
            }
            return out
        }

        private func renderScientific(_ v: XlsxDecimal, expAt: Int) -> String {
            let mantissaTokens = tokens[..<expAt]
            let exponentTokens = tokens[(expAt + 1)...]
            guard case .exponent(let showPlus) = tokens[expAt] else { return XlsxNumberFormat.general(v) }
            let pointAt = mantissaTokens.firstIndex(of: .point) ?? expAt
            let integerPlaces = max(1, mantissaTokens[..<pointAt].filter(Self.isDigit).count)
            let fractionPlaces = mantissaTokens[pointAt...].filter(Self.isDigit).count
            var exponent = 0
            var mantissa = v
            if let lead = v.leadingExponent {
                // One leading digit, or engineering steps of the integer placeholders' count.
                let step = mantissaTokens[..<pointAt].contains(.digit("#")) ? integerPlaces : 1
                exponent = step == 1 ? lead : Int((Double(lead) / Double(step)).rounded(.down)) * step
                mantissa = v.shifted(by: -exponent)
                // Rounding can carry into a new digit (9.99 → 10.0): move one more step.
                if let l = mantissa.magnitude.rounded(places: fractionPlaces).leadingExponent, l >= step {
                    exponent += step
                    mantissa = v.shifted(by: -exponent)
                }
            }
            var out = renderFixed(mantissa, mantissaTokens)
            out += "E" + (exponent < 0 ? "-" : (showPlus ? "+" : ""))
            let width = exponentTokens.filter(Self.isDigit).count
            var digits = String(abs(exponent))
            if digits.count < width { digits = String(repeating: "0", count: width - digits.count) + digits }
            out += digits
            for t in exponentTokens { if case .literal(let s) = t { out += s } }
            return out
        }

        /// `# ?/?`, `# ??/??`, `?/8`: the whole part, then the closest fraction whose
        /// denominator has at most as many digits as its placeholders (or the fixed one).
        private func renderFraction(_ v: XlsxDecimal) -> String {
            guard let slash = tokens.firstIndex(of: .slash) else { return XlsxNumberFormat.general(v) }
            let before = tokens[..<slash], after = tokens[(slash + 1)...]
            let denominatorDigits = after.filter(Self.isDigit).count
            var fixed: Int?
            if case .literal(let s)? = after.first, let n = Int(s.trimmingCharacters(in: .whitespaces)) { fixed = n }
            // A whole-number part when a space or literal separates two placeholder groups.
            let groups = before.split { !Self.isDigit($0) }
            let hasWhole = groups.count >= 2
            let x = abs(v.double)
            var whole = hasWhole ? x.rounded(.down) : 0
            let frac = x - whole
            var (num, den) = (0, 1)
            if let fixed, fixed > 0 {
                num = Int((frac * Double(fixed)).rounded()); den = fixed
            } else {
                let maxDen = Int(pow(10.0, Double(max(1, min(denominatorDigits, 6))))) - 1
                var best = (0, 1, Double.infinity)
                for d in 1...maxDen {
                    let n = (frac * Double(d)).rounded()
                    let err = abs(frac - n / Double(d))
                    if err < best.2 - 1e-12 { best = (Int(n), d, err) }
                    if err == 0 { break }
                }
                (num, den) = (best.0, best.1)
            }
            if hasWhole && num == den { whole += 1; num = 0 }
            var out = v.negative ? "-" : ""
            if hasWhole {
                if whole > 0 || num == 0 { out += String(Int(whole)) }
                if num != 0 { out += (whole > 0 ? " " : "") + "\(num)/\(den)" }
            } else {
                out += "\(num)/\(den)"
            }
            return out
        }
    }
}

import Foundation
