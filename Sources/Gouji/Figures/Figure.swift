import Foundation

/// What a figure measures.
public enum FigureKind: String, Codable, Sendable, CaseIterable {
    case money, count, percent, percentagePoints = "percentage_points", permille, score, measure, number
    // Not quantities: listed for the date rules and for completeness, never summed.
    case date, dateRange = "date_range", year, phone, postcode, docNumber = "doc_no", voucher, ordinal

    /// Whether the figure is a quantity that rules may add up or compare.
    public var isQuantity: Bool {
        switch self {
        case .money, .count, .percent, .percentagePoints, .permille, .score, .measure, .number: return true
        default: return false
        }
    }
}

/// A comparison attached to a figure (≥ 98%, 不超过 5 万元).
public enum Comparator: String, Codable, Sendable {
    case atLeast = ">=", atMost = "<=", greater = ">", less = "<", equal = "="
}

/// One figure found in the text or in a table cell.
public struct Figure: Codable, Sendable, Hashable {
    /// The text as written, including scale and unit ("9783.6万元", "100余个", "≥98%").
    public var text: String
    /// Exact value in the base unit: 元 for money, the number itself for counts, percent
    /// numbers for percentages (33.95 for 33.95%).
    public var value: Decimal
    /// Base unit: 元, %, 个百分点, ‰, 分, the measure word, or "" for a bare number.
    public var unit: String
    /// The unit as written (万元, 万, 元, 家 …), or the inherited header unit.
    public var writtenUnit: String
    public var kind: FigureKind
    public var location: SourceLocation
    /// Number of decimals written (defines the rounding interval).
    public var decimals: Int
    /// Factor from the written number to `value` (10000 for 万元).
    public var factor: Decimal
    /// The number as written, without scale or unit (5623.6).
    public var number: Decimal
    public var approximate: Bool
    public var comparator: Comparator?
    /// Direction word right before the figure (增长 → up, 下降 → down).
    public var direction: String?
    /// Normalised subject the figure quantifies (高新技术企业) and its scope words (新增, 省级 …).
    public var subject: String?
    public var subjectPhrase: String?
    public var scopes: [String]
    public var inTable: Bool
    /// How the unit was obtained when the figure itself has none: "header", "inferred".
    public var unitSource: String?
    /// The source text was not a well-formed number (e.g. "5.8.").
    public var malformed: Bool
    /// Year or date components for date kinds (yyyy, mm, dd; 0 when absent).
    public var date: DateParts?
    /// Index of the sentence (within the document) the figure belongs to.
    public var sentence: Int
    /// Index of the paragraph or cell (within the document) the figure belongs to.
    public var block: Int = 0

    public init(text: String, value: Decimal, unit: String, writtenUnit: String, kind: FigureKind,
                location: SourceLocation, decimals: Int, factor: Decimal, number: Decimal,
                approximate: Bool = false, comparator: Comparator? = nil, direction: String? = nil,
                subject: String? = nil, subjectPhrase: String? = nil, scopes: [String] = [],
                inTable: Bool = false, unitSource: String? = nil, malformed: Bool = false,
                date: DateParts? = nil, sentence: Int = 0) {
        self.text = text; self.value = value; self.unit = unit; self.writtenUnit = writtenUnit
        self.kind = kind; self.location = location; self.decimals = decimals; self.factor = factor
        self.number = number; self.approximate = approximate; self.comparator = comparator
        self.direction = direction; self.subject = subject; self.subjectPhrase = subjectPhrase
        self.scopes = scopes; self.inTable = inTable; self.unitSource = unitSource
        self.malformed = malformed; self.date = date; self.sentence = sentence
    }

    /// The same figure holding another value (for "what if this figure were …" arithmetic).
    public func with(value: Decimal) -> Figure {
        var copy = self
        copy.value = value
        return copy
    }

    /// The interval the written figure stands for, in base units: 861.46 → [861.455, 861.465]
    /// (scaled by the unit factor). Integers are exact.
    public var interval: Interval { Interval.stated(number, decimals: decimals).scaled(by: factor) }
}

/// Year, month, day of a date figure (0 = not given).
public struct DateParts: Codable, Sendable, Hashable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int
    public init(year: Int, month: Int = 0, day: Int = 0) { self.year = year; self.month = month; self.day = day }
    public static func < (a: DateParts, b: DateParts) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
    public var description: String {
        var s = String(year)
        if month > 0 { s += "-" + (month < 10 ? "0" : "") + String(month) }
        if day > 0 { s += "-" + (day < 10 ? "0" : "") + String(day) }
        return s
    }
}
