/// A set of Unicode scalars given by a property, as a bit table of the Basic Multilingual Plane
/// built once; scalars beyond it ask the property itself. Membership is one load and a mask
/// instead of a Unicode property lookup per scalar in the hot loops.
public struct ScalarTable: Sendable {
    private let bmp: [UInt64]
    private let property: @Sendable (Unicode.Scalar) -> Bool

    public init(_ property: @escaping @Sendable (Unicode.Scalar) -> Bool) {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        for v in 0..<0x10000 {
            if let u = Unicode.Scalar(UInt32(v)), property(u) { bits[v >> 6] |= 1 << UInt64(v & 63) }
        }
        bmp = bits
        self.property = property
    }

    /// The scalars of `members` ("。；;！？\n").
    public init<S: Sequence>(scalarsOf members: S) where S.Element == Unicode.Scalar {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        var beyond = Set<Unicode.Scalar>()
        for u in members {
            let v = Int(u.value)
            if v < 0x10000 { bits[v >> 6] |= 1 << UInt64(v & 63) } else { beyond.insert(u) }
        }
        bmp = bits
        let others = beyond
        property = { others.contains($0) }
    }

    public init(scalarsOf members: String) { self.init(scalarsOf: members.unicodeScalars) }

    @inline(__always)
    public func contains(_ u: Unicode.Scalar) -> Bool {
        let v = Int(u.value)
        if v < 0x10000 { return bmp[v >> 6] & (1 << UInt64(v & 63)) != 0 }
        return property(u)
    }

    /// Whether a scalar of `text` is in the table.
    public func occurs(in text: String) -> Bool { text.containsScalar(where: contains) }
}

/// Whether a scalar has a Unicode numeric type (digits, 一二三, 壹贰, ①, Ⅻ …).
enum NumericScalars {
    private static let table = ScalarTable { $0.properties.numericType != nil }

    static func contains(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if v < 0x80 { return v >= 0x30 && v <= 0x39 }
        return table.contains(u)
    }

    /// Whether `text` has such a scalar, decoded from its UTF-8 bytes (a text unit without one
    /// is skipped by the extractor).
    static func occur(in text: String) -> Bool { text.containsScalar(where: contains) }
}
