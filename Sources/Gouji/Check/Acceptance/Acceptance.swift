import Foundation

/// A finding the writer or reviewer has accepted in the configuration, with the reason:
///
///     accept:
///       - rule: N01
///         subject: 三公经费          # optional: a figure's subject, or words of the message
///         figure: "79"              # optional: one of the figures as written
///         file: 2023/县司法局.docx   # optional: the end of the report's path
///         reason: 两项为交叉口径，不构成分项
///
/// An entry matches a finding when every field it gives matches.
public struct AcceptedFinding: Codable, Sendable, Equatable {
    public var rule: String
    public var subject: String?
    public var figure: String?
    public var file: String?
    public var reason: String

    public init(rule: String, subject: String? = nil, figure: String? = nil, file: String? = nil, reason: String) {
        self.rule = rule; self.subject = subject; self.figure = figure; self.file = file; self.reason = reason
    }

    public func matches(_ f: Finding, path: String) -> Bool {
        guard f.rule == rule else { return false }
        if let file, !(path == file || path.hasSuffix("/" + file)) { return false }
        if let figure, !f.figures.contains(where: { $0.text == figure || $0.text.trimmedWhitespace == figure }) { return false }
        if let subject {
            let named = f.figures.contains { ($0.subject ?? "").containsBytes(of: subject) || ($0.subjectPhrase ?? "").containsBytes(of: subject) }
            if !named && !f.message.zh.containsBytes(of: subject) && !f.message.en.containsBytes(of: subject) { return false }
        }
        return true
    }
}
