import BindgenCore
import Foundation
import Testing

/// Broken documents give compiler-style diagnostics with the exact place.
@Suite struct DiagnosticTests {
    @Test func missingReferenceTargetNamesTheRefAndThePointer() throws {
        let texts = try diagnostics("""
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths: {}
        components:
          schemas:
            Pet:
              type: object
              properties:
                owner:
                  $ref: '#/components/schemas/Owner'
        """)
        #expect(texts == ["DIR/openapi.yaml:10:17: error: $ref '#/components/schemas/Owner' does not resolve: no 'Owner' in 'schemas'"])
    }

    @Test func badIndentationIsAYAMLErrorAtItsLine() throws {
        let texts = try diagnostics("openapi: 3.1.0\ninfo:\n  title: T\n version: '1'\npaths: {}\n")
        #expect(texts.count == 1)
        #expect(texts.first?.hasPrefix("DIR/openapi.yaml:4:") == true, "\(texts)")
        #expect(texts.first?.contains(": error: ") == true)
    }

    @Test func unknownTypeIsReportedAtTheTypeValue() throws {
        let texts = try diagnostics("""
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths: {}
        components:
          schemas:
            Name:
              type: strin
        """)
        #expect(texts == ["DIR/openapi.yaml:7:13: error: unknown schema type 'strin'; expected one of array, boolean, integer, null, number, object, string"])
    }

    @Test func swaggerTwoIsRefusedNamingTheVersion() throws {
        let texts = try diagnostics("swagger: '2.0'\ninfo: {title: T, version: '1'}\npaths: {}\n")
        #expect(texts == ["DIR/openapi.yaml:1:1: error: Swagger 2.0 documents are not supported (found 'swagger: 2.0'); convert the document to OpenAPI 3.0 or 3.1"])
    }

    @Test func documentWithoutOpenAPIFieldIsRefused() throws {
        let texts = try diagnostics("info: {title: T, version: '1'}\npaths: {}\n")
        #expect(texts == ["DIR/openapi.yaml:1:1: error: not an OpenAPI document: the 'openapi' field (e.g. 'openapi: 3.1.0') is missing"])
    }

    @Test func missingFileOfAnExternalReference() throws {
        let texts = try diagnostics("""
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths: {}
        components:
          schemas:
            Pet: {$ref: 'schemas/pet.yaml'}
        """)
        #expect(texts.count == 1)
        #expect(texts.first?.hasPrefix("DIR/openapi.yaml:6:17: error: $ref 'schemas/pet.yaml' names a file that cannot be read") == true, "\(texts)")
    }

    @Test func externalReferencesResolveRelativeToTheReferringFile() throws {
        let path = try writeDocument("""
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths: {}
        components:
          schemas:
            Pet: {$ref: 'schemas/pet.yaml#/Pet'}
        """, extraFiles: ["schemas/pet.yaml": "Pet:\n  type: object\n  properties:\n    owner: {$ref: 'owner.yaml'}\n", "schemas/owner.yaml": "type: object\nproperties:\n  name: {type: string}\n"])
        let result = try Pipeline.generate(documentPath: path)
        let types = result.files.first { $0.name == "Types.swift" }?.contents ?? ""
        #expect(types.contains("public typealias Pet = Pet2") || types.contains("public var owner: Owner?"), "\(types)")
        #expect(types.contains("public struct Owner: Codable, Sendable {"))
    }

    @Test func operationsGivenAsReferencesAreFollowedWithOneWarning() throws {
        let path = try writeDocument("""
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /pets:
            get: {$ref: 'resources/pets_list.yml'}
            post: {$ref: 'resources/pets_create.yml'}
        """, extraFiles: [
            "resources/pets_list.yml": """
            operationId: listPets
            parameters:
              - {name: limit, in: query, schema: {type: integer}}
            responses:
              '200':
                description: OK
                content:
                  application/json:
                    schema: {$ref: 'models/pet.yml#/PetList'}
            """,
            "resources/pets_create.yml": "operationId: createPet\nresponses:\n  '201': {description: Created}\n",
            "resources/models/pet.yml": "PetList:\n  type: array\n  items: {type: string}\n",
        ])
        let result = try Pipeline.generate(documentPath: path)
        let client = result.files.first { $0.name == "Client.swift" }?.contents ?? ""
        #expect(client.contains("public func listPets(limit: Swift.Int? = nil) async throws(BindgenRuntime.ClientError) -> PetList"), "\(client)")
        #expect(client.contains("public func createPet() async throws(BindgenRuntime.ClientError)"))
        let warnings = result.diagnostics.map { "\($0)" }.filter { $0.contains("warning:") }
        #expect(warnings.count == 1, "\(warnings) \(result.diagnostics)")
        #expect(warnings.first?.contains("openapi.yaml:5:17: warning: operation given as $ref ('resources/pets_list.yml') and 1 more like it") == true, "\(warnings.first ?? "")")
    }

    @Test func discriminatorMappingValuesCanBeRelativeFiles() throws {
        let path = try writeDocument("""
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths:
          /actions:
            post:
              operationId: act
              requestBody:
                content:
                  application/json:
                    schema: {$ref: 'resources/action.yml'}
              responses:
                '204': {description: Done}
        """, extraFiles: [
            "resources/action.yml": """
            anyOf:
              - $ref: 'models/attach.yml'
              - $ref: 'models/detach.yml'
            discriminator:
              propertyName: type
              mapping:
                attach: 'models/attach.yml'
                detach: models/detach.yml
            """,
            "resources/models/attach.yml": "type: object\nproperties:\n  type: {type: string}\n  volume: {type: string}\n",
            "resources/models/detach.yml": "type: object\nproperties:\n  type: {type: string}\n",
        ])
        let result = try Pipeline.generate(documentPath: path)
        let types = result.files.filter { $0.name.hasPrefix("Types") }.map(\.contents).joined()
        #expect(types.contains("case \"attach\":"), "\(types)")
        #expect(types.contains("case \"detach\":"))
        #expect(!result.diagnostics.contains { "\($0)".contains("error:") })
    }

    @Test func brokenTemplateNamesFileAndLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("// header\n{{#schemas}}\n{{name}\n".utf8).write(to: folder.appendingPathComponent("Types.swift.mustache"))
        var configuration = BindgenCore.Configuration()
        configuration.templatesDirectory = folder.path
        let path = try writeDocument("openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\n")
        #expect {
            _ = try Pipeline.generate(documentPath: path, configuration: configuration)
        } throws: { error in
            let text = "\(error)"
            return text.contains(folder.appendingPathComponent("Types.swift.mustache").path + ":3") && text.contains("error:")
        }
    }
}
