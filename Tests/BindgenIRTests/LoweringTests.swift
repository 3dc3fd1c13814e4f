import BindgenDiagnostics
import BindgenIR
import OpenAPIModel
import Testing
import YAMLSource

/// The lowering stage on its own: documents in, ``RenderModel`` values out, asserted on the IR rather than on
/// rendered Swift (the golden and corpus tests cover the text).
@Suite struct LoweringTests {
    /// Reads and lowers a document given as YAML text, as the pipeline does (filter first, schema names and types
    /// while lowering); also returns the diagnostics.
    static func lower(
        _ yaml: String, filter: OperationFilter? = nil, names: [(String, String)] = [], types: [(String, String)] = [],
        operations: [(String, String)] = []
    ) throws -> (model: RenderModel, diagnostics: [Diagnostic]) {
        let tree = try YAMLReader.read(Array(yaml.utf8), file: "openapi.yaml")
        let diagnostics = DiagnosticCollector()
        var document = try DocumentParser(sources: SourceSet(rootFile: "openapi.yaml", rootTree: tree), diagnostics: diagnostics).parse()
        if let filter { document = filter.apply(to: document, diagnostics: diagnostics) }
        let mappings = { (pairs: [(String, String)]) in pairs.map { ConfiguredMapping(key: ConfiguredName($0.0), value: ConfiguredName($0.1)) } }
        let model = Lowering.lower(document, diagnostics: diagnostics, schemaNames: mappings(names), schemaTypes: mappings(types),
                                   operationNames: mappings(operations))
        return (model, diagnostics.diagnostics)
    }

    static func document(schemas: String, paths: String = "{}") -> String {
        """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths: \(paths)
        components:
          schemas:
        \(schemas)
        """
    }

    /// A use of the top-level type named `name` (``TypeUsage/generated(_:)`` holds its identity).
    static func generated(_ name: String, in model: RenderModel) throws -> TypeUsage {
        .generated(try type(name, in: model).id)
    }

    static func type(_ name: String, in model: RenderModel) throws -> TypeDeclaration {
        try #require(model.types.first { $0.name == name }, "no type \(name) in \(model.types.map(\.name))")
    }

    static func properties(of declaration: TypeDeclaration) throws -> [PropertyDeclaration] {
        guard case .structure(let properties) = declaration.kind else {
            Issue.record("\(declaration.name) is not a struct: \(declaration.kind)")
            return []
        }
        return properties
    }

    @Test func nullableReferenceIsAnOptionalOfTheReferencedType() throws {
        let (model, _) = try Self.lower(Self.document(schemas: """
            User: {type: object, properties: {login: {type: string}}}
            Issue:
              type: object
              required: [assignee]
              properties:
                assignee: {oneOf: [{$ref: '#/components/schemas/User'}, {type: 'null'}]}
        """))
        let assignee = try #require(try Self.properties(of: Self.type("Issue", in: model)).first)
        #expect(assignee.jsonName == "assignee")
        #expect(assignee.type == .optional(try Self.generated("User", in: model)))
        #expect(assignee.required)
    }

    @Test func allOfOfAScalarIsAnAliasOfTheScalar() throws {
        let (model, _) = try Self.lower(Self.document(schemas: """
            Identifier: {type: string, format: uuid}
            OrderID: {allOf: [{$ref: '#/components/schemas/Identifier'}], description: An order.}
        """))
        let order = try Self.type("OrderID", in: model)
        guard case .alias(let usage) = order.kind else {
            Issue.record("OrderID lowered to \(order.kind), not an alias")
            return
        }
        #expect(try usage == Self.generated("Identifier", in: model) || usage == .uuid)
        #expect(order.documentation == ["An order."])
    }

    @Test func discriminatorWithoutMappingUsesTheSchemaNames() throws {
        let (model, _) = try Self.lower(Self.document(schemas: """
            Cat: {type: object, required: [kind], properties: {kind: {type: string}}}
            Dog: {type: object, required: [kind], properties: {kind: {type: string}}}
            Pet:
              oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
              discriminator: {propertyName: kind}
        """))
        let pet = try Self.type("Pet", in: model)
        guard case .oneOf(let oneOf) = pet.kind else {
            Issue.record("Pet lowered to \(pet.kind)")
            return
        }
        #expect(oneOf.discriminatorProperty == "kind")
        #expect(try oneOf.variants.map(\.type) == [Self.generated("Cat", in: model), Self.generated("Dog", in: model)])
        #expect(oneOf.variants.map(\.discriminatorValues) == [["Cat"], ["Dog"]])
    }

