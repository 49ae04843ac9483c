import Foundation

/// The shared string table (`xl/sharedStrings.xml`): one string per `<si>`, the text of its
/// `<t>` (plain) or of the `<t>` of each rich-text run `<r>`; phonetic runs (`<rPh>`, the
/// furigana of Japanese text) are not part of the text and are dropped.
final class XlsxSharedStrings: XlsxXMLParser {
    private(set) var strings: [String] = []
    private var item: [UInt8] = []
    private var inItem = false
    private var inText = false
    private var phoneticDepth = 0

    static func parse(_ xml: Data, part: String, limits: ReadLimits) throws -> [String] {
        let parser = XlsxSharedStrings(partName: part, limits: limits)
        try parser.parse(xml)
        return parser.strings
    }

    override func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "si":
            inItem = true
            item.removeAll(keepingCapacity: true)
        case "rPh":
            phoneticDepth += 1
        case "t":
            inText = inItem && phoneticDepth == 0
        default:
            break
        }
    }

    override func end(_ name: String) {
        switch name {
        case "si":
            inItem = false
            strings.append(XlsxXMLParser.unescape(String(decoding: item, as: UTF8.self)))
            // Every string costs at least a few bytes of XML, so the part's size cap bounds the
            // table; the count bounds the array of empty strings a hostile part could make.
            if strings.count > 10_000_000 { fail(.limitExceeded("more than 10000000 shared strings")) }
        case "rPh":
            phoneticDepth -= 1
        case "t":
            inText = false
        default:
            break
        }
    }

    override func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard inText else { return }
        item.append(contentsOf: bytes)
        if item.count > limits.maxCellCharacters * 4 {
            fail(.limitExceeded("a shared string has more than \(limits.maxCellCharacters) characters"))
        }
    }
}
