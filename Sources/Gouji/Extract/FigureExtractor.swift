import Foundation

/// Finds every figure in a document's paragraphs and table cells: PCRE2 finds the candidates
/// over UTF-8 in one pass, the Lexicons give units and scales, a table cell's position gives a
/// bare number its unit, and the SubjectResolver names what each figure quantifies.
public struct FigureExtractor: Sendable {
    public var lexicons: Lexicons

    /// Lexicons/subjects.yaml `noun_stops`, as scalars.
    let nounStops: [[Unicode.Scalar]]

    public init(lexicons: Lexicons) {
        self.lexicons = lexicons
        nounStops = lexicons.subjects.nounStops.map { Array($0.unicodeScalars) }
    }

    public func extract(_ document: Document) -> [Figure] {
        extract(document, limit: Int.max)
    }

    /// Like `extract(_:)`, but stops as soon as more than `limit` figures are found; the result
    /// then holds `limit + 1` figures, which tells the caller the document exceeds the limit
    /// without extracting (and holding) every figure of a hostile input.
    public func extract(_ document: Document, limit: Int) -> [Figure] {
        var state = State()
        state.limit = limit
        let builder = TableContextBuilder(patterns: lexicons.patterns)
        // A unit note between a caption and its table ("填报单位：…  单位：万元") applies to the table.
        var pendingUnit: String? = nil
        for block in document.blocks {
            if state.full { break }
            switch block {
            case .paragraph(let p):
                extract(unit: p.text, start: p.location.start, part: p.location.part, context: nil, document: document, state: &state)
                if p.text.containsBytes(of: "单位") , let u = builder.unit(in: p.text) { pendingUnit = u }
                else if p.text.unicodeScalars.contains(where: { !$0.isHorizontalSpace }) { pendingUnit = nil }   // not blank
            case .table(let t):
                if t.rows.isEmpty {
                    pendingUnit = t.caption.flatMap { builder.unit(in: $0.text) }
                    if let caption = t.caption {
                        extract(unit: caption.text, start: caption.location.start, part: caption.location.part, context: nil, document: document, state: &state)
                    }
                    continue
                }
                extract(table: t, defaultUnit: pendingUnit, document: document, state: &state)
                pendingUnit = nil
            }
        }
        RoleMatcher(lexicons: lexicons).assign(&state.figures, in: document)
        return state.figures
    }

    struct State {
        var figures: [Figure] = []
        var sentence = 0
        var block = 0
        var limit = Int.max
        /// Each subject phrase segmented so far in the document, stripped to its noun (a third
        /// of the phrases recur: row labels, repeated indicator names).
        var phraseWords: [ByteKey: String] = [:]
        /// More than `limit` figures found: extraction stops.
        var full: Bool { figures.count > limit }
    }

    func extract(table: Table, defaultUnit: String? = nil, document: Document, state: inout State) {
        let contexts = TableContextBuilder(patterns: lexicons.patterns).contexts(for: table, defaultUnit: defaultUnit)
        var perColumn: [Int: [Int]] = [:]   // column → figure indexes of bare numbers without a unit
        var columnTotalUnit: [Int: String] = [:]
        for (r, row) in table.grid.enumerated() {
            if state.full { break }
            let rowLabel = row.first?.compact ?? ""
            let isTotalRow = ["合计", "总计", "小计", "支出合计"].contains(where: rowLabel.startsWithBytes)
            for (c, cell) in row.enumerated() {
                if state.full { break }
                if cell.origin != nil { continue } // merged copy: its figures belong to the origin cell
                let before = state.figures.count
                extract(unit: cell.text, start: cell.location.start, part: cell.location.part,
                        context: contexts[r][c], document: document, state: &state)
                for i in before..<state.figures.count where state.figures[i].kind.isQuantity {
                    if state.figures[i].unit.isEmpty { perColumn[c, default: []].append(i) }
                    else if isTotalRow {
                        columnTotalUnit[c] = state.figures[i].writtenUnit
                    }
                }
                for nested in cell.nested { extract(table: nested, document: document, state: &state) }
            }
        }
        // Bare amounts in a column whose total row states its unit take that unit ("58000.00元").
        for (c, indexes) in perColumn {
            guard let written = columnTotalUnit[c], let factor = lexicons.patterns.moneyFactors[written] else { continue }
            for i in indexes {
                var f = state.figures[i]
                f.kind = .money; f.unit = "元"; f.writtenUnit = written; f.factor = factor
                f.value = f.number.times(factor); f.unitSource = "inferred"
                state.figures[i] = f
            }
        }
    }

