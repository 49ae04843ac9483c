import Foundation

/// Shared JSON encoding: sorted keys, no escaped slashes, UTF-8.
public enum JSONOutput {
    public static let version = "0.1.0"

    public static func encode<T: Encodable>(_ value: T, pretty: Bool = true) -> String {
        guard let data = try? (pretty ? prettyEncoder : compactEncoder).encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    // Made once: the store encodes three small values per finding. Never reconfigured after
    // creation, so sharing them between threads is safe (`encode` only reads the options).
    private static let prettyEncoder = encoder([.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
    private static let compactEncoder = encoder([.sortedKeys, .withoutEscapingSlashes])

    private static func encoder(_ formatting: JSONEncoder.OutputFormatting) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = formatting
        return encoder
    }

    public struct Tool: Codable, Sendable {
        public var name = "gouji"
        public var version = JSONOutput.version
        public init() {}
    }
}
