import BindgenCore
import BindgenDiagnostics
import Foundation
import Testing

/// The negative inputs of ../shared/specs are refused with one clear error, exactly this text.
@Suite struct NegativeCorpusTests {
    static let specs = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/specs")

    @Test(arguments: [
        ("apple-sog-malformed-openapi.yaml", "2:1: error: not an OpenAPI document: the 'openapi' field (e.g. 'openapi: 3.1.0') is missing"),
        ("oag-v2.0-petstore-with-fake-endpoints-models-for-testing.yaml", "1:1: error: Swagger 2.0 documents are not supported (found 'swagger: 2.0'); convert the document to OpenAPI 3.0 or 3.1"),
        ("oai-v2.0-uber.yaml", "3:1: error: Swagger 2.0 documents are not supported (found 'swagger: 2.0'); convert the document to OpenAPI 3.0 or 3.1"),
        ("oai-v2.0-petstore.json", "2:3: error: Swagger 2.0 documents are not supported (found 'swagger: 2.0'); convert the document to OpenAPI 3.0 or 3.1"),
        ("docusign-esignature-v2.swagger.json", "2:3: error: Swagger 2.0 documents are not supported (found 'swagger: 2.0'); convert the document to OpenAPI 3.0 or 3.1"),
        ("slack-web-api-v2.swagger.json", "27439:5: error: Swagger 2.0 documents are not supported (found 'swagger: 2.0'); convert the document to OpenAPI 3.0 or 3.1"),
    ])
    func refusedWithOneClearError(file: String, expected: String) throws {
        let path = Self.specs.appendingPathComponent(file).path
        try #require(FileManager.default.fileExists(atPath: path), "../shared/specs/\(file) is missing")
        var texts: [String] = []
        do {
            _ = try Pipeline.generate(documentPath: path)
        } catch {
            texts = error.diagnostics.filter { $0.severity == .error }.map(\.description)
        }
        #expect(texts == ["\(path):\(expected)"])
    }
}
