/// Lexicons/units.yaml: what can follow a number and what it means.
public struct Units: Codable, Sendable {
    /// Money units and their factor to 元 ("万元": "10000").
    public var money: [String: String]
    /// Scale words written between a number and its unit ("万": "10000", "亿": "100000000").
    public var scales: [String: String]
    /// Measure words that make a number a count ("个", "家", "项", …).
    public var countWords: [String]
    /// Count words that after a Chinese numeral name an item, not a count ("一批项目" is the first
    /// batch or "a batch of", "二期工程" the second phase): such figures are ordinals.
    public var ordinalCounts: [String]
    /// Measure words for physical measures with their kind ("公里": "length", …).
    public var measureWords: [String: String]
    /// Words that make a number a score ("分").
    public var scoreWords: [String]
    /// Approximation markers before the number ("约", "近") and after it ("余", "多", "左右").
    public var approxBefore: [String]
    public var approxAfter: [String]
    /// Comparator words and signs mapped to ≥ ≤ > < =.
    public var comparators: [String: String]
    /// Direction words mapped to up / down.
    public var directions: [String: String]
    /// Words that, just before a bare 万/亿 figure, say it is money ("资金", "经费").
    public var moneyContext: [String]

    enum CodingKeys: String, CodingKey {
        case money, scales, comparators, directions
        case countWords = "count_words"
        case ordinalCounts = "ordinal_counts"
        case measureWords = "measure_words"
        case scoreWords = "score_words"
        case approxBefore = "approx_before"
        case approxAfter = "approx_after"
        case moneyContext = "money_context"
    }
}

/// Lexicons/subjects.yaml: how subject phrases are normalised.
public struct Subjects: Codable, Sendable {
    /// Canonical subject → aliases that mean the same thing.
    public var aliases: [String: [String]]
    /// Scope words recorded with a subject, by dimension (level: 省级/市级; stage: 申报/获批; measure: 新增/总数).
    public var scopes: [String: [String]]
    /// Words stripped from the start of a subject phrase (verbs and connectives).
    public var leadingNoise: [String]
    /// Domain words ICU's word break splits that must stay whole (高新技术, 孵化器, …).
    public var words: [String]
    /// Words that end the noun after a count ("修建4个桥涵以及配套设施" → 桥涵).
    public var nounStops: [String]

    enum CodingKeys: String, CodingKey {
        case aliases, scopes, words
        case leadingNoise = "leading_noise"
        case nounStops = "noun_stops"
    }
}

/// Lexicons/vocabulary.yaml: word lists the checks decide by.
public struct Vocabulary: Codable, Sendable {
    /// 三公经费 item → the words that head or name it.
    public var threePublic: [String: [String]]
    /// Words that say whether a figure is budgeted or spent (预算, 决算).
    public var measures: [String]
    /// Acts done on a document (收到, 印发 …), words citing one as a basis (根据, 按照 …) and acts
    /// a sentence dates (开展, 进行 …): DT04.
    public var documentActs: [String]
    public var documentBasis: [String]
    public var datedActs: [String]
    /// N08: the problems section's heading words, what says "none", and admissions of weakness.
    public var problemsHeadings: [String]
    public var noProblems: [String]
    public var admissions: [String]

    enum CodingKeys: String, CodingKey {
        case threePublic = "three_public"
        case measures
        case documentActs = "document_acts"
        case documentBasis = "document_basis"
        case datedActs = "dated_acts"
        case problemsHeadings = "problems_headings"
        case noProblems = "no_problems"
        case admissions
    }
}

/// Lexicons/rules.yaml: default severities, tolerances and thresholds of the rules.
public struct RuleSettings: Codable, Sendable {
    public struct Rule: Codable, Sendable {
        public var severity: String?
        public var enabled: Bool?
    }
    public var rules: [String: Rule]
    /// Named numeric settings (over_achievement: "1.3", qualitative bands, grade bands …).
    public var settings: [String: String]
    /// Grade labels per band: 优/良/中/差 → local labels.
    public var grades: [GradeBand]

    public struct GradeBand: Codable, Sendable {
        public var grade: String
        public var min: String
        public var labels: [String]
    }
}
