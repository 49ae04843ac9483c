import PackagePlugin
import Foundation

/// Generates the rule registry from the files under Sources/Gouji/Check/Rules/: adding a rule
/// file registers the rule; there is no list to keep by hand.
@main
struct RegisterRules: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let module = target as? SourceModuleTarget else { return [] }
        let rules = module.sourceFiles(withSuffix: "swift").map(\.url)
            .filter { $0.path.contains("/Check/Rules/") }
            .sorted { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "RuleRegistry+Generated.swift")
        return [.buildCommand(
            displayName: "Registering rules",
            executable: try context.tool(named: "RuleRegistryWriter").url,
            arguments: [output.path] + rules.map(\.path),
            inputFiles: rules,
            outputFiles: [output]
        )]
    }
}
