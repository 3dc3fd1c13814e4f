import BindgenCore
import Foundation
import Testing

@Suite struct OperationGenerationTests {
    static let document = """
    openapi: 3.0.3
    info: {title: Ops, version: '2'}
    servers:
      - url: https://api.example.com/{version}
        variables:
          version: {default: v2}
    components:
      securitySchemes:
        token: {type: http, scheme: bearer}
      schemas:
        Item:
          type: object
          required: [name]
          properties:
            name: {type: string}
            size: {type: integer, nullable: true}
    paths:
      /items/{item-id}/files/{name}:
        parameters:
          - {name: item-id, in: path, required: true, schema: {type: string}}
        get:
          operationId: get-item-file
          parameters:
            - {name: name, in: path, required: true, schema: {type: string}}
            - {name: tag, in: query, schema: {type: array, items: {type: string}}, explode: false}
            - {name: X-Trace, in: header, schema: {type: string}}
          responses:
            '200':
              description: The file.
              content:
                application/octet-stream: {schema: {type: string, format: binary}}
            '404': {description: Not found.}
      /items:
        post:
          summary: Create an item
          requestBody:
            required: true
            content:
              application/json:
                schema: {$ref: '#/components/schemas/Item'}
          responses:
            '201':
              description: Created.
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Item'}
            default: {description: Error.}
        delete:
          operationId: clearItems
          responses:
            '204': {description: Cleared.}
      /upload:
        put:
          operationId: upload
          requestBody:
            content:
              multipart/form-data:
                schema:
                  type: object
                  required: [file]
                  properties:
                    file: {type: string, format: binary}
                    note: {type: string}
                    count: {type: integer}
          responses:
            '200':
              description: Text answer.
              content:
                text/plain: {schema: {type: string}}
    """

    @Test func endpointAndClient() throws {
        let files = try generate(Self.document)
        try assertGolden(files["Endpoint.swift"] ?? "", named: "operations.Endpoint.swift.txt")
        try assertGolden(files["Client.swift"] ?? "", named: "operations.Client.swift.txt")
    }

    @Test func derivedOperationNameWhenOperationIdIsMissing() throws {
        let client = try generate(Self.document)["Client.swift"] ?? ""
        #expect(client.contains("public func postItems(_ body: Item) async throws(BindgenRuntime.ClientError) -> Item {"))
        #expect(client.contains("public func getItemFile(itemId: Swift.String, name: Swift.String, tag: [Swift.String]? = nil, xTrace: Swift.String? = nil) async throws(BindgenRuntime.ClientError) -> Foundation.Data {"))
    }

    @Test func serverVariablesTakeTheirDefaults() throws {
        let client = try generate(Self.document)["Client.swift"] ?? ""
        #expect(client.contains("Foundation.URL(string: \"https://api.example.com/v2\")"))
    }

    @Test func acceptPrefersTheMediaTypeTheClientReads() throws {
        let endpoint = try generate("""
        openapi: 3.1.0
        info: {title: Negotiation, version: '1'}
        paths:
          /report:
            get:
              operationId: getReport
              responses:
                '200':
                  description: The report in several forms.
                  content:
                    text/csv: {schema: {type: string}}
                    application/json: {schema: {type: object, properties: {rows: {type: integer}}}}
                    application/xml: {schema: {type: string}}
                '400':
                  description: Bad request.
                  content:
                    application/problem+json: {schema: {type: object}}
          /export:
            get:
              operationId: export
              responses:
                '200':
                  description: Bytes in any of two forms; both are read as bytes, so neither is preferred.
                  content:
                    application/pdf: {schema: {type: string, format: binary}}
                    image/png: {schema: {type: string, format: binary}}
        """)["Endpoint.swift"] ?? ""
        #expect(endpoint.contains(#"request.accept = "text/csv;q=0.5, application/json, application/xml;q=0.5, application/problem+json""#))
        #expect(endpoint.contains(#"request.accept = "application/pdf, image/png""#))
    }

    /// The success-response shapes (optional body, an output enum per status, typed response headers) as a
    /// reviewable golden; their behaviour is tested against scripted answers in ResponseShapeTests.
    @Test func successResponseShapes() throws {
        let path = packageRoot.appendingPathComponent("Tests/Fixtures/Responses/openapi.yaml").path
        let files = try Pipeline.generate(documentPath: path).files
        try assertGolden(files.first { $0.name == "Client.swift" }?.contents ?? "", named: "responses.Client.swift.txt")
    }
}
