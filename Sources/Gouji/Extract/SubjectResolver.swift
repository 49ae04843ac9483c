import Foundation

/// Names what a figure quantifies: the noun phrase before it, with scope words (新增, 总数,
/// 申报, 获批, 省级, 市级 …) taken out and recorded, and aliases mapped to one canonical name.
/// "新增首次认定高新技术企业91个" → 高新技术企业 [新增, 首次认定]; "总数达359家" right after it →
/// 高新技术企业 [总数].
public struct SubjectResolver: Sendable {
    public var lexicons: Lexicons

    public init(lexicons: Lexicons) { self.lexicons = lexicons }

    /// Sets `subject`, `subjectPhrase` and `scopes` of `figure`.
    /// - Parameters:
    ///   - phrase: the clause text before the figure.
    ///   - previous: the previous figure of the same sentence, if any (its subject is inherited
    ///     when the phrase names none: "总数达359家", "增幅33.95%").
    ///   - carriedStage: a stage word (申报, 获批) stated earlier in the enumeration.
    /// Returns the stage word (申报, 获批 …) the phrase puts before its noun, which carries on to
    /// the next items of an enumeration ("获批省级重点实验室1家，省级农科园2家").
    ///   - words: the nouns of the phrases segmented so far in the document; a new one is added.
    @discardableResult
    public func resolve(_ figure: inout Figure, phrase: String, previous: Figure?, carriedStage: String?, following: String = "",
                        words memo: inout [ByteKey: String]) -> String? {
        var scopes: [String] = []
        var leadingStage: String? = nil
        var rest = phrase
        let quotes = Self.quotes
        if quotes.occurs(in: rest) {
            rest = String(String.UnicodeScalarView(rest.unicodeScalars.filter { !quotes.contains($0) }))
        }
        // A leading year ("2021年度共…") is context, not subject.
        while let u = rest.unicodeScalars.first {
            // Most phrases start with another ideograph: a character starting with a unified
            // ideograph other than 年 and 度 is neither (those have no canonical decomposition).
            if (0x4E00...0x9FFF).contains(u.value) && u != "年" && u != "度" { break }
            guard let first = rest.first, first.isASCII && first.isNumber || first == "年" || first == "度" else { break }
            rest.removeFirst()
        }
        // Scope words, longest first; single-character levels (省, 市) only at the phrase start.
        let vocabulary = lexicons.vocabulary
        // The multi-character scope words the phrase contains, found in one pass over it.
        // Usually none or one or two, kept by number: an array of numbers is cheaper to ask
        // than a set of hashed strings or an array of strings.
        var contained: [Int] = []
        var at = 0
        for u in rest.unicodeScalars {
            if vocabulary.scopeWordFirsts.contains(u), let candidates = vocabulary.scopeWordsByFirst[u] {
                for (word, id) in candidates where rest.hasBytes(word, at: at) && !contained.contains(id) { contained.append(id) }
            }
            at += UTF8.width(u)
        }
        var stageEnd: Int? = nil   // where the stage words and verbs at the phrase start end
        for (_, isMeasure, words) in vocabulary.scopeEntries where !rest.isEmpty {
            for (word, single, id) in words {
                let present = single ? startsAfterStages(rest, word, &stageEnd) : contained.contains(id)
                guard present, !scopes.contains(where: { $0.containsBytes(of: word) }) else { continue }
                scopes.append(word)
                if !isMeasure { break }
            }
        }
        var noun = stripped(rest, words: &memo)
        if noun.utf8.count > 16, noun.unicodeScalars.count > 16, noun.hasAtLeast(17) { noun = String(noun.suffix(16)) }
        if vocabulary.stageWordFirsts.occurs(in: rest),
           let stage = vocabulary.stageWordsLongestFirst.first(where: { rest.containsBytes(of: $0) }),
           let s = rest.byteOffset(of: stage), noun.isEmpty || rest.byteOffset(of: noun).map({ s < $0 }) == true {
            leadingStage = stage
        }
        figure.subjectPhrase = phrase.isEmpty ? nil : phrase

        // [number][measure word][noun]: "6个重大科技创新项目", "五类科技计划" — the noun follows.
        if !following.isEmpty { noun = following }
        if let canonical = canonicalName(noun) {
            figure.subject = canonical
        } else if noun.hasAtLeast(2) {
            figure.subject = noun
        } else if let previous, previous.subject != nil {
            // Inherit: "…91个，总数达359家" or "增幅33.95%".
            figure.subject = previous.subject
            if figure.kind == previous.kind || figure.direction == nil {
                scopes += previous.scopes.filter { w in vocabulary.levelWords.contains(w) }
            }
        }
        if let stage = carriedStage, !scopes.contains(where: { vocabulary.stageWords.contains($0) }) {
            scopes.append(stage)
        }
        figure.scopes = scopes
        return leadingStage
    }

