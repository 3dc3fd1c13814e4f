import Foundation
import PackagePlugin

/// Build-tool plugin: generates Swift from the target's `openapi.yaml` (or `.yml`/`.json`) during `swift build`.
///
/// Inputs: the document, every other YAML/JSON file of the target (for multi-file documents),
/// `openapi-bindgen.yaml` if present, every template of the configured templates folder, and the generator's
/// built-in templates (so an update of this package that changes only a template regenerates too).
/// Outputs: a fixed, sorted set of files that follows from the template file names alone (see ``BindgenPlan``),
/// so SwiftPM knows them before the generator runs and re-runs it only when an input changed.
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
        arguments += ["--declared-outputs", plan.outputNames.joined(separator: ",")]
        return [
            .buildCommand(
                displayName: "Generating Swift for \(target.name) from \(plan.document.lastPathComponent)",
                executable: tool.url,
                arguments: arguments,
                inputFiles: plan.inputs + BindgenPlan.builtInTemplates(),
                outputFiles: plan.outputNames.map { outputDirectory.appending(path: $0) })
        ]
    }
}

/// What one generation run reads and writes; shared in spirit with the command plugin.
///
/// The outputs follow the generator's naming rule for templates (`OutputTemplate` in BindgenRender):
/// `X.swift.mustache` writes `X.swift`; `SCOPE.X.swift.mustache` with SCOPE one of document, schema, operation,
/// tag, webhook writes `X.swift`; other templates are partials. The generator checks that its files are exactly
/// the declared ones (`--declared-outputs`).
struct BindgenPlan {
    /// The files every run writes, whatever the document holds (see the generator's `BuiltInTemplates`).
    static let builtInOutputs = ["Client.swift", "Endpoint.swift", "Types.swift", "Types2.swift", "Types3.swift", "Types4.swift", "Types5.swift", "Types6.swift", "Types7.swift", "Types8.swift", "Types9.swift", "Types10.swift", "Types11.swift", "Types12.swift", "Types13.swift", "Types14.swift", "Types15.swift", "Types16.swift", "Webhooks.swift"]
    static let scopes: Set<String> = ["document", "schema", "operation", "tag", "webhook"]

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
        let config = files.first { ["openapi-bindgen.yaml", "openapi-bindgen.yml"].contains($0.lastPathComponent) }
        self.config = config
        var inputs = files.filter { ["yaml", "yml", "json"].contains($0.pathExtension) }
        var outputs = Set(Self.builtInOutputs)
        if let config, let folder = Self.templatesFolder(config: config) {
            let templates = Self.templateFiles(in: folder)
            inputs += templates
            outputs.formUnion(templates.compactMap { Self.outputName(templateFile: $0.lastPathComponent) })
        }
        self.inputs = inputs.sorted { $0.path < $1.path }
        outputNames = outputs.sorted()
    }

    /// The generator's built-in templates, in this package's sources (`Sources/BindgenRender/Templates`, found from
    /// this plugin's own source file, which is in the same package checkout). The build copies them into the
    /// generator's resource bundle, which only exists after a first build; the sources exist before any.
    static func builtInTemplates() -> [URL] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appending(path: "Sources/BindgenRender/Templates")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.filter { $0.hasSuffix(".mustache") }.sorted().map { folder.appending(path: $0) }
    }

    /// The `templates:` folder of the configuration file, resolved from the file's folder. Only a plain top-level
    /// `templates: FOLDER` line is read (quotes and a trailing comment allowed); the generator parses the rest.
    static func templatesFolder(config: URL) -> URL? {
        guard let text = try? String(contentsOf: config, encoding: .utf8) else { return nil }
        for line in text.split(whereSeparator: \.isNewline) where line.hasPrefix("templates:") {
            var value = line.dropFirst("templates:".count).trimmingCharacters(in: .whitespaces)
            if let hash = value.range(of: " #") { value = String(value[..<hash.lowerBound]).trimmingCharacters(in: .whitespaces) }
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            guard !value.isEmpty else { return nil }
            return value.hasPrefix("/") ? URL(fileURLWithPath: value) : config.deletingLastPathComponent().appending(path: value)
        }
        return nil
    }

    /// The `*.mustache` files directly in a folder, sorted.
    static func templateFiles(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".mustache") && !$0.hasPrefix(".") }.sorted().map { folder.appending(path: $0) }
    }

    /// The file a template writes, or `nil` for a partial.
    static func outputName(templateFile: String) -> String? {
        let name = String(templateFile.dropLast(".mustache".count))
        guard name.hasSuffix(".swift"), name.count > ".swift".count else { return nil }
        if let dot = name.firstIndex(of: "."), scopes.contains(String(name[..<dot])) {
            let rest = String(name[name.index(after: dot)...])
            if rest.hasSuffix(".swift"), rest.count > ".swift".count { return rest }
        }
        return name
    }
}

struct PluginError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
