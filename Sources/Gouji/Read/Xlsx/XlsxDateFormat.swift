import Foundation

/// Shows an Excel serial date-time under the date tokens of a number format section.
///
/// Serials count days: in the 1900 system day 1 is 1900-01-01 and day 60 the 29 February 1900
/// that Excel keeps from Lotus 1-2-3 (so day 61 is 1 March); in the 1904 system day 0 is
/// 1904-01-01. The fraction is the time of day, rounded to the shown precision of seconds.
enum XlsxDateFormat {
    struct DateTime {
        var year: Int, month: Int, day: Int
        var weekday: Int            // 0 = Sunday
        var hour: Int, minute: Int, second: Int
        /// Fractional seconds, in units of 10^-places.
        var subsecond: Int
        /// Whole days, hours, minutes and seconds elapsed since the epoch (for [h], [m], [s]).
        var totalSeconds: Int
    }

    private static let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                                 "September", "October", "November", "December"]
    private static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    private static let chineseWeekdays = ["日", "一", "二", "三", "四", "五", "六"]

    /// The text, or nil when the serial is out of Excel's range (negative, or after 9999).
    static func render(_ tokens: [XlsxNumberFormat.Token], value: XlsxDecimal, date1904: Bool) -> String? {
        let places = tokens.compactMap { t -> Int? in
            if case .date(let s) = t, s.hasPrefix(".") { return s.count - 1 }
            return nil
        }.first ?? 0
        guard !value.negative, let dt = dateTime(value, places: places, date1904: date1904) else { return nil }
        let twelveHour = tokens.contains { if case .date(let s) = $0 { return s.containsBytes(of: "/") }; return false }
        var out = ""
        // m is minutes right after an hour token or right before a seconds token.
        let dateTokens: [(Int, String)] = tokens.enumerated().compactMap { i, t in
            if case .date(let s) = t { return (i, s) }
            return nil
        }
        func isMinute(_ k: Int) -> Bool {
            if k > 0, dateTokens[k - 1].1.first == "h" || dateTokens[k - 1].1 == "[h]" { return true }
            if k + 1 < dateTokens.count, dateTokens[k + 1].1.first == "s" || dateTokens[k + 1].1 == "[s]" { return true }
            return false
        }
        var k = 0
        for t in tokens {
            switch t {
            case .literal(let s):
                out += s
            case .date(let s):
                defer { k += 1 }
                let hour12 = dt.hour % 12 == 0 ? 12 : dt.hour % 12
                switch s.first {
                case "y", "e":
                    out += s.count <= 2 && s.first == "y" ? pad(dt.year % 100, 2) : String(dt.year)
                case "m" where isMinute(k):
                    out += s.count >= 2 ? pad(dt.minute, 2) : String(dt.minute)
                case "m":
                    switch s.count {
                    case 1: out += String(dt.month)
                    case 2: out += pad(dt.month, 2)
                    case 3: out += String(months[dt.month - 1].prefix(3))
                    case 5: out += String(months[dt.month - 1].prefix(1))
                    default: out += months[dt.month - 1]
                    }
                case "d":
                    switch s.count {
                    case 1: out += String(dt.day)
                    case 2: out += pad(dt.day, 2)
                    case 3: out += String(weekdays[dt.weekday].prefix(3))
                    default: out += weekdays[dt.weekday]
                    }
                case "a":
                    out += (s.count >= 4 ? "星期" : "") + chineseWeekdays[dt.weekday]
                case "h":
                    let h = twelveHour ? hour12 : dt.hour
                    out += s.count >= 2 ? pad(h, 2) : String(h)
                case "s":
                    out += s.count >= 2 ? pad(dt.second, 2) : String(dt.second)
                case ".":
                    if places > 0 { out += "." + pad(dt.subsecond, places) }
                case "[":
                    switch s {
                    case "[h]", "[hh]": out += String(dt.totalSeconds / 3600)
                    case "[m]", "[mm]": out += String(dt.totalSeconds / 60)
                    default: out += String(dt.totalSeconds)
                    }
                default:
                    switch s {
                    case "AM/PM": out += dt.hour < 12 ? "AM" : "PM"
                    case "A/P": out += dt.hour < 12 ? "A" : "P"
                    case "上午/下午": out += dt.hour < 12 ? "上午" : "下午"
                    default: break
                    }
                }
            case .digit, .point, .percent, .exponent, .slash, .general, .text:
                break
            }
        }
        return out
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// The calendar date and time of a serial.
    static func dateTime(_ serial: XlsxDecimal, places: Int, date1904: Bool) -> DateTime? {
        let unitsPerDay = 86_400 * Int(pow(10.0, Double(places)))
        // The serial in units of 10^-places seconds, rounded through its decimal digits.
        guard let total = units(serial, perDay: unitsPerDay) else { return nil }
        let day = total / unitsPerDay
        let rest = total % unitsPerDay
        let perSecond = unitsPerDay / 86_400
        let seconds = rest / perSecond
        var dt = DateTime(year: 0, month: 0, day: 0, weekday: 0, hour: seconds / 3600, minute: seconds / 60 % 60,
                          second: seconds % 60, subsecond: rest % perSecond, totalSeconds: total / perSecond)
        if date1904 {
            (dt.year, dt.month, dt.day) = civil(daysSinceEpoch: day + daysFrom1970(1904, 1, 1))
            dt.weekday = weekday(day + daysFrom1970(1904, 1, 1))
        } else if day == 60 {
            (dt.year, dt.month, dt.day) = (1900, 2, 29)
            dt.weekday = 3
        } else if day == 0 {
            (dt.year, dt.month, dt.day) = (1900, 1, 0)
            dt.weekday = 6
        } else {
            let offset = day < 60 ? day : day - 1
            let epochDays = daysFrom1970(1899, 12, 31) + offset
            (dt.year, dt.month, dt.day) = civil(daysSinceEpoch: epochDays)
            dt.weekday = weekday(epochDays)
        }
        guard dt.year <= 9999 else { return nil }
        return dt
    }

    /// The serial as a whole number of `perDay` units, rounded half up; nil beyond year 9999.
    private static func units(_ serial: XlsxDecimal, perDay: Int) -> Int? {
        guard let lead = serial.leadingExponent else { return 0 }
        guard lead < 8 else { return nil }
        // serial × perDay, exactly: digits × 10^exponent × perDay, then rounded.
        let product = XlsxDecimal(negative: false, digits: multiply(serial.digits, by: perDay), exponent: serial.exponent)
        let rounded = product.rounded(places: 0)
        let (integer, _) = rounded.split(places: 0)
        return Int(XlsxDecimal.text(integer))
    }

    private static func multiply(_ digits: [UInt8], by factor: Int) -> [UInt8] {
        var result: [UInt8] = []
        var carry = 0
        for d in digits.reversed() {
            let p = Int(d) * factor + carry
            result.append(UInt8(p % 10))
            carry = p / 10
        }
        while carry > 0 { result.append(UInt8(carry % 10)); carry /= 10 }
        return result.reversed()
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFrom1970(_ y: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y - 1 : y
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(daysSinceEpoch z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    private static func weekday(_ daysSince1970: Int) -> Int {
        ((daysSince1970 % 7) + 7 + 4) % 7        // 1970-01-01 was a Thursday
    }
}
