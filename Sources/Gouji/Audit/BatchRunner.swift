import Foundation

/// Gives each file the pipeline that checks it and the rules version its results get.
/// With a fixed configuration every file shares one pipeline; otherwise the nearest
/// `.gouji.yaml` of each folder is found once and cached (like `gouji check` does per file).
public final class PipelineProvider: @unchecked Sendable {
    public typealias Choice = Result<(pipeline: Pipeline, rulesVersion: String), ProviderError>

    public struct ProviderError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    private let lexicons: Lexicons
    private let lexiconFiles: [String: String]
    private let limits: ReadLimits
    private let fixed: Choice?
    private let lock = NSLock()
    private var byFolder: [String: Choice] = [:]
    private var byConfigFile: [String: Choice] = [:]
    private let locator = ConfigurationLocator()   // used under `lock`

    /// `configuration`: use it for every file; nil: discover `.gouji.yaml` per folder.
    public init(lexicons: Lexicons, lexiconFiles: [String: String], limits: ReadLimits, configuration: Configuration?) {
        self.lexicons = lexicons; self.lexiconFiles = lexiconFiles; self.limits = limits
        fixed = configuration.map {
            .success((Pipeline(lexicons: lexicons, limits: limits, configuration: $0),
                      RulesVersion.fingerprint(lexiconFiles: lexiconFiles, configuration: $0, limits: limits)))
        }
    }

    /// The rules version used when no configuration file applies.
    public var defaultRulesVersion: String {
        if case .success(let c)? = fixed { return c.rulesVersion }
        return RulesVersion.fingerprint(lexiconFiles: lexiconFiles, configuration: Configuration(), limits: limits)
    }

    public func choice(for path: String) -> Choice {
        if let fixed { return fixed }
        // The cache key is the path up to its last "/" (not NSString's normalised folder, which
        // costs more than the rest of this lookup): two spellings of one folder only make two
        // entries with the same answer.
        let folder = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[..<$0]) } ?? ""
        lock.lock()
        if let cached = byFolder[folder] { lock.unlock(); return cached }
        defer { lock.unlock() }
        let configPath = locator.file(for: path)
        let key = configPath ?? ""
        let choice: Choice
        if let cached = byConfigFile[key] {
            choice = cached
        } else {
            do {
                let configuration = try configPath.map { try Configuration.load(path: $0, lexicons: lexicons) } ?? Configuration()
                choice = .success((Pipeline(lexicons: lexicons, limits: limits, configuration: configuration),
                                   RulesVersion.fingerprint(lexiconFiles: lexiconFiles, configuration: configuration, limits: limits)))
            } catch {
                choice = .failure(ProviderError(description: "\(key): invalid configuration (\(error))"))
            }
            byConfigFile[key] = choice
        }
        byFolder[folder] = choice
        return choice
    }
}

/// Where a batch stands; handed to the progress callback after each document.
public struct BatchProgress: Sendable {
    /// Files handled (checked, skipped or unreadable).
    public var done = 0
    /// Files to handle, once the counting walk has finished.
    public var total: Int?
    public var skipped = 0
    public var unreadable = 0
    /// Documents with at least one error-level finding (checked in this run or stored before).
    public var errorDocuments = 0
    public var elapsed: TimeInterval = 0
    public init() {}

    public var rate: Double { elapsed > 0 ? Double(done) / elapsed : 0 }
    /// Seconds left at the current rate, when the total is known.
    public var eta: TimeInterval? {
        guard let total, rate > 0 else { return nil }
        return Double(max(0, total - done)) / rate
    }
}

/// Checks an archive in parallel and stores every result.
///
/// One walker thread streams paths into a bounded queue; `jobs` worker threads read, hash and
/// check documents (skipping those whose content hash and rules version are already stored) and
/// push compact records into a second bounded queue; one writer thread commits them in
/// transactions of `batchSize` documents or `flushInterval` seconds, whichever comes first.
/// Nothing scales with the archive: memory is bounded by the two queue capacities.
public struct BatchRunner: Sendable {
    public var jobs: Int
    public var lang: Language
    public var batchSize: Int
    public var flushInterval: TimeInterval
    /// The line streamed for each checked document, if any.
    public var lines: LineFormat?

