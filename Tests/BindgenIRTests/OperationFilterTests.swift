import BindgenDiagnostics
import BindgenIR
import OpenAPIModel
import Testing

/// The configuration's `filter` works on the document before lowering: what it leaves out is never lowered, so it
/// takes no type name from what it keeps.
@Suite struct OperationFilterTests {
    static let document = """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /items:
            get:
              operationId: listItems
              tags: [legacy]
              responses: {'200': {description: OK, content: {application/json: {schema: {$ref: '#/components/schemas/Item'}}}}}
          /things:
            get:
              operationId: listThings
              responses: {'200': {description: OK, content: {application/json: {schema: {$ref: '#/components/schemas/item'}}}}}
        components:
          schemas:
            Item: {type: object, properties: {id: {type: integer}}}
            item: {type: object, properties: {name: {type: string}, extra: {$ref: '#/components/schemas/Extra'}}}
            Extra: {type: object}
            Unused: {type: object}
        """

    static func lowered(_ filter: OperationFilter?) throws -> (RenderModel, [Diagnostic]) {
        try LoweringTests.lower(document, filter: filter)
    }

    @Test func withoutAFilterEveryComponentIsATypeAndNamesAreSharedOut() throws {
        let (model, _) = try Self.lowered(nil)
        #expect(model.types.map(\.name) == ["Item", "Item2", "Extra", "Unused"])
    }

    @Test func aSchemaTheFilterDropsLeavesItsNameFree() throws {
        let filter = OperationFilter(exclude: .init(tags: [ConfiguredName("legacy")]))
        let (model, diagnostics) = try Self.lowered(filter)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(model.operations.map(\.operationID) == ["listThings"])
        // `item` was `Item2` while the dropped `Item` took the plain name.
        #expect(model.types.map(\.name) == ["Item", "Extra"])
        #expect(model.types.first?.sourcePointer == "#/components/schemas/item")
    }

    @Test func includedSchemasAndUnmatchedCriteria() throws {
        let filter = OperationFilter(
            include: .init(operations: [ConfiguredName("listThings"), ConfiguredName("listThigns")], schemas: [ConfiguredName("Unused")]))
        let (model, diagnostics) = try Self.lowered(filter)
        #expect(model.types.map(\.name) == ["Item", "Extra", "Unused"])
        #expect(diagnostics.map(\.message) == ["filter.include.operations: no operation 'listThigns' in the document"])
    }
}
