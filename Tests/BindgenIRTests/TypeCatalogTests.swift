import BindgenDiagnostics
import BindgenIR
import OpenAPIModel
import Testing

/// The facts templates branch on, worked out in the IR: what each declared name is, and which types travel as text.
@Suite struct TypeCatalogTests {
    static let schemas = """
            Status: {type: string, enum: [on, off]}
            Level: {type: integer, enum: [1, 2]}
            Slug: {type: string, pattern: '^[a-z]+$'}
            Identifier:
              oneOf: [{type: integer}, {type: string}]
            Either:
              oneOf: [{$ref: '#/components/schemas/Identifier'}, {$ref: '#/components/schemas/Status'}]
            MaybeIdentifier:
              oneOf: [{type: integer}, {type: [string, 'null']}]
            Shape:
              oneOf: [{type: integer}, {type: object, properties: {side: {type: number}}}]
            Holder:
              type: object
              properties:
                key:
                  oneOf: [{type: integer}, {type: string}]
                mode: {type: string, enum: [a, b]}
                items: {type: array, items: {type: string}}
    """

    static func catalog() throws -> (TypeCatalog, RenderModel) {
        let (model, diagnostics) = try LoweringTests.lower(LoweringTests.document(schemas: schemas))
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        return (TypeCatalog(types: model.types), model)
    }

    @Test func enumsAliasesOfScalarsAndScalarOneOfsTravelAsText() throws {
        let (catalog, _) = try Self.catalog()
        for name in ["Status", "Level", "Slug", "Identifier", "Either"] {
            #expect(catalog.scalarTypeNames.contains(name), "\(name)")
        }
        // A nullable variant has no text; an object variant neither.
        #expect(!catalog.scalarTypeNames.contains("MaybeIdentifier"))
        #expect(!catalog.scalarTypeNames.contains("Shape"))
        #expect(!catalog.scalarTypeNames.contains("Holder"))
    }

    @Test func scalarOneOfsAreFoundThroughReferencesAndInNestedScopes() throws {
        let (catalog, model) = try Self.catalog()
        #expect(catalog.parameterValueOneOfs.contains(["Identifier"]))
        #expect(catalog.parameterValueOneOfs.contains(["Either"]), "a oneOf of scalar oneOfs and enums is one too")
        let holder = try LoweringTests.type("Holder", in: model)
        let nestedOneOf = try #require(holder.nested.first { if case .oneOf = $0.kind { true } else { false } })
        #expect(catalog.parameterValueOneOfs.contains(["Holder", nestedOneOf.name]))
        // Nested scalars are known by their own name, not by their path.
        #expect(!catalog.scalarTypeNames.contains(nestedOneOf.name), "only top-level oneOfs are scalar names")
    }

    @Test func declaredKindsCoverNestedTypes() throws {
        let (catalog, model) = try Self.catalog()
        #expect(catalog.declaredKinds["Status"] == .enumeration)
        #expect(catalog.declaredKinds["Slug"] == .alias)
        #expect(catalog.declaredKinds["Holder"] == .structure)
        #expect(catalog.declaredKinds["Shape"] == .structure)
        let holder = try LoweringTests.type("Holder", in: model)
        for nested in holder.nested {
            #expect(catalog.declaredKinds[nested.name] != nil, "\(nested.name)")
        }
    }

    @Test func usagesAreScalarByTheirUnwrappedType() throws {
        let (catalog, _) = try Self.catalog()
        #expect(catalog.isScalar(.string))
        #expect(catalog.isScalar(.named("Status")))
        #expect(!catalog.isScalar(.named("Holder")))
        #expect(!catalog.isScalar(.array(.string)))
    }
}
