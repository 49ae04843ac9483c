/// Substring search on UTF-8 bytes. Foundation's `contains(_:)` on String goes through NSString
/// and Unicode folding and dominated the profile (≈ 25 % of a check); report text is valid
/// UTF-8, which is self-synchronising, so a byte search finds exactly the literal occurrences.
extension String {
    /// Whether `other` occurs in the string (literal, byte-wise).
    @inlinable
    public func contains(_ other: String) -> Bool {
        byteOffset(of: other) != nil
    }

    /// Byte offset of the first occurrence of `other` in the UTF-8 of the string.
    public func byteOffset(of other: String) -> Int? {
        if other.isEmpty { return 0 }
        var haystack = self, needle = other
        return haystack.withUTF8 { h in
            needle.withUTF8 { n -> Int? in
                guard n.count <= h.count else { return nil }
                let first = n[0]
                var i = 0
                let last = h.count - n.count
                while i <= last {
                    if h[i] == first {
                        var j = 1
                        while j < n.count && h[i + j] == n[j] { j += 1 }
                        if j == n.count { return i }
                    }
                    i += 1
                }
                return nil
            }
        }
    }
}

extension Substring {
    @inlinable
    public func contains(_ other: String) -> Bool { String(self).contains(other) }
}
