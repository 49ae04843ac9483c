import ArgumentParser
import Foundation
import Gouji

struct Fix: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply the safe format fixes (full-width digits, malformed numbers, 万 → 万元) to a text report, or write them into a .docx as tracked changes.",
        discussion: """
        Only suggestions marked safe are applied; arithmetic is never changed. Prints a unified diff \
        of the changes; with -o also writes the fixed text (atomically, in the input's encoding and \
        line endings). For a .docx, -o writes a copy in which each fix is a Word revision (w:del and \
        w:ins by 勾稽) to accept or reject in Word; the diff shows the text with every revision \
        accepted. Overlapping suggestions are all left out and listed. Exit codes: 0 done \
        (with or without changes), 2 usage error or an unreadable input.
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var options: CheckOptions
    @Option(name: [.short, .long], help: "Write the fixed text to this file (may be FILE itself).") var output: String?
    @Argument(help: "The report to fix (.txt, or .docx with -o).") var file: String

    func run() throws {
        let lang = options.lang
        let lexicons: Lexicons
        do { lexicons = try input.loadLexicons() } catch { Exit.usage("\(error)") }
        let configuration: Configuration
        do { configuration = try options.configuration(for: file) } catch { Exit.usage("\(error)") }
        let reader = DocumentReader(lexicons: lexicons, limits: try input.limits())
        let data: Data
        let document: Document
        do { data = try Annotate.load(file, limit: try input.limits().maxInputBytes) } catch { Exit.fail(file, error, lang: lang) }
        let unsupported = lang == .zh ? "gouji fix 只修改文本文件和 .docx（以修订形式写入）；其他格式请用 gouji annotate 加批注"
                                      : "gouji fix edits text files and .docx (as tracked changes) only; use gouji annotate for other formats"
        do { document = try reader.read(data: data, path: file) } catch { Exit.fail(file, error, lang: lang) }
        guard document.format == .text || document.format == .docx else { Exit.fail(file, unsupported) }
        if document.format == .docx && output == nil {
            Exit.usage(lang == .zh ? "修改 .docx 需用 -o 指定输出文件（修订写入副本）" : "fixing a .docx needs -o for the revised copy")
        }
        let result = Pipeline(lexicons: lexicons, limits: try input.limits(), configuration: configuration).check(document: document)
        let outcome = FixApplier.apply(FixApplier.safeSuggestions(result.findings), to: document.text)
        let diff = FixApplier.unifiedDiff(outcome, oldName: "a/" + file, newName: "b/" + (output ?? file))
        print(diff, terminator: "")
        var notes: [String] = []
        for (s, reason) in outcome.skipped {
            let at = "\(file):\(s.location.line):\(s.location.column)"
            switch reason {
            case .overlapping:
                notes.append(lang == .zh ? "\(at): 未修改“\(s.original)” → “\(s.replacement)”：与另一条建议重叠，重叠的建议都不应用"
                                         : "\(at): not applied \"\(s.original)\" → \"\(s.replacement)\": overlaps another suggestion; none of the overlapping ones is applied")
            case .mismatch(let found):
                notes.append(lang == .zh ? "\(at): 未修改：此处文字为“\(found)”，不是“\(s.original)”"
                                         : "\(at): not applied: the text there is \"\(found)\", not \"\(s.original)\"")
            case .changesDigits:
                notes.append(lang == .zh ? "\(at): 未修改“\(s.original)” → “\(s.replacement)”：改动了数字本身，需人工核实"
                                         : "\(at): not applied \"\(s.original)\" → \"\(s.replacement)\": it changes the number itself and needs a human decision")
            case .outOfRange:
                notes.append(lang == .zh ? "\(at): 未修改：位置超出文件范围" : "\(at): not applied: location outside the file")
            }
        }
        let count = outcome.applied.count
        notes.append(lang == .zh
            ? "共 \(count) 处安全修改" + (output == nil ? (count > 0 ? "（未写入文件；用 -o 写入）" : "") : "，已写入 \(output!)") + "。"
            : "\(count) safe fix(es)" + (output == nil ? (count > 0 ? " (not written; use -o to write them)" : "") : ", written to \(output!)") + ".")
        if let output, document.format == .docx {
            do {
                let report = try DocxRevisions.revise(docx: data, result: result, suggestions: outcome.applied,
                                                      limits: try input.limits())
                try AtomicFile.write(report.data, to: output)
                for (s, reason) in report.unplaced {
                    notes.append("\(file):\(s.location.line):\(s.location.column): " + (lang == .zh ? "未写入修订：" : "no revision written: ") + reason)
                }
                notes.append(lang == .zh ? "\(report.revised.count) 处以修订形式写入（作者“勾稽”，可在 Word 中逐条接受或拒绝）"
                                         : "\(report.revised.count) written as tracked changes (author 勾稽, to accept or reject in Word)")
            } catch { Exit.fail(output, "cannot write output (\(error))") }
        } else if let output {
            do {
                // Unchanged: copy the input byte for byte; changed: same encoding, BOM and newlines.
                let format = FixApplier.TextFormat(data: data, encoding: document.encoding)
                try AtomicFile.write(outcome.changed ? try format.encode(outcome.text) : data, to: output)
            } catch { Exit.fail(output, "cannot write output (\(error.localizedDescription))") }
        }
        FileHandle.standardError.write(Data((notes.joined(separator: "\n") + "\n").utf8))
    }
}
