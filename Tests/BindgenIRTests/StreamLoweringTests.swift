import BindgenDiagnostics
import BindgenIR
import OpenAPIModel
import Testing

/// How success bodies that stream are lowered (issue 15): a method per framing, each asking only for what it reads;
/// item types from 3.2 `itemSchema` (an event's `data` `contentSchema`) or from `schema`.
@Suite struct StreamLoweringTests {
    static func operations(_ paths: String, version: String = "3.1.0", schemas: String = "    Item: {type: object, properties: {n: {type: integer}}}")
        throws -> (operations: [OperationDeclaration], model: RenderModel, diagnostics: [Diagnostic]) {
        let yaml = """
        openapi: \(version)
        info: {title: T, version: '1'}
        paths:
        \(paths)
        components:
          schemas:
        \(schemas)
        """
        let (model, diagnostics) = try LoweringTests.lower(yaml)
        return (model.operations, model, diagnostics)
    }

    @Test func jsonAndEventsGetAMethodEachWithItsAccept() throws {
        let (operations, model, _) = try Self.operations("""
          /items:
            get:
              operationId: listItems
              responses:
                '200':
                  description: ok
                  content:
                    application/json: {schema: {$ref: '#/components/schemas/Item'}}
                    text/event-stream: {schema: {$ref: '#/components/schemas/Item'}}
                '404':
                  description: missing
                  content:
                    application/problem+json: {schema: {type: object}}
        """)
        let operation = try #require(operations.first)
        #expect(operation.success.body == .json(try LoweringTests.generated("Item", in: model)))
        #expect(operation.acceptedContentTypes == ["application/json", "application/problem+json"])
        let events = try #require(operation.streams.first)
        #expect(operation.streams.count == 1)
        #expect(events.swiftName == "listItemsEvents")
        #expect(events.framing == .serverSentEvents)
        #expect(events.contentTypes == ["text/event-stream"])
        #expect(events.item == (try LoweringTests.generated("Item", in: model)))
    }

    @Test func onlyStreamsMakeTheMethodReturnTheFirstAndTheOthersTwins() throws {
        let (operations, model, _) = try Self.operations("""
          /items:
            get:
              operationId: exportItems
              responses:
                '200':
                  description: ok
                  content:
                    application/x-ndjson: {itemSchema: {$ref: '#/components/schemas/Item'}}
                    application/json-seq: {}
                    application/jsonl: {itemSchema: {$ref: '#/components/schemas/Item'}}
                    text/event-stream: {schema: {type: string}}
        """, version: "3.2.0")
        let operation = try #require(operations.first)
        guard case .stream(let returned) = operation.success.body else { Issue.record("\(operation.success.body)"); return }
        #expect(returned.framing == .jsonLines)
        #expect(returned.contentTypes == ["application/x-ndjson", "application/jsonl"])
        #expect(returned.item == (try LoweringTests.generated("Item", in: model)))
        #expect(operation.acceptedContentTypes == ["application/x-ndjson", "application/jsonl"])
        #expect(operation.streams.map(\.swiftName) == ["exportItemsJSONSequence", "exportItemsEvents"])
        #expect(operation.streams.map(\.item) == [.jsonValue, nil])   // no schema: any JSON; a string schema: text
    }

    @Test func eventItemSchemaReadsTheDataContentSchema() throws {
        let (operations, model, diagnostics) = try Self.operations("""
          /deltas:
            post:
              operationId: streamDeltas
              responses:
                '200':
                  description: ok
                  content:
                    text/event-stream:
                      itemSchema:
                        type: object
                        properties:
                          event: {type: string}
                          data: {type: string, contentMediaType: application/json, contentSchema: {$ref: '#/components/schemas/Item'}}
          /plain:
            get:
              operationId: streamPlain
              responses:
                '200':
                  description: ok
                  content:
                    text/event-stream:
                      itemSchema: {type: object, properties: {id: {type: string}}}
        """, version: "3.2.0")
        guard case .stream(let deltas)? = operations.first?.success.body else { Issue.record("no stream"); return }
        #expect(deltas.item == (try LoweringTests.generated("Item", in: model)))
        guard case .stream(let plain)? = operations.last?.success.body else { Issue.record("no stream"); return }
        #expect(plain.item == nil)
        let warnings = diagnostics.filter { $0.severity == .warning }.map(\.message)
        #expect(warnings.contains { $0.contains("OpenAPI 3.2.0 is read as 3.1 plus `itemSchema`") })
        #expect(warnings.contains { $0.contains("has no `data` property; each event's data is read as text") })
    }

    @Test func aBinaryBodyGetsAChunksMethodNamedClearOfOtherOperations() throws {
        let (operations, _, _) = try Self.operations("""
          /report:
            get:
              operationId: getReport
              responses:
                '200':
                  description: ok
                  content:
                    application/pdf: {}
          /report/chunks:
            get:
              operationId: getReportChunks
              responses:
                '204': {description: none}
        """)
        #expect(operations.first?.success.body == .binary)
        #expect(operations.first?.streams.map(\.swiftName) == ["getReportChunks2"])
        #expect(operations.first?.streams.first?.framing == .bytes)
        #expect(operations.first?.streams.first?.contentTypes == ["application/pdf"])
        #expect(operations.last?.swiftName == "getReportChunks")
    }
}
