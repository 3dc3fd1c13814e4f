import BindgenCore
import Foundation
import Testing

/// Inline YAML → expected Swift, per construct.
@Suite struct ModelGenerationTests {
    static let models = """
    openapi: 3.1.0
    info: {title: Models, version: '1'}
    paths: {}
    components:
      schemas:
        Pet:
          type: object
          description: |
            A pet. Ends a comment? */ no. A backslash \\ and "quotes".
          required: [id, pet_type, default]
          properties:
            id: {type: integer, format: int64}
            pet_type: {$ref: '#/components/schemas/PetType'}
            default: {type: string, description: a keyword as a name}
            self: {type: boolean}
            nickname: {type: [string, 'null']}
            born: {type: string, format: date-time}
            tags:
              type: array
              items: {type: [string, 'null']}
            attributes:
              type: object
              additionalProperties: {type: integer}
            extra: {}
            status:
              type: string
              enum: [available, sold out]
        PetType:
          type: string
          enum: [dog, cat, '+1', '-1', '', dog-cat]
        Level:
          type: integer
          enum: [1, 2, -3]
        Legacy:
          type: object
          deprecated: true
          properties:
            note: {type: string}
        Tags:
          type: array
          items: {$ref: '#/components/schemas/PetType'}
    """

    @Test func models() throws {
        let files = try generate(Self.models)
        try assertGolden(files["Types.swift"] ?? "", named: "models.Types.swift.txt")
    }

    @Test func accessModifierAndUnknownCasesAreConfigurable() throws {
        var configuration = BindgenCore.Configuration()
        configuration.accessModifier = "package"
        configuration.unknownEnumCases = false
        let types = try generate(Self.models, configuration: configuration)["Types.swift"] ?? ""
        #expect(types.contains("package struct Pet: Codable, Sendable {"))
        #expect(types.contains("package init?(rawValue: Swift.String) {"))
        #expect(!types.contains("case unknown(Swift.String)"))
        #expect(!types.contains("public "))
    }
}
