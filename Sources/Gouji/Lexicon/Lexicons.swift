import Foundation
import Yams

/// The data the engine runs on: units, scales, measure words, subject aliases, templates and
/// rule settings, read from YAML. Built in (embedded at build time from Lexicons/) unless a
/// directory is given with `--lexicons DIR`, whose files replace the built-in ones by name.
///
/// Immutable once loaded, and a class: every extractor, binder, rule context and resolver holds
/// it, and as a struct each of those copies retained some thirty arrays and dictionaries.
public final class Lexicons: Sendable {
    public let layout: Layout
    public let units: Units
    public let subjects: Subjects
    public let templates: [TemplateDefinition]
    public let rules: RuleSettings
    /// Words that decide figure roles and partitions (roles.yaml).
    public let roles: RoleWords
    /// Word lists the checks decide by (vocabulary.yaml).
    public let words: Vocabulary
    /// The figure patterns compiled from `units` (once per Lexicons value).
    public let patterns: FigurePatterns
    /// Subject word lists prepared once (sorted, merged into sets) for the SubjectResolver.
    public let vocabulary: SubjectVocabulary

    /// The built-in lexicons, parsed once.
    public static let builtIn: Lexicons = {
        do { return try Lexicons(files: EmbeddedLexicons.files) } catch {
            fatalError("built-in Lexicons are invalid: \(error)")
        }
    }()

    /// Built-in files overlaid with the `.yaml` files found under `directory`.
    public static func load(overridingWith directory: String?) throws -> Lexicons {
        guard let directory else { return builtIn }
        var files = EmbeddedLexicons.files
        let root = URL(fileURLWithPath: directory).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LexiconError.invalid(directory, "no such directory")
        }
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            throw LexiconError.invalid(directory, "not a readable directory")
        }
        for case let url as URL in walker where url.pathExtension == "yaml" {
            let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
            files[relative] = try String(contentsOf: url, encoding: .utf8)
        }
        return try Lexicons(files: files)
    }

    /// These lexicons with a user configuration's extra subject aliases merged in.
    public func merging(_ configuration: Configuration) -> Lexicons {
        guard let extra = configuration.aliases, !extra.isEmpty else { return self }
        var subjects = self.subjects
        for (canonical, aliases) in extra { subjects.aliases[canonical, default: []] += aliases }
        return Lexicons(layout: layout, units: units, subjects: subjects, templates: templates, rules: rules, roles: roles,
                        words: words, patterns: patterns, vocabulary: SubjectVocabulary(subjects: subjects, units: units))
    }

    private init(layout: Layout, units: Units, subjects: Subjects, templates: [TemplateDefinition], rules: RuleSettings,
                 roles: RoleWords, words: Vocabulary, patterns: FigurePatterns, vocabulary: SubjectVocabulary) {
        self.layout = layout; self.units = units; self.subjects = subjects; self.templates = templates
        self.rules = rules; self.roles = roles; self.words = words; self.patterns = patterns; self.vocabulary = vocabulary
    }

    public convenience init(files: [String: String]) throws {
        func decode<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
            guard let text = files[name] else { throw LexiconError.invalid(name, "missing") }
            do { return try YAMLDecoder().decode(T.self, from: text) } catch {
                throw LexiconError.invalid(name, "\(error)")
            }
        }
        let layout = try decode("layout.yaml", as: Layout.self)
        let units = try decode("units.yaml", as: Units.self)
        let subjects = try decode("subjects.yaml", as: Subjects.self)
        let rules = try decode("rules.yaml", as: RuleSettings.self)
        let roles = try decode("roles.yaml", as: RoleWords.self)
        let words = try decode("vocabulary.yaml", as: Vocabulary.self)
        let templates = try files.keys.filter { $0.hasPrefix("templates/") }.sorted().map {
            try decode($0, as: TemplateDefinition.self).withNormalizedLabels()
        }
        self.init(layout: layout, units: units, subjects: subjects, templates: templates, rules: rules, roles: roles,
                  words: words, patterns: try FigurePatterns(units: units), vocabulary: SubjectVocabulary(subjects: subjects, units: units))
    }
}

public enum LexiconError: Error, CustomStringConvertible {
    case invalid(String, String)
    public var description: String {
        switch self { case .invalid(let file, let why): return "lexicon \(file): \(why)" }
    }
}

/// Lexicons/layout.yaml: how flattened tables are split.
public struct Layout: Codable, Sendable {
    public let captionPatterns: [String]
    public let tableStarts: [String]
    /// `captionPatterns` compiled once (PCRE2; an invalid pattern is skipped).
    public let captions: [Regex]
    enum CodingKeys: String, CodingKey {
        case captionPatterns = "caption_patterns"
        case tableStarts = "table_starts"
    }

    public init(captionPatterns: [String], tableStarts: [String]) {
        self.captionPatterns = captionPatterns
        self.tableStarts = tableStarts
        captions = captionPatterns.compactMap { try? Regex($0) }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(captionPatterns: try c.decode([String].self, forKey: .captionPatterns),
                  tableStarts: try c.decode([String].self, forKey: .tableStarts))
    }
}
