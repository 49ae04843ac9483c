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
    @Option(name: .long, help: "Message language: zh or en.") var lang: Language = .zh
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
        discussion: "Exit codes: 0 no finding at or above --fail-on (default error); 1 findings at or above it; 2 usage error or an unreadable input.")

    @OptionGroup var input: InputOptions
    @OptionGroup var options: CheckOptions
    @Option(name: .long, help: "text, json, sarif, csv or html") var format: CheckFormat = .text
    @Option(name: [.short, .long], help: "Write the output to this file (atomically) instead of standard output.") var output: String?
    @Argument(help: "Reports to check (.txt, .docx, .html, .xlsx, .doc, .xls; each report sheet of a workbook is checked as FILE#SHEET).") var files: [String]

    func run() throws {
        guard !files.isEmpty else { Exit.usage("no input files") }
        let lexicons: Lexicons
        let limits: ReadLimits
        do { lexicons = try input.loadLexicons(); limits = try input.limits() } catch { Exit.usage("\(error)") }
        var results: [CheckResult] = []
        var failOn = options.failOn
        for file in files {
            let configuration: Configuration
            do { configuration = try options.configuration(for: file) } catch { Exit.usage("\(error)") }
            if failOn == nil, let s = configuration.failOn { failOn = Severity(rawValue: s) }
            let pipeline = Pipeline(lexicons: lexicons, limits: limits, configuration: configuration)
            for result in pipeline.checkAll(path: file) {
                if let error = result.error {
                    FileHandle.standardError.write(Data("gouji: \(file): \(error)\n".utf8))
                }
                results.append(result)
            }
        }
        let rendered = format.renderer.render(results, options: RenderOptions(
            lang: options.lang, color: output == nil && Terminal.wantsColor))
        Renderers.emit(rendered, to: output)
        if results.contains(where: { $0.error != nil }) { throw ExitCode(2) }
        let threshold = failOn ?? .error
        if results.contains(where: { $0.findings.contains { $0.severity >= threshold } }) { throw ExitCode(1) }
    }
}

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List every figure found in a report, with value, unit, kind, subject and location.")

    @OptionGroup var input: InputOptions
    @Option(name: .long, help: "text or json") var format: OutputFormat = .text
    @Argument(help: "The report to read.") var file: String

    func run() throws {
        let (_, document, figures) = input.readAndExtract(file)
        switch format {
        case .json:
            print(JSONRenderer.extract([CheckResult(path: file, document: document, figures: figures)]))
        case .text:
            for f in figures {
                var line = "\(f.location.line):\(f.location.column)\t\(f.kind.rawValue)\t\(f.text)\t= \(f.value.plain) \(f.unit)"
                if let s = f.subject { line += "\t[\(s)\(f.scopes.isEmpty ? "" : " " + f.scopes.joined(separator: ","))]" }
                if f.inTable { line += "\t(table\(f.unitSource.map { ", unit from \($0)" } ?? ""))" }
                if f.kind.isQuantity || f.role != .stated { line += "\trole: \(f.role.rawValue)\(f.period.map { " (\($0))" } ?? "")" }
                print(line)
            }
        }
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
