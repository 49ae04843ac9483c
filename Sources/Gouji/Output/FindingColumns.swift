/// The three JSON columns the audit store keeps per finding (its figures, other locations and
/// suggestions), written directly as bytes. The store writes three per finding, and a
/// JSONEncoder call (keyed containers, a sort of the keys, a Data) cost more than the rest of
/// storing the finding. The output is byte for byte what `JSONOutput.encode(_:pretty: false)`
/// gives for the same `JSONRenderer` values (sorted keys, slashes unescaped, nil fields
/// omitted): `FindingColumnsTests` checks that on every finding of the corpus.
enum FindingColumns {
    static func figures(_ figures: [JSONRenderer.FigureOut]) -> String {
        array(figures) { f, w in
            w.field("approximate", f.approximate, first: true)
            w.field("column", f.column)
            if let comparator = f.comparator { w.field("comparator", comparator) }
            w.field("end", f.end)
            w.field("in_table", f.in_table)
            w.field("kind", f.kind)
            w.field("line", f.line)
            if let part = f.part { w.field("part", part) }
            w.key("scopes")
            w.bytes.append(UInt8(ascii: "["))
            for (i, s) in f.scopes.enumerated() {
                if i > 0 { w.bytes.append(UInt8(ascii: ",")) }
                w.string(s)
            }
            w.bytes.append(UInt8(ascii: "]"))
            w.field("start", f.start)
            if let subject = f.subject { w.field("subject", subject) }
            w.field("text", f.text)
            w.field("unit", f.unit)
            if let source = f.unit_source { w.field("unit_source", source) }
            w.field("value", f.value)
            w.field("written_unit", f.written_unit)
        }
    }

    static func locations(_ locations: [JSONRenderer.LocationOut]) -> String {
        array(locations) { l, w in
            w.field("column", l.column, first: true)
            w.field("end", l.end)
            w.field("line", l.line)
            if let part = l.part { w.field("part", part) }
            w.field("start", l.start)
        }
    }

    static func suggestions(_ suggestions: [JSONRenderer.SuggestionOut]) -> String {
        array(suggestions) { s, w in
            w.field("column", s.column, first: true)
            w.field("end", s.end)
            w.field("line", s.line)
            w.field("original", s.original)
            if let part = s.part { w.field("part", part) }
            w.field("reason", s.reason)
            w.field("replacement", s.replacement)
            w.field("safe", s.safe)
            w.field("start", s.start)
        }
    }

    private static func array<T>(_ items: [T], _ object: (T, inout Writer) -> Void) -> String {
        var w = Writer()
        w.bytes.append(UInt8(ascii: "["))
        for (i, item) in items.enumerated() {
            if i > 0 { w.bytes.append(UInt8(ascii: ",")) }
            w.bytes.append(UInt8(ascii: "{"))
            object(item, &w)
            w.bytes.append(UInt8(ascii: "}"))
        }
        w.bytes.append(UInt8(ascii: "]"))
        return String(decoding: w.bytes, as: UTF8.self)
    }

    struct Writer {
        var bytes: [UInt8] = []

        init() { bytes.reserveCapacity(512) }

        mutating func key(_ name: String, first: Bool = false) {
            if !first { bytes.append(UInt8(ascii: ",")) }
            string(name)
            bytes.append(UInt8(ascii: ":"))
        }

        mutating func field(_ name: String, _ value: String, first: Bool = false) { key(name, first: first); string(value) }
        mutating func field(_ name: String, _ value: Int, first: Bool = false) { key(name, first: first); bytes.append(contentsOf: String(value).utf8) }
        mutating func field(_ name: String, _ value: Bool, first: Bool = false) {
            key(name, first: first)
            bytes.append(contentsOf: (value ? "true" : "false").utf8)
        }

        /// A JSON string as JSONEncoder writes it: `"` and `\` escaped, the control characters
        /// below U+0020 as \b \t \n \f \r or \u00XX, everything else (slashes, non-ASCII) as is.
        mutating func string(_ s: String) {
            bytes.append(UInt8(ascii: "\""))
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
