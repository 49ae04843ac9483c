import Foundation

/// Recognises the template family and binds table cells to typed fields.
public struct FactBinder: Sendable {
    public var lexicons: Lexicons
    public init(lexicons: Lexicons) { self.lexicons = lexicons }

    public func bind(document: Document, figures: [Figure]) -> ReportFacts {
        ReportFacts()
    }
}
