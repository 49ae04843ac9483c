import ArgumentParser
import Foundation
import Gouji

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List every rule with its id, name, severity, description and a triggering example.")

    @Option(name: .long, help: "Message language: zh or en.") var lang: Language = .preferred
    @Option(name: .long, help: "text or markdown") var format: String = "text"
    @Option(name: .long, help: "A .gouji.yaml whose severities to show.") var config: String?
    @OptionGroup var input: InputOptions

    func run() throws {
        let lexicons: Lexicons
        do { lexicons = try input.loadLexicons() } catch { Exit.usage("\(error)") }
        var configuration = Configuration()
        if let config {
            do { configuration = try Configuration.load(path: config) } catch { Exit.usage("\(error)") }
        }
        switch format {
        case "markdown": print(RulesRenderer.markdown(lang: lang), terminator: "")
        case "text": print(RulesRenderer.text(lexicons, configuration: configuration, lang: lang), terminator: "")
        default: Exit.usage("--format must be text or markdown")
        }
    }
}
