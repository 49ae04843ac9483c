/// A string as a dictionary or set key compared and hashed by its UTF-8 bytes. A `String` key
/// hashes and compares by canonical equivalence, which normalises every non-ASCII key (all the
/// Chinese ones) on every lookup; for texts taken from one document, byte equality is the
/// equality that matters and costs a memcmp.
public struct ByteKey: Hashable, Sendable {
    public let string: String

    public init(_ string: String) { self.string = string }

    public static func == (a: ByteKey, b: ByteKey) -> Bool { a.string.utf8.elementsEqual(b.string.utf8) }

    public func hash(into hasher: inout Hasher) {
        var s = string
        s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
