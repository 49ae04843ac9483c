import Foundation
import Gouji
import HTTPTypes
import Hummingbird

/// An error answered as `{"error": "..."}` with its status (and headers, e.g. Retry-After).
struct APIError: Error {
    var status: HTTPResponse.Status
    var message: String
    var headers: HTTPFields = [:]

    static func badRequest(_ m: String) -> APIError { APIError(status: .badRequest, message: m) }
    static func unprocessable(_ m: String) -> APIError { APIError(status: .unprocessableContent, message: m) }
    static func tooLarge(_ limit: Int) -> APIError {
        APIError(status: .contentTooLarge, message: "upload is larger than the limit of \(limit) bytes (see --max-upload)")
    }
    static var busy: APIError {
        var headers = HTTPFields()
        headers[.retryAfter] = "1"
        return APIError(status: .serviceUnavailable, message: "all check slots are busy; retry shortly", headers: headers)
    }
    static func timedOut(_ seconds: Double) -> APIError {
        APIError(status: .gatewayTimeout, message: "the check took longer than the time limit of \(Self.seconds(seconds)) (see --timeout)")
    }

    static func seconds(_ s: Double) -> String {
        s == s.rounded() ? "\(Int(s))s" : "\(s)s"
    }

    var response: Response {
        struct Body: Encodable { var error: String }
        var headers = self.headers
        headers[.contentType] = "application/json; charset=utf-8"
        let json = Data((JSONOutput.encode(Body(error: message), pretty: false) + "\n").utf8)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: json)))
    }
}

/// Turns every error a route throws into the JSON error shape: ours as they are, Hummingbird's
/// (404, 405, 413 from the body reader) with their status, anything else as 500.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return error.response
        } catch let error as HTTPError {
            let message = error.body ?? error.status.reasonPhrase
            return APIError(status: error.status, message: message.isEmpty ? "error \(error.status.code)" : message).response
        } catch {
            return APIError(status: .internalServerError, message: "internal error").response
        }
    }
}
