import BindgenCore
import Foundation
import Testing

/// Documents that break the specification in ways whose meaning is clear: the generator generates what the author
/// meant and says so once per kind, at the first place, with a count of the others (issue 12, family 9).
@Suite struct ToleratedConstructTests {
    static let document = """
    openapi: 3.1.0
    info: {title: T, version: '1'}
    paths:
      /things:
        get:
          operationId: listThings
          responses:
            '200':
              description: ok
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Thing'}
            4xx:
              description: client error
            5xx:
              description: server error
    components:
      schemas:
        Thing:
          title: List`1
          type: object
          required: [id, id]
          properties:
            id: {type: string}
            count: {type: integer, minimum: 0, exclusiveMinimum: true}
            event: {$ref: '#/components/schemas/Event'}
        Event:
          oneOf:
            - {$ref: '#/components/schemas/Created'}
            - {$ref: '#/components/schemas/Code'}
          discriminator: {propertyName: kind}
        Created:
          type: object
          properties:
            kind: {type: string, enum: [created]}
        Code: {type: string}
    """

    @Test func eachKindIsOneWarningAtItsFirstPlace() throws {
        let texts = try diagnostics(Self.document)
        #expect(texts.contains("DIR/openapi.yaml:13:9: warning: status range '4xx' at #/paths/~1things/get/responses/4xx is written in lowercase; OpenAPI spells ranges '4XX' (uppercase), and it is read as '4XX' (1 more place like it)"), "\(texts)")
        #expect(texts.contains("DIR/openapi.yaml:22:22: warning: 'id' is listed twice in 'required' of #/components/schemas/Thing; JSON Schema requires unique entries, and it is read once"), "\(texts)")
        #expect(texts.contains { $0.hasPrefix("DIR/openapi.yaml:25:62: warning: 'exclusiveMinimum: true' at #/components/schemas/Thing/properties/count is OpenAPI 3.0's boolean form") }, "\(texts)")
        #expect(texts.contains { $0.hasPrefix("DIR/openapi.yaml:30:18: warning: discriminator 'kind': the alternative #/components/schemas/Code is not an object (string)") }, "\(texts)")
        #expect(texts.allSatisfy { $0.contains(": warning: ") }, "\(texts)")
    }

    @Test func theDocumentMeantIsGenerated() throws {
        let files = try generate(Self.document)
        let types = files["Types.swift"] ?? ""
        let client = files["Client.swift"] ?? ""
        // The lowercase range is a range: a 404 is an error the client reports, not a success.
        #expect(!client.contains("4xx"), "4xx must be read as the range 4XX")
        // A machine type name is no documentation.
        #expect(!types.contains("List`1"))
        // The pinned value of the object variant still selects it.
        #expect(types.contains(#"case "created":"#), "\(types)")
    }

    /// What a generated struct cannot hold is a warning naming the feature and the JSON pointer (family 10).
    @Test func whatIsNotRepresentedIsSaid() throws {
        let texts = try diagnostics("""
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths: {}
        components:
          schemas:
            Shape:
              type: object
              properties:
                name: {type: string}
              oneOf:
                - {$ref: '#/components/schemas/Circle'}
                - {$ref: '#/components/schemas/Square'}
            Circle: {type: object, properties: {radius: {type: number}}}
            Square: {type: object, properties: {side: {type: number}}}
            Animal:
              type: object
              required: [kind]
              properties:
                kind: {type: string}
              discriminator: {propertyName: kind}
            Dog:
              allOf:
                - $ref: '#/components/schemas/Animal'
                - {type: object, properties: {bark: {type: boolean}}}
        """)
        #expect(texts.contains { $0.hasPrefix("DIR/openapi.yaml:7:7: warning: not represented: #/components/schemas/Shape combines 'oneOf' with members of an object") }, "\(texts)")
        #expect(texts.contains { $0.hasPrefix("DIR/openapi.yaml:16:7: warning: not represented: #/components/schemas/Animal has a discriminator ('kind') but no 'oneOf'/'anyOf'") }, "\(texts)")
        #expect(texts.count == 2, "\(texts)")
    }
}
