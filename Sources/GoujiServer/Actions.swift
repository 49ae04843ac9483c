import Foundation
import Gouji

/// What each API endpoint does with an upload, as plain blocking functions (run in a check
/// slot). A document the reader refuses is a 422 with the reader's one-line reason.
struct Actions: Sendable {
    var limits: ReadLimits

    func results(_ upload: Upload, _ options: CheckRequest) throws -> [CheckResult] {
        let pipeline = options.pipeline(limits: limits)
        let documents: [Document]
        do {
            documents = try DocumentReader(lexicons: pipeline.lexicons, limits: limits).readAll(data: upload.data, path: upload.name)
        } catch {
            throw APIError.unprocessable("\(error)")
        }
        let results = documents.map { pipeline.check(document: $0) }
        if let failed = results.first(where: { $0.error != nil }) { throw APIError.unprocessable(failed.error!) }
        return results
    }

    /// The check output exactly as `gouji check --format F` writes it, and the CLI's exit code.
    func check(_ upload: Upload, _ options: CheckRequest) throws -> (body: String, exitCode: Int) {
        let results = try results(upload, options)
        return (options.renderer.render(results, options: RenderOptions(lang: options.lang)), options.exitCode(results))
    }

    /// The page's view of the results.
    func view(_ upload: Upload, _ options: CheckRequest) throws -> String {
        ReportView.json(try results(upload, options), lang: options.lang)
    }

    /// The annotated .docx (Word comments on the flagged figures), as `gouji annotate` writes it.
    func annotate(_ upload: Upload, _ options: CheckRequest) throws -> (data: Data, comments: Int) {
        let pipeline = options.pipeline(limits: limits)
        let reader = DocumentReader(lexicons: pipeline.lexicons, limits: limits)
        do {
            let report = try DocxAnnotator.annotate(input: upload.data, path: upload.name, reader: reader, pipeline: pipeline,
                                                    lang: options.lang, limits: limits)
            return (report.data, report.comments.count)
        } catch let refusal as DocxAnnotator.Refusal {
            throw APIError.unprocessable(refusal.text(options.lang))
        } catch {
            throw APIError.unprocessable("\(error)")
        }
    }

    struct FixOut: Encodable {
        struct Change: Encodable {
            var line: Int, column: Int, start: Int, end: Int
            var original: String, replacement: String, reason: String
            var skipped: String?
        }
        var path: String
        var changed: Bool
        var text: String
        var diff: String
        var applied: [Change]
        var skipped: [Change]
    }

    /// The safe fixes applied to a text document (as `gouji fix`): the fixed text and its diff.
    func fix(_ upload: Upload, _ options: CheckRequest) throws -> String {
        if upload.data.starts(with: [0x50, 0x4B]) {
            throw APIError.unprocessable("fix only edits text documents; use /api/annotate for Word documents")
        }
        let pipeline = options.pipeline(limits: limits)
        let document: Document
        do { document = try DocumentReader(lexicons: pipeline.lexicons, limits: limits).read(data: upload.data, path: upload.name) } catch {
            throw APIError.unprocessable("\(error)")
        }
        guard document.format == .text else {
            throw APIError.unprocessable("fix only edits text documents; use /api/annotate for Word documents")
        }
        let result = pipeline.check(document: document)
        if let error = result.error { throw APIError.unprocessable(error) }
        let outcome = FixApplier.apply(FixApplier.safeSuggestions(result.findings), to: document.text)
        let diff = FixApplier.unifiedDiff(outcome, oldName: "a/" + upload.name, newName: "b/" + upload.name)
        func change(_ s: Suggestion, _ why: FixApplier.SkipReason? = nil) -> FixOut.Change {
            var reason: String?
            switch why {
            case .none: reason = nil
            case .overlapping: reason = "overlaps another suggestion"
            case .mismatch(let found): reason = "the text there is \"\(found)\""
            case .changesDigits: reason = "changes the number itself"
            case .outOfRange: reason = "location outside the text"
            }
            return FixOut.Change(line: s.location.line, column: s.location.column, start: s.location.start, end: s.location.end,
                                 original: s.original, replacement: s.replacement, reason: s.reason.text(options.lang), skipped: reason)
        }
        return JSONOutput.encode(FixOut(path: upload.name, changed: outcome.changed, text: outcome.text, diff: diff,
                                        applied: outcome.applied.map { change($0) },
                                        skipped: outcome.skipped.map { change($0.suggestion, $0.reason) })) + "\n"
    }
}
