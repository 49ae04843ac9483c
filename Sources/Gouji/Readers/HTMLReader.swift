import Foundation

/// Reads web pages. (Being written.)
public struct HTMLReader: Sendable {
    public var layout: Layout
    public var limits: ReadLimits
    public init(layout: Layout, limits: ReadLimits = ReadLimits()) { self.layout = layout; self.limits = limits }
    public static func looksLikeHTML(_ text: String) -> Bool { false }
    public func read(html: String, path: String, encoding: String) throws -> Document {
        throw ReadError.binary("HTML is not supported yet")
    }
}
