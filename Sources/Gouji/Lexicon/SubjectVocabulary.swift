/// The subject lexicon in the shapes the SubjectResolver needs, computed once per Lexicons:
/// scope words by dimension (longest first), the words stripped around a noun, the domain words
/// that ICU's word break must not split, and aliases by length.
public final class SubjectVocabulary: Sendable {
    public let scopes: [(dimension: String, words: [String])]
    public let stageWords: [String]
    /// Stage words longest first (ties in lexicon order).
    public let stageWordsLongestFirst: [String]
    /// The first scalars of the stage words: a phrase with none of them contains no stage word.
    public let stageWordFirsts: ScalarTable
    /// `scopes` with, for each word, whether it is a single character (省, 市: matched only at
    /// the phrase start) and its number among the distinct scope words (the same word in two
    /// dimensions has one number).
    public let scopeEntries: [(dimension: String, isMeasure: Bool, words: [(word: String, single: Bool, id: Int)])]
    /// Scope words of two or more characters by their first scalar, with their numbers, to find
    /// the ones a phrase contains in one pass over the phrase.
    public let scopeWordsByFirst: [Unicode.Scalar: [(word: String, id: Int)]]
    /// The first scalars of those words, to skip the dictionary for every other scalar.
    public let scopeWordFirsts: ScalarTable
    public let levelWords: Set<String>
    public let strip: Set<String>
    /// The same words, to ask whether a phrase starts or ends with one.
    public let stripWords: WordIndex
    public let domainWords: Set<String>
    /// Every leading part of every domain word (see `Segmenter.words`).
    public let domainPrefixes: Set<String>
    /// Stage words and verbs that may precede a single-character level (省, 市), longest first.
    public let stagePrefixes: [String]
    /// Their UTF-8 (none is empty).
    let stagePrefixBytes: [[UInt8]]
    /// (alias, canonical), longest alias first.
    public let aliases: [(alias: String, canonical: String)]
    /// The aliases of `aliases`, in the same order, indexed by last scalar.
    public let aliasSuffixes: WordIndex
    /// Comparator words of two or more characters written before a figure (不低于 → ≥), longest first.
    public let comparatorPrefixes: [(word: String, comparator: String)]
    /// Direction words (增长, 下降 …), longest first.
    public let directionWords: [String]
    /// `comparatorPrefixes` words, `directionWords` and the approximation words written before a
    /// figure (约, 近 …), each indexed by last scalar for the checks on the text before a figure.
    public let comparatorSuffixes: WordIndex
    public let directionSuffixes: WordIndex
    public let approxSuffixes: WordIndex

    public init(subjects: Subjects, units: Units) {
        scopes = subjects.scopes.sorted { $0.key < $1.key }.map { ($0.key, $0.value.sorted { $0.count > $1.count }) }
        stageWords = subjects.scopes["stage"] ?? []
        stageWordsLongestFirst = stageWords.enumerated().sorted {
            $0.element.count != $1.element.count ? $0.element.count > $1.element.count : $0.offset < $1.offset
        }.map(\.element)
        stageWordFirsts = ScalarTable(scalarsOf: stageWords.compactMap(\.unicodeScalars.first))
        var ids: [String: Int] = [:]
        for word in scopes.flatMap(\.words) where ids[word] == nil { ids[word] = ids.count }
        var byFirst: [Unicode.Scalar: [(word: String, id: Int)]] = [:]
        for word in Set(scopes.flatMap(\.words)) where word.unicodeScalars.count > 1 {
            byFirst[word.unicodeScalars.first!, default: []].append((word, ids[word]!))
        }
        scopeWordsByFirst = byFirst
        scopeWordFirsts = ScalarTable(scalarsOf: byFirst.keys)
        scopeEntries = scopes.map { ($0.dimension, $0.dimension == "measure", $0.words.map { ($0, $0.unicodeScalars.count == 1, ids[$0]!) }) }
        levelWords = Set(subjects.scopes["level"] ?? [])
        let strip = Set(subjects.leadingNoise + subjects.scopes.values.flatMap { $0 } + Array(units.directions.keys)
                        + Array(units.comparators.keys) + units.approxBefore
                        + ["向上", "先后", "安排", "进入", "入选", "实现", "为", "达", "共", "有", "获", "同比", "预计", "全社会", "办理", "开展", "完成", "做到", "全部", "均", "已", "较上年", "上年", "比上年", "本年", "全年", "全市", "全县", "全区"])
        self.strip = strip
        stripWords = WordIndex(strip.sorted())
        domainWords = Set(subjects.words).union(strip)
        domainPrefixes = Segmenter.prefixes(of: domainWords)
        stagePrefixes = (stageWords + ["成功", "完成", "组建", "培育", "获"]).sorted { $0.count > $1.count }
        stagePrefixBytes = stagePrefixes.map { Array($0.utf8) }.filter { !$0.isEmpty }
        comparatorPrefixes = units.comparators.filter { $0.key.count > 1 }.map { ($0.key, $0.value) }
            .sorted { $0.0.count != $1.0.count ? $0.0.count > $1.0.count : $0.0 < $1.0 }
        directionWords = units.directions.keys.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
        comparatorSuffixes = WordIndex(comparatorPrefixes.map(\.word))
        directionSuffixes = WordIndex(directionWords)
        approxSuffixes = WordIndex(units.approxBefore)
        aliases = subjects.aliases.flatMap { canonical, list in (list + [canonical]).map { ($0, canonical) } }.sorted { $0.0.count > $1.0.count }
        aliasSuffixes = WordIndex(aliases.map(\.alias))
    }
}
