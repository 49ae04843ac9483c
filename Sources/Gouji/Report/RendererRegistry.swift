import Foundation

/// What every check renderer is told besides the results.
public struct RenderOptions: Sendable {
    public var lang: Language
    /// ANSI colours (the text renderer only, and only on a terminal).
    public var color: Bool
    /// Each rule's levels under the configurations in force (SARIF rule metadata); by default
    /// those of the default configuration.
    public var levels: [String: RuleLevels]?

    public init(lang: Language = .zh, color: Bool = false, levels: [String: RuleLevels]? = nil) {
        self.lang = lang; self.color = color; self.levels = levels
    }
}

/// One output format of `gouji check` (and of the server's `format` parameter).
public protocol ReportRenderer: Sendable {
    /// The `--format` value.
    var name: String { get }
    /// The HTTP Content-Type of the output.
    var mediaType: String { get }
    /// The file extension of a file holding the output, without the dot.
    var fileExtension: String { get }
    func render(_ results: [CheckResult], options: RenderOptions) -> String
}

extension ReportRenderer {
    public func data(_ results: [CheckResult], options: RenderOptions) -> Data {
        Data(render(results, options: options).utf8)
    }
}

/// Every check output format, in the order the CLI lists them.
public enum RendererRegistry {
    public static let all: [any ReportRenderer] = [
        TextFormat(), JSONFormat(), SARIFFormat(), CSVFormat(), HTMLFormat(),
    ]

    public static var names: [String] { all.map(\.name) }

    public static func renderer(named name: String) -> (any ReportRenderer)? {
        all.first { $0.name == name }
    }

    struct TextFormat: ReportRenderer {
        let name = "text", mediaType = "text/plain; charset=utf-8", fileExtension = "txt"
        func render(_ results: [CheckResult], options: RenderOptions) -> String {
            TextRenderer(lang: options.lang, color: options.color).render(results)
        }
    }

    struct JSONFormat: ReportRenderer {
        let name = "json", mediaType = "application/json; charset=utf-8", fileExtension = "json"
        func render(_ results: [CheckResult], options: RenderOptions) -> String {
            JSONRenderer.check(results, lang: options.lang) + "\n"
        }
    }

    struct SARIFFormat: ReportRenderer {
        let name = "sarif", mediaType = "application/sarif+json; charset=utf-8", fileExtension = "sarif"
        func render(_ results: [CheckResult], options: RenderOptions) -> String {
            var rules: [String: SARIFRenderer.RuleInfo] = [:]
            for d in RuleRegistry.descriptions { rules[d.id] = (name: d.name, description: d.summary.text(options.lang)) }
            let levels = options.levels ?? RuleLevels.merged([Configuration()], lexicons: .builtIn)
            return SARIFRenderer.render(results, lang: options.lang, rules: rules, levels: levels)
        }
    }

    struct CSVFormat: ReportRenderer {
        let name = "csv", mediaType = "text/csv; charset=utf-8", fileExtension = "csv"
        func render(_ results: [CheckResult], options: RenderOptions) -> String {
            CSVRenderer.render(results, lang: options.lang)
        }
    }

    struct HTMLFormat: ReportRenderer {
        let name = "html", mediaType = "text/html; charset=utf-8", fileExtension = "html"
        func render(_ results: [CheckResult], options: RenderOptions) -> String {
            HTMLRenderer(lang: options.lang).render(results)
        }
    }
}
