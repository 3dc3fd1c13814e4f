import BindgenCore
import Foundation
import Testing

/// `Generated/` must be exactly what the generator writes for `openapi.yaml` now.
@Suite struct GeneratedFolderTests {
    @Test func committedCopyMatchesGenerator() throws {
        let spec = packageRoot.appendingPathComponent("openapi.yaml").path
        let result = try Pipeline.generate(documentPath: spec)
        let folder = packageRoot.appendingPathComponent("Generated/Certyneo")
        let committed = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }.sorted()
        #expect(committed == result.files.map(\.name).sorted(), "Generated/Certyneo holds other files than the generator writes")
        for file in result.files {
            let onDisk = try String(contentsOf: folder.appendingPathComponent(file.name), encoding: .utf8)
            #expect(onDisk == file.contents, "Generated/Certyneo/\(file.name) is stale: run `swift package --allow-writing-to-package-directory generate-bindings`")
        }
    }

    @Test func generationIsDeterministic() throws {
        let spec = packageRoot.appendingPathComponent("openapi.yaml").path
        let first = try Pipeline.generate(documentPath: spec).files
        let second = try Pipeline.generate(documentPath: spec).files
        #expect(first == second)
    }

    @Test func pluginDeclaresTheBuiltInOutputs() throws {
        // The build plugin must declare outputs before the generator runs; its list has to match the templates.
        let plugin = try String(contentsOf: packageRoot.appendingPathComponent("Plugins/OpenAPIBindgenPlugin/OpenAPIBindgenPlugin.swift"), encoding: .utf8)
        let spec = packageRoot.appendingPathComponent("openapi.yaml").path
        let names = try Pipeline.generate(documentPath: spec).files.map(\.name)
        let declared = "static let builtInOutputs = [" + names.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        #expect(plugin.contains(declared), "the plugin's builtInOutputs must be \(names)")
    }
}
