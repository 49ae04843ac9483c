import Foundation

/// The result of checking one input: what was read, extracted, bound and found.
public struct CheckResult: Sendable {
    public var path: String
    /// hunan-project, national-project, department or unknown.
    public var template: String
    public var templateConfidence: Double
    /// Set when the input could not be read; then the other fields are empty. In English (the
    /// JSON contract's `error`); `readError` gives it in Chinese too.
    public var error: String?
    public var readError: ReadError?
    public var document: Document?
    public var figures: [Figure]
    public var facts: ReportFacts?
    public var findings: [Finding]
    /// Findings left out because the configuration's `accept` lists them, or a baseline does.
    public var accepted = 0
    public var baselined = 0

    public init(path: String, template: String = "unknown", templateConfidence: Double = 0, error: String? = nil,
                document: Document? = nil, figures: [Figure] = [], facts: ReportFacts? = nil, findings: [Finding] = []) {
        self.path = path; self.template = template; self.templateConfidence = templateConfidence
        self.error = error; self.document = document; self.figures = figures; self.facts = facts
        self.findings = findings
    }

    public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }

    /// Why the input could not be read, in the language of the output.
    public func error(_ lang: Language) -> String? { readError?.message(lang) ?? error }

    /// The result of an input that could not be read.
    init(path: String, failure: Error) {
        self.init(path: path, error: "\(failure)")
        readError = failure as? ReadError
    }
}

/// read → segment → extract → bind → check, as pure functions of the input and the lexicons.
/// A pipeline holds no mutable state and can be shared across threads.
public struct Pipeline: Sendable {
    public var lexicons: Lexicons
    public var limits: ReadLimits
    public var configuration: Configuration

    public init(lexicons: Lexicons = .builtIn, limits: ReadLimits = ReadLimits(), configuration: Configuration = Configuration()) {
        self.lexicons = lexicons.merging(configuration)
        self.limits = limits
        self.configuration = configuration
    }

    /// Reads and checks one file; never throws: an unreadable file gives a result with `error`.
    public func check(path: String) -> CheckResult {
        do {
            let document = try DocumentReader(lexicons: lexicons, limits: limits).read(path: path)
            return check(document: document)
        } catch {
            return CheckResult(path: path, failure: error)
        }
    }

    /// Reads and checks every report a file holds (one per 自评表 sheet of a workbook, else
    /// one); never throws: an unreadable file gives one result with `error`.
    public func checkAll(path: String) -> [CheckResult] {
        do {
            return try DocumentReader(lexicons: lexicons, limits: limits).readAll(path: path).map { check(document: $0) }
        } catch {
            return [CheckResult(path: path, failure: error)]
        }
    }

    /// Checks a document already read. A document with more figures than
    /// `limits.maxFiguresPerDocument` gives a result with `error` ("limit exceeded: …").
    public func check(document: Document) -> CheckResult {
        let figures: [Figure]
        do { figures = try extractWithinLimit(document: document) } catch {
            return CheckResult(path: document.path, failure: error)
        }
        let facts = FactBinder(lexicons: lexicons).bind(document: document, figures: figures)
        let all = Checker(lexicons: lexicons, configuration: configuration)
            .check(document: document, figures: figures, facts: facts)
        let accepted = configuration.accept ?? []
        let findings = accepted.isEmpty ? all : all.filter { f in !accepted.contains { $0.matches(f, path: document.path) } }
        var result = CheckResult(path: document.path, template: facts.family, templateConfidence: facts.confidence,
                                 document: document, figures: figures, facts: facts, findings: findings)
        result.accepted = all.count - findings.count
        return result
    }

    /// Every figure of the document, narrative and tables, in reading order.
    public func extract(document: Document) -> [Figure] {
        FigureExtractor(lexicons: lexicons).extract(document)
    }

    /// Every figure of the document, or `ReadError.limitExceeded` as soon as there are more
    /// than `limits.maxFiguresPerDocument` (extraction stops there).
    public func extractWithinLimit(document: Document) throws -> [Figure] {
        let limit = max(0, limits.maxFiguresPerDocument)
        let figures = FigureExtractor(lexicons: lexicons).extract(document, limit: limit)
        guard figures.count <= limit else { throw ReadError.limitExceeded("more than \(limit) figures") }
        return figures
    }
}
