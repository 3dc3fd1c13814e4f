import BindgenDiagnostics
import BindgenIR
import OpenAPIModel
import Testing

/// `names.operations` renames a method, and what is named after it follows.
@Suite struct NameOverridesTests {
    static let document = """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /pets:
            get:
              operationId: listPets
              responses:
                '200':
                  description: Pets
                  headers: {X-Request-Id: {schema: {type: string}}}
                  content: {application/json: {schema: {type: array, items: {type: string}}}}
            post:
              operationId: createPet
              requestBody:
                content:
                  application/json: {schema: {type: object}}
                  application/x-www-form-urlencoded: {schema: {type: object, properties: {name: {type: string}}}}
              responses: {'201': {description: Created}}
        """

    @Test func renamingAnOperationRenamesItsHeadersTwinAndItsMentions() throws {
        let (lowered, _) = try LoweringTests.lower(Self.document)
        let before = try #require(lowered.operations.first { $0.operationID == "listPets" })
        #expect(before.headersMethodName == "listPetsWithHeaders")
        let names = NameOverrides(operations: [
            ConfiguredMapping(key: ConfiguredName("listPets"), value: ConfiguredName("fetchPets")),
            ConfiguredMapping(key: ConfiguredName("createPet"), value: ConfiguredName("addPet")),
        ])
        let diagnostics = DiagnosticCollector()
        let model = names.apply(to: lowered, diagnostics: diagnostics)
        #expect(diagnostics.diagnostics.isEmpty, "\(diagnostics.diagnostics)")
        let renamed = try #require(model.operations.first { $0.operationID == "listPets" })
        #expect(renamed.swiftName == "fetchPets")
        #expect(renamed.headersMethodName == "fetchPetsWithHeaders")
        let variants = model.operations.filter { $0.operationID == "createPet" }
        #expect(variants.count == 2)
        let primary = try #require(variants.first { $0.primaryName == nil })
        let form = try #require(variants.first { $0.primaryName != nil })
        #expect(primary.swiftName == "addPet")
        #expect(form.primaryName == "addPet")
        #expect(form.bodyAlternatives.map(\.swiftName) == ["addPet"])
    }
}
