import ArgumentParser
import Foundation
import Gouji

@main
struct GoujiCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gouji",
        abstract: "勾稽 — cross-checks the figures of Chinese performance self-evaluation reports.",
        version: JSONOutput.version,
        subcommands: [Check.self, Extract.self, Facts.self, Dump.self, Annotate.self, Fix.self, Batch.self, Report.self, Rules.self, BaselineCommand.self, Serve.self],
        defaultSubcommand: nil
    )

    /// As ArgumentParser's `main`, but a usage mistake (an unknown option or subcommand, a bad
    /// value, a missing argument) exits 2 as README and `--help` say, not 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            // `serve` is async; ArgumentParser's synchronous `run` of an async command only prints help.
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Options shared by every command that reads reports.
struct InputOptions: ParsableArguments {
    @Option(name: .long, help: "A folder of lexicon YAML files overriding the built-in ones.")
    var lexicons: String?

    @Option(name: .long, help: "Largest input file in bytes.")
    var maxInputSize: Int = ReadLimits().maxInputBytes

    @Option(name: .long, help: "Largest uncompressed size of a .docx in bytes.")
    var maxDocxSize: Int = ReadLimits().maxUncompressedBytes

    @Option(name: .long, help: "Deepest XML element nesting in a .docx.")
    var maxXmlDepth: Int = ReadLimits().maxXMLDepth

    @Option(name: .long, help: "Deepest nesting of tables in tables (.docx, HTML), at most \(ReadLimits.tableDepthCeiling).")
    var maxTableDepth: Int = ReadLimits().maxTableDepth

    @Option(name: .long, help: "Most cells in one table.")
    var maxCells: Int = ReadLimits().maxCellsPerTable

    @Option(name: .long, help: "Most characters in one table cell (or .docx paragraph).")
    var maxCellChars: Int = ReadLimits().maxCellCharacters

    @Option(name: .long, help: "Most figures in one document.")
    var maxFigures: Int = ReadLimits().maxFiguresPerDocument

    @Option(name: .long, help: "Most pages in one PDF.")
    var maxPdfPages: Int = ReadLimits().maxPDFPages

    @Flag(name: .long, help: "Read PDF pages without a text layer (scans) with Tesseract OCR (tesseract-ocr, tesseract-ocr-chi-sim).")
    var ocr = false

    func limits() throws -> ReadLimits {
        let values: [(String, Int)] = [
            ("--max-input-size", maxInputSize), ("--max-docx-size", maxDocxSize), ("--max-xml-depth", maxXmlDepth),
            ("--max-table-depth", maxTableDepth), ("--max-cells", maxCells), ("--max-cell-chars", maxCellChars),
            ("--max-figures", maxFigures), ("--max-pdf-pages", maxPdfPages),
        ]
        if let (name, value) = values.first(where: { $0.1 < 1 }) {
            throw UsageFailure("\(name) must be at least 1 (got \(value))")
        }
        guard maxTableDepth <= ReadLimits.tableDepthCeiling else {
            throw UsageFailure("--max-table-depth must be at most \(ReadLimits.tableDepthCeiling) (got \(maxTableDepth))")
        }
        var limits = ReadLimits()
        limits.maxInputBytes = maxInputSize
        limits.maxUncompressedBytes = maxDocxSize
        limits.maxXMLDepth = maxXmlDepth
        limits.maxTableDepth = maxTableDepth
        limits.maxCellsPerTable = maxCells
        limits.maxCellCharacters = maxCellChars
        limits.maxFiguresPerDocument = maxFigures
        limits.maxPDFPages = maxPdfPages
        limits.ocr = ocr
        return limits
    }

    /// A pipeline with these options, the document at `file` and its figures (exits 2 on an
    /// unreadable file or one beyond the limits).
    func readAndExtract(_ file: String) -> (Pipeline, Document, [Figure]) {
        let pipeline: Pipeline
        do { pipeline = Pipeline(lexicons: try loadLexicons(), limits: try limits()) } catch { Exit.usage("\(error)") }
        do {
            let document = try DocumentReader(lexicons: pipeline.lexicons, limits: pipeline.limits).read(path: file)
            return (pipeline, document, try pipeline.extractWithinLimit(document: document))
        } catch { Exit.fail(file, error) }
    }

    func reader() throws -> DocumentReader {
        DocumentReader(lexicons: try loadLexicons(), limits: try limits())
    }

    func loadLexicons() throws -> Lexicons {
        do { return try Lexicons.load(overridingWith: lexicons) } catch {
            throw UsageFailure("\(error)")
        }
    }
}

/// Exit with code 2 after printing `gouji: message`.
struct UsageFailure: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = message }
}

enum Exit {
    /// `gouji: PATH: reason`, exit 2; a reader's reason in `lang` (Chinese unless `GOUJI_LANG=en`).
    static func fail(_ path: String, _ reason: Any, lang: Language = .preferred) -> Never {
        let text = (reason as? ReadError)?.message(lang) ?? "\(reason)"
        FileHandle.standardError.write(Data("gouji: \(path): \(text)\n".utf8))
        exit(2)
    }
    static func usage(_ message: String) -> Never {
        FileHandle.standardError.write(Data("gouji: \(message)\n".utf8))
        exit(2)
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

struct Dump: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show what was read: tables as grids with coordinates, paragraphs with line numbers.")

    @OptionGroup var input: InputOptions
    @Option(name: .long, help: "text or json") var format: OutputFormat = .text
    @Argument(help: "The report to read (.txt, .docx, .html, .xlsx, .doc, .xls, .pdf).") var file: String

    func run() throws {
        let reader: DocumentReader
        do { reader = try input.reader() } catch { Exit.usage("\(error)") }
        let document: Document
        do { document = try reader.read(path: file) } catch { Exit.fail(file, error) }
        switch format {
        case .text: print(DumpRenderer.text(document), terminator: "")
        case .json:
            struct Out: Encodable { var tool = JSONOutput.Tool(); var documents: [DumpRenderer.JSONDocument] }
            print(JSONOutput.encode(Out(documents: [DumpRenderer.jsonDocument(document)])))
        }
    }
}