    @Test func requiredNameWithoutASchemaIsAnyJSONValue() throws {
        let (model, _) = try Self.lower(Self.document(schemas: """
            Sink: {type: object, required: [urn], properties: {name: {type: string}}}
        """))
        let properties = try Self.properties(of: Self.type("Sink", in: model))
        let urn = try #require(properties.first { $0.jsonName == "urn" })
        #expect(urn.type == .jsonValue)
        #expect(urn.required)
        #expect(properties.first { $0.jsonName == "name" }?.type == .optional(.string))
    }

    @Test func nonJSONRequestBodiesAreKept() throws {
        let (model, _) = try Self.lower(Self.document(schemas: "    Note: {type: string}", paths: """

          /notes:
            post:
              operationId: addNote
              requestBody:
                required: true
                content:
                  text/plain: {schema: {type: string}}
              responses: {'204': {description: Added}}
        """))
        let operation = try #require(model.operations.first)
        #expect(operation.swiftName == "addNote")
        #expect(operation.method == "POST")
        let body = try #require(operation.body, "the text/plain request body was dropped")
        #expect(body.contentType == "text/plain")
        #expect(operation.success.statuses == ["204"])
    }

    /// The inline types of form fields move to the top level under the operation's prefix. A use of another nested
    /// type of the same short name (`bank_account.documents` beside the body's own `documents`) keeps pointing at its
    /// own type: by name, the promotion renamed it to the promoted sibling (Stripe's `PostAccountsDocuments`).
    @Test func promotedFormFieldTypesKeepTheirOwnNestedTypes() throws {
        let (model, diagnostics) = try Self.lower("""
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /accounts:
                post:
                  operationId: createAccount
                  requestBody:
                    content:
                      application/x-www-form-urlencoded:
                        schema:
                          type: object
                          properties:
                            documents: {type: object, properties: {license: {type: string}}}
                            bank_account:
                              type: object
                              properties:
                                documents: {type: object, properties: {statement: {type: string}}}
                  responses:
                    '204': {description: done}
            """)
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        let arguments = try #require(model.operations.first?.arguments)
        let documentsID = try #require(arguments.first { $0.wireName == "documents" }?.type.directlyGenerated)
        let bankAccountID = try #require(arguments.first { $0.wireName == "bank_account" }?.type.directlyGenerated)
        let documents = try #require(model.types.first { $0.id == documentsID })
        let bankAccount = try #require(model.types.first { $0.id == bankAccountID })
        let nested = try #require(bankAccount.nested.first)
        #expect(documents.name != nested.name, "the promoted type is prefixed: \(documents.name)")
        let member = try #require(try Self.properties(of: bankAccount).first)
        #expect(member.type.directlyGenerated == nested.id, "bank_account.documents is the nested type, not \(documents.name)")
    }

    /// Tags in order of first use, each operation once per tag, Swift names unique and never a reserved type name.
    @Test func tagsGroupOperationsInOrderOfFirstUse() throws {
        let (model, _) = try Self.lower("""
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a: {get: {operationId: a, tags: [pet store, Endpoint], responses: {'204': {description: ok}}}}
              /b: {get: {operationId: b, responses: {'204': {description: ok}}}}
              /c: {get: {operationId: c, tags: [Pet-Store, pet store, pet store], responses: {'204': {description: ok}}}}
            """)
        #expect(model.tags.map(\.name) == ["pet store", "Endpoint", "Pet-Store"])
        #expect(model.tags.map(\.operations) == [[0, 2], [0], [2]])
        #expect(model.tags.map(\.typeName) == ["PetStore", "Endpoint2", "PetStore2"])
        #expect(model.tags.map(\.memberName) == ["petStore", "endpoint", "petStore2"])
    }

    /// Operations whose success responses declare the same headers share one type, named after the headers; an
    /// operation with its own set keeps `<Operation>ResponseHeaders`.
    @Test func operationsDeclaringTheSameHeadersShareOneType() throws {
        let (model, _) = try Self.lower("""
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  operationId: a
                  responses:
                    '200': {description: ok, headers: {X-Request-Id: {$ref: '#/components/headers/RequestId'}}}
              /b:
                get:
                  operationId: b
                  responses:
                    '204': {description: ok, headers: {x-request-id: {schema: {type: string}}}}
              /c:
                get:
                  operationId: c
                  responses:
                    '200': {description: ok, headers: {X-Request-Id: {schema: {type: string}}, X-Rate-Limit: {schema: {type: integer}}}}
            components:
              headers:
                RequestId: {schema: {type: string}}
            """)
        #expect(model.responseHeaderTypes.map(\.name) == ["XRequestIdHeaders", "CResponseHeaders"])
        #expect(model.responseHeaderTypes.map(\.operations) == [[0, 1], [2]])
        #expect(model.operations.map(\.responseHeadersTypeName) == ["XRequestIdHeaders", "XRequestIdHeaders", "CResponseHeaders"])
    }
}
