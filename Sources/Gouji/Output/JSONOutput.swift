import Foundation

/// Shared JSON encoding: sorted keys, no escaped slashes, UTF-8.
public enum JSONOutput {
    public static let version = "0.1.0"

    public static func encode<T: Encodable>(_ value: T, pretty: Bool = true) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    public struct Tool: Codable, Sendable {
        public var name = "gouji"
        public var version = JSONOutput.version
        public init() {}
    }
}
