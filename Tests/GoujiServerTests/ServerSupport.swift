import Foundation
import Gouji
import GoujiServer
import Hummingbird
import HummingbirdTesting
import NIOCore
import XCTest

/// Paths of the repository's test material, and a live server to send real HTTP requests to.
enum ServeFixtures {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("package root not found")
    }()
    static let seedDocx = root.appendingPathComponent("Corpus/seed/yueyang-2021-keji.docx")
    static let seedText = root.appendingPathComponent("Corpus/seed/yueyang-2021-keji.txt")

    /// The `gouji` binary built beside the test bundle (`swift build` makes it).
    static var gouji: URL {
        let candidates = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
            .map { $0.appendingPathComponent("gouji") } + [root.appendingPathComponent(".build/debug/gouji")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }
}

/// Access lines collected from a server under test.
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
}

extension XCTestCase {
    func serverOptions(_ change: (inout ServerOptions) -> Void = { _ in }) -> ServerOptions {
        var options = ServerOptions()
        options.host = "127.0.0.1"
        options.port = 0
        options.accessLog = nil
        change(&options)
        return options
    }

    /// Runs `test` against a live server (real sockets on an ephemeral loopback port).
    func live(_ server: GoujiServer, _ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(router: server.router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in try await test(client) }
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var data: Data { Data(body.readableBytesView) }
    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:] }
}

func buffer(_ data: Data) -> ByteBuffer { ByteBuffer(bytes: data) }
