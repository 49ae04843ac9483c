import Foundation
import Hummingbird

/// One line per request: method, path (never the query, which may name the document),
/// status, response bytes and milliseconds. Nothing of the document is logged.
struct AccessLogMiddleware<Context: RequestContext>: RouterMiddleware {
    var write: @Sendable (String) -> Void

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - started
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let bytes = response.body.contentLength.map(String.init) ?? "-"
        write("\(request.method.rawValue) \(request.uri.path) \(response.status.code) \(bytes) \(String(format: "%.1f", ms))ms")
        return response
    }
}
