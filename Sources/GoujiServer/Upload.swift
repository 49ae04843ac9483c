import Foundation
import Gouji
import Hummingbird

/// A document sent to the API: its bytes, the name it is reported under, and the options
/// given as query parameters (or as fields of a multipart form). The bytes stay in memory;
/// nothing is written to disk.
struct Upload {
    var data: Data
    var name: String
    var fields: [String: String]

    /// Reads the body up to `limit` bytes: a multipart/form-data upload (its `file` part), or
    /// the raw body named by `?name=`.
    static func read(_ request: Request, limit: Int) async throws -> Upload {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw APIError.tooLarge(limit)
        }
        let buffer: ByteBuffer
        do {
            // Multipart framing adds a few hundred bytes to the file itself.
            buffer = try await request.body.collect(upTo: limit + 16 * 1024)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            // NIO's too-many-bytes error, which Hummingbird maps to 413.
            throw APIError.tooLarge(limit)
        }
        let body = Data(buffer.readableBytesView)
        var fields: [String: String] = [:]
        for (key, value) in request.uri.queryParameters { fields[String(key)] = String(value) }
        let contentType = request.headers[.contentType] ?? ""
        if let boundary = MultipartForm.boundary(contentType: contentType) {
            let form: MultipartForm
            do { form = try MultipartForm(body: body, boundary: boundary) } catch { throw APIError.badRequest("\(error)") }
            for key in ["lang", "preset", "fail_on", "format", "name"] {
                if let value = form.field(key) { fields[key] = value.trimmingCharacters(in: .whitespacesAndNewlines) }
            }
            guard let file = form.file else { throw APIError.badRequest("the multipart form has no file part (name it \"file\")") }
            guard file.data.count <= limit else { throw APIError.tooLarge(limit) }
            return Upload(data: file.data, name: safeName(fields["name"] ?? file.filename), fields: fields)
        }
        guard body.count <= limit else { throw APIError.tooLarge(limit) }
        return Upload(data: body, name: safeName(fields["name"]), fields: fields)
    }

    /// The last path component of a given name, without control characters, at most 200
    /// characters; "document" when none is given.
    static func safeName(_ given: String?) -> String {
        let last = (given ?? "").split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(String.UnicodeScalarView(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }).prefix(200))
        return clean.isEmpty || clean == "." || clean == ".." ? "document" : clean
    }
}
