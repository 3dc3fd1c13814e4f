import BindgenDiagnostics
import OpenAPIModel
import Testing
import YAMLSource

/// The model stage: YAML in, `OpenAPIDocument` out, with `$ref`s resolved and problems reported at their place.
@Suite struct DocumentParserTests {
    static func parse(_ yaml: String) -> (document: OpenAPIDocument?, diagnostics: [Diagnostic]) {
        let diagnostics = DiagnosticCollector()
        do {
            let tree = try YAMLReader.read(Array(yaml.utf8), file: "api.yaml")
            let document = try DocumentParser(sources: SourceSet(rootFile: "api.yaml", rootTree: tree), diagnostics: diagnostics).parse()
            return (document, diagnostics.diagnostics)
        } catch {
            return (nil, diagnostics.diagnostics)
        }
    }

    @Test func operationsAndComponentsKeepDocumentOrderAndAddresses() throws {
        let (document, _) = Self.parse("""
            openapi: 3.1.0
            info: {title: Shop, version: '2'}
            servers: [{url: 'https://{region}.shop.example/v1', variables: {region: {default: eu}}}]
            paths:
              /orders/{id}:
                parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                get: {operationId: getOrder, responses: {'200': {description: OK}}}
                delete: {operationId: cancelOrder, responses: {'204': {description: Gone}}}
            components:
              schemas:
                Order: {type: object}
                Line: {type: object}
            """)
        let parsed = try #require(document)
        #expect(parsed.info.title == "Shop")
        #expect(parsed.servers.first?.variables.first?.name == "region")
        #expect(parsed.operations.map { $0.operationID } == ["getOrder", "cancelOrder"])
        #expect(parsed.operations.map(\.method) == ["GET", "DELETE"])
        #expect(parsed.componentSchemas.map(\.name) == ["Order", "Line"])
        #expect(parsed.componentSchemas.first?.address.fragment == "#/components/schemas/Order")
    }

    @Test func aBrokenReferenceIsAnErrorAtItsLine() {
        let (_, diagnostics) = Self.parse("""
            openapi: 3.1.0
            info: {title: Shop, version: '2'}
            paths: {}
            components:
              schemas:
                Order:
                  type: object
                  properties:
                    line: {$ref: '#/components/schemas/Lien'}
            """)
        let error = diagnostics.first { $0.severity == .error }
        #expect(error?.location?.line == 9, "\(diagnostics)")
        #expect(error?.description.hasPrefix("api.yaml:9:") == true, "\(diagnostics)")
        #expect(error?.message.contains("Lien") == true, "\(diagnostics)")
    }
}