    /// Extracts the figures of one paragraph or cell whose text starts at scalar offset `start`.
    func extract(unit text: String, start: Int, part: String?, context: CellContext?, document: Document, state: inout State) {
        guard NumericScalars.occur(in: text) else { return }
        let normalized = Normalizer.normalize(text)
        let utf8 = UTF8Text(normalized)
        let patterns = lexicons.patterns
        let scalars = utf8.scalars
        let sentences = Segmenter().sentences(normalized, scalars: scalars)
        let sentenceBase = state.sentence
        state.sentence += max(1, sentences.count)
        state.block += 1
        let block = state.block
        let firstIndex = state.figures.count
        defer { for i in firstIndex..<state.figures.count { state.figures[i].block = block } }
        let resolver = SubjectResolver(lexicons: lexicons)
        var previousInSentence: (sentence: Int, figure: Figure)? = nil
        var carriedStage: (sentence: Int, stage: String)? = nil
        // Matches come in text order: the sentence and segment of each are found by moving
        // forward, not by scanning from the start for every figure (quadratic on long text).
        var cellText: String? = nil   // the whole cell, trimmed: computed for the first figure that needs it
        var sentenceCursor = 0
        var segmentCursor = (offset: 0, index: 0)

        let groups = patterns.tokenGroups
        for m in patterns.anchoredToken.matches(in: utf8.bytes, at: patterns.tokenStarts) {
            if state.full { break }
            let s = utf8.scalarOffset(m.range.lowerBound)
            let e = utf8.scalarOffset(m.range.upperBound)
            let matched = utf8.string(m.range)
            let surface = matched.trimmedSpaces
            // Spaces and tabs the match starts with (a first character that does not start with
            // either byte is neither).
            let firstByte = utf8.bytes[m.range.lowerBound]
            let lead = firstByte == 0x20 || firstByte == 0x09 ? matched.prefix { $0 == " " || $0 == "\t" }.unicodeScalars.count : 0
            while sentenceCursor < sentences.count, sentences[sentenceCursor].upperBound <= s { sentenceCursor += 1 }
            let sentenceIndex = sentenceCursor < sentences.count && sentences[sentenceCursor].contains(s) ? sentenceCursor : 0
            let location = document.lines.location(start: start + s + lead, end: start + e, part: part)
            let originalSurface = document.lines.text(from: location.start, to: location.end)

            func make(_ kind: FigureKind, date: DateParts? = nil) -> Figure {
                Figure(text: originalSurface, value: 0, unit: "", writtenUnit: "", kind: kind, location: location,
                       decimals: 0, factor: 1, number: 0, inTable: context != nil, date: date,
                       sentence: sentenceBase + sentenceIndex)
            }
            if m.range(at: groups.docno) != nil { state.figures.append(make(.docNumber)); continue }
            if m.range(at: groups.daterange) != nil { state.figures.append(make(.dateRange)); continue }
            if m.range(at: groups.date) != nil {
                let kind: FigureKind = (surface.endsWithBytes("#") || context?.isVoucherColumn == true) ? .voucher : .date
                state.figures.append(make(kind, date: DateParser.parse(surface)))
                continue
            }
            if m.range(at: groups.year) != nil { state.figures.append(make(.year, date: DateParser.parse(surface))); continue }
            if m.range(at: groups.phone) != nil { state.figures.append(make(.phone)); continue }
            if m.range(at: groups.marker) != nil { state.figures.append(make(.ordinal)); continue }
            if QuoteScanner.isInsideQuotes(scalars, at: s) { continue } // 《…》 “人才新政45条”: part of a name
            if m.range(at: groups.upper) != nil {
                guard let v = ChineseNumerals.money(surface) else { continue }
                var f = make(.money)
                f.value = v; f.number = v; f.unit = "元"; f.writtenUnit = "元"; f.decimals = v.decimalPlaces
                state.figures.append(f)
                continue
            }
            guard let numRange = m.range(at: groups.num) else { continue }
            let numText = utf8.string(numRange)
            let number: Decimal
            var decimals = 0
            if numText.first!.isASCII {
                guard let v = Decimal(plain: numText.replacingAll(",", with: "")) else { continue }
                number = v
                if let dot = numText.firstIndex(of: ".") { decimals = numText.distance(from: dot, to: numText.endIndex) - 1 }
            } else {
                guard let v = ChineseNumerals.value(numText) else { continue }
                number = v
            }
            let signed = m.range(at: groups.sign).map { utf8.string($0) == "-" } == true ? -number : number
            let scaleWord = m.range(at: groups.scale).map { utf8.string($0) } ?? ""
            let unitWord = m.range(at: groups.unit).map { utf8.string($0) } ?? ""
            var figure = make(.number)
            figure.number = signed
            figure.decimals = decimals

            // Kind, unit and value.
            let scale = scaleWord.isEmpty ? Decimal(1) : (patterns.scales[scaleWord] ?? 1)
            let preceding = clausePrefix(scalars, before: s, in: utf8)
            let unitKind = unitWord.isEmpty ? nil : patterns.unitWords[ByteKey(unitWord)]
            if case .money(let moneyFactor)? = unitKind {
                figure.kind = .money; figure.unit = "元"; figure.writtenUnit = scaleWord + unitWord
                figure.factor = scale.times(moneyFactor)
            } else if case .percent? = unitKind {
                figure.kind = .percent; figure.unit = "%"; figure.writtenUnit = "%"
            } else if case .percentagePoints? = unitKind {
                figure.kind = .percentagePoints; figure.unit = "个百分点"; figure.writtenUnit = unitWord
            } else if case .permille? = unitKind {
                figure.kind = .permille; figure.unit = "‰"; figure.writtenUnit = unitWord
            } else if case .score? = unitKind {
                figure.kind = .score; figure.unit = unitWord; figure.writtenUnit = unitWord
            } else if case .count? = unitKind, !numText.first!.isASCII, patterns.ordinalCounts.contains(unitWord) {
                // 一批项目, 二期工程: an item's name, not a count.
                state.figures.append(make(.ordinal))
                continue
            } else if case .count? = unitKind {
                figure.kind = .count; figure.unit = unitWord; figure.writtenUnit = scaleWord + unitWord; figure.factor = scale
            } else if case .measure? = unitKind {
                figure.kind = .measure; figure.unit = unitWord; figure.writtenUnit = scaleWord + unitWord; figure.factor = scale
            } else if !scaleWord.isEmpty {
                // 资金3600万: a bare 万/亿 in money context is money.
                let moneyContext = lexicons.units.moneyContext.contains { preceding.containsBytes(of: $0) }
                figure.kind = moneyContext ? .money : .number
                figure.unit = moneyContext ? "元" : ""
                figure.writtenUnit = scaleWord
                figure.factor = scale
            } else if let context {
                switch context.kindHint {
                case .postcode?: figure.kind = .postcode
                case .phone?: figure.kind = .phone
                case .score?: figure.kind = .score; figure.unit = "分"; figure.writtenUnit = "分"; figure.unitSource = "implied"
                case .percent?: figure.kind = .percent; figure.unit = "%"; figure.writtenUnit = "%"; figure.unitSource = "implied"
                case .count?: figure.kind = .count; figure.unit = context.unit ?? ""; figure.writtenUnit = figure.unit
                default:
                    if let u = context.unit {
                        if let f = patterns.moneyFactors[u] {
                            figure.kind = .money; figure.unit = "元"; figure.writtenUnit = u; figure.factor = f
                        } else if u == "%" {
                            figure.kind = .percent; figure.unit = "%"; figure.writtenUnit = u
                        } else if patterns.countWords.contains(u) {
                            figure.kind = .count; figure.unit = u; figure.writtenUnit = u
                        } else {
                            figure.kind = .measure; figure.unit = u; figure.writtenUnit = u
                        }
                        figure.unitSource = context.unitSource
                    }
                }
                if figure.kind == .number, numText.count == 6, context.label.containsBytes(of: "邮") { figure.kind = .postcode }
            }
            if !figure.kind.isQuantity { state.figures.append(figure); continue }
            figure.value = signed.times(figure.factor)

            // Qualifiers.
            if let c = m.range(at: groups.cmp) { figure.comparator = Comparator(rawValue: lexicons.units.comparators[utf8.string(c)] ?? "") }
            let vocabulary = lexicons.vocabulary
            if figure.comparator == nil, let i = vocabulary.comparatorSuffixes.firstIndex(endingOf: preceding) {
                figure.comparator = Comparator(rawValue: vocabulary.comparatorPrefixes[i].comparator)
            }
            let after = [m.range(at: groups.approx), m.range(at: groups.approx2)].compactMap { $0.map { utf8.string($0) } }
            if !after.isEmpty {
                figure.approximate = true
                if after.contains("以上") && figure.comparator == nil { figure.comparator = .atLeast }
                if (after.contains("以下") || after.contains("以内")) && figure.comparator == nil { figure.comparator = .atMost }
            }
            if vocabulary.approxSuffixes.firstIndex(endingOf: preceding) != nil && !preceding.endsWithBytes("达") {
                figure.approximate = true
            }
            let precedingPlain = preceding.endsWithBytes("了") ? String(preceding.unicodeScalars.dropLast()) : preceding
            // The first direction word (in list order) either text ends with.
            let directions = vocabulary.directionSuffixes
            let direction = min(directions.firstIndex(endingOf: preceding) ?? .max, directions.firstIndex(endingOf: precedingPlain) ?? .max)
            if direction != .max {
                let word = vocabulary.directionWords[direction]
                figure.direction = lexicons.units.directions[word]
            }
            if let r = m.range(at: groups.num2), let hi = Decimal(plain: utf8.string(r)) {
                // A range "10-20万元": keep the lower bound as value, mark approximate.
                figure.approximate = true
                _ = hi
            }
            // Malformed: a table cell holding the number with a stray character ("5.8.").
            if context != nil {
                if cellText == nil { cellText = normalized.trimmedWhitespace }
                let cellText = cellText!
                let body = surface
                if cellText != body && cellText.startsWithBytes(body) && cellText.dropFirst(body.count).allSatisfy({ ".,。、".contains($0) }) {
                    figure.malformed = true
                }
            }

            // Subject and scope.
            let sameSentence = previousInSentence?.sentence == sentenceIndex ? previousInSentence?.figure : nil
            if s < segmentCursor.offset { segmentCursor = (0, 0) }
            segmentCursor = (s, segmentCursor.index + segmentIndex(scalars, from: segmentCursor.offset, to: s))
            let segment = segmentCursor.index
            let stage = resolver.resolve(&figure, phrase: subjectPhrase(scalars, before: s, in: utf8, previousEnd: sameSentence.map { $0.location.end - start }),
                             previous: sameSentence, carriedStage: carriedStage?.sentence == segment ? carriedStage?.stage : nil,
                             following: followingNoun(scalars, after: e, isCount: figure.kind == .count),
                             words: &state.phraseWords)
            if let stage { carriedStage = (segment, stage) }
            previousInSentence = (sentenceIndex, figure)
            state.figures.append(figure)
        }
    }

