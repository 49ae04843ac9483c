import Crypto
import Foundation
import GRDB
import GRDBSQLite

/// The version of the rules and extraction logic. Bump it whenever a change to the extractor,
/// the binder or the checker can change what is stored for an unchanged report: `gouji batch`
/// re-checks every document whose stored rules version differs.
public enum RulesVersion {
    public static let rules = "rules-1"

    /// The rules version a document checked with these inputs gets: the constant above, the tool
    /// version, and fingerprints of the lexicon files, configuration and read limits in force
    /// (so that editing Lexicons/ or .gouji.yaml re-checks the archive, and nothing else does).
    public static func fingerprint(lexiconFiles: [String: String], configuration: Configuration?, limits: ReadLimits) -> String {
        var h = SHA256()
        for key in lexiconFiles.keys.sorted() {
            h.update(data: Data(key.utf8)); h.update(data: Data([0])); h.update(data: Data(lexiconFiles[key]!.utf8)); h.update(data: Data([0]))
        }
        if let configuration {
            h.update(data: Data(JSONOutput.encode(configuration, pretty: false).utf8))
        }
        h.update(data: Data("\(limits.maxInputBytes)/\(limits.maxUncompressedBytes)/\(limits.maxXMLDepth)/\(limits.maxTableDepth)/\(limits.maxCellsPerTable)/\(limits.maxCellCharacters)".utf8))
        let digest = ContentHash.hex(digest: h.finalize().prefix(6))
        return "\(rules)+gouji-\(JSONOutput.version)+\(digest)"
    }

    /// The lexicon source files `Lexicons.load(overridingWith:)` reads: the embedded ones
    /// overlaid with the `.yaml` files found under `directory`.
    public static func lexiconFiles(overridingWith directory: String?) -> [String: String] {
        var files = EmbeddedLexicons.files
        guard let directory else { return files }
        let root = URL(fileURLWithPath: directory).standardizedFileURL
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return files }
        for case let url as URL in walker where url.pathExtension == "yaml" {
            let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
            files[relative] = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        }
        return files
    }
}

/// One checked (or unreadable) document, flattened into the rows the store writes. Workers
/// build it; the writer only inserts it.
public struct DocumentRecord: Sendable {
    public struct FigureRow: Sendable, Equatable {
        public var text: String, value: String, unit: String, kind: String
        public var line: Int, column: Int, start: Int, end: Int
        public var subject: String?, inTable: Bool
    }
    public struct FindingRow: Sendable, Equatable {
        public var rule: String, name: String, severity: String, message: String, arithmetic: String?
        /// The figures, other locations and suggestions as in `gouji check --format json`.
        public var figuresJSON: String, locationsJSON: String, suggestionsJSON: String
    }

    public var path: String
    /// The file the document was read from: `path`, or the workbook of a sheet's document.
    public var source: String
    /// SHA-256 of the bytes; nil when the bytes could not be read at all.
    public var contentHash: String?
    public var size: Int
    public var family: String
    public var templateConfidence: Double
    public var error: String?
    public var readMilliseconds: Double
    public var checkMilliseconds: Double
    public var rulesVersion: String
    public var figures: [FigureRow]
    public var findings: [FindingRow]
    public var errors: Int, warnings: Int, infos: Int

    public var status: String { error == nil ? "ok" : "unreadable" }

    /// Flattens a pipeline result; messages are stored in `lang`.
    /// `source`: the file read, when it is not `result.path` (a workbook's sheet).
    public init(result: CheckResult, contentHash: String?, size: Int, rulesVersion: String, lang: Language,
                readMilliseconds: Double = 0, checkMilliseconds: Double = 0, source: String? = nil) {
        path = result.path
        self.source = source ?? result.path
        self.contentHash = contentHash
        self.size = size
        family = result.template
        templateConfidence = result.templateConfidence
        error = result.error
        self.readMilliseconds = readMilliseconds
        self.checkMilliseconds = checkMilliseconds
        self.rulesVersion = rulesVersion
        figures = result.figures.map {
            FigureRow(text: $0.text, value: $0.value.plain, unit: $0.unit, kind: $0.kind.rawValue,
                      line: $0.location.line, column: $0.location.column, start: $0.location.start, end: $0.location.end,
                      subject: $0.subject, inTable: $0.inTable)
        }
        findings = result.findings.map {
            FindingRow(rule: $0.rule, name: $0.name, severity: $0.severity.rawValue, message: $0.message.text(lang),
                       arithmetic: $0.arithmetic?.text(lang),
                       figuresJSON: FindingColumns.figures($0.figures.map(JSONRenderer.FigureOut.init)),
                       locationsJSON: FindingColumns.locations($0.locations.map(JSONRenderer.LocationOut.init)),
                       suggestionsJSON: FindingColumns.suggestions($0.suggestions.map { JSONRenderer.SuggestionOut($0, lang) }))
        }
        errors = result.count(.error); warnings = result.count(.warning); infos = result.count(.info)
    }
}

