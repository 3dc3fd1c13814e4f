import BindgenCore
import Foundation
import Testing

/// The configuration file's sections, and the filter, name and type overrides they drive.
@Suite struct ConfigurationTests {
    @Test func unknownKeysAreErrorsAtTheirPlace() throws {
        let fixture = try TemplateFixture(config: "accessModifier: public\nfilter:\n  include:\n    tag: [pets]\nnames:\n  schema: {Pet: Animal}\ntemplate: T\n")
        #expect(fixture.configurationDiagnostics() == [
            "DIR/openapi-bindgen.yaml:4:5: error: unknown key 'tag' in 'filter.include'; known keys: tags, operations, paths, webhooks, schemas",
            "DIR/openapi-bindgen.yaml:6:3: error: unknown key 'schema' in 'names'; known keys: schemas, properties, operations",
            "DIR/openapi-bindgen.yaml:7:1: error: unknown configuration key 'template'; known keys: accessModifier, templates, additionalImports, unknownEnumCases, modelConformances, filter, names, typeOverrides",
        ])
    }

    /// `modelConformances` sets what structs and unions conform to besides `Codable` and `Sendable`; string enums keep
    /// their own protocol.
    @Test func modelConformancesSetTheConformancesOfStructsAndUnions() throws {
        let document = shapesDocument
        func types(_ config: String) throws -> String {
            try TemplateFixture(document: document, config: config).generate().filter { $0.key.hasPrefix("Types") }.sorted { $0.key < $1.key }.map(\.value).joined()
        }
        let standard = try types("")
        #expect(standard.contains("public struct Circle: Codable, Sendable {"))
        #expect(standard.contains("public indirect enum Shape: Codable, Sendable {"))
        #expect(standard.contains("public enum Unit: BindgenRuntime.OpenSchemaEnum {"))
        let hashable = try types("modelConformances: [Hashable]\n")
        #expect(hashable.contains("public struct Circle: Codable, Hashable, Sendable {"))
        #expect(hashable.contains("public indirect enum Shape: Codable, Hashable, Sendable {"))
        #expect(try types("modelConformances: []\n") == standard)
        let equatable = try types("modelConformances: [Equatable, Sendable, MyKit.Model]\n")
        #expect(equatable.contains("public struct Square: Codable, Equatable, MyKit.Model, Sendable {"))

        let wrong = try TemplateFixture(document: document, config: "modelConformances: [Hash able]\n")
        #expect(wrong.configurationDiagnostics() == [
            "DIR/openapi-bindgen.yaml:1:20: error: 'modelConformances' must be a list of protocol names, like [Hashable] or []",
        ])
    }

    @Test func filterByTagKeepsOnlyWhatTheKeptOperationsReference() throws {
        let fixture = try TemplateFixture(config: "filter:\n  include: {tags: [stores]}\n")
        let files = try fixture.generate()
        let types = try #require(files["Types.swift"])
        #expect(types.contains("public struct Store:") && types.contains("public struct Person:"))
        #expect(!types.contains("struct Pet:") && !types.contains("enum PetType") && !types.contains("struct Unused"))
        let client = try #require(files["Client.swift"])
        #expect(client.contains("func getStore(") && !client.contains("func listPets("))
        #expect(files["Webhooks.swift"]?.contains("enum WebhookEvent") == false, "include lists no webhook")
    }

    @Test func excludeByOperationAndPathAndWebhook() throws {
        let fixture = try TemplateFixture(config: """
        filter:
          exclude:
            operations: [createPet]
            paths: ['/stores/*', /health]
            webhooks: [pet.adopted]
          include:
            schemas: [Unused]
        """)
        let files = try fixture.generate()
        let client = try #require(files["Client.swift"])
        #expect(client.contains("func listPets(") && !client.contains("func createPet(") && !client.contains("func getStore(") && !client.contains("func health("))
        let types = try #require(files["Types.swift"])
        #expect(types.contains("public struct Pet:") && types.contains("public struct Unused:") && !types.contains("struct Store:"))
        #expect(files["Webhooks.swift"]?.contains("enum WebhookEvent") == false)
    }

    @Test func filterNamesThatMatchNothingAreWarnings() throws {
        let fixture = try TemplateFixture(config: "filter:\n  include:\n    tags: [pest]\n")
        let result = try Pipeline.generate(documentPath: fixture.document, configuration: try fixture.configuration())
        #expect(result.diagnostics.map { $0.description.replacingOccurrences(of: fixture.folder.path, with: "DIR") } == [
            "DIR/openapi-bindgen.yaml:3:12: warning: filter.include.tags: no operation has the tag 'pest'",
        ])
    }

    @Test func renamedSchemaIsFollowedByEveryReference() throws {
        let fixture = try TemplateFixture(config: """
        names:
          schemas: {Pet: Animal, Person: Manager}
          properties: {Pet.pet_type: species, Store.manager: boss}
          operations: {listPets: allAnimals}
        """)
        let files = try fixture.generate()
        let types = try #require(files["Types.swift"])
        #expect(types.contains("public struct Animal: Codable, Sendable {"))
        #expect(types.contains("public var species: PetType?"))
        #expect(types.contains("case species = \"pet_type\"\n"))
        #expect(types.contains("public var boss: Manager?"))
        #expect(types.contains("public struct Manager:"))
        #expect(!types.contains("struct Pet:"))
        let client = try #require(files["Client.swift"])
        #expect(client.contains("public func allAnimals() async throws(BindgenRuntime.ClientError) -> [Animal] {"))
        #expect(client.contains("public func createPet(_ body: Animal)"))
        #expect(files["Webhooks.swift"]?.contains("case petAdopted(Animal)") == true)
    }

    @Test func renamesAndFiltersReachResponseCasesAndHeaders() throws {
        let document = """
        openapi: 3.1.0
        info: {title: Reports, version: '1'}
        components:
          schemas:
            Report: {type: object, properties: {rows: {type: integer}}}
            Job: {type: object, properties: {id: {type: string}}}
            Level: {type: string, enum: [low, high]}
            Unused: {type: string}
        paths:
          /reports:
            post:
              operationId: runReport
              responses:
                '200':
                  description: Done.
                  headers:
                    X-Level: {schema: {$ref: '#/components/schemas/Level'}}
                  content:
                    application/json: {schema: {$ref: '#/components/schemas/Report'}}
                '202':
                  description: Queued.
                  content:
                    application/json: {schema: {$ref: '#/components/schemas/Job'}}
        """
        let config = "names:\n  schemas: {Report: Summary, Level: Tier}\nfilter:\n  include:\n    operations: [runReport]\n"
        let files = try TemplateFixture(document: document, config: config).generate()
        let client = try #require(files["Client.swift"])
        #expect(client.contains("case ok(Summary)"))
        #expect(client.contains("case accepted(Job)"))
        #expect(client.contains("public var xLevel: Tier?"))
        let types = (1...4).map { files[$0 == 1 ? "Types.swift" : "Types\($0).swift"] ?? "" }.joined()
        #expect(types.contains("public struct Summary:"), "kept by the filter through the 200's body")
        #expect(types.contains("public struct Job:"), "kept through the 202's body")
        #expect(types.contains("public enum Tier:"), "kept through the header")
        #expect(!types.contains("Unused"))
    }

    @Test func formatOverridesReplaceTheBuiltInType() throws {
        let document = """
        openapi: 3.1.0
        info: {title: Links, version: '1'}
        components:
          schemas:
            Link:
              type: object
              required: [href]
              properties:
                href: {type: string, format: uri}
                seen: {type: string, format: date-time}
                tags: {type: array, items: {type: string, format: uri}}
        paths:
          /links:
            get:
              operationId: findLinks
              parameters:
                - {name: target, in: query, schema: {type: string, format: uri}}
              responses:
                '200':
                  description: OK.
                  content:
                    application/json: {schema: {$ref: '#/components/schemas/Link'}}
        """
        // By default `uri` is text: a server's "" or unescaped space never fails a response.
        let plain = try TemplateFixture(document: document).generate()
        #expect(plain["Types.swift"]?.contains("public var href: Swift.String") == true)

        let config = "typeOverrides:\n  formats: {uri: Foundation.URL, date-time: Swift.String}\n"
        let files = try TemplateFixture(document: document, config: config).generate()
        let types = try #require(files["Types.swift"])
        #expect(types.contains("public var href: Foundation.URL"))
        #expect(types.contains("public var tags: [Foundation.URL]?"))
        #expect(types.contains("public var seen: Swift.String?"))
        let endpoint = try #require(files["Endpoint.swift"])
        #expect(endpoint.contains("request.addQuery(\"target\", target)"), "still a plain scalar query item")

        let wrong = try TemplateFixture(document: document, config: "typeOverrides:\n  formats: {uri: 'My-Type!'}\n")
        #expect(try wrong.failure() == [
            "DIR/openapi-bindgen.yaml:2:18: error: typeOverrides.formats: 'My-Type!' is not a Swift type",
        ])
    }

    @Test func renamingLeavesANestedTypeOfTheSameNameAlone() throws {
        let document = petstoreDocument.replacingOccurrences(of: "    Unused:\n", with: "    Status:\n      type: string\n      enum: [open, closed]\n    Unused:\n")
        let fixture = try TemplateFixture(document: document, config: "names:\n  schemas: {Status: StoreStatus}\n")
        let types = try #require(try fixture.generate()["Types.swift"])
        #expect(types.contains("public enum StoreStatus:"))
        #expect(types.contains("public var status: Status?"), "Pet.status keeps naming the nested Pet.Status")
    }

    @Test func aNewNameMayNotBeHiddenByANestedType() throws {
        let fixture = try TemplateFixture(config: "names:\n  schemas: {Person: Status}\n")
        #expect(try fixture.failure() == [
            "DIR/openapi-bindgen.yaml:2:21: error: names.schemas: 'Status' is the name of a nested type, which would hide it where that type is used",
        ])
    }

    @Test func badOverridesAreErrorsAtTheEntry() throws {
        let fixture = try TemplateFixture(config: """
        names:
          schemas: {Pets: Animal, Store: Person}
          operations: {listPets: 'list pets'}
        typeOverrides:
          schemas: {Nope: Foundation.Decimal}
        """)
        #expect(try fixture.failure() == [
            "DIR/openapi-bindgen.yaml:5:13: error: typeOverrides.schemas: no schema 'Nope' in the document",
            "DIR/openapi-bindgen.yaml:2:13: error: names.schemas: no schema 'Pets' in the document",
            "DIR/openapi-bindgen.yaml:2:34: error: names.schemas: 'Person' is already the name of another type",
            "DIR/openapi-bindgen.yaml:3:26: error: names.operations: 'list pets' is not a usable Swift method name",
        ])
    }

    @Test func typeOverrideReplacesTheDeclarationAndEveryUsage() throws {
        let fixture = try TemplateFixture(config: "typeOverrides:\n  schemas: {Person: MyKit.Person, PetType: Swift.String}\nadditionalImports: [MyKit]\n")
        let files = try fixture.generate()
        let types = try #require(files["Types.swift"])
        #expect(!types.contains("struct Person:") && !types.contains("enum PetType"))
        #expect(types.contains("public var manager: MyKit.Person?"))
        #expect(types.contains("public var petType: Swift.String?"))
        #expect(types.hasPrefix("// Generated by openapi-bindgen from openapi.yaml. Do not edit: change the document and build again.\nimport Foundation\n@_exported import BindgenRuntime\nimport MyKit\n"))
    }
}
