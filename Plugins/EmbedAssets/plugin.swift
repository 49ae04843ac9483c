import PackagePlugin
import Foundation

/// Embeds the files of a target's Assets/ folder (the workbench page, its script, style and the
/// OpenAPI document) as Swift string literals, so `gouji serve` needs no files beside the binary.
@main
struct EmbedAssets: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let module = target as? SourceModuleTarget else { return [] }
        let assets = module.directoryURL.appending(path: "Assets")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedAssets.swift")
        var files: [URL] = []
        if let names = try? FileManager.default.contentsOfDirectory(atPath: assets.path) {
            for name in names.sorted() where !name.hasPrefix(".") { files.append(assets.appending(path: name)) }
        }
        return [.buildCommand(
            displayName: "Embedding \(module.name) assets",
            executable: try context.tool(named: "Embedder").url,
            arguments: ["EmbeddedAssets", assets.path, output.path] + files.map(\.path),
            // The folder too, so that adding a file re-runs the embedder.
            inputFiles: files + [assets],
            outputFiles: [output]
        )]
    }
}
