import ArgumentParser
import Foundation
import Gouji

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List every figure found in a report, with value, unit, kind, subject and location.")

    @OptionGroup var input: InputOptions
    @Option(name: .long, help: "text or json") var format: OutputFormat = .text
    @Argument(help: "The report to read.") var file: String

    func run() throws {
        let (_, document, figures) = input.readAndExtract(file)
        switch format {
        case .json:
            print(JSONRenderer.extract([CheckResult(path: file, document: document, figures: figures)]))
        case .text:
            for f in figures {
                // A quantity shows its value and unit, a date its components; a marker, a phone
                // number or a document number is its text alone.
                let value = f.kind.isQuantity ? "\t= \(f.value.plain) \(f.unit)" : f.date.map { "\t= \($0.description)" } ?? ""
                var line = "\(f.location.line):\(f.location.column)\t\(f.kind.rawValue)\t\(f.text)" + value
                if let s = f.subject { line += "\t[\(s)\(f.scopes.isEmpty ? "" : " " + f.scopes.joined(separator: ","))]" }
                if f.inTable { line += "\t(table\(f.unitSource.map { ", unit from \($0)" } ?? ""))" }
                if f.kind.isQuantity || f.role != .stated { line += "\trole: \(f.role.rawValue)\(f.period.map { " (\($0))" } ?? "")" }
                print(line)
            }
        }
    }
}

