import BindgenDiagnostics
import BindgenIR
import OpenAPIModel
import Testing

/// `names.operations` chooses method names while operations are lowered, so what is named after a method follows.
@Suite struct OperationNamerTests {
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

    @Test func aRenamedOperationsVariantsDeriveFromTheNewName() throws {
        let (plain, _) = try LoweringTests.lower(Self.document)
        #expect(plain.operations.map(\.swiftName) == ["listPets", "createPet", "createPetForm"])
        #expect(plain.operations.first?.responseHeadersTypeName == "ListPetsResponseHeaders")
        let (model, diagnostics) = try LoweringTests.lower(Self.document, operations: [("listPets", "fetchPets"), ("createPet", "addPet")])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let renamed = try #require(model.operations.first { $0.operationID == "listPets" })
        #expect(renamed.swiftName == "fetchPets")
        let variants = model.operations.filter { $0.operationID == "createPet" }
        #expect(variants.count == 2)
        let primary = try #require(variants.first { $0.primaryName == nil })
        let form = try #require(variants.first { $0.primaryName != nil })
        #expect(primary.swiftName == "addPet")
        #expect(form.swiftName == "addPetForm", "the variant is named after its method, as without configuration")
        #expect(form.primaryName == "addPet")
        #expect(form.bodyAlternatives.map(\.swiftName) == ["addPet"])
        #expect(primary.bodyAlternatives.map(\.swiftName) == ["addPetForm"])
    }

    @Test func aRenamedOperationLeavesItsNameToTheNextOne() throws {
        let document = """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a: {get: {operationId: pet, responses: {'204': {description: ok}}}}
              /b: {get: {operationId: Pet, responses: {'204': {description: ok}}}}
            """
        let (plain, _) = try LoweringTests.lower(document)
        #expect(plain.operations.map(\.swiftName) == ["pet", "pet2"])
        let (model, diagnostics) = try LoweringTests.lower(document, operations: [("pet", "animal")])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(model.operations.map(\.swiftName) == ["animal", "pet"])
    }

    @Test func badEntriesAreErrorsAtTheirPlaceAndChangeNothing() throws {
        let (model, diagnostics) = try LoweringTests.lower(Self.document, operations: [
            ("nothing", "x"), ("listPets", "not-a-name"), ("listPets", "init"), ("listPets", "createPet"), ("createPet", "createPet"),
        ])
        #expect(diagnostics.map(\.message) == [
            "names.operations: no operation 'nothing' in the document",
            "names.operations: 'not-a-name' is not a usable Swift method name",
            "names.operations: 'init' is not a usable Swift method name",
            "names.operations: 'createPet' is already the name of another operation",
        ])
        #expect(model.operations.map(\.swiftName) == ["listPets", "createPet", "createPetForm"])
    }
}
