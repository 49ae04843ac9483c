import ArgumentParser
import Foundation
import Gouji

enum BatchFormat: String, ExpressibleByArgument, CaseIterable {
    case text, jsonl
}

struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check whole archives in parallel and record every result in an SQLite audit store.",
        discussion: """
        Folders are walked recursively (hidden entries skipped; symbolic links to folders followed \
        once, never into a loop); every .txt, .docx, .html, .htm, .xlsx, .doc, .xls and .pdf file is checked (a workbook gives one document per report sheet, stored as FILE#SHEET; .doc and .xls need LibreOffice), on --jobs worker \
        threads. Each document's row, figures and findings are committed together, so a run that is \
        interrupted (even by kill -9) can simply be started again: documents whose content (SHA-256) \
        and rules version are unchanged are skipped, changed ones are re-checked and their old rows \
        replaced. Per-file problems are recorded as unreadable and never stop the run.

        Progress goes to standard error: a bar redrawn in place on a terminal (output lines are \
        printed above it), nothing otherwise unless --progress-every N asks for a line every N \
        files. Ctrl-C stops starting new files, commits what was checked, marks the run \
        interrupted in the store and prints a one-line summary; running again resumes. With --format jsonl, standard output carries one JSON object \
        per checked document (the object of `gouji check --format json`'s documents array); with \
        --format text, one line per document that has findings or could not be read.

        Exit codes: 0 every document read and no error-level finding; 1 error-level findings or \
        unreadable files recorded (including documents skipped as unchanged); 2 only when the \
        run could not be done (a usage error, a store that cannot be written); 130 interrupted.
        """)

    @OptionGroup var input: InputOptions
    @Argument(help: "Files and folders to check.") var paths: [String]
    @Option(name: .long, help: "The SQLite audit store (created if missing).") var db: String
    @Option(name: .shortAndLong, help: "Worker threads (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    @Option(name: .long, help: "text or jsonl") var format: BatchFormat = .text
    @Option(name: .long, help: "Message language: zh or en.") var lang: Language = .preferred
    @Option(name: .long, help: "A .gouji.yaml for every file, instead of the nearest one of each folder.") var config: String?
    @Option(name: .long, help: "Documents per transaction.") var batchSize: Int = 50
    @Option(name: .long, help: "Without a terminal, print a progress line every N files (default: none).") var progressEvery: Int?
    @Flag(name: .long, help: "No progress output.") var quiet = false

    func run() throws {
        guard !paths.isEmpty else { Exit.usage("no input paths") }
        guard jobs >= 1 else { Exit.usage("--jobs must be at least 1") }
        let lexicons: Lexicons
        do { lexicons = try input.loadLexicons() } catch { Exit.usage("\(error)") }
        let limits = try input.limits()
        var configuration: Configuration?
        if let config {
            do { configuration = try Configuration.load(path: config) } catch { Exit.usage("\(error)") }
        }
        let provider = PipelineProvider(lexicons: lexicons, lexiconFiles: RulesVersion.lexiconFiles(overridingWith: input.lexicons),
                                        limits: limits, configuration: configuration)
        let store: AuditStore
        do { store = try AuditStore(path: db) } catch { Exit.fail(db, "cannot open the audit store (\(error))") }
        let runID: Int64
        do { runID = try store.beginRun(rulesVersion: provider.defaultRulesVersion, arguments: Array(CommandLine.arguments.dropFirst())) } catch {
            Exit.fail(db, "cannot write the audit store (\(error))")
        }

        // Count the files in the background so that progress can show a total and an ETA.
        let total = Box<Int?>(nil)
        let showProgress = !quiet
        if showProgress {
            let roots = paths
            Thread { total.value = FileWalker().count(roots) }.start()
        }
        let display = ProgressDisplay(terminal: isatty(STDERR_FILENO) != 0, every: progressEvery.map { max(1, $0) }, lang: lang)
        let interrupt = Interrupt()
        let runner = BatchRunner(jobs: jobs, lang: lang, batchSize: batchSize, lines: format == .jsonl ? .jsonl : .text)
        let counts: RunCounts
        do {
            counts = try runner.run(
                roots: paths, store: store, runID: runID, provider: provider,
                total: { total.value },
                onCommitted: { lines in
                    display.above { FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8)) }
                },
                onProgress: { p in if showProgress { display.update(p) } },
                stop: { interrupt.requested })
        } catch {
            display.finish()
            Exit.fail(db, "cannot write the audit store (\(error))")
        }
        display.finish()
        try? store.finishRun(runID, counts: counts)
        if counts.interrupted {
            let line = lang == .zh
                ? "gouji batch: 已中断：检查 \(counts.checked) 份，跳过未变 \(counts.skipped) 份，已写入 \(db)，本次运行标为中断；再次运行即从中断处继续\n"
                : "gouji batch: interrupted: \(counts.checked) checked, \(counts.skipped) unchanged and skipped, committed to \(db), run marked interrupted; run again to resume\n"
            FileHandle.standardError.write(Data(line.utf8))
            throw ExitCode(130)
        }
        if showProgress {
            let summary = lang == .zh
                ? "gouji batch: 检查 \(counts.checked) 份，跳过未变 \(counts.skipped) 份，无法读取 \(counts.unreadable) 份，含错误 \(counts.errorDocuments) 份；数字 \(counts.figures) 个，问题 \(counts.findings) 条 → \(db)\n"
                : "gouji batch: \(counts.checked) checked, \(counts.skipped) unchanged and skipped, \(counts.unreadable) unreadable, \(counts.errorDocuments) with errors; \(counts.figures) figures, \(counts.findings) findings → \(db)\n"
            FileHandle.standardError.write(Data(summary.utf8))
        }
        // The run completed: unreadable files are recorded findings of a kind, not a failed run
        // (2 is kept for a run that could not be done: bad usage, an unwritable store).
        if counts.unreadable > 0 || counts.errorDocuments > 0 { throw ExitCode(1) }
    }
}

