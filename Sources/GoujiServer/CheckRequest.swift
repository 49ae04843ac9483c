import Foundation
import Gouji

/// The options of one API request (`lang`, `preset`, `fail_on`, `format`), checked as the
/// CLI checks its flags, and the pipeline they give.
struct CheckRequest {
    var lang: Language = .zh
    var preset: String?
    var failOn: Severity?
    var renderer: any ReportRenderer = RendererRegistry.renderer(named: "json")!

    init(_ fields: [String: String], formats: [String] = ["json", "html", "sarif", "csv"]) throws {
        if let l = fields["lang"], !l.isEmpty {
            guard let lang = Language(rawValue: l) else { throw APIError.badRequest("lang must be zh or en (got \(l))") }
            self.lang = lang
        }
        if let p = fields["preset"], !p.isEmpty {
            guard ["recommended", "strict"].contains(p) else { throw APIError.badRequest("preset must be recommended or strict (got \(p))") }
            preset = p
        }
        if let f = fields["fail_on"], !f.isEmpty {
            guard let s = Severity(rawValue: f) else { throw APIError.badRequest("fail_on must be error, warning or info (got \(f))") }
            failOn = s
        }
        if let f = fields["format"], !f.isEmpty {
            guard formats.contains(f), let r = RendererRegistry.renderer(named: f) else {
                throw APIError.badRequest("format must be one of \(formats.joined(separator: ", ")) (got \(f))")
            }
            renderer = r
        }
    }

    var configuration: Configuration {
        var c = Configuration()
        c.preset = preset
        return c
    }

    func pipeline(limits: ReadLimits) -> Pipeline {
        Pipeline(lexicons: .builtIn, limits: limits, configuration: configuration)
    }

    /// The exit code `gouji check` would give these results (0 or 1; unreadable is refused
    /// before), sent as the X-Gouji-Exit-Code header.
    func exitCode(_ results: [CheckResult]) -> Int {
        let threshold = failOn ?? .error
        return results.contains { $0.findings.contains { $0.severity >= threshold } } ? 1 : 0
    }
}
