import Foundation

/// How serious a finding is.
public enum Severity: String, Codable, Sendable, CaseIterable, Comparable {
    case info, warning, error

    var rank: Int { switch self { case .info: 0; case .warning: 1; case .error: 2 } }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }

    /// One step up (the `strict` preset): info → warning → error.
    public var raised: Severity { self == .info ? .warning : .error }

    public func label(_ lang: Language) -> String {
        switch (self, lang) {
        case (.error, .zh): return "错误"
        case (.warning, .zh): return "警告"
        case (.info, .zh): return "提示"
        case (_, .en): return rawValue
        }
    }
}

/// Output language for messages to users.
public enum Language: String, Codable, Sendable, CaseIterable {
    case zh, en

    /// The language messages take when no `--lang` is given: English when the environment sets
    /// `GOUJI_LANG=en`, else Chinese.
    public static var preferred: Language {
        ProcessInfo.processInfo.environment["GOUJI_LANG"] == "en" ? .en : .zh
    }
}

/// A message in Chinese and English.
public struct Localized: Codable, Sendable, Hashable {
    public var zh: String
    public var en: String
    public init(zh: String, en: String) { self.zh = zh; self.en = en }
    public func text(_ lang: Language) -> String { lang == .zh ? zh : en }
}

/// One replacement a writer can apply: put `replacement` over `location`.
public struct Suggestion: Codable, Sendable, Hashable {
    public var location: SourceLocation
    /// The text currently at the location.
    public var original: String
    public var replacement: String
    public var reason: Localized
    /// Whether `gouji fix` may apply it without a human decision (format fixes only).
    public var safe: Bool

    public init(location: SourceLocation, original: String, replacement: String, reason: Localized, safe: Bool = false) {
        self.location = location; self.original = original; self.replacement = replacement
        self.reason = reason; self.safe = safe
    }
}

/// A contradiction or gap found in a report.
public struct Finding: Codable, Sendable, Hashable {
    /// Stable rule id from rules.md (N01, T04 …) and its short name (total-vs-parts).
    public var rule: String
    public var name: String
    public var severity: Severity
    public var message: Localized
    /// The arithmetic in words ("660 + 5623.6 + 3600 = 9883.6 ≠ 9783.6，差 100").
    public var arithmetic: Localized?
    /// Every figure involved; the first is the primary one (where the caret goes).
    public var figures: [Figure]
    /// Locations that are not figures (a label cell, an empty cell, a heading).
    public var locations: [SourceLocation]
    /// Ranked corrections, best first.
    public var suggestions: [Suggestion]

    public init(rule: String, name: String, severity: Severity, message: Localized,
                arithmetic: Localized? = nil, figures: [Figure] = [], locations: [SourceLocation] = [],
                suggestions: [Suggestion] = []) {
        self.rule = rule; self.name = name; self.severity = severity; self.message = message
        self.arithmetic = arithmetic; self.figures = figures; self.locations = locations
        self.suggestions = suggestions
    }

    /// Where the finding points: its first figure, else its first location.
    public var primaryLocation: SourceLocation? { figures.first?.location ?? locations.first }
}
