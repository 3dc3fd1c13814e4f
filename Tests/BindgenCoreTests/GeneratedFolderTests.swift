import BindgenCore
import BindgenDiagnostics
import Foundation
import OpenAPIModel
import Testing

/// `Generated/` must be exactly what the generator writes for `openapi.yaml` now.
@Suite struct GeneratedFolderTests {
    /// What the build plugin writes for the `Certyneo` target: its `openapi.yaml` (the root document) with the
    /// `openapi-bindgen.yaml` beside it.
    static func generateCertyneo() throws -> Pipeline.Result {
        let folder = packageRoot.appendingPathComponent("Sources/Certyneo")
        let diagnostics = DiagnosticCollector()
        let configuration = Configuration.load(path: folder.appendingPathComponent("openapi-bindgen.yaml").path, diagnostics: diagnostics)
        #expect(diagnostics.diagnostics.isEmpty, "\(diagnostics.diagnostics)")
        return try Pipeline.generate(documentPath: folder.appendingPathComponent("openapi.yaml").path, configuration: configuration)
    }

    @Test func committedCopyMatchesGenerator() throws {
        let result = try Self.generateCertyneo()
        let folder = packageRoot.appendingPathComponent("Generated/Certyneo")
        let committed = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }.sorted()
        #expect(committed == result.files.map(\.name).sorted(), "Generated/Certyneo holds other files than the generator writes")
        for file in result.files {
            let onDisk = try String(contentsOf: folder.appendingPathComponent(file.name), encoding: .utf8)
            #expect(onDisk == file.contents, "Generated/Certyneo/\(file.name) is stale: run `swift package --allow-writing-to-package-directory generate-bindings`")
        }
    }

    @Test func generationIsDeterministic() throws {
        let first = try Self.generateCertyneo().files
        let second = try Self.generateCertyneo().files
        #expect(first == second)
    }

    @Test func pluginDeclaresTheBuiltInOutputs() throws {
        // The build plugin must declare outputs before the generator runs; its list has to match the templates.
        let plugin = try String(contentsOf: packageRoot.appendingPathComponent("Plugins/OpenAPIBindgenPlugin/OpenAPIBindgenPlugin.swift"), encoding: .utf8)
        let names = try Self.generateCertyneo().files.map(\.name)
        let declared = "static let builtInOutputs = [" + names.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        #expect(plugin.contains(declared), "the plugin's builtInOutputs must be \(names)")
    }
}
