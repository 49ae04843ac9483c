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
    /// Findings accepted with a reason: they are not reported (and counted as accepted).
    public var accept: [AcceptedFinding]?

    enum CodingKeys: String, CodingKey {
        case preset, rules, settings, aliases, accept
        case failOn = "fail_on"
    }

    public init(accept: [AcceptedFinding]? = nil) { self.accept = accept }

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

    /// Whether `rule` runs at all.
    public func isEnabled(_ rule: RuleDescription, lexicons: Lexicons) -> Bool {
        if lexicons.rules.rules[rule.id]?.enabled == false { return false }
        return rules?[rule.id] != "off"
    }

    /// The one effective severity of a finding of `rule`, after Lexicons/rules.yaml, the user's
    /// configuration and the preset; nil when the rule is off. `level` is the level the rule gave
    /// this case (one of its `levels`, nil for its default). A level set in the user's
    /// configuration applies to every finding of the rule; otherwise the case's level stands,
    /// capped by a default level set in Lexicons/rules.yaml, and `strict` raises it one step.
    public func severity(of rule: RuleDescription, inCase level: Severity? = nil, lexicons: Lexicons) -> Severity? {
        guard isEnabled(rule, lexicons: lexicons) else { return nil }
        if let override = rules?[rule.id].flatMap(Severity.init(rawValue:)) { return override }
        var severity = level ?? rule.severity
        if let top = lexicons.rules.rules[rule.id]?.severity.flatMap(Severity.init(rawValue:)) {
            severity = level.map { $0 < rule.severity ? min($0, top) : top } ?? top
        }
        return preset == "strict" ? severity.raised : severity
    }

    /// Every level a finding of `rule` can have under this configuration, highest first; empty
    /// when the rule is off. What `gouji rules` and SARIF rule metadata list.
    public func levels(of rule: RuleDescription, lexicons: Lexicons) -> [Severity] {
        var out: [Severity] = []
        for level in rule.levels {
            if let s = severity(of: rule, inCase: level, lexicons: lexicons), !out.contains(s) { out.append(s) }
        }
        return out.sorted(by: >)
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
