import Foundation

/// Finds every figure in a document's paragraphs and table cells.
public struct FigureExtractor: Sendable {
    public var lexicons: Lexicons
    public init(lexicons: Lexicons) { self.lexicons = lexicons }

    public func extract(_ document: Document) -> [Figure] {
        []
    }
}
