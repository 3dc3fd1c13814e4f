import Foundation
import PackagePlugin

/// Build-tool plugin: generates Swift from the target's `openapi.yaml` (or `.yml`/`.json`) during `swift build`.
///
/// Inputs: the document, every other YAML/JSON file of the target (for multi-file documents),
/// `openapi-bindgen.yaml` if present, and every template of the configured templates folder.
/// Outputs: a fixed, sorted set of files that follows from the template names alone, so SwiftPM knows
/// them before the generator runs and re-runs it only when an input changed.
@main
struct OpenAPIBindgenPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let files = target.sourceFiles.map(\.url)
        let plan = try BindgenPlan(targetName: target.name, files: files)
        let outputDirectory = context.pluginWorkDirectoryURL.appending(path: "GeneratedSources")
        let tool = try context.tool(named: "openapi-bindgen")
        var arguments = ["generate", plan.document.path, "--output-directory", outputDirectory.path, "--quiet"]
        if let config = plan.config { arguments += ["--config", config.path] }
        return [
            .buildCommand(
                displayName: "Generating Swift for \(target.name) from \(plan.document.lastPathComponent)",
                executable: tool.url,
                arguments: arguments,
                inputFiles: plan.inputs,
                outputFiles: plan.outputNames.map { outputDirectory.appending(path: $0) })
        ]
    }
}

/// What one generation run reads and writes; shared in spirit with the command plugin.
struct BindgenPlan {
    /// The files every run writes, whatever the document holds (see the generator's `BuiltInTemplates`).
    static let builtInOutputs = ["Client.swift", "Endpoint.swift", "Types.swift", "Webhooks.swift"]

    let document: URL
    let config: URL?
    let inputs: [URL]
    let outputNames: [String]

    init(targetName: String, files: [URL]) throws {
        let documents = files.filter { ["openapi.yaml", "openapi.yml", "openapi.json"].contains($0.lastPathComponent) }
        guard let document = documents.first else {
            throw PluginError("target '\(targetName)' applies OpenAPIBindgenPlugin but holds no openapi.yaml, openapi.yml or openapi.json")
        }
        guard documents.count == 1 else {
            throw PluginError("target '\(targetName)' holds several OpenAPI documents (\(documents.map(\.lastPathComponent).joined(separator: ", "))); keep one")
        }
        self.document = document
        config = files.first { ["openapi-bindgen.yaml", "openapi-bindgen.yml"].contains($0.lastPathComponent) }
        let dataFiles = files.filter { ["yaml", "yml", "json"].contains($0.pathExtension) }
        inputs = dataFiles.sorted { $0.path < $1.path }
        outputNames = Self.builtInOutputs
    }
}

struct PluginError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
