import Foundation

/// Runs every enabled rule over a document's figures and facts, in registry order, and adds
/// an info finding for each part of the template that could not be bound (a skipped check).
public struct Checker: Sendable {
    public var lexicons: Lexicons
    public var configuration: Configuration

    public init(lexicons: Lexicons, configuration: Configuration) {
        self.lexicons = lexicons
        self.configuration = configuration
    }

    public func check(document: Document, figures: [Figure], facts: ReportFacts) -> [Finding] {
        let context = RuleContext(document: document, figures: figures, facts: facts, lexicons: lexicons, configuration: configuration)
        for rule in RuleRegistry.all {
            let d = rule.description
            guard configuration.isEnabled(d, lexicons: lexicons) else { continue }
            context.earlier += rule.init().check(context)
        }
        return context.earlier.sorted {
            let a = $0.primaryLocation?.start ?? Int.max, b = $1.primaryLocation?.start ?? Int.max
            return a != b ? a < b : $0.rule < $1.rule
        }
    }
}
