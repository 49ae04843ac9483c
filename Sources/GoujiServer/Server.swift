import Foundation
import Gouji
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// `gouji serve`: the workbench page at / and the HTTP API under /api/ (see Assets/openapi.yaml).
public struct GoujiServer: Sendable {
    public var options: ServerOptions
    /// The cap on concurrent checks, shared by every request of this server.
    public let slots: CheckSlots

    public init(options: ServerOptions) {
        self.options = options
        self.slots = CheckSlots(capacity: options.maxConcurrent, queueLimit: options.queue)
    }

    /// The router with every route and middleware (outermost first: access log, security
    /// headers, JSON errors).
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        if let log = options.accessLog { router.add(middleware: AccessLogMiddleware(write: log)) }
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ErrorMiddleware())
        var limits = ReadLimits()
        limits.maxInputBytes = options.maxUploadBytes
        Routes(options: options, slots: slots, actions: Actions(limits: limits)).add(to: router)
        return router
    }

    public func application(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        var logger = Logger(label: "gouji.serve")
        logger.logLevel = .warning
        return Application(
            router: router(),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "gouji/\(JSONOutput.version)"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: logger
        )
    }

    /// Serves until SIGTERM or SIGINT, then stops accepting connections and finishes the
    /// requests under way before returning.
    public func run(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let app = application(onServerRunning: onServerRunning)
        let group = ServiceGroup(configuration: .init(
            services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: Logger(label: "gouji.serve")))
        try await group.run()
    }
}
