import Foundation

/// Reads .docx files. (Being written: see issue 2.)
public struct DocxReader: Sendable {
    public var layout: Layout
    public var limits: ReadLimits
    public init(layout: Layout, limits: ReadLimits = ReadLimits()) { self.layout = layout; self.limits = limits }
    public func read(data: Data, path: String) throws -> Document {
        throw ReadError.notADocx("the .docx reader is not built yet")
    }
}
