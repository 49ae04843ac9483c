import Foundation
import Yams

/// A mistake in a configuration file, with the line it is on: one line for the user,
/// `.gouji.yaml:3: unknown rule N99 (did you mean N09?)`.
public struct ConfigurationError: Error, CustomStringConvertible, Equatable, Sendable {
    public var path: String
    public var line: Int?
    public var message: String

    public var description: String {
        line.map { "\(path):\($0): \(message)" } ?? "\(path): \(message)"
    }
}

/// Checks a configuration's YAML before it is decoded: every key, rule id, level, preset and
/// setting must be known and every value of the right type, so that a misspelt `N09: of` or
/// `presett: strict` stops the run instead of being ignored.
struct ConfigurationValidator {
    var path: String
    var ruleIDs: Set<String>
    var settingKeys: Set<String>

    static let topLevelKeys = ["preset", "rules", "settings", "fail_on", "aliases"]
    static let presets = ["recommended", "strict"]
    static let levels = ["off", "info", "warning", "error"]
    static let failOnLevels = ["info", "warning", "error"]

    func validate(_ text: String) throws {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw ConfigurationError(path: path, line: Self.line(of: error), message: "not valid YAML (\(Self.brief(error)))")
        }
        guard let root else { return }
        guard let mapping = root.mapping else {
            throw fail(root, "the configuration must be a mapping of keys (preset, rules, settings, fail_on, aliases)")
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "preset":
                try oneOf(value, Self.presets, what: "preset")
            case "fail_on":
                try oneOf(value, Self.failOnLevels, what: "fail_on level")
            case "rules":
                guard let rules = value.mapping else { throw fail(value, "rules must map rule ids to off, info, warning or error") }
                for (idNode, level) in rules {
                    let id = idNode.string ?? ""
                    guard ruleIDs.contains(id) else {
                        throw fail(idNode, "unknown rule \(id)" + Self.suggestion(id, among: ruleIDs))
                    }
                    try oneOf(level, Self.levels, what: "level for \(id)")
                }
            case "settings":
                guard let settings = value.mapping else { throw fail(value, "settings must map setting names to numbers") }
                for (nameNode, setting) in settings {
                    let name = nameNode.string ?? ""
                    guard settingKeys.contains(name) else {
                        throw fail(nameNode, "unknown setting \(name)" + Self.suggestion(name, among: settingKeys))
                    }
                    guard let s = setting.scalar?.string, Decimal(plain: s) != nil else {
                        throw fail(setting, "setting \(name) must be a number (got \(setting.scalar?.string ?? "a list or mapping"))")
                    }
                }
            case "aliases":
                guard let aliases = value.mapping else { throw fail(value, "aliases must map a subject to a list of its other names") }
                for (_, list) in aliases where list.sequence == nil || list.sequence!.contains(where: { $0.scalar == nil }) {
                    throw fail(list, "the other names of a subject must be a list of words")
                }
            default:
                if ruleIDs.contains(key) || key.range(of: "^[A-Z]{1,2}[0-9]{2}$", options: .regularExpression) != nil {
                    throw fail(keyNode, "unknown key \(key): a rule's level goes under rules: (rules: {\(key): off})")
                }
                throw fail(keyNode, "unknown key \(key)" + Self.suggestion(key, among: Set(Self.topLevelKeys)))
            }
        }
    }

    private func oneOf(_ node: Node, _ allowed: [String], what: String) throws {
        guard let s = node.scalar?.string, allowed.contains(s) else {
            let got = node.scalar?.string ?? "a list or mapping"
            throw fail(node, "\(what) must be \(allowed.joined(separator: ", ")) (got \(got))" + Self.suggestion(got, among: Set(allowed)))
        }
    }

    private func fail(_ node: Node, _ message: String) -> ConfigurationError {
        ConfigurationError(path: path, line: node.mark?.line, message: message)
    }

    /// " (did you mean X?)" for the closest candidate within two edits, else "".
    static func suggestion(_ word: String, among candidates: Set<String>) -> String {
        // "warn" for warning, "strictest" for strict: one is the start of the other.
        let w = word.lowercased()
        if w.count >= 3, let hit = candidates.sorted().first(where: { $0.lowercased().hasPrefix(w) || w.hasPrefix($0.lowercased()) }) {
            return " (did you mean \(hit)?)"
        }
        let scored = candidates.map { ($0, editDistance(word.lowercased(), $0.lowercased())) }
            .filter { $0.1 <= 2 && $0.1 < max(word.count, 2) }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        return scored.first.map { " (did you mean \($0.0)?)" } ?? ""
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    static func line(of error: Error) -> Int? {
        if let y = error as? YamlError, case .scanner(_, _, let mark, _) = y { return mark.line }
        if let y = error as? YamlError, case .parser(_, _, let mark, _) = y { return mark.line }
        return nil
    }

    static func brief(_ error: Error) -> String {
        if let y = error as? YamlError {
            switch y {
            case .scanner(_, let problem, _, _), .parser(_, let problem, _, _): return problem
            default: break
            }
        }
        return "\(error)".split(separator: "\n").first.map(String.init) ?? "\(error)"
    }
}
