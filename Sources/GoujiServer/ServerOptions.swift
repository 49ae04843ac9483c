import Foundation

/// How `gouji serve` listens and what it allows: upload size, concurrent checks, the wait queue
/// and the time limit of one request.
public struct ServerOptions: Sendable {
    public var host = "127.0.0.1"
    /// 0 asks the system for a free port (tests).
    public var port = 8080
    public var maxUploadBytes = 20 * 1024 * 1024
    /// Checks running at once; further requests wait in the queue or get 503.
    public var maxConcurrent = ProcessInfo.processInfo.activeProcessorCount
    /// Requests that may wait for a check slot; 0: every request beyond the slots gets 503 at once.
    public var queue = 0
    /// Longest a check request may take, waiting in the queue included, before it gets 504.
    public var timeoutSeconds: Double = 30
    /// Writes one access line per request (method, path, status, bytes, ms).
    public var accessLog: (@Sendable (String) -> Void)? = { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    public init() {}

    /// "20MB", "512KB", "1GB" or a plain byte count (K/M/G are powers of 1024).
    public static func parseSize(_ text: String) -> Int? {
        let t = text.trimmingCharacters(in: .whitespaces).uppercased()
        let units: [(String, Int)] = [("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10), ("G", 1 << 30), ("M", 1 << 20), ("K", 1 << 10), ("B", 1)]
        for (suffix, factor) in units where t.hasSuffix(suffix) {
            guard let n = Double(t.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)), n > 0 else { return nil }
            return Int(n * Double(factor))
        }
        guard let n = Int(t), n > 0 else { return nil }
        return n
    }

    /// "30s", "500ms", "2m" or plain seconds.
    public static func parseDuration(_ text: String) -> Double? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60)]
        for (suffix, factor) in units where t.hasSuffix(suffix) {
            guard let n = Double(t.dropLast(suffix.count)), n > 0 else { return nil }
            return n * factor
        }
        guard let n = Double(t), n > 0 else { return nil }
        return n
    }
}