    /// Segment ends (。；;！？ and line breaks) between `start` and `end`: a stage word carries
    /// on only within one segment.
    func segmentIndex(_ scalars: [Unicode.Scalar], from start: Int, to end: Int) -> Int {
        scalars[start..<end].reduce(0) { Self.segmentEnds.contains($1) ? $0 + 1 : $0 }
    }

    /// For a count followed directly by its noun ("6个重大科技创新项目"), that noun.
    func followingNoun(_ scalars: [Unicode.Scalar], after offset: Int, isCount: Bool) -> String {
        guard isCount, offset < scalars.count, scalars[offset].properties.isIdeographic else { return "" }
        var out = String.UnicodeScalarView()
        var i = offset
        func stops(at i: Int) -> Bool {
            nounStops.contains { w in i + w.count <= scalars.count && w.indices.allSatisfy { scalars[i + $0] == w[$0] } }
        }
        while i < scalars.count, out.count < 12, scalars[i].properties.isIdeographic, !stops(at: i) {
            out.append(scalars[i]); i += 1
        }
        return String(out)
    }

    private static let segmentEnds = ScalarTable(scalarsOf: "。；;！？\n")
    private static let clauseMarks = ScalarTable(scalarsOf: "，,；;。：:\n")
    private static let phraseMarks = ScalarTable(scalarsOf: "，,；;。：:、\n")

