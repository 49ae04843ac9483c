import ArgumentParser
import Foundation
import Gouji

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case html, csv, json
}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Summarise an audit store written by `gouji batch`.",
        discussion: """
        Documents by family and status, findings by rule and severity (with an inline SVG chart in \
        HTML), the documents with the most errors and the unreadable ones. The HTML is a single \
        self-contained file. With --html-dir, each listed document also gets its own report file \
        in that folder, linked from the summary: the page of `gouji check --format html` (the \
        document with its figures highlighted) when the file is still readable and unchanged, \
        else the stored audit record in the JSON shape of `gouji check --format json` \
        (doc-ID.json). The CSV starts with a byte-order mark so that Excel shows the Chinese.
        """)

    @Option(name: .long, help: "The audit store written by gouji batch.") var db: String
    @Option(name: .long, help: "html, csv or json") var format: ReportFormat = .html
    @Option(name: [.short, .long], help: "Write the report to this file (atomically) instead of standard output.") var output: String?
    @Option(name: .long, help: "Also write one report per listed document into this folder, and link them.") var htmlDir: String?
    @Option(name: .long, help: "How many documents to list (most errors first).") var top: Int = 50
    @Option(name: .long, help: "Language of the HTML report: zh or en.") var lang: Language = .preferred

    func run() throws {
        guard FileManager.default.fileExists(atPath: db) else { Exit.fail(db, "no such audit store") }
        let store: AuditStore
        do { store = try AuditStore(path: db) } catch { Exit.fail(db, "cannot open the audit store (\(error))") }
        var report: AuditReport
        do { report = try AuditReport.load(store: store, top: max(0, top)) } catch { Exit.fail(db, "cannot read the audit store (\(error))") }
        if let htmlDir {
            do { try FileManager.default.createDirectory(atPath: htmlDir, withIntermediateDirectories: true) } catch {
                Exit.fail(htmlDir, "cannot create the folder (\(error))")
            }
            let base = output.map { (FileWalker.absolute($0) as NSString).deletingLastPathComponent } ?? FileManager.default.currentDirectoryPath
            let pipeline = Pipeline(lexicons: (try? Lexicons.load(overridingWith: nil)) ?? .builtIn)
            func link(_ row: inout AuditReport.DocumentRow) {
                // The document's own HTML report when its file is still readable (it shows the
                // document as read); otherwise its stored record as JSON.
                let fresh = row.status == "ok" ? pipeline.check(path: row.path) : nil
                let html = fresh.flatMap { $0.error == nil ? $0 : nil }
                let name = "doc-\(row.id).\(html == nil ? "json" : "html")"
                let file = (htmlDir as NSString).appendingPathComponent(name)
                do {
                    let text: String
                    if let html { text = HTMLRenderer(lang: lang).render([html]) }
                    else if let json = try AuditReport.documentJSON(store: store, id: row.id) { text = json }
                    else { return }
                    try AtomicFile.write(Data(text.utf8), to: file)
                    row.link = Self.relative(FileWalker.absolute(file), from: base)
                } catch {
                    Exit.fail(file, "cannot write (\(error))")
                }
            }
            for i in report.topDocuments.indices { link(&report.topDocuments[i]) }
            for i in report.unreadable.indices { link(&report.unreadable[i]) }
        }
        let text: String
        switch format {
        case .html: text = report.html(lang: lang)
        case .csv: text = report.csv()
        case .json: text = report.json()
        }
        Renderers.emit(text, to: output)
    }

    /// `target` relative to the folder `base` (both absolute), as a URL path (components percent-encoded).
    static func relative(_ target: String, from base: String) -> String {
        let t = target.split(separator: "/"), b = base.split(separator: "/")
        var common = 0
        while common < min(t.count, b.count) && t[common] == b[common] { common += 1 }
        let ups = Array(repeating: "..", count: b.count - common)
        let parts = ups + t[common...].map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? String($0) }
        return parts.joined(separator: "/")
    }
}
