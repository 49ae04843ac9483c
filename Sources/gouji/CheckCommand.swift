import ArgumentParser
import Foundation
import Gouji

/// A `--format` value: one of the renderers of `RendererRegistry`.
struct CheckFormat: ExpressibleByArgument {
    var renderer: any ReportRenderer

    init?(argument: String) {
        guard let renderer = RendererRegistry.renderer(named: argument) else { return nil }
        self.renderer = renderer
    }

    static var allValueStrings: [String] { RendererRegistry.names }
    var defaultValueDescription: String { renderer.name }
    static let text = CheckFormat(argument: "text")!
}

/// Options for commands that run the checker.
struct CheckOptions: ParsableArguments {
    @Option(name: .long, help: "Message language: zh or en.") var lang: Language = .preferred
    @Option(name: .long, help: "A .gouji.yaml to use instead of the nearest one.") var config: String?
    @Option(name: .long, help: "Lowest severity that makes the exit code 1: error, warning or info.") var failOn: Severity?

    func configuration(for input: String) throws -> Configuration {
        let path = config ?? Configuration.discover(from: input)
        guard let path else { return Configuration() }
        do { return try Configuration.load(path: path) } catch {
            throw UsageFailure("\(error)")
        }
    }
}

extension Language: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Cross-check the figures of one or more reports and report every contradiction.",
        discussion: """
            A folder is walked like `batch` does; `-` reads the report from standard input (name it with --stdin-name). \
            With --baseline, findings recorded by `gouji baseline` are left out and counted. \
            Exit codes: 0 no finding at or above --fail-on (default error); 1 findings at or above it; 2 usage error or an unreadable input.
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var options: CheckOptions
    @OptionGroup var reports: ReportArguments
    @Option(name: .long, help: "text, json, sarif, csv or html") var format: CheckFormat = .text
    @Option(name: .long, help: "A baseline written by `gouji baseline`: its findings are not reported.") var baseline: String?
    @Option(name: [.short, .long], help: "Write the output to this file (atomically) instead of standard output.") var output: String?

    func run() throws {
        let known: Baseline?
        do { known = try baseline.map(Baseline.load(path:)) } catch { Exit.usage("\(error)") }
        var run = ReportRun(input: input, options: options, reports: reports)
        try run.check()
        if let known {
            run.results = run.results.map { result in
                var (kept, baselined) = known.filter(result)
                kept.baselined = baselined
                return kept
            }
        }
        let rendered = format.renderer.render(run.results, options: RenderOptions(
            lang: options.lang, color: output == nil && Terminal.wantsColor, levels: run.levels))
        Renderers.emit(rendered, to: output)
        if run.results.contains(where: { $0.error != nil }) { throw ExitCode(2) }
        if run.failing { throw ExitCode(1) }
    }
}

/// `gouji baseline`: records today's findings so that `check --baseline` reports only new ones.
struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Record the current findings of reports as accepted, for `check --baseline`.",
        discussion: """
            Each finding is recorded by report path and a fingerprint made of its rule, subject and figures as written \
            (not offsets), so it stays recognised when text is inserted above it. \
            Exit codes: 0 written; 2 usage error or an unreadable input (nothing is written).
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var options: CheckOptions
    @OptionGroup var reports: ReportArguments
    @Option(name: [.short, .long], help: "The baseline file to write.") var output: String = ".gouji-baseline.json"

    func run() throws {
        var run = ReportRun(input: input, options: options, reports: reports)
        try run.check()
        if run.results.contains(where: { $0.error != nil }) { throw ExitCode(2) }
        let baseline = Baseline(results: run.results)
        Renderers.emit(baseline.encoded(), to: output)
        let n = baseline.findings.count
        FileHandle.standardError.write(Data((options.lang == .zh
            ? "gouji: 已将 \(run.results.count) 份文档的 \(n) 条发现记入基线 \(output)\n"
            : "gouji: \(n) finding(s) of \(run.results.count) document(s) recorded in \(output)\n").utf8))
    }
}

