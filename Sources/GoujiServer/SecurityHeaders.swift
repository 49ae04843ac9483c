import HTTPTypes
import Hummingbird

/// Headers on every response: a strict Content-Security-Policy (only this server's own script
/// and style; no inline script, no eval, no frames), no MIME sniffing, no referrer. The HTML
/// report (`format=html`) keeps the policy it declares itself: it carries its own inline
/// script and style and may load nothing.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var pagePolicy: String {
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    }
    static var reportPolicy: String {
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        let isReport = response.headers[.contentType]?.hasPrefix("text/html") == true && request.uri.path.hasPrefix("/api/")
        response.headers[.contentSecurityPolicy] = isReport ? Self.reportPolicy : Self.pagePolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}
