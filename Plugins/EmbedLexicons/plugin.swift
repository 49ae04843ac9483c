import PackagePlugin
import Foundation

/// Embeds the top-level Lexicons/ folder into the Gouji library as Swift string literals,
/// so an installed `gouji` binary needs no data files beside it.
@main
struct EmbedLexicons: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let lexicons = context.package.directoryURL.appending(path: "Lexicons")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedLexicons.swift")
        var files: [URL] = []
        if let walker = FileManager.default.enumerator(at: lexicons, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where url.pathExtension == "yaml" { files.append(url) }
        }
        files.sort { $0.path < $1.path }
        return [.buildCommand(
            displayName: "Embedding Lexicons",
            executable: try context.tool(named: "Embedder").url,
            arguments: ["EmbeddedLexicons", lexicons.path, output.path] + files.map(\.path),
            // The folders too, so that adding a file re-runs the embedder.
            inputFiles: files + [lexicons, lexicons.appending(path: "templates")],
            outputFiles: [output]
        )]
    }
}
