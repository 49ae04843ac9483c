import Foundation
import Gouji
import HTTPTypes
import Hummingbird

/// The endpoints: the page and its files, and the API under /api/.
struct Routes: Sendable {
    var options: ServerOptions
    var slots: CheckSlots
    var actions: Actions

    func add(to router: Router<BasicRequestContext>) {
        for path in Page.files.keys where path != "/openapi.yaml" {
            router.get(RouterPath(path)) { _, _ in Page.response(path)! }
        }
        router.get("/api/openapi.yaml") { _, _ in Page.response("/openapi.yaml")! }
        router.get("/api/health") { _, _ in
            let load = slots.load
            return json(JSONOutput.encode(Health(running: load.running, waiting: load.waiting, slots: slots.capacity,
                                                 queue: slots.queueLimit), pretty: false) + "\n")
        }
        router.get("/api/rules") { request, _ in
            let lang = try CheckRequest(fields(request)).lang
            return json(RulesRenderer.json(.builtIn, configuration: Configuration(), lang: lang) + "\n")
        }
        router.post("/api/check") { request, _ in
            let (upload, check) = try await admit(request)
            let out = try await run { try actions.check(upload, check) }
            var response = text(out.body, type: check.renderer.mediaType)
            response.headers[HTTPField.Name("X-Gouji-Exit-Code")!] = String(out.exitCode)
            return response
        }
        router.post("/api/view") { request, _ in
            let (upload, check) = try await admit(request)
            return json(try await run { try actions.view(upload, check) })
        }
        router.post("/api/annotate") { request, _ in
            let (upload, check) = try await admit(request)
            let out = try await run { try actions.annotate(upload, check) }
            var headers = HTTPFields()
            headers[.contentType] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            headers[.contentDisposition] = Self.attachment(Self.annotatedName(upload.name))
            headers[HTTPField.Name("X-Gouji-Comments")!] = String(out.comments)
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: out.data)))
        }
        router.post("/api/fix") { request, _ in
            let (upload, check) = try await admit(request)
            return json(try await run { try actions.fix(upload, check) })
        }
    }

    struct Health: Encodable {
        var status = "ok"
        var version = JSONOutput.version
        var running: Int, waiting: Int, slots: Int, queue: Int
    }

    /// Refuses at once when every slot and queue place is taken (before reading the body),
    /// then reads the upload within the size limit and parses the options.
    func admit(_ request: Request) async throws -> (Upload, CheckRequest) {
        if slots.isFull { throw APIError.busy }
        let upload = try await Upload.read(request, limit: options.maxUploadBytes)
        return (upload, try CheckRequest(upload.fields))
    }

    /// Runs a blocking action in a check slot within the time limit.
    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        switch await Deadline.run(in: slots, seconds: options.timeoutSeconds, { Result { try work() } }) {
        case .done(let result): return try result.get()
        case .timedOut: throw APIError.timedOut(options.timeoutSeconds)
        case .busy: throw APIError.busy
        }
    }

    func fields(_ request: Request) -> [String: String] {
        var out: [String: String] = [:]
        for (key, value) in request.uri.queryParameters { out[String(key)] = String(value) }
        return out
    }

    func json(_ body: String) -> Response { text(body, type: "application/json; charset=utf-8") }

    func text(_ body: String, type: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// "report.docx" → "report.annotated.docx"; a text input gets ".annotated.docx" added.
    static func annotatedName(_ name: String) -> String {
        let stem = name.lowercased().hasSuffix(".docx") ? String(name.dropLast(5)) : name
        return stem + ".annotated.docx"
    }

    /// A Content-Disposition for a download: an ASCII fallback and the UTF-8 name (RFC 6266).
    static func attachment(_ name: String) -> String {
        let ascii = String(name.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 ? Character($0) : "_" })
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: ".-_"))) ?? ascii
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }
}

