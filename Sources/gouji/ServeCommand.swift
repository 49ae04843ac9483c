import ArgumentParser
import Foundation
import Gouji
import GoujiServer

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the workbench page (upload or paste a report, see its findings) and the HTTP API.",
        discussion: """
        The page is at http://HOST:PORT/; the API under /api/ is described at /api/openapi.yaml. \
        Documents stay in memory and are never logged; one access line per request goes to \
        standard error. SIGTERM or SIGINT stops accepting connections and finishes the requests \
        under way. Checks beyond --max-concurrent wait in a queue of --queue places; beyond \
        that a request gets 503 with Retry-After at once.
        """)

    @Option(name: .long, help: "Address to listen on.") var host = "127.0.0.1"
    @Option(name: .long, help: "Port to listen on (0: any free port, printed at start).") var port = 8080
    @Option(name: .long, help: "Largest upload, e.g. 20MB, 512KB or a byte count.") var maxUpload = "20MB"
    @Option(name: .long, help: "Checks running at once (default: the number of cores).") var maxConcurrent: Int?
    @Option(name: .long, help: "Requests that may wait for a check slot (0: answer 503 at once when all are busy).") var queue = 0
    @Option(name: .long, help: "Time limit of one check request, e.g. 30s, 500ms, 2m.") var timeout = "30s"
    @Flag(name: .long, help: "Do not write the access log.") var quiet = false

    func run() async throws {
        var options = ServerOptions()
        options.host = host
        guard (0...65535).contains(port) else { Exit.usage("--port must be 0…65535 (got \(port))") }
        options.port = port
        guard let bytes = ServerOptions.parseSize(maxUpload) else { Exit.usage("--max-upload must be a size such as 20MB (got \(maxUpload))") }
        options.maxUploadBytes = bytes
        if let maxConcurrent {
            guard maxConcurrent >= 1 else { Exit.usage("--max-concurrent must be at least 1 (got \(maxConcurrent))") }
            options.maxConcurrent = maxConcurrent
        }
        guard queue >= 0 else { Exit.usage("--queue must be at least 0 (got \(queue))") }
        options.queue = queue
        guard let seconds = ServerOptions.parseDuration(timeout) else { Exit.usage("--timeout must be a duration such as 30s (got \(timeout))") }
        options.timeoutSeconds = seconds
        if quiet { options.accessLog = nil }
        let host = options.host
        let summary = "max upload \(options.maxUploadBytes) bytes, \(options.maxConcurrent) check slot(s), queue \(options.queue), timeout \(timeout)"
        do {
            try await GoujiServer(options: options).run { port in
                FileHandle.standardError.write(Data("gouji serve: listening on http://\(host):\(port)/ (\(summary))\n".utf8))
            }
        } catch {
            Exit.usage("serve: \(error)")
        }
        FileHandle.standardError.write(Data("gouji serve: stopped\n".utf8))
    }
}
