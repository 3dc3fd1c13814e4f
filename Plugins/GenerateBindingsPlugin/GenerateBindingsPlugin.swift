import Foundation
import PackagePlugin

/// Command plugin: writes what the build plugin generates into `Generated/<Target>/`, for review in diffs.
///
///     swift package --allow-writing-to-package-directory generate-bindings [--target Certyneo]
///
/// Without `--target` it runs for every target that applies `OpenAPIBindgenPlugin`.
@main
struct GenerateBindingsPlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let names = extractor.extractOption(named: "target")
        let tool = try context.tool(named: "openapi-bindgen")
        let candidates = context.package.targets.compactMap { $0 as? SourceModuleTarget }
        // Without --target: every target holding a document, except fixtures kept under Tests/.
        let testsFolder = context.package.directoryURL.appending(path: "Tests").standardizedFileURL.path + "/"
        let selected = candidates.filter { target in
            guard names.isEmpty else { return names.contains(target.name) }
            let holdsDocument = target.sourceFiles.contains { ["openapi.yaml", "openapi.yml", "openapi.json"].contains($0.url.lastPathComponent) }
            return holdsDocument && !URL(fileURLWithPath: target.directory.string).standardizedFileURL.path.hasPrefix(testsFolder)
        }
        guard !selected.isEmpty else {
            throw CommandError("no target holds an OpenAPI document" + (names.isEmpty ? "" : " among \(names.joined(separator: ", "))"))
        }
        for target in selected {
            let files = target.sourceFiles.map(\.url)
            guard let document = files.first(where: { ["openapi.yaml", "openapi.yml", "openapi.json"].contains($0.lastPathComponent) }) else {
                throw CommandError("target '\(target.name)' holds no openapi.yaml")
            }
            let config = files.first { ["openapi-bindgen.yaml", "openapi-bindgen.yml"].contains($0.lastPathComponent) }
            let output = context.package.directoryURL.appending(path: "Generated").appending(path: target.name)
            var args = ["generate", document.path, "--output-directory", output.path]
            if let config { args += ["--config", config.path] }
            let process = Process()
            process.executableURL = tool.url
            process.arguments = args
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw CommandError("openapi-bindgen failed for target '\(target.name)' (exit \(process.terminationStatus))")
            }
            print("Wrote \(output.path)")
        }
    }
}

struct CommandError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
