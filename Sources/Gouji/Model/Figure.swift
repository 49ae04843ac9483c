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
///
/// The fields live in a shared, copy-on-write box (`CopyOnWrite`): figures are copied into many arrays and
/// closures by the binder and the rules, and a copy is now one reference count instead of
/// some 300 bytes with a dozen strings to retain. The accessors below are written out: a
/// `@dynamicMemberLookup` subscript over key paths would replace them but made a batch about
/// 6 % slower (measured).
public struct Figure: Codable, Sendable, Hashable {
    /// The stored fields of a figure.
    public struct Fields: Codable, Sendable, Hashable {
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
        /// What the figure is doing in its clause (see `RoleMatcher`).
        public var role: FigureRole = .stated
        /// The period the figure refers to when its clause names one other than the report's
        /// own ("上年", or a year such as "2021").
        public var period: String? = nil
    }

    private var box: CopyOnWrite<Fields>

    /// The text as written, including scale and unit ("9783.6万元", "100余个", "≥98%").
    public var text: String {
        get { box.value.text }
        set { box.value.text = newValue }
    }
    /// Exact value in the base unit: 元 for money, the number itself for counts, percent
    /// numbers for percentages (33.95 for 33.95%).
    public var value: Decimal {
        get { box.value.value }
        set { box.value.value = newValue }
    }
    /// Base unit: 元, %, 个百分点, ‰, 分, the measure word, or "" for a bare number.
    public var unit: String {
        get { box.value.unit }
        set { box.value.unit = newValue }
    }
    /// The unit as written (万元, 万, 元, 家 …), or the inherited header unit.
    public var writtenUnit: String {
        get { box.value.writtenUnit }
        set { box.value.writtenUnit = newValue }
    }
    public var kind: FigureKind {
        get { box.value.kind }
        set { box.value.kind = newValue }
    }
    public var location: SourceLocation {
        get { box.value.location }
        set { box.value.location = newValue }
    }
    /// Number of decimals written (defines the rounding interval).
    public var decimals: Int {
        get { box.value.decimals }
        set { box.value.decimals = newValue }
    }
    /// Factor from the written number to `value` (10000 for 万元).
    public var factor: Decimal {
        get { box.value.factor }
        set { box.value.factor = newValue }
    }
    /// The number as written, without scale or unit (5623.6).
    public var number: Decimal {
        get { box.value.number }
        set { box.value.number = newValue }
    }
    public var approximate: Bool {
        get { box.value.approximate }
        set { box.value.approximate = newValue }
    }
    public var comparator: Comparator? {
        get { box.value.comparator }
        set { box.value.comparator = newValue }
    }
    /// Direction word right before the figure (增长 → up, 下降 → down).
    public var direction: String? {
        get { box.value.direction }
        set { box.value.direction = newValue }
    }
    /// Normalised subject the figure quantifies (高新技术企业) and its scope words (新增, 省级 …).
    public var subject: String? {
        get { box.value.subject }
        set { box.value.subject = newValue }
    }
    public var subjectPhrase: String? {
        get { box.value.subjectPhrase }
        set { box.value.subjectPhrase = newValue }
    }
    public var scopes: [String] {
        get { box.value.scopes }
        set { box.value.scopes = newValue }
    }
    public var inTable: Bool {
        get { box.value.inTable }
        set { box.value.inTable = newValue }
    }
    /// How the unit was obtained when the figure itself has none: "header", "inferred".
    public var unitSource: String? {
        get { box.value.unitSource }
        set { box.value.unitSource = newValue }
    }
    /// The source text was not a well-formed number (e.g. "5.8.").
    public var malformed: Bool {
        get { box.value.malformed }
        set { box.value.malformed = newValue }
    }
    /// Year or date components for date kinds (yyyy, mm, dd; 0 when absent).
    public var date: DateParts? {
        get { box.value.date }
        set { box.value.date = newValue }
    }
    /// Index of the sentence (within the document) the figure belongs to.
    public var sentence: Int {
        get { box.value.sentence }
        set { box.value.sentence = newValue }
    }
    /// Index of the paragraph or cell (within the document) the figure belongs to.
    public var block: Int {
        get { box.value.block }
        set { box.value.block = newValue }
    }

    /// What the figure is doing in its clause (see `RoleMatcher`).
    public var role: FigureRole {
        get { box.value.role }
        set { box.value.role = newValue }
    }
    /// The period the clause names for the figure, when it is not the report's own ("上年", "2021").
    public var period: String? {
        get { box.value.period }
        set { box.value.period = newValue }
    }

    public init(from decoder: Decoder) throws { box = CopyOnWrite(try Fields(from: decoder)) }
    public func encode(to encoder: Encoder) throws { try box.value.encode(to: encoder) }
    public static func == (a: Figure, b: Figure) -> Bool { a.box.shares(with: b.box) || a.box.value == b.box.value }
    public func hash(into hasher: inout Hasher) { box.value.hash(into: &hasher) }

    public init(text: String, value: Decimal, unit: String, writtenUnit: String, kind: FigureKind,
                location: SourceLocation, decimals: Int, factor: Decimal, number: Decimal,
                approximate: Bool = false, comparator: Comparator? = nil, direction: String? = nil,
                subject: String? = nil, subjectPhrase: String? = nil, scopes: [String] = [],
                inTable: Bool = false, unitSource: String? = nil, malformed: Bool = false,
                date: DateParts? = nil, sentence: Int = 0) {
        box = CopyOnWrite(Fields(text: text, value: value, unit: unit, writtenUnit: writtenUnit, kind: kind, location: location,
                         decimals: decimals, factor: factor, number: number, approximate: approximate, comparator: comparator,
                         direction: direction, subject: subject, subjectPhrase: subjectPhrase, scopes: scopes, inTable: inTable,
                         unitSource: unitSource, malformed: malformed, date: date, sentence: sentence, block: 0))
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
    /// `interval.width` without building the interval: one unit of the last written place,
    /// scaled (0 for a figure written without decimals, which is taken as exact).
    public var intervalWidth: Decimal {
        decimals > 0 ? Decimal.pow10(-decimals).times(factor.magnitude) : 0
    }
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
