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

    static func id(_ name: String, in model: RenderModel) throws -> TypeID { try LoweringTests.type(name, in: model).id }

    @Test func enumsAliasesOfScalarsAndScalarOneOfsTravelAsText() throws {
        let (catalog, model) = try Self.catalog()
        for name in ["Status", "Level", "Slug", "Identifier", "Either"] {
            #expect(try catalog.scalarTypes.contains(Self.id(name, in: model)), "\(name)")
        }
        // A nullable variant has no text; an object variant neither.
        for name in ["MaybeIdentifier", "Shape", "Holder"] {
            #expect(try !catalog.scalarTypes.contains(Self.id(name, in: model)), "\(name)")
        }
    }

    @Test func scalarOneOfsAreFoundThroughReferencesAndInNestedScopes() throws {
        let (catalog, model) = try Self.catalog()
        #expect(try catalog.parameterValueOneOfs.contains(Self.id("Identifier", in: model)))
        #expect(try catalog.parameterValueOneOfs.contains(Self.id("Either", in: model)), "a oneOf of scalar oneOfs and enums is one too")
        let holder = try LoweringTests.type("Holder", in: model)
        let nestedOneOf = try #require(holder.nested.first { if case .oneOf = $0.kind { true } else { false } })
        #expect(catalog.parameterValueOneOfs.contains(nestedOneOf.id))
        #expect(!catalog.scalarTypes.contains(nestedOneOf.id), "only top-level oneOfs travel as text")
        let mode = try #require(holder.nested.first { $0.name == "Mode" })
        #expect(catalog.scalarTypes.contains(mode.id), "nested enums do")
    }

    @Test func everyDeclarationHasItsOwnNameAndKind() throws {
        let (catalog, model) = try Self.catalog()
        #expect(try catalog.declaredKinds[Self.id("Status", in: model)] == .enumeration)
        #expect(try catalog.declaredKinds[Self.id("Slug", in: model)] == .alias)
        #expect(try catalog.declaredKinds[Self.id("Holder", in: model)] == .structure)
        #expect(try catalog.declaredKinds[Self.id("Shape", in: model)] == .structure)
        let holder = try LoweringTests.type("Holder", in: model)
        for nested in holder.nested {
            #expect(catalog.name(of: nested.id) == nested.name)
            #expect(catalog.declaredKinds[nested.id] != nil, "\(nested.name)")
        }
    }

    /// Two nested types of the same name in different parents are two types: one an enum, the other a struct. (By
    /// name, the first declaration answered for both: `B.kind` was reported as an enum and sent as text.)
    @Test func nestedTypesOfTheSameNameAreToldApart() throws {
        let (model, _) = try LoweringTests.lower(LoweringTests.document(schemas: """
            A:
              type: object
              properties:
                kind: {type: string, enum: [x, y]}
            B:
              type: object
              properties:
                kind: {type: object, properties: {size: {type: integer}}}
        """))
        let catalog = TypeCatalog(types: model.types)
        let aKind = try #require(try LoweringTests.type("A", in: model).nested.first)
        let bKind = try #require(try LoweringTests.type("B", in: model).nested.first)
        #expect(aKind.name == bKind.name)
        #expect(aKind.id != bKind.id)
        #expect(catalog.declaredKinds[aKind.id] == .enumeration)
        #expect(catalog.declaredKinds[bKind.id] == .structure)
        #expect(catalog.isScalar(.generated(aKind.id)))
        #expect(!catalog.isScalar(.generated(bKind.id)))
    }

    @Test func usagesAreScalarByTheirUnwrappedType() throws {
        let (catalog, model) = try Self.catalog()
        #expect(catalog.isScalar(.string))
        #expect(try catalog.isScalar(.optional(.generated(Self.id("Status", in: model)))))
        #expect(try !catalog.isScalar(.generated(Self.id("Holder", in: model))))
        #expect(!catalog.isScalar(.array(.string)))
    }
}
