import Foundation
import Yams

/// User configuration (`.gouji.yaml`, found by walking up from the input or given with
/// `--config`): rules on or off, severity per rule, tolerances, the fail-on level, a preset.
public struct Configuration: Codable, Sendable {
    /// `recommended` (default) or `strict` (warnings become errors, infos become warnings).
    public var preset: String?
    /// Rule id → `off`, `info`, `warning` or `error`.
    public var rules: [String: String]?
    /// Setting overrides, same keys as Lexicons/rules.yaml `settings`.
    public var settings: [String: String]?
    /// Lowest severity that makes `gouji check` exit 1.
    public var failOn: String?
    /// Extra subject aliases: canonical → aliases.
    public var aliases: [String: [String]]?

    enum CodingKeys: String, CodingKey {
        case preset, rules, settings, aliases
        case failOn = "fail_on"
    }

    public init() {}

    /// Reads and validates `path`: an unknown key, rule id, level, preset or setting, or a value
    /// of the wrong type, is a `ConfigurationError` naming the line (never silently ignored).
    public static func load(path: String, lexicons: Lexicons = .builtIn) throws -> Configuration {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ConfigurationError(path: path, line: nil, message: "no such configuration file")
        }
        // Read through a handle: FileManager.contents(atPath:) gives nil for /dev/null and pipes.
        let data = FileHandle(forReadingAtPath: path).flatMap { try? $0.readToEnd() ?? Data() }
        guard let data, let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(path: path, line: nil, message: "cannot read the configuration (not readable UTF-8 text)")
        }
        if text.trimmedWhitespace.isEmpty { return Configuration() }
        let ids = Set(RuleRegistry.all.map { $0.description.id })
        try ConfigurationValidator(path: path, ruleIDs: ids, settingKeys: Set(lexicons.rules.settings.keys)).validate(text)
        do { return try YAMLDecoder().decode(Configuration.self, from: text) } catch {
            throw ConfigurationError(path: path, line: nil, message: "invalid configuration (\(ConfigurationValidator.brief(error)))")
        }
    }

    /// The nearest `.gouji.yaml` in the input's folder or one of its parents.
    public static func discover(from input: String) -> String? {
        ConfigurationLocator().file(for: input)
    }

    /// The severity a finding of `rule` gets, or nil when the rule is off.
    public func severity(for rule: String, default base: Severity, lexicons: Lexicons) -> Severity? {
        var severity = base
        if let fromLexicon = lexicons.rules.rules[rule] {
            if fromLexicon.enabled == false { return nil }
            if let s = fromLexicon.severity.flatMap(Severity.init(rawValue:)) { severity = s }
        }
        if let override = rules?[rule] {
            if override == "off" { return nil }
            if let s = Severity(rawValue: override) { return s }
        }
        if preset == "strict" {
            switch severity {
            case .info: severity = .warning
            case .warning: severity = .error
            case .error: break
            }
        }
        return severity
    }

    /// A numeric setting: user override, then Lexicons/rules.yaml, then the given default.
    public func setting(_ key: String, lexicons: Lexicons, default value: Decimal) -> Decimal {
        if let s = settings?[key], let d = Decimal(plain: s) { return d }
        if let s = lexicons.rules.settings[key], let d = Decimal(plain: s) { return d }
        return value
    }
}

/// Finds the `.gouji.yaml` that applies to an input: the nearest one in its folder or above.
/// Each folder's answer is remembered, so a batch over an archive's many folders looks at each
/// shared ancestor once. Not thread-safe: callers serialise access.
final class ConfigurationLocator {
    private var known: [String: String?] = [:]

    func file(for input: String) -> String? {
        file(inFolder: URL(fileURLWithPath: input).standardizedFileURL.deletingLastPathComponent().path)
    }

    private func file(inFolder folder: String) -> String? {
        if let answer = known[folder] { return answer }
        let candidate = (folder as NSString).appendingPathComponent(".gouji.yaml")
        let found: String?
        if FileManager.default.fileExists(atPath: candidate) {
            found = candidate
        } else {
            let parent = (folder as NSString).deletingLastPathComponent
            found = parent.isEmpty || parent == folder ? nil : file(inFolder: parent)
        }
        known[folder] = .some(found)
        return found
    }
}
