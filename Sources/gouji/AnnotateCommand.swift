import ArgumentParser
import Foundation
import Gouji

struct Annotate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a copy of a report as .docx with a Word comment on each flagged figure.",
        discussion: """
        A .docx input is copied with comments added (the input is never modified); a .doc is \
        converted to .docx by LibreOffice first; a text or web-page input becomes a new .docx with \
        its paragraphs and tables. PDF and Excel inputs are refused (Word comments need a .docx). \
        Every finding gets one comment (author 勾稽) saying the rule, the message, the arithmetic \
        and the fix, anchored on the figure's text; when that text cannot be found, on its \
        paragraph or cell, and the comment says so. Comments an earlier run of gouji wrote are \
        replaced; other people's are kept. Exit codes: 0 written, 2 usage error, an unreadable \
        input or one that cannot be annotated.
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var options: CheckOptions
    @Option(name: [.short, .long], help: "The annotated .docx to write.") var output: String
    @Argument(help: "The report to annotate (.docx, .doc, .txt, .html).") var file: String

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
        do { data = try Self.load(file, limit: limits.maxInputBytes) } catch { Exit.fail(file, error, lang: lang) }

        let report: DocxAnnotator.Report
        do {
            report = try DocxAnnotator.annotate(input: data, path: file, reader: reader, pipeline: pipeline, lang: lang, limits: limits)
        } catch let refusal as DocxAnnotator.Refusal {
            Exit.fail(file, refusal.text(lang))
        } catch { Exit.fail(file, error, lang: lang) }
        do { try AtomicFile.write(report.data, to: output) } catch { Exit.fail(output, "cannot write output (\(error.localizedDescription))") }
        // One line per comment on standard output: id, rule, Word part and the anchored text.
        for c in report.comments {
            let sought = c.sought.isEmpty ? "" : (lang == .zh ? "“\(c.sought)”" : "\"\(c.sought)\"")
            let note = c.exact ? "" : (lang == .zh ? "（挂在段落上：未找到\(sought.isEmpty ? "所指位置" : sought)）"
                                                   : " (on the paragraph: \(sought.isEmpty ? "no place given" : sought + " not found"))")
            print(lang == .zh ? "批注 \(c.id) [\(c.rule)] \(c.part) “\(c.anchored)”\(note)"
                              : "comment \(c.id) [\(c.rule)] \(c.part) \"\(c.anchored)\"\(note)")
        }
        var message = lang == .zh
            ? "已写入 \(output)：\(report.comments.count)条意见，其中\(report.onParagraph)条挂在段落上"
            : "wrote \(output): \(report.comments.count) comment(s), \(report.onParagraph) of them on a paragraph"
        if report.replaced > 0 {
            message += lang == .zh ? "；替换了此前勾稽写的\(report.replaced)条意见" : "; replaced \(report.replaced) earlier comment(s) by Gouji"
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