    /// Up to 12 characters before `offset`, within the clause.
    func clausePrefix(_ scalars: [Unicode.Scalar], before offset: Int, in text: UTF8Text) -> String {
        var i = offset
        while i > 0 && offset - i < 12 && !Self.clauseMarks.contains(scalars[i - 1]) { i -= 1 }
        return text.string(scalars: i..<offset)
    }

    /// The words before a figure that say what it counts: from the clause start (or the end of
    /// the previous figure in the same clause) up to the figure.
    func subjectPhrase(_ scalars: [Unicode.Scalar], before offset: Int, in text: UTF8Text, previousEnd: Int?) -> String {
        var i = offset
        let floor = max(0, previousEnd ?? 0)
        while i > floor && offset - i < 40 && !Self.phraseMarks.contains(scalars[i - 1]) { i -= 1 }
        return text.string(scalars: i..<offset).trimmedSpaces
    }
}

/// Whether an offset lies inside “…”, "…", 《…》 or 「…」 opened earlier in the same text.
enum QuoteScanner {
    static func isInsideQuotes(_ scalars: [Unicode.Scalar], at offset: Int) -> Bool {
        var depth = 0
        var straight = false
        var i = offset - 1
        var seen = 0
        while i >= 0 && seen < 60 {
            let u = scalars[i]
            switch u {
            case "”", "》", "」", "』": depth -= 1
            case "“", "《", "「", "『":
                if depth == 0 { return true }
                depth += 1
            case "\"": straight.toggle()
            case "\n", "。": return straight
            default: break
            }
            i -= 1; seen += 1
        }
        return straight
    }
}