/// A value shared between threads under a lock.
final class Box<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: T
    init(_ value: T) { stored = value }
    var value: T {
        get { lock.lock(); defer { lock.unlock() }; return stored }
        set { lock.lock(); stored = newValue; lock.unlock() }
    }
}

/// Ctrl-C (SIGINT) during a batch: the first asks the run to stop cleanly, a second one ends the
/// process at once (the store stays consistent either way: every transaction is whole).
final class Interrupt: @unchecked Sendable {
    private let source: DispatchSourceSignal
    private let flag = Box(false)

    init() {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { [flag] in
            if flag.value { signal(SIGINT, SIG_DFL); raise(SIGINT) }
            flag.value = true
        }
        source.resume()
    }

    var requested: Bool { flag.value }
}

/// Progress on standard error: a bar redrawn with \r on a terminal (at most 10 times a second),
/// plain lines every N files otherwise (none without N). Called from the batch's writer thread only.
final class ProgressDisplay: @unchecked Sendable {
    let terminal: Bool, every: Int?, lang: Language
    private var lastDraw = Date.distantPast
    private var drew = false
    private var last: BatchProgress?

    init(terminal: Bool, every: Int?, lang: Language) { self.terminal = terminal; self.every = every; self.lang = lang }

    /// Writes output lines above the bar: the bar is cleared first and drawn again after, so that
    /// it is never glued to the start of a line.
    func above(_ write: () -> Void) {
        guard terminal, drew else { write(); return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        write()
        if let last { draw(last) }
    }

    func update(_ p: BatchProgress) {
        last = p
        if terminal {
            let now = Date()
            guard now.timeIntervalSince(lastDraw) >= 0.1 || p.done == p.total else { return }
            lastDraw = now
            draw(p)
        } else if let every, p.done % every == 0 {
            FileHandle.standardError.write(Data(("gouji batch: " + Self.describe(p, lang: lang) + "\n").utf8))
        }
    }

    func finish() {
        if terminal, let last { draw(last); FileHandle.standardError.write(Data("\n".utf8)) }
    }

    private func draw(_ p: BatchProgress) {
        let width = 24
        var bar = ""
        if let total = p.total, total > 0 {
            let filled = min(width, p.done * width / total)
            bar = "[" + String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled) + "] "
        }
        FileHandle.standardError.write(Data(("\r" + bar + Self.describe(p, lang: lang) + "\u{1B}[K").utf8))
        drew = true
    }

    static func duration(_ seconds: TimeInterval) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }

    static func describe(_ p: BatchProgress, lang: Language) -> String {
        let done = p.total.map { "\(p.done)/\($0)" } ?? "\(p.done)"
        let rate = String(format: "%.1f", p.rate)
        let eta = p.eta.map(duration) ?? "?"
        switch lang {
        case .zh: return "\(done) 份  \(rate) 份/秒  剩余 \(eta)  无法读取 \(p.unreadable)  含错误 \(p.errorDocuments)  跳过 \(p.skipped)"
        case .en: return "\(done) files  \(rate)/s  ETA \(eta)  unreadable \(p.unreadable)  with errors \(p.errorDocuments)  skipped \(p.skipped)"
        }
    }
}