    /// What `gouji batch` prints per document.
    public enum LineFormat: Sendable {
        /// One JSON object per document (`JSONRenderer.checkLine`).
        case jsonl
        /// One line per document that is unreadable or has findings; clean documents print nothing.
        case text
    }

    public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount, lang: Language = .zh,
                batchSize: Int = 50, flushInterval: TimeInterval = 1, lines: LineFormat? = nil) {
        self.jobs = max(1, jobs); self.lang = lang; self.batchSize = max(1, batchSize)
        self.flushInterval = flushInterval; self.lines = lines
    }

    /// What one file gave: its documents checked (one, or one per report sheet of a workbook,
    /// committed together), or skipped as unchanged.
    enum Outcome: Sendable {
        case checked([DocumentRecord], lines: [String])
        case skipped([StoredDocument])
    }

    /// Handles one file: read, hash, skip if up to date, else check every report it holds.
    /// Never throws. `lookUp`: whether the store may hold the file already (false on a first
    /// sweep into an empty store, where the lookup can only miss).
    func process(path: String, provider: PipelineProvider, store: AuditStore, lookUp: Bool = true) -> Outcome {
        let t0 = DispatchTime.now().uptimeNanoseconds
        func ms(_ a: UInt64, _ b: UInt64) -> Double { Double(b &- a) / 1e6 }
        let choice = provider.choice(for: path)
        let rulesVersion = (try? choice.get().rulesVersion) ?? provider.defaultRulesVersion
        let pipeline = (try? choice.get().pipeline) ?? Pipeline()
        let reader = DocumentReader(lexicons: pipeline.lexicons, limits: pipeline.limits)
        let data: Data
        do { data = try reader.load(path: path) } catch {
            let result = CheckResult(path: path, error: "\(error)")
            return .checked([DocumentRecord(result: result, contentHash: nil, size: 0, rulesVersion: rulesVersion, lang: lang,
                                            readMilliseconds: ms(t0, DispatchTime.now().uptimeNanoseconds))],
                            lines: line(result).map { [$0] } ?? [])
        }
        let hash = ContentHash.hex(data)
        if lookUp, let stored = try? store.stored(source: path), !stored.isEmpty,
           stored.allSatisfy({ $0.contentHash == hash && $0.rulesVersion == rulesVersion }) {
            return .skipped(stored)
        }
        let t1 = DispatchTime.now().uptimeNanoseconds
        var results: [CheckResult] = []
        switch choice {
        case .failure(let error):
            results = [CheckResult(path: path, error: error.description)]
        case .success(let c):
            do {
                results = try reader.readAll(data: data, path: path).map { c.pipeline.check(document: $0) }
            } catch {
                results = [CheckResult(path: path, error: "\(error)")]
            }
        }
        let t2 = DispatchTime.now().uptimeNanoseconds
        // The time to read and check the file, shared out among its documents.
        let share = Double(max(1, results.count))
        let records = results.map {
            DocumentRecord(result: $0, contentHash: hash, size: data.count, rulesVersion: rulesVersion, lang: lang,
                           readMilliseconds: ms(t0, t1) / share, checkMilliseconds: ms(t1, t2) / share, source: path)
        }
        return .checked(records, lines: results.compactMap(line))
    }

    func line(_ result: CheckResult) -> String? {
        switch lines {
        case nil: return nil
        case .jsonl: return JSONRenderer.checkLine(result, lang: lang)
        case .text:
            if let error = result.error { return "\(result.path)\t\(lang == .zh ? "无法读取" : "unreadable"): \(error)" }
            if result.findings.isEmpty { return nil }
            let counts = [Severity.error, .warning, .info].compactMap { s -> String? in
                let n = result.count(s)
                return n == 0 ? nil : lang == .zh ? "\(s.label(.zh)) \(n)" : "\(n) \(s.rawValue)\(n == 1 ? "" : "s")"
            }
            let rules = Array(Set(result.findings.map(\.rule))).sorted().joined(separator: ",")
            return "\(result.path)\t\(counts.joined(separator: ", "))\t[\(rules)]"
        }
    }

    /// Runs the batch over `roots` (files and folders) into `store` under `runID`.
    ///
    /// - `total`: the number of files, when already known (else progress has no total).
    /// - `onCommitted`: called on the writer thread with the jsonl lines of each committed batch.
    /// - `onProgress`: called on the writer thread after each document.
    /// Throws only when the store cannot be written; per-file problems are stored as unreadable.
    public func run(roots: [String], store: AuditStore, runID: Int64, provider: PipelineProvider,
                    walker: FileWalker = FileWalker(), total: (@Sendable () -> Int?)? = nil,
                    onCommitted: @escaping @Sendable ([String]) -> Void = { _ in },
                    onProgress: @escaping @Sendable (BatchProgress) -> Void = { _ in }) throws -> RunCounts {
        let paths = BoundedQueue<String>(capacity: jobs * 4)
        let outcomes = BoundedQueue<Outcome>(capacity: max(batchSize * 2, jobs * 4))
        let group = DispatchGroup()
        let started = Date()

        // Walker.
        let walkerThread = Thread { [roots] in
            walker.walk(roots) { paths.push($0) }
            paths.close()
        }
        walkerThread.stackSize = 1 << 20
        walkerThread.start()

        // Workers: a fixed number of threads, each handling one document at a time. The walker
        // gives each path once, so in a store that starts empty no path can be found stored.
        let lookUp = (try? !store.isEmpty()) ?? true
        let remainingWorkers = Counter(jobs)
        for _ in 0..<jobs {
            group.enter()
            let thread = Thread { [self] in
                while case .value(let path) = paths.pop() {
                    if !outcomes.push(process(path: path, provider: provider, store: store, lookUp: lookUp)) { break }
                }
                if remainingWorkers.decrement() == 0 { outcomes.close() }
                group.leave()
            }
            thread.stackSize = 8 << 20 // deep tables and XML in hostile inputs
            thread.start()
        }

        // Writer: this thread.
        var counts = RunCounts()
        var progress = BatchProgress()
        var pending: [DocumentRecord] = []
        var lines: [String] = []
        var lastFlush = Date()
        var failure: Error?

        func flush() {
            guard failure == nil else { return }
            do {
                try store.write(pending, runID: runID)
                if !lines.isEmpty { onCommitted(lines) }
            } catch {
                failure = error
            }
            pending.removeAll(keepingCapacity: true)
            lines.removeAll(keepingCapacity: true)
            lastFlush = Date()
        }

        loop: while true {
            switch outcomes.pop(until: lastFlush.addingTimeInterval(flushInterval)) {
            case .closed:
                break loop
            case .timedOut:
                flush()
            case .value(let outcome):
                switch outcome {
                case .skipped(let documents):
                    for stored in documents {
                        counts.skipped += 1
                        progress.skipped += 1
                        if stored.status != "ok" { counts.unreadable += 1; progress.unreadable += 1 }
                        if stored.errors > 0 { counts.errorDocuments += 1; progress.errorDocuments += 1 }
                    }
                case .checked(let records, let recordLines):
                    for record in records {
                        counts.checked += 1
                        counts.figures += record.figures.count
                        counts.findings += record.findings.count
                        if record.error != nil { counts.unreadable += 1; progress.unreadable += 1 }
                        if record.errors > 0 { counts.errorDocuments += 1; progress.errorDocuments += 1 }
                    }
                    // A file's documents are appended together, so they commit in one transaction.
                    pending.append(contentsOf: records)
                    lines.append(contentsOf: recordLines)
                }
                progress.done += 1
                progress.total = total?()
                progress.elapsed = Date().timeIntervalSince(started)
                onProgress(progress)
                if pending.count >= batchSize || Date().timeIntervalSince(lastFlush) >= flushInterval { flush() }
            }
            if failure != nil {
                paths.cancel(); outcomes.cancel()
                break loop
            }
        }
        flush()
        group.wait()
        if let failure { throw failure }
        return counts
    }
}

/// A thread-safe countdown.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Int
    init(_ value: Int) { self.value = value }
    func decrement() -> Int { lock.lock(); defer { lock.unlock() }; value -= 1; return value }
}
