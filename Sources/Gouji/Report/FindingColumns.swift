/// The three JSON columns the audit store keeps per finding (its figures, other locations and
/// suggestions), written directly as bytes. The store writes three per finding, and a
/// JSONEncoder call (keyed containers, a sort of the keys, a Data) cost more than the rest of
/// storing the finding. The output is byte for byte what `JSONOutput.encode(_:pretty: false)`
/// gives for the same `JSONRenderer` values (sorted keys, slashes unescaped, nil fields
/// omitted): `FindingColumnsTests` checks that on every finding of the corpus.
enum FindingColumns {
    static func figures(_ figures: [JSONRenderer.FigureOut]) -> String {
        array(figures) { f in
            [("approximate", .bool(f.approximate)), ("column", .int(f.column)), ("comparator", f.comparator.map(Value.string)),
             ("end", .int(f.end)), ("in_table", .bool(f.in_table)), ("kind", .string(f.kind)), ("line", .int(f.line)),
             ("part", f.part.map(Value.string)), ("period", f.period.map(Value.string)), ("role", .string(f.role)),
             ("scopes", .strings(f.scopes)), ("start", .int(f.start)),
             ("subject", f.subject.map(Value.string)), ("text", .string(f.text)), ("unit", .string(f.unit)),
             ("unit_source", f.unit_source.map(Value.string)), ("value", .string(f.value)), ("written_unit", .string(f.written_unit))]
        }
    }

    static func locations(_ locations: [JSONRenderer.LocationOut]) -> String {
        array(locations) { l in
            [("column", .int(l.column)), ("end", .int(l.end)), ("line", .int(l.line)), ("part", l.part.map(Value.string)),
             ("start", .int(l.start))]
        }
    }

    static func suggestions(_ suggestions: [JSONRenderer.SuggestionOut]) -> String {
        array(suggestions) { s in
            [("column", .int(s.column)), ("end", .int(s.end)), ("line", .int(s.line)), ("original", .string(s.original)),
             ("part", s.part.map(Value.string)), ("reason", .string(s.reason)), ("replacement", .string(s.replacement)),
             ("safe", .bool(s.safe)), ("start", .int(s.start))]
        }
    }

    enum Value {
        case string(String), int(Int), bool(Bool), strings([String])
    }

    /// A JSON array of objects, each given as its fields (nil values omitted), written with the
    /// keys sorted as JSONEncoder's `.sortedKeys` does. `fields` lists the same keys in the same
    /// order for every item (one list per type), so they are sorted once per array.
    private static func array<T>(_ items: [T], _ fields: (T) -> [(String, Value?)]) -> String {
        var w = Writer()
        w.bytes.append(UInt8(ascii: "["))
        var order: [Int] = []
        for (i, item) in items.enumerated() {
            if i > 0 { w.bytes.append(UInt8(ascii: ",")) }
            w.bytes.append(UInt8(ascii: "{"))
            var first = true
            let list = fields(item)
            if i == 0 { order = list.indices.sorted { list[$0].0 < list[$1].0 } }
            for k in order {
                let (key, value) = list[k]
                guard let value else { continue }
                if !first { w.bytes.append(UInt8(ascii: ",")) }
                first = false
                w.string(key)
                w.bytes.append(UInt8(ascii: ":"))
                w.value(value)
            }
            w.bytes.append(UInt8(ascii: "}"))
        }
        w.bytes.append(UInt8(ascii: "]"))
        return String(decoding: w.bytes, as: UTF8.self)
    }

    struct Writer {
        var bytes: [UInt8] = []

        init() { bytes.reserveCapacity(512) }

        mutating func value(_ value: Value) {
            switch value {
            case .string(let s): string(s)
            case .int(let n): bytes.append(contentsOf: String(n).utf8)
            case .bool(let b): bytes.append(contentsOf: (b ? "true" : "false").utf8)
            case .strings(let list):
                bytes.append(UInt8(ascii: "["))
                for (i, s) in list.enumerated() {
                    if i > 0 { bytes.append(UInt8(ascii: ",")) }
                    string(s)
                }
                bytes.append(UInt8(ascii: "]"))
            }
        }

        /// A JSON string as JSONEncoder writes it: `"` and `\` escaped, the control characters
        /// below U+0020 as \b \t \n \f \r or \u00XX, everything else (slashes, non-ASCII) as is.
        mutating func string(_ s: String) {
            bytes.append(UInt8(ascii: "\""))
            // Most strings need no escape: appended whole.
            if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
                bytes.appendUTF8(of: s)
                bytes.append(UInt8(ascii: "\""))
                return
            }
            for b in s.utf8 {
                switch b {
                case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
                case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
                case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
                default: bytes.append(b)
                }
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }
}
