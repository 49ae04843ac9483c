import ArgumentParser
import Foundation
import Gouji

struct Fix: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply the safe format fixes (full-width digits, malformed numbers, 万 → 万元) to a text report.",
        discussion: """
        Only suggestions marked safe are applied; arithmetic is never changed. Prints a unified diff \
        of the changes; with -o also writes the fixed text (atomically, in the input's encoding and \
        line endings). Overlapping suggestions are all left out and listed. Exit codes: 0 done \
        (with or without changes), 2 usage error or an unreadable or non-text input.
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var options: CheckOptions
    @Option(name: [.short, .long], help: "Write the fixed text to this file (may be FILE itself).") var output: String?
    @Argument(help: "The text report to fix (.txt).") var file: String

    func run() throws {
        let lang = options.lang
        let lexicons: Lexicons
        do { lexicons = try input.loadLexicons() } catch { Exit.usage("\(error)") }
        let configuration: Configuration
        do { configuration = try options.configuration(for: file) } catch { Exit.usage("\(error)") }
        let reader = DocumentReader(lexicons: lexicons, limits: try input.limits())
        let data: Data
        let document: Document
        do { data = try Annotate.load(file, limit: try input.limits().maxInputBytes) } catch { Exit.fail(file, error) }
        let notText = lang == .zh ? "gouji fix 只修改文本文件；Word 文档请用 gouji annotate 加批注"
                                  : "gouji fix only edits text files; use gouji annotate for Word documents"
        if data.starts(with: [0x50, 0x4B]) { Exit.fail(file, notText) }
        do { document = try reader.read(data: data, path: file) } catch { Exit.fail(file, error) }
        guard document.format == .text else {
            Exit.fail(file, notText)
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
        if let output {
            do {
                // Unchanged: copy the input byte for byte; changed: same encoding, BOM and newlines.
                let format = FixApplier.TextFormat(data: data, encoding: document.encoding)
                try AtomicFile.write(outcome.changed ? try format.encode(outcome.text) : data, to: output)
            } catch { Exit.fail(output, "cannot write output (\(error.localizedDescription))") }
        }
        FileHandle.standardError.write(Data((notes.joined(separator: "\n") + "\n").utf8))
    }
}