    /// `phrase` without the noise, scope and direction words it starts or ends with, stripped at
    /// ICU word boundaries (merged with the domain words). A phrase `keepsWhole` is not
    /// segmented; `shortcut: false` segments it anyway (for the tests). `memo` keeps the result
    /// for each phrase segmented in the document (a third of the phrases recur).
    func stripped(_ phrase: String, words memo: inout [ByteKey: String], shortcut: Bool = true) -> String {
        guard !phrase.isEmpty else { return "" }
        let vocabulary = lexicons.vocabulary
        if shortcut && Self.keepsWhole(phrase, vocabulary) { return phrase }
        let key = ByteKey(phrase)
        if let known = memo[key] { return known }
        var words = Segmenter().words(phrase, domainWords: vocabulary.domainWords, domainPrefixes: vocabulary.domainPrefixes)
        let strip = vocabulary.strip
        while let first = words.first, strip.contains(first) || first.allSatisfy({ $0.isWhitespace || $0.isPunctuation }) { words.removeFirst() }
        while let last = words.last, strip.contains(last) || last.allSatisfy({ $0.isWhitespace || $0.isPunctuation }) { words.removeLast() }
        let noun = words.joined()
        memo[key] = noun
        return noun
    }

    /// Whether stripping at word boundaries would leave `phrase` whole, so that it needs no
    /// segmentation: only a strip word can be stripped, and a stripped first (last) word is a
    /// strip word the phrase starts (ends) with, or white space and punctuation the phrase starts
    /// (ends) with. Whatever ICU's boundaries, a phrase with neither at either end keeps them all.
    static func keepsWhole(_ phrase: String, _ vocabulary: SubjectVocabulary) -> Bool {
        guard let u = phrase.unicodeScalars.first, let v = phrase.unicodeScalars.last else { return false }
        // An ideograph at either end is a character that is neither space nor punctuation (a
        // grapheme cluster ending in one starts with it or with a Prepend mark); anything else
        // is asked of the characters.
        func isIdeograph(_ s: Unicode.Scalar) -> Bool { (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value) }
        if !(isIdeograph(u) && isIdeograph(v)) {
            guard let first = phrase.first, let last = phrase.last,
                  !(first.isWhitespace || first.isPunctuation), !(last.isWhitespace || last.isPunctuation) else { return false }
        }
        return vocabulary.stripWords.firstIndex(startingOf: phrase) == nil && vocabulary.stripWords.firstIndex(endingOf: phrase) == nil
    }

    private static let quotes = ScalarTable(scalarsOf: "“”\"《》（）()")

    /// Whether `phrase`, after any stage words and verbs (申报, 获批, 成功 …), starts with the
    /// single-character level `word` (省, 市; "省级…" starts with 省 too).
    /// `stageEnd` keeps the byte offset where those words end, found on the first call.
    func startsAfterStages(_ phrase: String, _ word: String, _ stageEnd: inout Int?) -> Bool {
        let at = stageEnd ?? stagesEnd(phrase)
        stageEnd = at
        return phrase.hasBytes(word, at: at)
    }

    /// Byte offset after the stage words and verbs (申报, 获批, 成功 …) the phrase starts with:
    /// each word of `stagePrefixes` in turn is taken off where the phrase has it, until a pass
    /// takes none. Compared on bytes, first byte first.
    func stagesEnd(_ phrase: String) -> Int {
        let prefixes = lexicons.vocabulary.stagePrefixBytes
        var phrase = phrase
        return phrase.withUTF8 { b in
            var at = 0
            var changed = true
            while changed {
                changed = false
                for p in prefixes where at + p.count <= b.count && b[at] == p[0] && memcmp(b.baseAddress! + at, p, p.count) == 0 {
                    at += p.count; changed = true
                }
            }
            return at
        }
    }

    /// The canonical subject of the longest alias the phrase ends with.
    public func canonicalName(_ phrase: String) -> String? {
        let vocabulary = lexicons.vocabulary
        return vocabulary.aliasSuffixes.firstIndex(endingOf: phrase).map { vocabulary.aliases[$0].canonical }
    }
}
