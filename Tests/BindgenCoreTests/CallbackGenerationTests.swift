import BindgenCore
import Foundation
import Testing

/// Callback payloads (OpenAPI 3.x §4.8.18) become models.
@Suite struct CallbackGenerationTests {
    static let document = """
    openapi: 3.0.3
    info: {title: Callbacks, version: '1'}
    paths:
      /streams:
        post:
          operationId: subscribe
          parameters:
            - {name: callbackUrl, in: query, required: true, schema: {type: string, format: uri}}
          responses:
            '201': {description: Subscribed}
          callbacks:
            onData:
              '{$request.query.callbackUrl}/data':
                post:
                  requestBody:
                    content:
                      application/json:
                        schema:
                          type: object
                          required: [timestamp]
                          properties:
                            timestamp: {type: string, format: date-time}
                            userData: {type: string}
                  responses:
                    '202': {description: Received}
                delete:
                  requestBody:
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/Goodbye'}
                  responses:
                    '202': {description: Received}
            onClose: {$ref: '#/components/callbacks/Closed'}
    components:
      schemas:
        Goodbye:
          type: object
          properties:
            reason: {type: string}
      callbacks:
        Closed:
          '{$request.query.callbackUrl}/closed':
            post:
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        closedAt: {type: integer, format: int64}
              responses:
                '200': {description: OK}
    """

    @Test func inlinePayloadsOfCallbacksAndReferencedCallbacksBecomeModels() throws {
        let files = try TemplateFixture(document: Self.document).generate()
        let types = try #require(files["Types.swift"])
        #expect(types.contains("public struct SubscribeOnDataPostPayload: Codable, Sendable {"), "\(types)")
        #expect(types.contains("    public var timestamp: Foundation.Date\n"))
        #expect(types.contains("    public var userData: Swift.String?\n"))
        #expect(types.contains("/// - Remark: Generated from `#/paths/~1streams/post/callbacks/onData/{$request.query.callbackUrl}~1data/post/requestBody/content/application~1json/schema`."))
        #expect(types.contains("public struct SubscribeOnClosePostPayload: Codable, Sendable {"))
        #expect(types.contains("    public var closedAt: Swift.Int64?\n"))
        // A payload given by `$ref` is its component's model; no copy is made.
        #expect(types.contains("public struct Goodbye: Codable, Sendable {"))
        #expect(!types.contains("SubscribeOnDataDeletePayload"))
    }
}