/// The reports a checking command is given: files, folders (walked as `batch` walks them) and
/// `-` for standard input.
struct ReportArguments: ParsableArguments {
    @Option(name: .long, help: "The name to give a report read from standard input (`-`).") var stdinName: String = "stdin.txt"
    @Argument(help: "Reports to check (.txt, .docx, .html, .xlsx, .doc, .xls, .pdf; each report sheet of a workbook is checked as FILE#SHEET), folders of them, or - for standard input.")
    var files: [String] = []
}

/// Checks every report of the arguments, each file under its own configuration.
struct ReportRun {
    var input: InputOptions
    var options: CheckOptions
    var reports: ReportArguments
    var results: [CheckResult] = []
    /// Each result's fail-on level (its file's configuration, or --fail-on).
    var thresholds: [Severity] = []
    var levels: [String: RuleLevels] = [:]

    init(input: InputOptions, options: CheckOptions, reports: ReportArguments) {
        self.input = input; self.options = options; self.reports = reports
    }

    mutating func check() throws {
        guard !reports.files.isEmpty else { Exit.usage("no input files (give reports, folders, or - for standard input)") }
        let lexicons: Lexicons
        let limits: ReadLimits
        do { lexicons = try input.loadLexicons(); limits = try input.limits() } catch { Exit.usage("\(error)") }
        var configurations: [Configuration] = []
        for argument in reports.files {
            let stdin = argument == "-"
            let files: [String]
            if stdin {
                files = [argument]
            } else if FileManager.default.isDirectory(argument) {
                var found: [String] = []
                FileWalker().walk([argument]) { found.append($0); return true }
                guard !found.isEmpty else { Exit.usage("\(argument): no reports in this folder") }
                files = found.sorted()
            } else {
                files = [argument]
            }
            for file in files {
                let configuration: Configuration
                do { configuration = try options.configuration(for: stdin ? reports.stdinName : file) } catch { Exit.usage("\(error)") }
                configurations.append(configuration)
                // Each file is judged by its own configuration's fail_on; --fail-on overrides all.
                let threshold = options.failOn ?? configuration.failOn.flatMap(Severity.init(rawValue:)) ?? .error
                let pipeline = Pipeline(lexicons: lexicons, limits: limits, configuration: configuration)
                let checked = stdin ? try StandardInput.check(name: reports.stdinName, with: pipeline) : pipeline.checkAll(path: file)
                for result in checked {
                    if let error = result.error(options.lang) {
                        FileHandle.standardError.write(Data("gouji: \(result.path): \(error)\n".utf8))
                    }
                    results.append(result)
                    thresholds.append(threshold)
                }
            }
        }
        levels = RuleLevels.merged(configurations, lexicons: lexicons)
    }

    /// Whether some result has a finding at or above its fail-on level.
    var failing: Bool {
        zip(results, thresholds).contains { r, threshold in r.findings.contains { $0.severity >= threshold } }
    }
}

/// A report piped in: read whole, checked from a private temporary copy under its given name
/// (readers sniff the content, the name is what the output shows), the copy removed after.
enum StandardInput {
    static func check(name: String, with pipeline: Pipeline) throws -> [CheckResult] {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gouji-stdin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = (name as NSString).lastPathComponent
        let copy = folder.appendingPathComponent(base.isEmpty ? "stdin.txt" : base)
        try data.write(to: copy)
        return pipeline.checkAll(path: copy.path).map { result in
            var r = result
            r.path = name + result.path.dropFirst(copy.path.count)   // keeps a "#Sheet" suffix
            if var document = r.document { document.path = r.path; r.document = document }
            return r
        }
    }
}

extension FileManager {
    func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}

/// Terminal detection for colours; NO_COLOR is respected.
enum Terminal {
    static var wantsColor: Bool {
        if ProcessInfo.processInfo.environment["NO_COLOR"].map({ !$0.isEmpty }) == true { return false }
        return isatty(STDOUT_FILENO) != 0
    }
}

/// Writes a renderer's output.
enum Renderers {
    static func emit(_ text: String, to path: String?) {
        guard let path else { print(text, terminator: ""); return }
        do { try AtomicFile.write(Data(text.utf8), to: path) } catch { Exit.fail(path, "cannot write output (\(error.localizedDescription))") }
    }
}
