import Foundation

/// The findings a team has decided to live with (`gouji baseline`), so that `check --baseline`
/// reports only new ones. Each is recorded by report path and `FindingFingerprint`, with its
/// rule and message for a human reading the file; inserting or deleting text elsewhere in the
/// report does not change a fingerprint.
public struct Baseline: Codable, Sendable {
    public struct Entry: Codable, Sendable, Hashable {
        public var path: String
        public var rule: String
        public var fingerprint: String
        public var message: String
    }

    public var version = 1
    public var tool = JSONOutput.version
    public var findings: [Entry]

    public init(results: [CheckResult]) {
        findings = results.flatMap { r in
            zip(r.findings, FindingFingerprint.of(r.findings, in: r.document)).map {
                Entry(path: Self.key(r.path), rule: $0.0.rule, fingerprint: $0.1, message: $0.0.message.zh)
            }
        }
    }

    /// Reads a baseline file; a missing, unreadable or foreign file is an error naming it.
    public static func load(path: String) throws -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BaselineError(message: "\(path): no such baseline file")
        }
        do { return try JSONDecoder().decode(Baseline.self, from: data) } catch {
            throw BaselineError(message: "\(path): not a gouji baseline (JSON written by `gouji baseline` expected)")
        }
    }

    /// The file's contents: pretty JSON, sorted keys, final newline (diffs well in review).
    public func encoded() -> String { JSONOutput.encode(self) + "\n" }

    /// `result` without the findings this baseline holds for its path; and how many were left out.
    public func filter(_ result: CheckResult) -> (CheckResult, baselined: Int) {
        let known = Set(findings.lazy.filter { $0.path == Self.key(result.path) }.map(\.fingerprint))
        guard !known.isEmpty else { return (result, 0) }
        var kept = result
        let prints = FindingFingerprint.of(result.findings, in: result.document)
        kept.findings = zip(result.findings, prints).filter { !known.contains($0.1) }.map(\.0)
        return (kept, result.findings.count - kept.findings.count)
    }

    /// Paths compare without a leading "./".
    static func key(_ path: String) -> String { path.hasPrefix("./") ? String(path.dropFirst(2)) : path }
}

public struct BaselineError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}
