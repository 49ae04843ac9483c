import Foundation
import Yams

/// The data the engine runs on: units, scales, measure words, subject aliases, templates and
/// rule settings, read from YAML. Built in (embedded at build time from Lexicons/) unless a
/// directory is given with `--lexicons DIR`, whose files replace the built-in ones by name.
public struct Lexicons: Sendable {
    public var layout: Layout
    public var units: Units
    public var subjects: Subjects
    public var templates: [TemplateDefinition]
    public var rules: RuleSettings
    /// The figure patterns compiled from `units` (once per Lexicons value).
    public let patterns: FigurePatterns
    /// Subject word lists prepared once (sorted, merged into sets) for the SubjectResolver.
    public private(set) var vocabulary: SubjectVocabulary

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
        var copy = self
        for (canonical, aliases) in extra { copy.subjects.aliases[canonical, default: []] += aliases }
        copy.vocabulary = SubjectVocabulary(subjects: copy.subjects, units: copy.units)
        return copy
    }

    public init(files: [String: String]) throws {
        func decode<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
            guard let text = files[name] else { throw LexiconError.invalid(name, "missing") }
            do { return try YAMLDecoder().decode(T.self, from: text) } catch {
                throw LexiconError.invalid(name, "\(error)")
            }
        }
        layout = try decode("layout.yaml", as: Layout.self)
        units = try decode("units.yaml", as: Units.self)
        subjects = try decode("subjects.yaml", as: Subjects.self)
        rules = try decode("rules.yaml", as: RuleSettings.self)
        templates = try files.keys.filter { $0.hasPrefix("templates/") }.sorted().map {
            try decode($0, as: TemplateDefinition.self).withNormalizedLabels()
        }
        patterns = try FigurePatterns(units: units)
        vocabulary = SubjectVocabulary(subjects: subjects, units: units)
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
    public var captionPatterns: [String]
    public var tableStarts: [String]
    enum CodingKeys: String, CodingKey {
        case captionPatterns = "caption_patterns"
        case tableStarts = "table_starts"
    }
}
