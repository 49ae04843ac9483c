import Foundation

/// SARIF 2.1.0 output (`gouji check --format sarif`), for code-scanning dashboards and editors.
///
/// One run; `tool.driver.rules` lists the rules of the findings present (described from the
/// optional `rules` map, else from the findings themselves). Each finding is one result whose
/// primary location is its first figure; the other figures are `relatedLocations`, and its
/// suggestions are `fixes`. Columns and character offsets count Unicode scalars
/// (`columnKind: unicodeCodePoints`), like `SourceLocation.start`/`end`. Unreadable inputs are
/// reported as tool execution notifications.
public enum SARIFRenderer {
    /// The project has no public home page yet; SARIF makes the field optional, so it is left out.
    public static let informationUri: String? = nil
    public static let schemaUri = "https://json.schemastore.org/sarif-2.1.0.json"

    /// A rule's display name and description, as the rule registry will provide them.
    public typealias RuleInfo = (name: String, description: String)

    // MARK: - SARIF object model (the subset Gouji writes)

    struct Log: Encodable {
        var schema = SARIFRenderer.schemaUri
        var version = "2.1.0"
        var runs: [Run]
        enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
    }
    struct Run: Encodable {
        var tool: Tool
        var invocations: [Invocation]
        var artifacts: [Artifact]
        var results: [Result]
        var columnKind = "unicodeCodePoints"
    }
    struct Tool: Encodable { var driver: Driver }
    struct Driver: Encodable {
        var name = "gouji"
        var fullName = "勾稽 Gouji"
        var version = JSONOutput.version
        var semanticVersion = JSONOutput.version
        var informationUri: String? = SARIFRenderer.informationUri
        var rules: [Rule]
    }
    struct Message: Encodable { var text: String }
    struct Rule: Encodable {
        var id: String
        var name: String
        var shortDescription: Message
        var fullDescription: Message
        var help: Message
        var defaultConfiguration: Configuration
        var properties: Properties?
        struct Configuration: Encodable { var level: String }
        /// Every level the rule can give under the configuration (highest first), when it is
        /// more than one: the default is the level of a certain finding.
        struct Properties: Encodable { var levels: [String] }
    }
    struct Invocation: Encodable {
        var executionSuccessful: Bool
        var toolExecutionNotifications: [Notification]
    }
    struct Notification: Encodable {
        var level = "error"
        var message: Message
        var locations: [Location]
    }
    struct Artifact: Encodable {
        var location: ArtifactLocation
        var encoding: String?
        var sourceLanguage: String?
    }
    struct ArtifactLocation: Encodable {
        var uri: String
        var index: Int?
    }
    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
        var endLine: Int
        var endColumn: Int
        var charOffset: Int
        var charLength: Int
        var snippet: Message?
    }
    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region?
    }
    struct LogicalLocation: Encodable {
        var fullyQualifiedName: String
        var kind = "element"
    }
    struct Location: Encodable {
        var id: Int?
        var physicalLocation: PhysicalLocation
        var logicalLocations: [LogicalLocation]?
        var message: Message?
    }
    struct Replacement: Encodable {
        var deletedRegion: Region
        var insertedContent: Message
    }
    struct ArtifactChange: Encodable {
        var artifactLocation: ArtifactLocation
        var replacements: [Replacement]
    }
    struct Fix: Encodable {
        var description: Message
        var artifactChanges: [ArtifactChange]
    }
    struct PropertyBag: Encodable {
        var severity: String
        var figures: [String]
    }
    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Message
        var locations: [Location]
        var relatedLocations: [Location]?
        var fixes: [Fix]?
        var partialFingerprints: [String: String]
        var properties: PropertyBag
    }

    // MARK: - Rendering

    /// SARIF level of a severity.
    public static func level(_ s: Severity) -> String {
        switch s { case .error: "error"; case .warning: "warning"; case .info: "note" }
    }

    /// Renders the results as a SARIF 2.1.0 log (pretty JSON, sorted keys, final newline).
    /// `rules` describes rules by id (name, one-line description) and `levels` gives each rule's
    /// default level and every level it can give under the configuration; rules missing from
    /// them are described from their findings.
    public static func render(_ results: [CheckResult], lang: Language = .zh,
                              rules ruleInfo: [String: RuleInfo] = [:],
                              levels: [String: RuleLevels] = [:],
                              baseDirectory: String = FileManager.default.currentDirectoryPath) -> String {
        var rules: [Rule] = []
        var ruleIndex: [String: Int] = [:]
        var artifacts: [Artifact] = []
        var out: [Result] = []
        var notifications: [Notification] = []

        for r in results {
            let uri = artifactURI(r.path, base: baseDirectory)
            let index = artifacts.count
            artifacts.append(Artifact(location: ArtifactLocation(uri: uri), encoding: r.document?.encoding,
                                      sourceLanguage: r.document.map { $0.format == .docx ? "docx" : $0.format == .html ? "html" : "plaintext" }))
            let artifact = ArtifactLocation(uri: uri, index: index)
            if let error = r.error(lang) {
                notifications.append(Notification(
                    message: Message(text: (lang == .zh ? "无法读取：" : "unreadable: ") + error),
                    locations: [Location(physicalLocation: PhysicalLocation(artifactLocation: artifact))]))
                continue
            }
            for (f, print) in zip(r.findings, FindingFingerprint.of(r.findings, in: r.document)) {
                if ruleIndex[f.rule] == nil {
                    ruleIndex[f.rule] = rules.count
                    rules.append(rule(for: f, info: ruleInfo[f.rule], levels: levels[f.rule] ?? RuleLevels(standard: f.severity, all: [f.severity]), lang: lang))
                }
                out.append(result(f, in: r, artifact: artifact, ruleIndex: ruleIndex[f.rule]!, fingerprint: print, lang: lang))
            }
        }
        let run = Run(tool: Tool(driver: Driver(rules: rules)),
                      invocations: [Invocation(executionSuccessful: notifications.isEmpty, toolExecutionNotifications: notifications)],
                      artifacts: artifacts, results: out)
        return JSONOutput.encode(Log(runs: [run])) + "\n"
    }

    static func rule(for f: Finding, info: RuleInfo?, levels: RuleLevels, lang: Language) -> Rule {
        let name = info?.name ?? f.name
        let description = info?.description ?? name
        let help = lang == .zh
            ? "规则 \(f.rule)（\(name)）：\(description)。每条结果给出相关数字、计算过程和修改建议。"
            : "Rule \(f.rule) (\(name)): \(description). Each result lists the figures involved, the arithmetic and suggested corrections."
        return Rule(id: f.rule, name: name, shortDescription: Message(text: description),
                    fullDescription: Message(text: description), help: Message(text: help),
                    defaultConfiguration: Rule.Configuration(level: level(levels.standard)),
                    properties: levels.all.count > 1 ? Rule.Properties(levels: levels.all.map(level)) : nil)
    }

    static func result(_ f: Finding, in r: CheckResult, artifact: ArtifactLocation, ruleIndex: Int, fingerprint: String,
                       lang: Language) -> Result {
        var text = f.message.text(lang)
        if let a = f.arithmetic { text += lang == .zh ? "（计算：\(a.text(lang))）" : " (arithmetic: \(a.text(lang)))" }
        var all: [(SourceLocation, String)] = f.figures.map { ($0.location, $0.text) }
        all += f.locations.map { ($0, "") }
        var primary: [Location] = []
        var related: [Location] = []
        for (i, (loc, label)) in all.enumerated() {
            let physical = PhysicalLocation(artifactLocation: artifact, region: region(loc, snippet: label, in: r.document))
            let logical = loc.part.map { [LogicalLocation(fullyQualifiedName: $0)] }
            if i == 0 {
                primary.append(Location(physicalLocation: physical, logicalLocations: logical))
            } else {
                related.append(Location(id: i, physicalLocation: physical, logicalLocations: logical,
                                        message: Message(text: label.isEmpty ? (lang == .zh ? "相关位置" : "related location") : label)))
            }
        }
        if primary.isEmpty {
            primary.append(Location(physicalLocation: PhysicalLocation(artifactLocation: artifact)))
        }
        let fixes = f.suggestions.map { s in
            Fix(description: Message(text: s.reason.text(lang)),
                artifactChanges: [ArtifactChange(artifactLocation: artifact, replacements: [
                    Replacement(deletedRegion: region(s.location, snippet: "", in: r.document),
                                insertedContent: Message(text: s.replacement))])])
        }
        return Result(ruleId: f.rule, ruleIndex: ruleIndex, level: level(f.severity), message: Message(text: text),
                      locations: primary, relatedLocations: related.isEmpty ? nil : related,
                      fixes: fixes.isEmpty ? nil : fixes,
                      partialFingerprints: ["goujiFinding/v2": fingerprint],
                      properties: PropertyBag(severity: f.severity.rawValue, figures: f.figures.map(\.text)))
    }

    /// A region in Unicode-scalar columns; endColumn is the column after the last character.
    static func region(_ loc: SourceLocation, snippet: String, in document: Document?) -> Region {
        let length = max(0, loc.end - loc.start)
        var startColumn = loc.column
        var endLine = loc.line
        var endColumn = loc.column + length
        if let lines = document?.lines, loc.line >= 1, loc.line <= lines.lineStarts.count {
            startColumn = loc.start - lines.lineStarts[loc.line - 1] + 1
            endLine = lines.line(of: max(loc.start, loc.end - 1))
            endColumn = loc.end - lines.lineStarts[endLine - 1] + 1
            if length == 0 { endLine = loc.line; endColumn = startColumn }
        }
        return Region(startLine: loc.line, startColumn: max(1, startColumn), endLine: endLine, endColumn: max(1, endColumn),
                      charOffset: loc.start, charLength: length, snippet: snippet.isEmpty ? nil : Message(text: snippet))
    }

    /// The path as a relative URI reference when it lies under `base`, else a file URI;
    /// non-ASCII characters and spaces are percent-encoded.
    static func artifactURI(_ path: String, base: String) -> String {
        var relative = path
        if path.hasPrefix("/") {
            let prefix = base.hasSuffix("/") ? base : base + "/"
            if path.hasPrefix(prefix) { relative = String(path.dropFirst(prefix.count)) } else {
                return "file://" + percentEncode(path)
            }
        }
        if relative.hasPrefix("./") { relative = String(relative.dropFirst(2)) }
        return percentEncode(relative)
    }

    static func percentEncode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        allowed.insert(charactersIn: "-._~/!$&'()*+,;=:@")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }
}
