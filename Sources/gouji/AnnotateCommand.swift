import ArgumentParser
import Foundation
import Gouji

struct Annotate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a copy of a report as .docx with a Word comment on each flagged figure.",
        discussion: """
        A .docx input is copied with comments added (the input is never modified); a text input \
        becomes a new .docx with its paragraphs and tables. Each comment (author 勾稽 Gouji) holds \
        the finding's message, arithmetic and suggestions and is anchored on the figure's text. \
        Exit codes: 0 written, 2 usage error or an unreadable input.
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var options: CheckOptions
    @Option(name: [.short, .long], help: "The annotated .docx to write.") var output: String
    @Argument(help: "The report to annotate (.docx, .txt).") var file: String

    func run() throws {
        let lang = options.lang
        let lexicons: Lexicons
        do { lexicons = try input.loadLexicons() } catch { Exit.usage("\(error)") }
        let configuration: Configuration
        do { configuration = try options.configuration(for: file) } catch { Exit.usage("\(error)") }
        let limits = try input.limits()
        let inputURL = URL(fileURLWithPath: file).standardizedFileURL.resolvingSymlinksInPath()
        let outputURL = URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath()
        if inputURL.path == outputURL.path {
            Exit.usage(lang == .zh ? "输出文件不能是输入文件本身（输入文件不会被修改）" : "the output must not be the input (the input is never modified)")
        }
        let reader = DocumentReader(lexicons: lexicons, limits: limits)
        let pipeline = Pipeline(lexicons: lexicons, limits: limits, configuration: configuration)
        let data: Data
        do { data = try Self.load(file, limit: limits.maxInputBytes) } catch { Exit.fail(file, error) }

        let report: DocxAnnotator.Report
        do {
            if data.starts(with: [0x50, 0x4B]) {
                // The .docx reader checks the package (size limits, XML limits) and names each
                // paragraph and cell's Word part, through which the figures are found again.
                let document = try reader.read(data: data, path: file)
                let result = pipeline.check(document: document)
                report = try DocxAnnotator.annotate(docx: data, result: result, lang: lang, limits: limits)
            } else {
                let document = try reader.read(data: data, path: file)
                report = try DocxAnnotator.annotate(text: pipeline.check(document: document), lang: lang)
            }
        } catch { Exit.fail(file, error) }
        do { try AtomicFile.write(report.data, to: output) } catch { Exit.fail(output, "cannot write output (\(error.localizedDescription))") }
        // One line per comment on standard output: id, rule, Word part and the anchored text.
        for c in report.comments {
            let note = !c.matched ? (lang == .zh ? "（未定位到数字本身）" : " (figure not matched)") : ""
            print(lang == .zh ? "批注 \(c.id) [\(c.rule)] \(c.part) “\(c.anchored)”\(note)"
                              : "comment \(c.id) [\(c.rule)] \(c.part) \"\(c.anchored)\"\(note)")
        }
        var message = lang == .zh
            ? "已写入 \(output)：\(report.comments.count) 条批注"
            : "wrote \(output): \(report.comments.count) comment(s)"
        if !report.unmatched.isEmpty {
            message += lang == .zh
                ? "，其中 \(report.unmatched.count) 条未能定位到数字本身（批注在所在段落或单元格上）"
                : ", \(report.unmatched.count) not matched to the figure itself (anchored on its paragraph or cell)"
        }
        if !report.skipped.isEmpty {
            message += lang == .zh
                ? "；\(report.skipped.count) 条发现无法定位到段落或单元格，未加批注（" + report.skipped.map(\.rule).joined(separator: "、") + "）"
                : "; \(report.skipped.count) finding(s) could not be placed on a paragraph or cell and got no comment (" + report.skipped.map(\.rule).joined(separator: ", ") + ")"
        }
        FileHandle.standardError.write(Data((message + (lang == .zh ? "。\n" : ".\n")).utf8))
    }

    /// The input's bytes, after checking it is a regular file within the size limit.
    static func load(_ path: String, limit: Int) throws -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw ReadError.notFound }
        if isDirectory.boolValue { throw ReadError.isDirectory }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > limit {
            throw ReadError.tooLarge(limit: limit)
        }
        do { return try Data(contentsOf: URL(fileURLWithPath: path)) } catch { throw ReadError.unreadable("permission denied") }
    }
}
