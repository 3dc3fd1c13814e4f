import BindgenDiagnostics
import BindgenIR
import OpenAPIModel
import Testing

/// Schema names are handed out once, while lowering, with `names.schemas` and `typeOverrides.schemas` as inputs.
@Suite struct TypeNamerTests {
    static let document = """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths: {}
        components:
          schemas:
            Pet: {type: object, properties: {owner: {$ref: '#/components/schemas/Owner'}, money: {$ref: '#/components/schemas/Money'}}}
            pet: {type: object, properties: {friend: {$ref: '#/components/schemas/Pet'}}}
            Owner: {type: object}
            Money: {type: object, properties: {cents: {type: integer}}}
        """

    static func lower(names: [(String, String)] = [], types: [(String, String)] = []) throws -> (RenderModel, [Diagnostic]) {
        try LoweringTests.lower(document, names: names, types: types)
    }

    static func property(_ json: String, of type: String, in model: RenderModel) -> TypeUsage? {
        guard case .structure(let properties) = model.types.first(where: { $0.name == type })?.kind else { return nil }
        return properties.first { $0.jsonName == json }?.type
    }

    @Test func withoutConfigurationTheSecondPetIsNumbered() throws {
        let (model, _) = try Self.lower()
        #expect(model.types.map(\.name) == ["Pet", "Pet2", "Owner", "Money"])
    }

    @Test func aRenamedSchemaLeavesItsNameToTheNextOne() throws {
        // Renaming `Pet` used to happen after lowering, when `pet` had already become `Pet2`.
        let (model, diagnostics) = try Self.lower(names: [("Pet", "Animal")])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(model.types.map(\.name) == ["Animal", "Pet", "Owner", "Money"])
        #expect(try Self.property("friend", of: "Pet", in: model) == .optional(LoweringTests.generated("Animal", in: model)))
    }

    @Test func anOverriddenSchemaIsNotDeclaredAndEveryUseNamesTheGivenType() throws {
        let (model, diagnostics) = try Self.lower(types: [("Money", "MyKit.Money")])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(model.types.map(\.name) == ["Pet", "Pet2", "Owner"])
        #expect(Self.property("money", of: "Pet", in: model) == .optional(.external("MyKit.Money")))
    }

    @Test func anOverriddenSchemaLeavesItsNameFree() throws {
        let (model, diagnostics) = try Self.lower(names: [("Owner", "Money")], types: [("Money", "MyKit.Money")])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(model.types.map(\.name) == ["Pet", "Pet2", "Money"])
        #expect(model.types.last?.sourcePointer == "#/components/schemas/Owner")
    }

    @Test func aSpellingThatIsNoTypeIsAnError() throws {
        let (_, diagnostics) = try Self.lower(types: [("Money", "1nvalid"), ("Owner", "MyKit.Owner<Swift.Int>?")])
        #expect(diagnostics.map(\.message) == ["typeOverrides.schemas: '1nvalid' is not a Swift type"])
    }

    @Test func clashesAndUnknownKeysAreErrors() throws {
        let (_, diagnostics) = try Self.lower(names: [("Owner", "Money"), ("Nope", "X"), ("Pet", "Pet2")], types: [("Money", "Money; import Evil")])
        #expect(diagnostics.map(\.message) == [
            "typeOverrides.schemas: 'Money; import Evil' is not a Swift type",
            "names.schemas: 'Money' is already the name of another type",
            "names.schemas: no schema 'Nope' in the document",
            "names.schemas: 'Pet2' is already the name of another type",
        ])
    }
}
