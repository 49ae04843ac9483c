import CICUShim

/// Traditional characters (萬元, 執行率, 預算數) read as their simplified forms, so that the units,
/// labels and role words of Lexicons/ match a report copied from a traditional-character page.
///
/// The mapping is ICU's Traditional-Simplified transform taken one character at a time and
/// kept only where it gives exactly one character: the text keeps its length in scalars, so
/// every offset and location still points at the same character of the original.
public enum TraditionalChinese {
    /// The CJK Unified Ideographs block, where the transform's single-character mappings lie.
    static let block: ClosedRange<UInt32> = 0x4E00...0x9FFF

    /// For each scalar of `block`, its simplified form (0 where it has none or is unchanged);
    /// made once, with one transform over the whole block written one character per line.
    static let table: [UInt32] = {
        var units: [UInt16] = []
        units.reserveCapacity(block.count * 2)
        for v in block { units.append(UInt16(v)); units.append(0x0A) }
        let length = Int32(units.count)
        units += [UInt16](repeating: 0, count: units.count)   // room for longer output
        var out: Int32 = 0
        let status = units.withUnsafeMutableBufferPointer { gouji_to_simplified($0.baseAddress, length, Int32($0.count), &out) }
        var table = [UInt32](repeating: 0, count: block.count)
        guard status == 0 else { return table }
        let lines = String(decoding: units[0..<Int(out)], as: UTF16.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= block.count else { return table }
        for (k, line) in lines.prefix(block.count).enumerated() {
            let scalars = line.unicodeScalars
            if scalars.count == 1, let s = scalars.first, s.value != block.lowerBound + UInt32(k) { table[k] = s.value }
        }
        return table
    }()

    /// The simplified form of one scalar, or nil when it has none.
    @inline(__always)
    static func simplified(_ s: Unicode.Scalar) -> Unicode.Scalar? {
        guard block.contains(s.value) else { return nil }
        let v = table[Int(s.value - block.lowerBound)]
        return v == 0 ? nil : Unicode.Scalar(v)
    }

    /// How many scalars of `text` have a simplified form (stops counting at `limit`).
    public static func traditionalCount(_ text: String, limit: Int = .max) -> Int {
        var n = 0
        for s in text.unicodeScalars where s.value >= block.lowerBound && simplified(s) != nil {
            n += 1
            if n >= limit { break }
        }
        return n
    }

    /// `text` with every traditional character replaced by its simplified form; the same
    /// number of scalars, in the same places.
    public static func simplified(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars { out.append(simplified(s) ?? s) }
        return String(out)
    }

    /// Whether a text is written in traditional characters: at least 8 of them and 5 % of its
    /// ideographs, so that the variants a simplified report also uses (显著, 於) do not turn it.
    public static func isTraditional(_ text: String) -> Bool {
        var ideographs = 0, traditional = 0
        for s in text.unicodeScalars where block.contains(s.value) {
            ideographs += 1
            if simplified(s) != nil { traditional += 1 }
        }
        return traditional >= 8 && traditional * 20 >= ideographs
    }
}
