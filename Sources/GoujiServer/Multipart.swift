import Foundation

/// A minimal multipart/form-data reader (RFC 7578): the parts of a body already in memory,
/// each with its field name, optional file name and bytes. Enough for a browser's or curl's
/// upload; anything malformed is refused rather than guessed at.
struct MultipartForm {
    struct Part {
        var name: String
        var filename: String?
        var contentType: String?
        var data: Data
    }

    var parts: [Part]

    /// The boundary of a `multipart/form-data; boundary=…` content type, or nil.
    static func boundary(contentType: String) -> String? {
        let pieces = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = pieces.first, first.lowercased() == "multipart/form-data" else { return nil }
        for piece in pieces.dropFirst() {
            let kv = piece.split(separator: "=", maxSplits: 1).map(String.init)
            guard kv.count == 2, kv[0].lowercased() == "boundary" else { continue }
            var value = kv[1]
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value.isEmpty || value.utf8.count > 200 ? nil : value
        }
        return nil
    }

    enum Failure: Error, CustomStringConvertible {
        case malformed(String)
        var description: String { if case .malformed(let why) = self { return "malformed multipart body (\(why))" }; return "" }
    }

    init(body: Data, boundary: String) throws {
        let delimiter = Data(("--" + boundary).utf8)
        let crlf = Data("\r\n".utf8)
        let headerEnd = Data("\r\n\r\n".utf8)
        guard var cursor = body.range(of: delimiter)?.upperBound else { throw Failure.malformed("no boundary") }
        var parts: [Part] = []
        while true {
            // After a delimiter: "--" ends the body, CRLF starts a part.
            if body[cursor...].starts(with: Data("--".utf8)) { break }
            guard body[cursor...].starts(with: crlf) else { throw Failure.malformed("bad delimiter line") }
            cursor += 2
            guard let headEnd = body.range(of: headerEnd, in: cursor..<body.endIndex) else { throw Failure.malformed("unterminated part headers") }
            let head = String(decoding: body[cursor..<headEnd.lowerBound], as: UTF8.self)
            let contentStart = headEnd.upperBound
            guard let next = body.range(of: crlf + delimiter, in: contentStart..<body.endIndex) else {
                throw Failure.malformed("unterminated part")
            }
            var part = Part(name: "", filename: nil, contentType: nil, data: Data(body[contentStart..<next.lowerBound]))
            for line in head.components(separatedBy: "\r\n") {
                let kv = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard kv.count == 2 else { continue }
                switch kv[0].lowercased() {
                case "content-disposition":
                    part.name = Self.parameter("name", in: kv[1]) ?? ""
                    part.filename = Self.parameter("filename", in: kv[1])
                case "content-type": part.contentType = kv[1]
                default: break
                }
            }
            parts.append(part)
            cursor = next.upperBound
        }
        self.parts = parts
    }

    /// A `key="value"` (or unquoted) parameter of a header value.
    static func parameter(_ key: String, in header: String) -> String? {
        var rest = Substring(header)
        while let semicolon = rest.firstIndex(of: ";") {
            rest = rest[rest.index(after: semicolon)...].drop { $0 == " " }
            guard let eq = rest.firstIndex(of: "="), rest[..<eq].lowercased() == key else { continue }
            let value = rest[rest.index(after: eq)...]
            if value.hasPrefix("\"") {
                var out = ""
                var escaped = false
                for ch in value.dropFirst() {
                    if escaped { out.append(ch); escaped = false }
                    else if ch == "\\" { escaped = true }
                    else if ch == "\"" { return out }
                    else { out.append(ch) }
                }
                return out
            }
            return String(value.prefix { $0 != ";" }).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    func field(_ name: String) -> String? {
        parts.first { $0.name == name && $0.filename == nil }.map { String(decoding: $0.data, as: UTF8.self) }
    }

    /// The uploaded file: the part named `file`, else the first part with a file name.
    var file: Part? {
        parts.first { $0.name == "file" } ?? parts.first { $0.filename != nil }
    }
}
