import Foundation

/// Runs every enabled rule over a document's figures and facts.
public struct Checker: Sendable {
    public var lexicons: Lexicons
    public var configuration: Configuration
    public init(lexicons: Lexicons, configuration: Configuration) { self.lexicons = lexicons; self.configuration = configuration }

    public func check(document: Document, figures: [Figure], facts: ReportFacts) -> [Finding] {
        []
    }
}
