import BindgenCore
import Foundation
import Testing

/// `oneOf`/`anyOf` enums (discriminator with mapping, trial decoding), `allOf` merging and boxed recursion.
@Suite struct CompositionGenerationTests {
    static let document = """
    openapi: 3.1.0
    info: {title: Composition, version: '1'}
    paths: {}
    components:
      schemas:
        Cat:
          type: object
          required: [kind]
          properties:
            kind: {type: string}
            lives: {type: integer}
        Dog:
          type: object
          required: [kind]
          properties:
            kind: {type: string}
            bark: {type: boolean}
        Pet:
          oneOf:
            - $ref: '#/components/schemas/Cat'
            - $ref: '#/components/schemas/Dog'
          discriminator:
            propertyName: kind
            mapping:
              cat: '#/components/schemas/Cat'
              kitten: '#/components/schemas/Cat'
              dog: Dog
        IdOrName:
          anyOf:
            - {type: integer}
            - {type: string}
            - {type: 'null'}
        Named:
          allOf:
            - $ref: '#/components/schemas/Cat'
            - type: object
              required: [name]
              properties:
                name: {type: string}
          properties:
            nickname: {type: string}
        Tree:
          type: object
          properties:
            value: {type: string}
            parent: {$ref: '#/components/schemas/Tree'}
            children:
              type: array
              items: {$ref: '#/components/schemas/Tree'}
    """

    @Test func composition() throws {
        let files = try generate(Self.document)
        try assertGolden(files["Types.swift"] ?? "", named: "composition.Types.swift.txt")
    }
}