/// What the store knows of a path: enough to decide whether to re-check it.
public struct StoredDocument: Sendable, Equatable {
    public var id: Int64
    public var contentHash: String?
    public var rulesVersion: String
    public var status: String
    public var errors: Int
}

/// Counters of a run, written to its `runs` row when it finishes.
public struct RunCounts: Sendable, Equatable {
    public var checked = 0, skipped = 0, unreadable = 0, errorDocuments = 0, figures = 0, findings = 0
    public init() {}
}

/// The SQLite audit store (GRDB, WAL mode). Any number of threads may read (`stored(path:)`);
/// writes go through `write(_:runID:)`, which the batch runner calls from a single writer
/// thread: one transaction per batch of documents, each document replacing its previous rows,
/// so a run killed at any instant leaves every document either complete or absent.
public final class AuditStore: Sendable {
    public let pool: DatabasePool
    public let path: String

    public init(path: String) throws {
        var config = GRDB.Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(30)
        config.prepareDatabase { db in
            // WAL + NORMAL: a commit survives the process being killed (the WAL is on disk before
            // the commit returns); only an OS crash may lose the last transactions, never corrupt.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        self.path = path
        pool = try DatabasePool(path: path, configuration: config)
        try Self.migrator.migrate(pool)
    }

    /// The schema, as migrations. Add migrations at the end; never edit a released one.
    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "runs") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("started", .text).notNull()
                t.column("finished", .text)
                t.column("rules_version", .text).notNull()
                t.column("tool_version", .text).notNull()
                t.column("args", .text).notNull()
                t.column("checked", .integer).notNull().defaults(to: 0)
                t.column("skipped", .integer).notNull().defaults(to: 0)
                t.column("unreadable", .integer).notNull().defaults(to: 0)
            }
            try db.create(table: "documents") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("path", .text).notNull().unique()
                t.column("content_hash", .text)
                t.column("size", .integer).notNull()
                t.column("family", .text).notNull()
                t.column("template_confidence", .double).notNull()
                t.column("status", .text).notNull().check { ["ok", "unreadable"].contains($0) }
                t.column("error", .text)
                t.column("read_ms", .double).notNull()
                t.column("check_ms", .double).notNull()
                t.column("rules_version", .text).notNull()
                t.column("run_id", .integer).notNull().references("runs")
                t.column("errors", .integer).notNull()
                t.column("warnings", .integer).notNull()
                t.column("infos", .integer).notNull()
                t.column("checked_at", .text).notNull()
            }
            try db.create(index: "documents_status", on: "documents", columns: ["status"])
            try db.create(index: "documents_family", on: "documents", columns: ["family"])
            try db.create(table: "figures") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("document_id", .integer).notNull().indexed().references("documents", onDelete: .cascade)
                t.column("seq", .integer).notNull()
                t.column("text", .text).notNull()
                t.column("value", .text).notNull()
                t.column("unit", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("line", .integer).notNull()
                t.column("column", .integer).notNull()
                t.column("start", .integer).notNull()
                t.column("end", .integer).notNull()
                t.column("subject", .text)
                t.column("in_table", .boolean).notNull()
            }
            try db.create(table: "findings") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("document_id", .integer).notNull().indexed().references("documents", onDelete: .cascade)
                t.column("seq", .integer).notNull()
                t.column("rule", .text).notNull().indexed()
                t.column("name", .text).notNull()
                t.column("severity", .text).notNull()
                t.column("message", .text).notNull()
                t.column("arithmetic", .text)
                t.column("figures", .text).notNull()
                t.column("locations", .text).notNull()
                t.column("suggestions", .text).notNull()
            }
        }
        // Figures are most of the rows: keyed by (document, position) in one B-tree, they are
        // written without a second B-tree for the document index (a third less work per row).
        migrator.registerMigration("v2-figures-by-document") { db in
            try db.execute(sql: """
                CREATE TABLE figures_by_document (
                  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                  seq INTEGER NOT NULL, text TEXT NOT NULL, value TEXT NOT NULL, unit TEXT NOT NULL, kind TEXT NOT NULL,
                  line INTEGER NOT NULL, "column" INTEGER NOT NULL, "start" INTEGER NOT NULL, "end" INTEGER NOT NULL,
                  subject TEXT, in_table BOOLEAN NOT NULL,
                  PRIMARY KEY (document_id, seq)
                ) WITHOUT ROWID;
                INSERT INTO figures_by_document
                  SELECT document_id, seq, text, value, unit, kind, line, "column", "start", "end", subject, in_table FROM figures;
                DROP TABLE figures;
                ALTER TABLE figures_by_document RENAME TO figures;
                """)
        }
        // A workbook holds one document per report sheet ("book.xlsx#Sheet1"): `source` is the
        // file each document was read from, so a file's documents are looked up and replaced together.
        migrator.registerMigration("v3-document-source") { db in
            try db.execute(sql: """
                ALTER TABLE documents ADD COLUMN source TEXT;
                UPDATE documents SET source = path;
                CREATE INDEX documents_source ON documents(source);
                """)
        }
        return migrator
    }

    /// "2026-11-27T22:47:12.345Z". One formatter for the process: making one costs an ICU
    /// date formatter, and every document row carries a timestamp (ISO8601DateFormatter is
    /// thread-safe).
    static func timestamp(_ date: Date = Date()) -> String {
        timestampFormatter.string(from: date)
    }

    private nonisolated(unsafe) static let timestampFormatter: ISO8601DateFormatter = {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f
    }()

    /// Records the start of a run and returns its id.
    public func beginRun(rulesVersion: String, arguments: [String]) throws -> Int64 {
        try pool.write { db in
            try db.execute(sql: "INSERT INTO runs (started, rules_version, tool_version, args) VALUES (?, ?, ?, ?)",
                           arguments: [Self.timestamp(), rulesVersion, JSONOutput.version, JSONOutput.encode(arguments, pretty: false)])
            return db.lastInsertedRowID
        }
    }

    public func finishRun(_ id: Int64, counts: RunCounts) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE runs SET finished = ?, checked = ?, skipped = ?, unreadable = ? WHERE id = ?",
                           arguments: [Self.timestamp(), counts.checked, counts.skipped, counts.unreadable, id])
        }
    }

    /// Whether no document is stored yet (a first sweep: nothing can be skipped).
    public func isEmpty() throws -> Bool {
        try pool.read { db in try !Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM documents)")! }
    }

    /// The stored state of a path, if any. Safe from any thread, concurrently with the writer.
    public func stored(path: String) throws -> StoredDocument? {
        // One SELECT needs no enclosing transaction (SQLite runs it on one snapshot anyway);
        // `read` would add BEGIN and COMMIT around every lookup of a batch.
        try pool.unsafeRead { db in
            let statement = try db.cachedStatement(
                sql: "SELECT id, content_hash, rules_version, status, errors FROM documents WHERE path = ?")
            return try Row.fetchOne(statement, arguments: [path]).map {
                StoredDocument(id: $0["id"], contentHash: $0["content_hash"], rulesVersion: $0["rules_version"],
                               status: $0["status"], errors: $0["errors"])
            }
        }
    }

    /// The stored documents read from one file (one, or one per report sheet of a workbook).
    public func stored(source: String) throws -> [StoredDocument] {
        try pool.unsafeRead { db in
            let statement = try db.cachedStatement(
                sql: "SELECT id, content_hash, rules_version, status, errors FROM documents WHERE source = ? ORDER BY path")
            return try Row.fetchAll(statement, arguments: [source]).map {
                StoredDocument(id: $0["id"], contentHash: $0["content_hash"], rulesVersion: $0["rules_version"],
                               status: $0["status"], errors: $0["errors"])
            }
        }
    }

    /// Writes documents in one transaction; the documents of each file replace all the rows
    /// previously stored for that file (a workbook's sheets that are gone included) and for
    /// their paths
    /// (figures and findings go with it through ON DELETE CASCADE).
    /// Figure rows per multi-row INSERT (12 parameters each, well under SQLite's 32,766).
    static let figureChunk = 32

    public func write(_ records: [DocumentRecord], runID: Int64) throws {
        guard !records.isEmpty else { return }
        let now = Self.timestamp()
        try pool.write { db in
            let delete = try db.cachedStatement(sql: "DELETE FROM documents WHERE path = ?")
            let deleteSource = try db.cachedStatement(sql: "DELETE FROM documents WHERE source = ?")
            var replacedSources = Set<String>()
            let insertDocument = try db.cachedStatement(sql: """
                INSERT INTO documents (path, content_hash, size, family, template_confidence, status, error, read_ms,
                  check_ms, rules_version, run_id, errors, warnings, infos, checked_at, source)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            // Figures are most of the rows (≈ 150 per report): inserted `figureChunk` rows per
            // statement and bound directly, without a StatementArguments per row.
            func insertFigures(_ rows: Int) throws -> Statement {
                try db.cachedStatement(sql: """
                    INSERT INTO figures (document_id, seq, text, value, unit, kind, line, "column", "start", "end", subject, in_table)
                    VALUES \(Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", count: rows).joined(separator: ", "))
                    """)
            }
            let insertFigureChunk = try insertFigures(Self.figureChunk)
            let insertFigure = try insertFigures(1)
            let insertFinding = try db.cachedStatement(sql: """
                INSERT INTO findings (document_id, seq, rule, name, severity, message, arithmetic, figures, locations, suggestions)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for r in records {
                if replacedSources.insert(r.source).inserted {
                    var deleteFile = RowBinder(deleteSource)
                    deleteFile.begin()
                    deleteFile.bind(1, r.source)
                    try deleteFile.execute(db)
                }
                var deleteRow = RowBinder(delete)
                deleteRow.begin()
                deleteRow.bind(1, r.path)
                try deleteRow.execute(db)
                var document = RowBinder(insertDocument)
                document.begin()
                document.bind(1, r.path); document.bind(2, r.contentHash); document.bind(3, Int64(r.size)); document.bind(4, r.family)
                document.bind(5, r.templateConfidence); document.bind(6, r.status); document.bind(7, r.error)
                document.bind(8, r.readMilliseconds); document.bind(9, r.checkMilliseconds); document.bind(10, r.rulesVersion)
                document.bind(11, runID); document.bind(12, Int64(r.errors)); document.bind(13, Int64(r.warnings))
                document.bind(14, Int64(r.infos)); document.bind(15, now); document.bind(16, r.source)
                try document.execute(db)
                let id = db.lastInsertedRowID
                var i = 0
                while i < r.figures.count {
                    let n = r.figures.count - i >= Self.figureChunk ? Self.figureChunk : 1
                    var row = RowBinder(n == 1 ? insertFigure : insertFigureChunk)
                    row.begin()
                    for k in 0..<n {
                        let f = r.figures[i + k], p = Int32(12 * k)
                        row.bind(p + 1, Int64(id)); row.bind(p + 2, Int64(i + k)); row.bind(p + 3, f.text); row.bind(p + 4, f.value)
                        row.bind(p + 5, f.unit); row.bind(p + 6, f.kind); row.bind(p + 7, Int64(f.line)); row.bind(p + 8, Int64(f.column))
                        row.bind(p + 9, Int64(f.start)); row.bind(p + 10, Int64(f.end)); row.bind(p + 11, f.subject)
                        row.bind(p + 12, Int64(f.inTable ? 1 : 0))
                    }
                    try row.execute(db)
                    i += n
                }
                var finding = RowBinder(insertFinding)
                for (i, f) in r.findings.enumerated() {
                    finding.begin()
                    finding.bind(1, Int64(id)); finding.bind(2, Int64(i)); finding.bind(3, f.rule); finding.bind(4, f.name)
                    finding.bind(5, f.severity); finding.bind(6, f.message); finding.bind(7, f.arithmetic)
                    finding.bind(8, f.figuresJSON); finding.bind(9, f.locationsJSON); finding.bind(10, f.suggestionsJSON)
                    try finding.execute(db)
                }
            }
        }
    }
}

/// Binds and steps one row of a prepared statement through the SQLite C API, for the rows of
/// `AuditStore.write`. The statement comes from GRDB (which prepares, caches and finalizes it);
/// it must only be executed through this binder, and every parameter is bound again after each
/// `begin()` (so old bindings are never cleared: clearing cost as much as binding).
///
/// Text parameters are gathered into one buffer and bound as `SQLITE_STATIC` pointers into it
/// just before the step, instead of SQLite copying each string into an allocation of its own.
struct RowBinder {
    private let statement: SQLiteStatement
    private var texts: [UInt8] = []
    private var textParameters: [(index: Int32, start: Int, count: Int)] = []

    init(_ statement: Statement) { self.statement = statement.sqliteStatement }

    mutating func begin() {
        sqlite3_reset(statement)
        texts.removeAll(keepingCapacity: true)
        textParameters.removeAll(keepingCapacity: true)
    }

    func bind(_ index: Int32, _ value: Int64) { sqlite3_bind_int64(statement, index, value) }

    func bind(_ index: Int32, _ value: Double) { sqlite3_bind_double(statement, index, value) }

    mutating func bind(_ index: Int32, _ value: String?) {
        guard let value else { sqlite3_bind_null(statement, index); return }
        let start = texts.count
        texts.appendUTF8(of: value)
        textParameters.append((index, start, texts.count - start))
        texts.append(0)   // every text, the empty one too, has an address in the buffer
    }

    func execute(_ db: Database) throws {
        let code = texts.withUnsafeBufferPointer { buffer -> Int32 in
            if let base = buffer.baseAddress {
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                    for p in textParameters {
                        sqlite3_bind_text(statement, p.index, chars + p.start, Int32(p.count), nil)   // nil: SQLITE_STATIC
                    }
                }
            }
            return sqlite3_step(statement)
        }
        guard code == SQLITE_DONE else {
            sqlite3_reset(statement)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }
}
