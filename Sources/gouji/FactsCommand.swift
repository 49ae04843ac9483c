import ArgumentParser
import Foundation
import Gouji

struct Facts: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show the template family, its confidence and the facts bound from the tables, with their locations.")

    @OptionGroup var input: InputOptions
    @Option(name: .long, help: "text or json") var format: OutputFormat = .text
    @Argument(help: "The report to read.") var file: String

    func run() throws {
        let (pipeline, document, figures) = input.readAndExtract(file)
        let facts = FactBinder(lexicons: pipeline.lexicons).bind(document: document, figures: figures)
        switch format {
        case .text: print(FactsRenderer.text(facts, path: file), terminator: "")
        case .json:
            struct Out: Encodable { var tool = JSONOutput.Tool(); var documents: [Doc] }
            struct Doc: Encodable { var path: String; var facts: ReportFacts }
            print(JSONOutput.encode(Out(documents: [Doc(path: file, facts: facts)])))
        }
    }
}
