import BindgenCore
import BindgenDiagnostics
import Foundation
import OpenAPIModel

/// A small document with tags, an `id`-carrying model, an enum, a nested enum and a webhook: enough for every scope.
/// Two object schemas, a string enum and a `oneOf` of the two objects: what model conformances apply to.
let shapesDocument = """
openapi: 3.1.0
info: {title: Shapes, version: '1'}
paths: {}
components:
  schemas:
    Circle: {type: object, properties: {radius: {type: number}, unit: {type: string, enum: [cm, in]}}}
    Square: {type: object, properties: {side: {type: number}}}
    Shape: {oneOf: [{$ref: '#/components/schemas/Circle'}, {$ref: '#/components/schemas/Square'}]}
"""

let petstoreDocument = """
openapi: 3.1.0
info: {title: Pets, version: '1'}
paths:
  /pets:
    get:
      operationId: listPets
      tags: [pets]
      responses:
        '200':
          description: The pets.
          content:
            application/json:
              schema: {type: array, items: {$ref: '#/components/schemas/Pet'}}
    post:
      operationId: createPet
      tags: [pets, admin]
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Pet'}
      responses:
        '201': {description: Created.}
  /stores/{id}:
    get:
      operationId: getStore
      tags: [stores]
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        '200':
          description: A store.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Store'}
  /health:
    get:
      operationId: health
      responses:
        '204': {description: Fine.}
webhooks:
  pet.adopted:
    post:
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Pet'}
      responses:
        '200': {description: Received.}
components:
  schemas:
    Pet:
      type: object
      description: A pet.
      required: [id, name]
      properties:
        id: {type: integer, format: int64}
        name: {type: string}
        pet_type: {$ref: '#/components/schemas/PetType'}
        status:
          type: string
          enum: [available, sold]
    PetType:
      type: string
      enum: [dog, cat]
    Store:
      type: object
      required: [id]
      properties:
        id: {type: string}
        manager: {$ref: '#/components/schemas/Person'}
    Person:
      type: object
      properties:
        name: {type: string}
    Unused:
      type: object
      properties:
        note: {type: string}
"""

/// A temporary folder holding `openapi.yaml`, optional `openapi-bindgen.yaml` and a `Templates/` folder.
struct TemplateFixture {
    let folder: URL
    var document: String { folder.appendingPathComponent("openapi.yaml").path }
    var templates: URL { folder.appendingPathComponent("Templates") }
    var configPath: String { folder.appendingPathComponent("openapi-bindgen.yaml").path }

    init(document: String = petstoreDocument, templates: [String: String] = [:], config: String? = nil) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("bindgen-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Templates"), withIntermediateDirectories: true)
        try Data(document.utf8).write(to: folder.appendingPathComponent("openapi.yaml"))
        for (name, text) in templates {
            try Data(text.utf8).write(to: folder.appendingPathComponent("Templates").appendingPathComponent(name))
        }
        try Data((config ?? "templates: Templates\n").utf8).write(to: folder.appendingPathComponent("openapi-bindgen.yaml"))
    }

    /// The configuration file as the CLI reads it; fails on configuration errors.
    func configuration() throws -> BindgenCore.Configuration {
        let diagnostics = DiagnosticCollector()
        let configuration = BindgenCore.Configuration.load(path: configPath, diagnostics: diagnostics)
        if diagnostics.hasErrors { throw DiagnosticsError(diagnostics: diagnostics.diagnostics) }
        return configuration
    }

    /// Generated files by name.
    func generate() throws -> [String: String] {
        let result = try Pipeline.generate(documentPath: document, configuration: try configuration())
        return Dictionary(uniqueKeysWithValues: result.files.map { ($0.name, $0.contents) })
    }

    /// The diagnostics of a failing run with the folder replaced by `DIR`; empty when the run succeeds.
    func failure() throws -> [String] {
        do {
            _ = try Pipeline.generate(documentPath: document, configuration: try configuration())
            return []
        } catch let error as DiagnosticsError {
            return error.diagnostics.filter { $0.severity == .error }.map { $0.description.replacingOccurrences(of: folder.path, with: "DIR") }
        }
    }

    /// Diagnostics of loading the configuration file, with the folder replaced by `DIR`.
    func configurationDiagnostics() -> [String] {
        let diagnostics = DiagnosticCollector()
        _ = BindgenCore.Configuration.load(path: configPath, diagnostics: diagnostics)
        return diagnostics.diagnostics.map { $0.description.replacingOccurrences(of: folder.path, with: "DIR") }
    }
}