/// Reads dates written as 2022年6月22日, 2021.2.6#, 2021-02-06, 2021.01, 2021年度.
public enum DateParser {
    public static func parse(_ text: String) -> DateParts? {
        let numbers = numbers(in: text)
        guard let year = numbers.first, (1900...2100).contains(year) else { return nil }
        let month = numbers.count > 1 ? numbers[1] : 0
        let day = numbers.count > 2 ? numbers[2] : 0
        guard (0...12).contains(month), (0...31).contains(day) else { return nil }
        return DateParts(year: year, month: month, day: day)
    }

    /// Both ends of a range written as 2021.01-2021.12 or 2016年1月起至2016年12月止.
    public static func parseRange(_ text: String) -> (DateParts, DateParts)? {
        let numbers = numbers(in: text)
        let years = numbers.enumerated().filter { (1900...2100).contains($0.element) }.map(\.offset)
        guard years.count == 2 else { return nil }
        let a = Array(numbers[years[0]..<years[1]])
        let b = Array(numbers[years[1]...])
        func parts(_ n: [Int]) -> DateParts { DateParts(year: n[0], month: n.count > 1 ? n[1] : 0, day: n.count > 2 ? n[2] : 0) }
        return (parts(a), parts(b))
    }

    /// The numbers written in `text`: its runs of ASCII-digit characters, each read as an Int
    /// (a run too long for one is left out).
    static func numbers(in text: String) -> [Int] {
        digitRuns(text) ?? text.split(whereSeparator: { !$0.isASCII || !$0.isNumber }).compactMap { Int($0) }
    }

    /// The same, read from the UTF-8 bytes when each scalar next to a digit is ASCII, a CJK
    /// ideograph, a CJK symbol (U+3000–3029) or a full-width form (U+FF01–FF5E): none of those
    /// joins a digit into a larger character, so each digit byte is a digit character. Nil
    /// otherwise (a combining mark after a digit, say), for the character-wise reading.
    static func digitRuns(_ text: String) -> [Int]? {
        var text = text
        return text.withUTF8 { b -> [Int]? in
            var out: [Int] = []
            var i = 0
            var value = 0, inRun = false, overflow = false
            func joinsDigits(_ at: Int) -> Bool {   // whether the scalar at byte `at` may join a digit
                let v = UTF8.scalar(in: b, at: at).value
                return !(v < 0x80 || (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v)
                         || (0x3000...0x3029).contains(v) || (0xFF01...0xFF5E).contains(v))
            }
            while i < b.count {
                let c = b[i]
                if c >= 0x30 && c <= 0x39 {
                    if !inRun {
                        if i > 0 && b[i - 1] >= 0x80 {
                            var start = i - 1
                            while start > 0 && UTF8.isContinuation(b[start]) { start -= 1 }
                            if joinsDigits(start) { return nil }
                        }
                        inRun = true; value = 0; overflow = false
                    }
                    let (times10, o1) = value.multipliedReportingOverflow(by: 10)
                    let (sum, o2) = times10.addingReportingOverflow(Int(c - 0x30))
                    value = sum; overflow = overflow || o1 || o2
                    i += 1
                    continue
                }
                if inRun {
                    if c >= 0x80 && joinsDigits(i) { return nil }
                    if !overflow { out.append(value) }
                    inRun = false
                }
                i += 1
            }
            if inRun && !overflow { out.append(value) }
            return out
        }
    }
}
