import PackagePlugin
import Foundation

/// Embeds the top-level Lexicons/ folder into the Gouji library as Swift string literals,
/// so an installed `gouji` binary needs no data files beside it.
@main
struct EmbedLexicons: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let lexicons = context.package.directoryURL.appending(path: "Lexicons")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedLexicons.swift")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: lexicons, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where url.pathExtension == "yaml" { inputs.append(url) }
        }
        inputs.sort { $0.path < $1.path }
        // The folders too, so that adding a file re-runs the embedder.
        inputs.append(lexicons)
        inputs.append(lexicons.appending(path: "templates"))
        return [.buildCommand(
            displayName: "Embedding Lexicons",
            executable: try context.tool(named: "LexiconEmbedder").url,
            arguments: [lexicons.path, output.path],
            inputFiles: inputs,
            outputFiles: [output]
        )]
    }
}
